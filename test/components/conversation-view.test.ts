import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { ConversationViewModel } from '../../src/components/conversation/view-model.js';
import type { TavusChatDrawer } from '../../src/components/chat-drawer/chat-drawer.js';
import type { TavusVideoStage } from '../../src/components/video-stage/video-stage.js';
import type {
  EndedReason,
  MediaIssue,
  TavusErrorCode,
} from '../../src/state/conversation-state.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { canvasVideoTrack } from '../support/media-tracks.js';
import { deepActiveElement, shadowQuery } from '../support/shadow-dom.js';
import { nextFrames, settle, waitFor } from '../support/wait.js';
import { makeModel, message, renderTestView } from '../support/view-host.js';
import type { TestViewHost } from '../support/view-host.js';
import '../support/view-host.js';
import { sendKeys, setViewport } from '../support/browser-commands.js';
import { engine, onlyIn } from '../support/engine.js';
import { expectAccessible } from '../support/accessible.js';

function view(
  model: Partial<ConversationViewModel> = {},
  options: {
    width?: number;
    height?: number;
    theme?: 'light' | 'dark' | 'auto';
    dir?: 'rtl';
  } = {},
): Promise<TestViewHost> {
  const { width = 960, height, theme = 'light', dir } = options;
  const style = `width: ${width}px;${height ? ` height: ${height}px;` : ''}`;
  return renderTestView(model, { style, theme, ...(dir ? { dir } : {}) });
}

const part = (host: TestViewHost, name: string) => shadowQuery(host, `[part~="${name}"]`);
const maybePart = (host: TestViewHost, name: string) =>
  host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const drawerOf = (host: TestViewHost) => shadowQuery<TavusChatDrawer>(host, 'tavus-chat-drawer');
const chatClose = (host: TestViewHost) => shadowQuery(drawerOf(host), '[part="close-button"]');
const composerOf = (host: TestViewHost) =>
  shadowQuery<HTMLTextAreaElement>(drawerOf(host), 'textarea');
const statusText = (host: TestViewHost) => part(host, 'status').textContent!.trim();

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const connected: Partial<ConversationViewModel> = {
  state: 'connected',
  replicaName: 'Anna',
  messages: [message('replica', 'Hello! How can I help?'), message('user', 'Hi')],
};

