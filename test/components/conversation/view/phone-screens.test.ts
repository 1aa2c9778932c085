/**
 * What a phone-sized element shows where room is short: the screen over the stage reaches under
 * the chat sheet's rounded corners (they show the screen, not the dark stage), an error keeps the
 * words a visitor can act on with the chat open, and a very weak connection is spelled out, not
 * only a small icon.
 */
import { expect } from '@open-wc/testing';
import type { ConversationViewModel } from '../../../../src/components/conversation/view-model.js';
import type { TavusVideoStage } from '../../../../src/components/video-stage/video-stage.js';
import type { ConversationState } from '../../../../src/state/conversation-state.js';
import { EN_STRINGS } from '../../../../src/translations/en.js';
import { canvasVideoTrack } from '../../../support/media-tracks.js';
import { shadowQuery } from '../../../support/shadow-dom.js';
import { message, renderTestView, type TestViewHost } from '../../../support/view-host.js';
import '../../../support/view-host.js';
import { waitFor } from '../../../support/wait.js';

/** The screenshots' phone: a 375px viewport, the element 343px wide and 640px tall. */
const PHONE = 'width: 343px; height: 640px';

function view(
  model: Partial<ConversationViewModel>,
  style = PHONE,
  dir: 'ltr' | 'rtl' = 'ltr',
): Promise<TestViewHost> {
  return renderTestView(model, { style, dir, theme: 'light' });
}

const part = (host: TestViewHost, name: string) => shadowQuery(host, `[part~="${name}"]`);
const box = (element: Element) => element.getBoundingClientRect();

/** Shown to the eye: laid out, not hidden, not clipped down to a pixel. */
function seen(element: Element): boolean {
  const rect = box(element);
  const style = getComputedStyle(element);
  return rect.width > 4 && rect.height > 4 && style.visibility === 'visible';
}

