/**
 * No dead ends: with the chat open, a screen's action (start, join, restart, retry) stays in view
 * and takes clicks, in a phone-sized inline element and in the floating panel; the chat never
 * invites typing while the composer cannot send, and says why it cannot.
 */
import { expect } from '@open-wc/testing';
import type { ConversationViewModel } from '../../../../src/components/conversation/view-model.js';
import type { ConversationState } from '../../../../src/state/conversation-state.js';
import { EN_STRINGS } from '../../../../src/translations/en.js';
import { setViewport } from '../../../support/browser-commands.js';
import { shadowQuery } from '../../../support/shadow-dom.js';
import { message, renderTestView, type TestViewHost } from '../../../support/view-host.js';
import '../../../support/view-host.js';
import { nextFrames, waitFor } from '../../../support/wait.js';

function view(
  model: Partial<ConversationViewModel>,
  style = 'width: 375px',
): Promise<TestViewHost> {
  return renderTestView(model, { style, theme: 'light' });
}

/** The element a click at the centre of `target` lands on, through every shadow root. */
function hitAtCentre(target: Element): Element | null {
  const box = target.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** Whether a click at the centre of `target` reaches it (or something inside it). */
function clickable(target: Element): boolean {
  const hit = hitAtCentre(target);
  const box = target.getBoundingClientRect();
  const inView = box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
  return inView && composedAncestors(hit).includes(target);
}

/** The element and its ancestors, out through shadow roots to their hosts. */
function composedAncestors(element: Element | null): Element[] {
  const chain: Element[] = [];
  for (let node: Node | null = element; node;) {
    if (node instanceof Element) chain.push(node);
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return chain;
}

const part = (host: TestViewHost, name: string) => shadowQuery(host, `[part~="${name}"]`);
const drawer = (host: TestViewHost) =>
  shadowQuery<HTMLElement & { updateComplete: Promise<boolean> }>(host, 'tavus-chat-drawer');

/** Each screen with its main action, and the model that shows it. */
const SCREENS: {
  state: ConversationState;
  action: string;
  model: Partial<ConversationViewModel>;
}[] = [
  { state: 'idle', action: 'start-button', model: {} },
  {
    state: 'ended',
    action: 'restart-button',
    model: { endedReason: 'user-ended', messages: [message('replica', 'Goodbye!')] },
  },
  {
    state: 'error',
    action: 'retry-button',
    model: { error: { code: 'call-unavailable', message: 'raw detail' } },
  },
];

describe('no dead ends with the chat open', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const { state, action, model } of SCREENS) {
    it(`keeps the ${state} screen's ${action} clickable in a 375px element`, async () => {
      const host = await view({ state, chatOpen: true, ...model });
      expect(drawer(host).hidden, 'the chat is open').to.equal(false);
      const button = part(host, action);
      expect(clickable(button), `a click lands on <${hitAtCentre(button)?.localName}>`).to.equal(
        true,
      );
      // And the chat beside it stays usable too.
      expect(clickable(drawer(host)), 'the chat takes clicks').to.equal(true);
    });

    it(`keeps the ${state} screen's ${action} clickable in the floating panel`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const host = await view({ state, chatOpen: true, variant: 'floating', open: true, ...model });
      const button = part(host, action);
      expect(clickable(button), `a click lands on <${hitAtCentre(button)?.localName}>`).to.equal(
        true,
      );
    });
  }

  it('keeps Join clickable in the device check under the chat', async () => {
    const host = await view({ state: 'checking', chatOpen: true });
    await customElements.whenDefined('tavus-device-check');
    const check = shadowQuery(host, 'tavus-device-check');
    await waitFor(() => check.shadowRoot?.querySelector('[part="join-button"]'), 'no Join');
    await nextFrames();
    const join = check.shadowRoot!.querySelector('[part="join-button"]')!;
    expect(clickable(join), `a click lands on <${hitAtCentre(join)?.localName}>`).to.equal(true);
  });

  it('still shows the whole idle screen when the chat is closed', async () => {
    const host = await view({ state: 'idle', chatOpen: false }, 'width: 375px');
    expect(shadowQuery(host, '.hero-icon').getClientRects().length).to.equal(1);
    expect(shadowQuery(host, '.idle .screen-text').getClientRects().length).to.equal(1);
  });
});

describe('the chat says what the visitor can do', () => {
  const REASONS: [ConversationState, string][] = [
    ['idle', EN_STRINGS.composerDisabledIdle],
    ['checking', EN_STRINGS.composerDisabledJoining],
    ['connecting', EN_STRINGS.composerDisabledJoining],
    ['waiting', EN_STRINGS.composerDisabledJoining],
    ['reconnecting', EN_STRINGS.composerDisabledReconnecting],
    ['ended', EN_STRINGS.composerDisabledEnded],
    ['error', EN_STRINGS.composerDisabledError],
  ];

  for (const [state, reason] of REASONS) {
    it(`gives the reason for ${state}, and no invitation to type`, async () => {
      const host = await view({ state, chatOpen: true }, 'width: 960px');
      const chat = drawer(host);
      await waitFor(() => chat.shadowRoot?.querySelector('[part="composer-reason"]'), 'no reason');
      const shown = shadowQuery(chat, '[part="composer-reason"]').textContent!.trim();
      expect(shown).to.equal(reason);
      const empty = shadowQuery(host, 'slot[name="empty"][slot="empty"]').textContent!.trim();
      expect(empty).to.equal(EN_STRINGS.transcriptEmptyInactive);
      expect(shadowQuery(chat, 'textarea').hasAttribute('disabled')).to.equal(true);
    });
  }

  it('names the replica while waiting for it', async () => {
    const host = await view({ state: 'waiting', chatOpen: true, replicaName: 'Anna' });
    const chat = drawer(host);
    await waitFor(() => chat.shadowRoot?.querySelector('[part="composer-reason"]'), 'no reason');
    expect(shadowQuery(chat, '[part="composer-reason"]').textContent!.trim()).to.equal(
      'You can type once Anna has joined.',
    );
  });

  it('invites typing once connected, with no reason shown', async () => {
    const host = await view({ state: 'connected', chatOpen: true }, 'width: 960px');
    const chat = drawer(host);
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('[part="composer-reason"]')).to.equal(null);
    const empty = shadowQuery(host, 'slot[name="empty"][slot="empty"]').textContent!.trim();
    expect(empty).to.equal(EN_STRINGS.transcriptEmpty);
  });
});