describe('renderConversationView', () => {
  afterEach(async () => {
    if (engine === 'chromium') {
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    }
    await setViewport({ width: 800, height: 600 });
  });

  describe('idle', () => {
    it('shows a start button that starts the conversation', async () => {
      const host = await view({ replicaName: 'Anna' });
      const button = part(host, 'start-button');
      expect(button.localName).to.equal('button');
      expect(button.textContent!.trim()).to.equal(EN_STRINGS.start);
      expect(part(host, 'start-screen').textContent).to.contain('Talk with Anna');
      button.click();
      expect(host.calls).to.deep.equal([['start']]);
    });

    it('keeps focus in the panel when the start button goes away', async () => {
      const host = await view();
      part(host, 'start-button').focus();
      await sendKeys({ press: 'Enter' });
      host.patch({ state: 'connecting' });
      await host.updateComplete;
      expect(deepActiveElement()).to.equal(part(host, 'panel'));
    });

    it('starts from a custom button in the start slot', async () => {
      const host = await view();
      const custom = document.createElement('button');
      custom.slot = 'start';
      custom.textContent = 'Talk to sales';
      host.append(custom);
      await host.updateComplete;
      const slot = shadowQuery<HTMLSlotElement>(host, 'slot[name="start"]');
      expect(slot.assignedElements()).to.deep.equal([custom]);
      custom.click();
      expect(host.calls).to.deep.equal([['start']]);
    });

    it('shows the header slot at the top in every state, with the speaker after it in a call', async () => {
      const host = await view({ replicaName: 'Anna' });
      const logo = document.createElement('span');
      logo.slot = 'header';
      logo.textContent = 'Acme support';
      host.append(logo);
      await host.updateComplete;
      const slot = shadowQuery<HTMLSlotElement>(host, '[part~="header"] slot[name="header"]');
      expect(slot.assignedElements()).to.deep.equal([logo]);
      const panel = part(host, 'panel').getBoundingClientRect();
      const idleBox = logo.getBoundingClientRect();
      expect(idleBox.width).to.be.greaterThan(0);
      expect(idleBox.top - panel.top).to.be.lessThan(40);
      // It takes clicks (a link, a menu), although the bar around it lets them through.
      const hit = document.elementFromPoint(
        idleBox.left + idleBox.width / 2,
        idleBox.top + idleBox.height / 2,
      );
      // Compared as a boolean: chai's diff of two elements never finishes.
      expect(hit === logo, `the click lands on <${hit?.localName}>`).to.equal(true);

      host.patch({ ...connected, replicaVideo: canvasVideoTrack() });
      await host.updateComplete;
      const header = part(host, 'header');
      const speaker = part(host, 'speaking-indicator');
      expect(header.contains(speaker), 'the speaker is in the header part').to.equal(true);
      const following = slot.compareDocumentPosition(speaker) & Node.DOCUMENT_POSITION_FOLLOWING;
      expect(following, 'after the slot').to.not.equal(0);
      expect(logo.getBoundingClientRect().width).to.be.greaterThan(0);

      // Over the ended screen as well.
      host.patch({ state: 'ended', endedReason: 'user-ended' });
      await host.updateComplete;
      const box = logo.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      expect(top === logo, `the ended screen covers it: <${top?.localName}>`).to.equal(true);
    });

    it('shows the poster behind the start screen', async () => {
      const host = await view({ poster: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' });
      const poster = part(host, 'poster') as HTMLImageElement;
      expect(poster.getAttribute('alt')).to.equal('');
      expect(poster.src).to.contain('data:image/gif');
    });

    it('uses overridden strings', async () => {
      const host = await view({ strings: { ...EN_STRINGS, start: 'Commencer' } });
      expect(part(host, 'start-button').textContent!.trim()).to.equal('Commencer');
    });

    it('has no controls before the call', async () => {
      const host = await view();
      expect(maybePart(host, 'controls')).to.equal(null);
    });
  });

  describe('status', () => {
    it('announces connecting, waiting, connected and reconnecting politely', async () => {
      const host = await view({ state: 'connecting', replicaName: 'Anna' });
      const status = part(host, 'status');
      expect(status.getAttribute('role')).to.equal('status');
      expect(statusText(host)).to.equal(EN_STRINGS.statusConnecting);

      host.patch({ state: 'waiting' });
      await host.updateComplete;
      expect(part(host, 'status')).to.equal(status, 'one persistent live region');
      expect(statusText(host)).to.equal('Waiting for Anna to join…');

      host.patch({ state: 'connected' });
      await host.updateComplete;
      expect(statusText(host)).to.equal('Connected with Anna');
      expect(status.classList.contains('visually-hidden')).to.equal(true);

      host.patch({ state: 'reconnecting' });
      await host.updateComplete;
      expect(statusText(host)).to.equal(EN_STRINGS.statusReconnecting);
      expect(status.classList.contains('visually-hidden')).to.equal(false);
    });

    it('words the waiting line without a name when the name is unknown', async () => {
      const host = await view({ state: 'waiting' });
      expect(statusText(host)).to.equal(EN_STRINGS.statusWaiting);
    });
  });

  describe('connected', () => {
    it('plays the replica video in the video part', async () => {
      const track = canvasVideoTrack();
      const host = await view({ ...connected, replicaVideo: track });
      const stage = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
      expect(stage.getAttribute('exportparts')).to.contain('video');
      const video = shadowQuery<HTMLVideoElement>(stage, '[part="video"]');
      expect((video.srcObject as MediaStream).getVideoTracks()).to.deep.equal([track]);
    });

    it('does not re-attach the video when the model changes around it', async () => {
      const track = canvasVideoTrack();
      const host = await view({ ...connected, replicaVideo: track });
      const stage = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
      const stream = shadowQuery<HTMLVideoElement>(stage, '[part="video"]').srcObject;
      host.patch({ replicaSpeaking: true, caption: 'Hello', messages: [] });
      await host.updateComplete;
      await stage.updateComplete;
      expect(shadowQuery<HTMLVideoElement>(stage, '[part="video"]').srcObject).to.equal(stream);
    });

    it('shows who is speaking', async () => {
      const host = await view({ ...connected, replicaVideo: canvasVideoTrack() });
      const indicator = part(host, 'speaking-indicator');
      expect(indicator.textContent).to.contain('Anna');
      expect(indicator.classList.contains('active')).to.equal(false);
      host.patch({ replicaSpeaking: true });
      await host.updateComplete;
      expect(indicator.classList.contains('active')).to.equal(true);
    });

    it('shows live captions as text, not as a live region', async () => {
      const caption = 'Of course <b>now</b>';
      const host = await view({ ...connected, captionsOn: true, caption });
      const captions = part(host, 'captions');
      expect(captions.getAttribute('aria-live')).to.equal('off');
      expect(captions.textContent!.trim()).to.equal(caption);
      expect(captions.querySelector('b')).to.equal(null);

      host.patch({ captionsOn: false });
      await host.updateComplete;
      expect(maybePart(host, 'captions')).to.equal(null);
    });

    const issues: MediaIssue[] = [
      'permission-denied',
      'camera-denied',
      'microphone-denied',
      'device-in-use',
      'device-missing',
      'device-error',
    ];
    for (const issue of issues) {
      it(`explains the media issue "${issue}"`, async () => {
        const host = await view({ ...connected, mediaIssue: issue });
        const notice = part(host, 'notice');
        expect(notice.parentElement!.getAttribute('role')).to.equal('status');
        expect(notice.textContent!.trim()).to.not.equal('');
        expect(notice.textContent).to.not.contain('{');
      });
    }

    it('offers to try the devices again and the chat from the blocked-devices notice', async () => {
      const host = await view({ ...connected, mediaIssue: 'permission-denied' });
      expect(part(host, 'notice').textContent).to.contain(
        'Camera and microphone are blocked — you can still chat by typing.',
      );
      const actions = [...part(host, 'notice').querySelectorAll<HTMLButtonElement>('button')];
      expect(actions.map((button) => button.textContent!.trim())).to.deep.equal([
        EN_STRINGS.retryDevices,
        EN_STRINGS.openChat,
      ]);
      for (const button of actions) button.click();
      expect(host.calls).to.deep.equal([['retryDevices'], ['setChatOpen', true]]);
    });
  });

  describe('controls', () => {
    it('are real buttons with labels and pressed states', async () => {
      const host = await view({ ...connected, microphoneOn: true, cameraOn: false });
      const controls = part(host, 'controls');
      expect(controls.getAttribute('aria-label')).to.equal(EN_STRINGS.controlsLabel);
      const microphone = part(host, 'microphone-button');
      const camera = part(host, 'camera-button');
      const captions = part(host, 'captions-button');
      expect(microphone.localName).to.equal('button');
      expect(microphone.getAttribute('aria-label')).to.equal(EN_STRINGS.microphone);
      expect(microphone.getAttribute('aria-pressed')).to.equal('true');
      expect(microphone.textContent!.trim()).to.equal(EN_STRINGS.muteMicrophone);
      expect(camera.getAttribute('aria-label')).to.equal(EN_STRINGS.camera);
      expect(camera.getAttribute('aria-pressed')).to.equal('false');
      expect(camera.textContent!.trim()).to.equal(EN_STRINGS.cameraOn);
      expect(captions.getAttribute('aria-pressed')).to.equal('false');
      expect(part(host, 'end-button').getAttribute('aria-label')).to.equal(EN_STRINGS.end);
      for (const button of controls.querySelectorAll('button')) {
        expect(button.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      }
    });

    it('forward each press to its handler', async () => {
      const host = await view(connected);
      part(host, 'microphone-button').click();
      part(host, 'camera-button').click();
      part(host, 'captions-button').click();
      part(host, 'end-button').click();
      expect(host.calls).to.deep.equal([
        ['toggleMicrophone'],
        ['toggleCamera'],
        ['toggleCaptions'],
        ['end'],
      ]);
      await host.updateComplete;
      expect(part(host, 'microphone-button').getAttribute('aria-pressed')).to.equal('false');
      expect(part(host, 'captions-button').getAttribute('aria-pressed')).to.equal('true');
    });

    it('point the chat toggle at the drawer in the same shadow root', async () => {
      const host = await view(connected);
      const toggle = part(host, 'chat-button');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const drawer = host.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!);
      expect(drawer).to.equal(drawerOf(host));
      expect(drawer!.hidden).to.equal(true);
      toggle.click();
      await host.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(drawer!.hidden).to.equal(false);
    });

    it('disable an unavailable device with the reason, and keep it focusable', async () => {
      const host = await view({
        ...connected,
        microphoneAvailable: false,
        microphoneOn: false,
        mediaIssue: 'microphone-denied',
      });
      const microphone = part(host, 'microphone-button');
      expect(microphone.getAttribute('aria-disabled')).to.equal('true');
      expect(microphone.getAttribute('aria-pressed')).to.equal('false');
      const reason = host.shadowRoot!.getElementById(microphone.getAttribute('aria-describedby')!);
      expect(reason!.textContent).to.equal(EN_STRINGS.mediaMicrophoneDenied);
      microphone.click();
      expect(host.calls).to.deep.equal([]);
      microphone.focus();
      expect(deepActiveElement()).to.equal(microphone);
    });

    it('give an unavailable device a generic reason without a media issue', async () => {
      const host = await view({ ...connected, cameraAvailable: false });
      const camera = part(host, 'camera-button');
      const reason = host.shadowRoot!.getElementById(camera.getAttribute('aria-describedby')!);
      expect(reason!.textContent).to.equal(EN_STRINGS.cameraUnavailable);
    });
  });

  describe('ended', () => {
    const reasons: Record<EndedReason, string> = {
      'user-ended': EN_STRINGS.endedUserEnded,
      'replica-left': 'Anna left the conversation.',
      shutdown: EN_STRINGS.endedShutdown,
      left: EN_STRINGS.endedLeft,
      'time-limit': EN_STRINGS.endedTimeLimit,
      idle: EN_STRINGS.endedIdle,
    };
    for (const [reason, line] of Object.entries(reasons)) {
      it(`says why: ${reason}`, async () => {
        const host = await view({
          state: 'ended',
          endedReason: reason as EndedReason,
          replicaName: 'Anna',
        });
        expect(part(host, 'ended-screen').textContent).to.contain(line);
        expect(statusText(host)).to.equal(EN_STRINGS.endedTitle);
      });
    }

    it('restarts with the start handler', async () => {
      const host = await view({ state: 'ended', endedReason: 'user-ended' });
      part(host, 'restart-button').click();
      expect(host.calls).to.deep.equal([['start']]);
    });

    it('offers the transcript when there is one', async () => {
      const host = await view({ ...connected, state: 'ended', endedReason: 'user-ended' });
      expect(maybePart(host, 'controls')).to.equal(null);
      part(host, 'transcript-button').click();
      expect(host.calls).to.deep.equal([['setChatOpen', true]]);
      await host.updateComplete;
      expect(drawerOf(host).hidden).to.equal(false);
      expect(composerOf(host).disabled).to.equal(true);
    });

    it('keeps focus in the panel when the end button goes away', async () => {
      const host = await view(connected);
      part(host, 'end-button').focus();
      await sendKeys({ press: 'Enter' });
      expect(host.calls).to.deep.equal([['end']]);
      host.patch({ state: 'ended', endedReason: 'user-ended' });
      await host.updateComplete;
      expect(deepActiveElement()).to.equal(part(host, 'panel'));
    });
  });

  describe('error', () => {
    const codes: TavusErrorCode[] = [
      'missing-configuration',
      'invalid-url',
      'endpoint-failed',
      'endpoint-timeout',
      'call-unavailable',
      'join-failed',
      'call-failed',
    ];
    for (const code of codes) {
      it(`shows a localised line for ${code} and its code, never the element's message`, async () => {
        const host = await view({ state: 'error', error: { code, message: 'raw message' } });
        const screen = part(host, 'error');
        expect(screen.querySelector('[role="alert"]')).to.not.equal(null);
        expect(screen.textContent).to.contain(EN_STRINGS.errorTitle);
        expect(screen.textContent).to.not.contain('raw');
        expect(part(host, 'error-detail').textContent!.trim()).to.equal(`Error code: ${code}`);
      });
    }

    it('keeps a technical message off the screen, the code smaller and muted', async () => {
      const long = `Failed to load call object bundle https://c.daily.co/call-machine/versioned/0.92.2/static/call-machine-object-bundle.js: TypeError`;
      const host = await view({
        state: 'error',
        error: { code: 'call-unavailable', message: long },
      });
      const detail = part(host, 'error-detail');
      const line = shadowQuery(host, '.error .screen-text');
      expect(part(host, 'error').textContent).to.not.contain('https://');
      expect(line.textContent!.trim()).to.equal(EN_STRINGS.errorCallUnavailable);
      expect(parseFloat(getComputedStyle(detail).fontSize)).to.be.below(
        parseFloat(getComputedStyle(line).fontSize),
      );
      expect(getComputedStyle(detail).color).to.equal(getComputedStyle(line).color);
      await expectAccessible(host);
    });

    it("falls back to the element's message when the string is empty, shown once", async () => {
      const host = await view({
        state: 'error',
        error: { code: 'join-failed', message: 'The room is full.' },
        strings: { ...EN_STRINGS, errorJoinFailed: '' },
      });
      expect(part(host, 'error').textContent).to.contain('The room is full.');
      expect(maybePart(host, 'error-detail')).to.equal(null);
    });

    it('shows the localised line once when the message repeats it', async () => {
      const host = await view({
        state: 'error',
        error: { code: 'join-failed', message: EN_STRINGS.errorJoinFailed },
      });
      const text = part(host, 'error').textContent!;
      expect(text.split(EN_STRINGS.errorJoinFailed)).to.have.length(2);
    });

    it('retries with the retry handler', async () => {
      const host = await view({ state: 'error', error: { code: 'call-failed', message: '' } });
      part(host, 'retry-button').click();
      expect(host.calls).to.deep.equal([['retry']]);
    });
  });

  describe('chat', () => {
    it('forwards a sent message to the send handler', async () => {
      const host = await view({ ...connected, chatOpen: true });
      composerOf(host).focus();
      await sendKeys({ type: 'Where is my order?' });
      await sendKeys({ press: 'Enter' });
      expect(host.calls).to.deep.equal([['send', 'Where is my order?']]);
      await host.updateComplete;
      expect(composerOf(host).value).to.equal('');
    });

    it('disables the composer unless connected', async () => {
      for (const state of ['connecting', 'waiting', 'reconnecting'] as const) {
        const host = await view({ ...connected, state, chatOpen: true });
        expect(composerOf(host).disabled, state).to.equal(true);
      }
      const host = await view({ ...connected, chatOpen: true });
      expect(composerOf(host).disabled).to.equal(false);
    });

    it('feeds the empty slot into the drawer', async () => {
      const host = await view({ ...connected, messages: [], chatOpen: true });
      const custom = document.createElement('p');
      custom.slot = 'empty';
      custom.textContent = 'Ask about pricing';
      host.append(custom);
      const outer = shadowQuery<HTMLSlotElement>(host, 'slot[name="empty"]');
      expect(outer.assignedElements()).to.deep.equal([custom]);
      const inner = shadowQuery<HTMLSlotElement>(drawerOf(host), 'slot[name="empty"]');
      expect(inner.assignedElements({ flatten: true })).to.deep.equal([custom]);
    });

    it('shows messages as text', async () => {
      const attack = '<img src=x onerror="window.__viewXss = 1">';
      const host = await view({
        ...connected,
        chatOpen: true,
        messages: [message('user', attack)],
      });
      const drawer = drawerOf(host);
      expect(drawer.shadowRoot!.querySelector('img')).to.equal(null);
      expect(drawer.shadowRoot!.querySelector('.text')!.textContent).to.equal(attack);
      expect((window as { __viewXss?: number }).__viewXss).to.equal(undefined);
    });
  });

  describe('keyboard', () => {
    it('moves focus to the composer when the chat opens', async () => {
      const host = await view(connected);
      part(host, 'chat-button').focus();
      await sendKeys({ press: 'Enter' });
      await host.updateComplete;
      await drawerOf(host).updateComplete;
      expect(deepActiveElement()).to.equal(composerOf(host));
    });

    it('closes the chat on Escape and returns focus to the chat toggle', async () => {
      const host = await view(connected);
      part(host, 'chat-button').click();
      await host.updateComplete;
      await drawerOf(host).updateComplete;
      expect(deepActiveElement()).to.equal(composerOf(host));
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => deepActiveElement() === part(host, 'chat-button'));
      expect(host.calls.at(-1)).to.deep.equal(['setChatOpen', false]);
      expect(drawerOf(host).hidden).to.equal(true);
    });

    it("returns focus to the chat toggle from the drawer's close button", async () => {
      const host = await view({ ...connected, chatOpen: true });
      chatClose(host).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActiveElement() === part(host, 'chat-button'));
    });

    it('tabs through the controls, then the drawer', async () => {
      const host = await view({ ...connected, chatOpen: true });
      part(host, 'microphone-button').focus();
      const expected = [
        part(host, 'camera-button'),
        part(host, 'captions-button'),
        part(host, 'chat-button'),
        shadowQuery(shadowQuery(host, 'tavus-device-menu'), '[part~="settings-button"]'),
        part(host, 'end-button'),
        chatClose(host),
        shadowQuery(drawerOf(host), '[part="transcript"]'),
        composerOf(host),
      ];
      for (const target of expected) {
        await sendKeys({ press: 'Tab' });
        // Compared as a boolean: chai's diff of two elements never finishes.
        expect(deepActiveElement() === target, target.getAttribute('part') ?? '').to.equal(true);
      }
    });
  });

  describe('floating', () => {
    const floating: Partial<ConversationViewModel> = { variant: 'floating', replicaName: 'Anna' };

    it('shows only a launcher until opened', async () => {
      const host = await view(floating);
      const launcher = part(host, 'launcher');
      expect(launcher.localName).to.equal('button');
      expect(launcher.getAttribute('aria-expanded')).to.equal('false');
      expect(launcher.getAttribute('aria-label')).to.equal('Video conversation with Anna');
      const panel = host.shadowRoot!.getElementById(launcher.getAttribute('aria-controls')!);
      expect(panel).to.equal(part(host, 'panel'));
      expect(panel!.hidden).to.equal(true);
    });

    it('sits in the inline-end corner', async () => {
      await setViewport({ width: 1000, height: 700 });
      const host = await view(floating);
      const box = part(host, 'launcher').getBoundingClientRect();
      expect(window.innerWidth - box.right).to.be.closeTo(20, 1);
      expect(window.innerHeight - box.bottom).to.be.closeTo(20, 1);
      const rtl = await view(floating, { dir: 'rtl' });
      expect(part(rtl, 'launcher').getBoundingClientRect().left).to.be.closeTo(20, 1);
    });

    it('opens the panel and moves focus into it', async () => {
      await setViewport({ width: 1000, height: 800 });
      const host = await view(floating);
      part(host, 'launcher').focus();
      await sendKeys({ press: 'Enter' });
      expect(host.calls).to.deep.equal([['setOpen', true]]);
      await waitUntil(() => deepActiveElement() === part(host, 'start-button'));
      await settle();
      const launcher = part(host, 'launcher');
      expect(launcher.getAttribute('aria-expanded')).to.equal('true');
      const panel = part(host, 'panel');
      expect(panel.getAttribute('role')).to.equal('dialog');
      expect(getComputedStyle(panel).position).to.equal('fixed');
      const box = panel.getBoundingClientRect();
      expect(box.width).to.equal(400);
      expect(box.bottom).to.be.below(launcher.getBoundingClientRect().top);
    });

    it('collapses on Escape and returns focus to the launcher', async () => {
      const host = await view({ ...floating, open: true });
      part(host, 'start-button').focus();
      await sendKeys({ press: 'Escape' });
      expect(host.calls).to.deep.equal([['setOpen', false]]);
      await waitUntil(() => deepActiveElement() === part(host, 'launcher'));
      expect(part(host, 'panel').hidden).to.equal(true);
    });

    it('closes only the chat when Escape is pressed in the drawer', async () => {
      const host = await view({ ...floating, ...connected, variant: 'floating', open: true });
      part(host, 'chat-button').click();
      await host.updateComplete;
      await drawerOf(host).updateComplete;
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => deepActiveElement() === part(host, 'chat-button'));
      expect(host.calls).to.deep.equal([
        ['setChatOpen', true],
        ['setChatOpen', false],
      ]);
      expect(part(host, 'panel').hidden).to.equal(false);
    });

    it('collapses from its own close button', async () => {
      const host = await view({ ...floating, open: true });
      part(host, 'minimize-button').click();
      expect(host.calls).to.deep.equal([['setOpen', false]]);
      await waitUntil(() => deepActiveElement() === part(host, 'launcher'));
    });

    it('is a full-screen sheet on a phone, with no strip of the page above it', async () => {
      // MiniBrowser's window stops at about 447 px: still a phone to the sheet's media query.
      const phone = await setViewport({ width: 375, height: 700 });
      expect(phone.width).to.be.at.most(520);
      const host = await view({ ...floating, open: true });
      const panel = part(host, 'panel');
      // WebKitGTK applies a new viewport to the styles a few frames after the resize returns.
      await waitFor(
        () => panel.getBoundingClientRect().width === phone.width,
        'the panel did not take the phone width',
      );
      const box = panel.getBoundingClientRect();
      expect(box.width).to.equal(phone.width);
      expect(box.top).to.equal(0);
      expect(box.bottom).to.equal(phone.height);
      expect(getComputedStyle(panel).borderTopLeftRadius).to.equal('0px');
      expect(part(host, 'stage').getBoundingClientRect().top).to.equal(0);
      expect(getComputedStyle(part(host, 'launcher')).display).to.equal('none');
    });

    it('marks a call in progress on the launcher', async () => {
      const host = await view({ ...floating, state: 'connected' });
      expect(part(host, 'launcher').querySelector('.live-dot')).to.not.equal(null);
    });
  });

  describe('layout', () => {
    it('puts the chat beside the video in a wide element', async () => {
      await setViewport({ width: 1200, height: 800 });
      const host = await view({ ...connected, chatOpen: true }, { width: 1000 });
      await settle();
      const stage = part(host, 'stage').getBoundingClientRect();
      const chat = drawerOf(host).getBoundingClientRect();
      expect(chat.left).to.be.closeTo(stage.right, 1);
      expect(chat.width).to.be.closeTo(360, 1);
      expect(chat.height).to.be.closeTo(stage.height, 1);
    });

    it('keeps the panel height when the chat opens beside the video', async () => {
      const host = await view(connected, { width: 1000 });
      const before = part(host, 'panel').getBoundingClientRect().height;
      host.patch({ chatOpen: true });
      await host.updateComplete;
      expect(part(host, 'panel').getBoundingClientRect().height).to.equal(before);
    });

    it('slides the chat up as a sheet in a narrow element, whatever the viewport', async () => {
      await setViewport({ width: 1200, height: 800 });
      const host = await view({ ...connected, chatOpen: true }, { width: 400 });
      const panel = part(host, 'panel').getBoundingClientRect();
      const chat = drawerOf(host).getBoundingClientRect();
      expect(chat.width).to.be.closeTo(panel.width, 1);
      expect(chat.bottom).to.be.closeTo(panel.bottom, 1);
      expect(chat.top).to.be.above(panel.top);
      expect(panel.height / panel.width).to.be.closeTo(5 / 4, 0.01);
    });

    it('fills a height set on the element', async () => {
      const host = await view(connected, { width: 600 });
      host.style.height = '500px';
      await nextFrames();
      expect(part(host, 'panel').getBoundingClientRect().height).to.equal(500);
      expect(part(host, 'stage').getBoundingClientRect().height).to.equal(500);
    });

    // WebKit sized the grid from the aspect ratio and the set height (520 × 16/9 = 924px wide),
    // so the chat beside the video was cut off on the right.
    it('keeps the open chat inside the element when the page sets its height', async () => {
      const host = await view({ ...connected, chatOpen: true }, { width: 860, height: 520 });
      const box = host.getBoundingClientRect();
      const stage = part(host, 'stage').getBoundingClientRect();
      const chat = drawerOf(host).getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([860, 520]);
      expect(chat.right, 'the chat ends inside the element').to.be.at.most(box.right + 0.5);
      expect(chat.left).to.be.at.least(box.left);
      // Beside the video, the whole height, the stage taking the rest of the width.
      expect(chat.width).to.be.closeTo(360, 1);
      expect(chat.height).to.be.closeTo(520, 1);
      expect(stage.left).to.be.closeTo(box.left, 1);
      expect(stage.right).to.be.closeTo(chat.left, 1);
    });

    for (const [label, width, chatOpen] of [
      ['a 360px element', 360, false],
      ['a 420px element', 420, false],
      ['a stage narrowed by the chat', 800, true],
    ] as const) {
      it(`keeps a small self-view in the top corner, clear of the face, in ${label}`, async () => {
        await setViewport({ width: 1200, height: 900 });
        const host = await view(
          {
            ...connected,
            chatOpen,
            captionsOn: true,
            caption: 'Hello there, how are you today?',
            replicaVideo: canvasVideoTrack(),
            selfVideo: canvasVideoTrack(),
          },
          { width },
        );
        const stage = part(host, 'stage').getBoundingClientRect();
        const video = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
        const tile = shadowQuery(video, '[part="self-view"]').getBoundingClientRect();
        expect(stage.width).to.be.within(340, 460);
        expect(tile.width).to.be.at.most(80);
        expect(tile.top - stage.top).to.be.closeTo(12, 1);
        expect(stage.right - tile.right).to.be.closeTo(12, 1);
        // The face: the middle half of the width, from a quarter of the height down.
        const face = {
          left: stage.left + stage.width / 4,
          right: stage.right - stage.width / 4,
          top: stage.top + stage.height / 4,
          bottom: stage.bottom,
        };
        for (const other of [face, part(host, 'controls').getBoundingClientRect()]) {
          expect(overlaps(tile, other), JSON.stringify(other)).to.equal(false);
        }
        if (!chatOpen) {
          expect(overlaps(tile, part(host, 'captions').getBoundingClientRect())).to.equal(false);
        }
      });
    }

    it('mirrors for right-to-left', async () => {
      const host = await view({ ...connected, chatOpen: true }, { width: 1000, dir: 'rtl' });
      const stage = part(host, 'stage').getBoundingClientRect();
      const chat = drawerOf(host).getBoundingClientRect();
      expect(chat.right).to.be.closeTo(stage.left, 1);
      const speaker = (
        await view({ ...connected, replicaVideo: canvasVideoTrack() }, { dir: 'rtl' })
      )
        .shadowRoot!.querySelector('.speaker')!
        .getBoundingClientRect();
      expect(speaker.left).to.be.above(500);
    });
  });

  describe('several on a page', () => {
    it('names the panel after the replica, and generically when the name is unknown', async () => {
      const host = await view(connected);
      expect(part(host, 'panel').getAttribute('aria-label')).to.equal(
        'Video conversation with Anna',
      );
      const unnamed = await view({ ...connected, replicaName: '' });
      expect(part(unnamed, 'panel').getAttribute('aria-label')).to.equal(EN_STRINGS.panelLabel);
    });

    it('gives each conversation distinct landmarks (axe landmark-unique)', async () => {
      const model = (replicaName: string) =>
        makeModel({ ...connected, replicaName, chatOpen: true, replicaVideo: canvasVideoTrack() });
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <test-view-host style="width: 900px" .model=${model('Anna')}></test-view-host>
          <test-view-host style="width: 900px" .model=${model('Ben')}></test-view-host>
        </div>`,
      );
      await nextFrames();
      await settle();
      await expectAccessible(page);
    });

    it('keeps landmarks distinct with the same replica through distinct strings', async () => {
      const model = (example: string) =>
        makeModel({
          ...connected,
          chatOpen: true,
          strings: {
            ...EN_STRINGS,
            panelLabelNamed: `Video conversation with {name} (${example})`,
            chatTitleNamed: `Chat with {name} (${example})`,
          },
        });
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <test-view-host style="width: 900px" .model=${model('sales')}></test-view-host>
          <test-view-host style="width: 900px" .model=${model('support')}></test-view-host>
        </div>`,
      );
      await nextFrames();
      await settle();
      await expectAccessible(page);
    });
  });

  describe('theming', () => {
    const surface = (host: TestViewHost) => getComputedStyle(drawerOf(host)).backgroundColor;

    it('is light by default and dark with theme="dark"', async () => {
      const light = await view({ ...connected, chatOpen: true }, { theme: 'light' });
      expect(surface(light)).to.equal('rgb(255, 255, 255)');
      const dark = await view({ ...connected, chatOpen: true }, { theme: 'dark' });
      expect(surface(dark)).to.equal('rgb(22, 23, 28)');
      expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    });

    onlyIn('chromium', 'prefers-color-scheme emulated through CDP').it(
      'follows the system colour scheme with theme="auto"',
      async () => {
        await emulateMedia({ colorScheme: 'dark' });
        const auto = await view({ ...connected, chatOpen: true }, { theme: 'auto' });
        expect(surface(auto)).to.equal('rgb(22, 23, 28)');
        const light = await view({ ...connected, chatOpen: true }, { theme: 'light' });
        expect(surface(light)).to.equal('rgb(255, 255, 255)');
      },
    );

    it('takes public custom properties from the page', async () => {
      const host = await view({ ...connected, chatOpen: true });
      host.style.setProperty('--tavus-surface', 'rgb(1, 2, 3)');
      host.style.setProperty('--tavus-accent', 'rgb(200, 0, 100)');
      await settle();
      expect(surface(host)).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(host, 'chat-button')).backgroundColor).to.equal(
        'rgb(200, 0, 100)',
      );
    });

    onlyIn('chromium', 'prefers-reduced-motion emulated through CDP').it(
      'stops animations for reduced motion',
      async () => {
        const host = await view({ state: 'connecting' });
        const spinner = shadowQuery(host, '.spinner');
        expect(getComputedStyle(spinner).animationName).to.equal('spin');
        await emulateMedia({ reducedMotion: 'reduce' });
        expect(getComputedStyle(spinner).animationName).to.equal('none');
      },
    );

    onlyIn('chromium', 'forced-colors emulated through CDP').it(
      'draws its surfaces and controls with system colours in forced-colors mode',
      async () => {
        const host = await view({ ...connected, chatOpen: true, mediaIssue: 'camera-denied' });
        const controls = part(host, 'controls');
        expect(getComputedStyle(controls).borderTopStyle).to.equal('none');
        try {
          await executeServerCommand('emulate-forced-colors', { active: true });
          expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
          // Translucent glass over the video would vanish: outlined boxes and buttons instead.
          for (const name of ['controls', 'notice', 'end-button', 'chat-button']) {
            const style = getComputedStyle(part(host, name));
            expect(style.borderTopStyle, name).to.equal('solid');
            expect(style.borderTopWidth, name).to.equal('1px');
          }
          // A pressed toggle stands out by the Highlight colour, not by a brand colour.
          const pressed = getComputedStyle(part(host, 'chat-button')).backgroundColor;
          const plain = getComputedStyle(part(host, 'end-button')).backgroundColor;
          expect(pressed).to.not.equal(plain);
        } finally {
          await executeServerCommand('emulate-forced-colors', { active: false });
        }
      },
    );
  });

  describe('accessibility', () => {
    const states: Record<string, Partial<ConversationViewModel>> = {
      idle: {},
      connecting: { state: 'connecting' },
      waiting: { state: 'waiting', replicaName: 'Anna' },
      'connected with the drawer open': {
        ...connected,
        chatOpen: true,
        captionsOn: true,
        caption: 'Hello!',
        replicaVideo: canvasVideoTrack(),
        selfVideo: canvasVideoTrack(),
      },
      'connected with blocked devices': {
        ...connected,
        microphoneAvailable: false,
        cameraAvailable: false,
        microphoneOn: false,
        cameraOn: false,
        mediaIssue: 'permission-denied',
      },
      reconnecting: { ...connected, state: 'reconnecting' },
      ended: { ...connected, state: 'ended', endedReason: 'replica-left' },
      error: { state: 'error', error: { code: 'join-failed', message: 'failed' } },
      'floating, open': { variant: 'floating', open: true },
      'floating, closed': { variant: 'floating' },
    };
    for (const [name, model] of Object.entries(states)) {
      it(`passes axe: ${name}`, async () => {
        const host = await view(model);
        await expectAccessible(host);
      });
    }

    it('passes axe in dark mode with the drawer open', async () => {
      const host = await view({ ...connected, chatOpen: true }, { theme: 'dark' });
      await expectAccessible(host);
    });
  });
});