describe('a phone-sized element', () => {
  describe("the chat sheet's rounded corners", () => {
    const SCREENS: [ConversationState, Partial<ConversationViewModel>][] = [
      ['idle', {}],
      ['checking', {}],
      ['ended', { endedReason: 'user-ended', messages: [message('replica', 'Goodbye!')] }],
      ['error', { error: { code: 'call-unavailable', message: 'raw detail' } }],
    ];

    for (const [state, model] of SCREENS) {
      it(`show the ${state} screen, whose content stays above the sheet`, async () => {
        const host = await view({ state, chatOpen: true, ...model });
        const chat = shadowQuery(host, 'tavus-chat-drawer');
        const screen = shadowQuery(host, '.screen');
        const radius = parseFloat(getComputedStyle(chat).borderTopLeftRadius);
        expect(radius, 'the sheet has rounded corners').to.be.above(4);
        const sheet = box(chat);
        // The screen's box runs under the sheet as far as its corners are rounded (a point there
        // is not a test: WebKit's hit testing ignores the sheet's rounded clip)...
        expect(box(screen).bottom).to.be.closeTo(sheet.top + radius, 1);
        // ...and under both of them, across the sheet's width.
        expect(box(screen).left).to.be.at.most(sheet.left + 0.5);
        expect(box(screen).right).to.be.at.least(sheet.right - 0.5);
        // What the screen shows still ends above the sheet.
        const content = shadowQuery(host, '.screen > *');
        expect(box(content).bottom).to.be.at.most(sheet.top + 0.5);
      });
    }
  });

  describe('an error with the chat open', () => {
    const error = {
      code: 'call-unavailable' as const,
      message: 'Failed to load call object bundle',
    };

    it('keeps the advice in view, whole, above the sheet, with Try again', async () => {
      const host = await view({ state: 'error', chatOpen: true, error });
      const advice = shadowQuery(host, '.error .screen-text');
      expect(advice.textContent!.trim()).to.equal(EN_STRINGS.errorCallUnavailable);
      expect(seen(advice), 'the advice is shown').to.equal(true);
      // Not clamped here: every line of it shows, "Check your connection" among them.
      expect(advice.scrollHeight).to.be.at.most(advice.clientHeight + 1);
      const sheet = box(shadowQuery(host, 'tavus-chat-drawer'));
      expect(box(advice).bottom).to.be.at.most(sheet.top);
      expect(box(part(host, 'retry-button')).bottom).to.be.at.most(sheet.top);
      expect(seen(shadowQuery(host, '.error .screen-title')), 'the title').to.equal(true);
    });

    it('keeps the advice when the screen is shorter still, before its title', async () => {
      const host = await view(
        { state: 'error', chatOpen: true, error },
        'width: 343px; height: 480px',
      );
      const advice = shadowQuery(host, '.error .screen-text');
      expect(seen(advice), 'the advice is shown').to.equal(true);
      const sheet = box(shadowQuery(host, 'tavus-chat-drawer'));
      expect(box(advice).bottom).to.be.at.most(sheet.top);
      expect(box(part(host, 'retry-button')).bottom).to.be.at.most(sheet.top);
      // The title gives way to the eye only: the alert still holds it.
      const title = shadowQuery(host, '.error .screen-title');
      expect(seen(title), 'the title is shown').to.equal(false);
      expect(title.textContent!.trim()).to.equal(EN_STRINGS.errorTitle);
    });
  });

  describe('a very weak connection', () => {
    const call: Partial<ConversationViewModel> = {
      state: 'connected',
      replicaName: 'Anna',
      replicaVideo: canvasVideoTrack(),
      selfVideo: canvasVideoTrack(),
      networkQuality: 'very-low',
    };

    for (const dir of ['ltr', 'rtl'] as const) {
      it(`says so in words on a phone, clear of the self-view (${dir})`, async () => {
        const host = await view(call, PHONE, dir);
        const indicator = part(host, 'network-indicator');
        const short = shadowQuery(host, '.network-short');
        expect(short.textContent!.trim()).to.equal(EN_STRINGS.networkLow);
        expect(seen(short), 'the words are shown').to.equal(true);
        // Whole, not cut off.
        expect(short.scrollWidth).to.be.at.most(short.clientWidth + 1);
        // On the danger colour (the default --tavus-danger), not the other pills' dark glass.
        expect(getComputedStyle(indicator).backgroundColor).to.equal('rgb(217, 45, 58)');
        // Screen readers get the full words, once.
        expect(shadowQuery(host, '.network-text').textContent!.trim()).to.equal(
          EN_STRINGS.networkVeryLow,
        );
        expect(short.getAttribute('aria-hidden')).to.equal('true');
        // Clear of the self-view in the top inline-end corner.
        const stage = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
        await waitFor(() => stage.shadowRoot?.querySelector('[part="self-view"]'), 'no self-view');
        const tile = box(stage.shadowRoot!.querySelector('[part="self-view"]')!);
        const pill = box(indicator);
        const apart = pill.right <= tile.left || tile.right <= pill.left || pill.top >= tile.bottom;
        expect(apart, 'the pill is clear of the self-view').to.equal(true);
      });
    }

    it('gives its full words on a wide stage', async () => {
      const host = await view(call, 'width: 900px');
      expect(seen(shadowQuery(host, '.network-text')), 'the full words').to.equal(true);
      expect(shadowQuery(host, '.network-short').getClientRects().length).to.equal(0);
    });

    it('keeps a weak (not very weak) connection to its own words on a phone', async () => {
      const host = await view({ ...call, networkQuality: 'low' });
      const text = shadowQuery(host, '.network-text');
      expect(text.textContent!.trim()).to.equal(EN_STRINGS.networkLow);
      expect(seen(text), 'the words are shown').to.equal(true);
      expect(host.shadowRoot!.querySelector('.network-short')).to.equal(null);
    });
  });
});
