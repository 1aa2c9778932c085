import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { ConversationViewModel } from '../../../../src/components/conversation/view-model.js';
import type { TavusDeviceMenu } from '../../../../src/components/device-menu/device-menu.js';
import type { TavusVideoStage } from '../../../../src/components/video-stage/video-stage.js';
import { EN_STRINGS } from '../../../../src/translations/en.js';
import { toneTrack } from '../../device-check/fake-media.js';
import { canvasVideoTrack } from '../../../support/media-tracks.js';
import { onlyIn } from '../../../support/engine.js';
import { shadowQuery } from '../../../support/shadow-dom.js';
import { nextFrames, waitFor } from '../../../support/wait.js';
import { renderTestView } from '../../../support/view-host.js';
import type { TestViewHost } from '../../../support/view-host.js';
import '../../../support/view-host.js';
import { expectAccessible } from '../../../support/accessible.js';

function view(model: Partial<ConversationViewModel> = {}, width = 960): Promise<TestViewHost> {
  return renderTestView(model, { style: `width: ${width}px` });
}

const part = (host: TestViewHost, name: string) => shadowQuery(host, `[part~="${name}"]`);
const maybePart = (host: TestViewHost, name: string) =>
  host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** The texts of the polite live regions in the top bar (thinking, network, time left). */
const topBarStatuses = (host: TestViewHost) =>
  [...host.shadowRoot!.querySelectorAll('.top-start [role="status"]')].map((region) =>
    region.textContent!.trim(),
  );

const connected: Partial<ConversationViewModel> = {
  state: 'connected',
  replicaName: 'Anna',
  replicaVideo: canvasVideoTrack(),
};

describe('in a call', () => {
  afterEach(() => sinon.restore());

  describe('the call chunk', () => {
    it("adds its sheets to the element's shadow root once a call shows", async () => {
      const host = await view();
      const before = host.shadowRoot!.adoptedStyleSheets.length;
      expect(maybePart(host, 'controls') === null, 'no controls').to.equal(true);
      host.patch({ state: 'connected' });
      await host.updateComplete;
      const controls = part(host, 'controls');
      expect(host.shadowRoot!.adoptedStyleSheets.length).to.be.above(before);
      // Styled by the call's own sheet: a bar over the video.
      expect(getComputedStyle(controls).position).to.equal('absolute');
      host.patch({ state: 'reconnecting' });
      await host.updateComplete;
      host.patch({ state: 'connected' });
      await host.updateComplete;
      expect(host.shadowRoot!.adoptedStyleSheets.length, 'added once').to.equal(
        new Set(host.shadowRoot!.adoptedStyleSheets).size,
      );
    });
  });

  describe('thinking', () => {
    it('shows dots under the speaking indicator and says it once, politely', async () => {
      const host = await view(connected);
      expect(maybePart(host, 'thinking-indicator') === null, 'no thinking-indicator').to.equal(
        true,
      );
      // The live region is there before it has something to say, or it would not be announced.
      expect(topBarStatuses(host)).to.include('');

      host.patch({ thinking: true });
      await host.updateComplete;
      const dots = part(host, 'thinking-indicator');
      expect(dots.getAttribute('aria-hidden')).to.equal('true');
      const speaker = part(host, 'speaking-indicator').getBoundingClientRect();
      expect(dots.getBoundingClientRect().top).to.be.at.least(speaker.bottom);
      expect(topBarStatuses(host)).to.include('Anna is thinking…');

      host.patch({ thinking: false, replicaSpeaking: true });
      await host.updateComplete;
      expect(maybePart(host, 'thinking-indicator') === null, 'no thinking-indicator').to.equal(
        true,
      );
      expect(topBarStatuses(host)).to.not.include('Anna is thinking…');
    });

    it('names no one before the replica has a name', async () => {
      const host = await view({ ...connected, replicaName: '', thinking: true });
      expect(topBarStatuses(host)).to.include(EN_STRINGS.thinking);
    });
  });

  describe('network quality', () => {
    it('shows nothing while the connection is good or unknown', async () => {
      for (const networkQuality of [null, 'good'] as const) {
        const host = await view({ ...connected, networkQuality });
        expect(maybePart(host, 'network-indicator') === null, 'no network-indicator').to.equal(
          true,
        );
      }
    });

    it('shows a weak connection with words for screen readers, and fewer bars when very low', async () => {
      const host = await view({ ...connected, networkQuality: 'low' });
      const low = part(host, 'network-indicator');
      expect(low.closest('[role="status"]') !== null).to.equal(true);
      expect(low.textContent!.trim()).to.equal(EN_STRINGS.networkLow);
      const dimmed = () =>
        [...low.querySelectorAll('path')].filter((bar) => getComputedStyle(bar).opacity !== '1')
          .length;
      expect(dimmed()).to.equal(2);

      host.patch({ networkQuality: 'very-low' });
      await host.updateComplete;
      // What a screen reader reads: the words not hidden from it.
      const read = [...part(host, 'network-indicator').querySelectorAll('span')]
        .filter((span) => !span.closest('[aria-hidden="true"]'))
        .map((span) => span.textContent!.trim())
        .join('');
      expect(read).to.equal(EN_STRINGS.networkVeryLow);
      expect(dimmed()).to.equal(3);
    });

    it('keeps the full words for screen readers on a narrow stage, the shorter ones in view', async () => {
      const host = await view({ ...connected, networkQuality: 'very-low' }, 375);
      const indicator = part(host, 'network-indicator');
      const text = indicator.querySelector('.network-text')!;
      expect(text.getBoundingClientRect().width).to.be.at.most(1);
      expect(text.textContent).to.equal(EN_STRINGS.networkVeryLow);
      const short = indicator.querySelector('.network-short')!;
      expect(short.getBoundingClientRect().width).to.be.above(20);
      expect(short.getAttribute('aria-hidden')).to.equal('true');
    });
  });

  describe('time left', () => {
    it('counts down in a timer and says once that less than a minute is left', async () => {
      const host = await view(connected);
      expect(maybePart(host, 'countdown') === null, 'no countdown').to.equal(true);
      host.patch({ secondsLeft: 42 });
      await host.updateComplete;
      const timer = part(host, 'countdown');
      expect(timer.getAttribute('role')).to.equal('timer');
      expect(timer.getAttribute('aria-label')).to.equal(EN_STRINGS.timeLeft);
      expect(timer.textContent!.trim()).to.equal('0:42');
      expect(topBarStatuses(host)).to.include(EN_STRINGS.timeLeftNotice);

      host.patch({ secondsLeft: 9 });
      await host.updateComplete;
      expect(timer.textContent!.trim()).to.equal('0:09');
      expect(timer.classList.contains('urgent')).to.equal(true);
      // The same words: nothing new to announce each second.
      expect(
        topBarStatuses(host).filter((text) => text === EN_STRINGS.timeLeftNotice),
      ).to.have.length(1);
    });

    it('shows a whole minute as 1:00', async () => {
      const host = await view({ ...connected, secondsLeft: 60 });
      expect(part(host, 'countdown').textContent!.trim()).to.equal('1:00');
    });
  });

  it('passes axe with every indicator showing', async () => {
    const host = await view({
      ...connected,
      thinking: true,
      networkQuality: 'very-low',
      secondsLeft: 30,
    });
    await expectAccessible(host);
  });

  describe('microphone level', () => {
    it('follows the voice on the microphone control, and stops with the microphone', async () => {
      const track = toneTrack(true);
      try {
        const host = await view({ ...connected, selfAudio: track });
        const microphone = part(host, 'microphone-button');
        const level = () => Number(microphone.style.getPropertyValue('--_tavus-level') || 0);
        await waitFor(() => level() > 0.5, 'the level did not rise');
        expect(microphone.hasAttribute('data-speaking')).to.equal(true);
        const ring = getComputedStyle(microphone, '::before').boxShadow;
        expect(ring).to.not.equal('none');

        host.patch({ microphoneOn: false });
        await host.updateComplete;
        expect(level()).to.equal(0);
        expect(microphone.hasAttribute('data-speaking')).to.equal(false);
      } finally {
        track.stop();
      }
    });

    onlyIn('chromium', 'CDP media emulation').it(
      'turns on and off instead of following the voice when motion is reduced',
      async () => {
        const host = await view(connected);
        const microphone = part(host, 'microphone-button');
        const ring = () => getComputedStyle(microphone, '::before').boxShadow;
        // Set as the directive sets them: a loud level, not yet counted as speaking.
        microphone.style.setProperty('--_tavus-level', '1');
        expect(ring()).to.contain('7px');
        try {
          // Every change runs a 1 ms transition under reduced motion (shared.ts): frames pass.
          await emulateMedia({ reducedMotion: 'reduce' });
          await nextFrames();
          expect(ring()).to.equal('none');
          microphone.toggleAttribute('data-speaking', true);
          await nextFrames();
          expect(ring()).to.contain('4px');
          microphone.style.setProperty('--_tavus-level', '0.4');
          await nextFrames();
          expect(ring(), 'the same ring at any level').to.contain('4px');
        } finally {
          await emulateMedia({ reducedMotion: 'no-preference' });
        }
      },
    );

    it('stays at 0 in silence', async () => {
      const track = toneTrack(false);
      try {
        const host = await view({ ...connected, selfAudio: track });
        const microphone = part(host, 'microphone-button');
        await nextFrames();
        await nextFrames();
        expect(Number(microphone.style.getPropertyValue('--_tavus-level') || 0)).to.equal(0);
        expect(microphone.hasAttribute('data-speaking')).to.equal(false);
      } finally {
        track.stop();
      }
    });
  });

  describe('settings', () => {
    it('sits in the controls bar and switches the device picked', async () => {
      const host = await view(connected);
      const menu = shadowQuery<TavusDeviceMenu>(host, 'tavus-device-menu');
      expect(menu.closest('[part~="controls"]') !== null).to.equal(true);
      // Its parts are the element's: a page styles them with ::part().
      const style = document.createElement('style');
      style.textContent = 'test-view-host::part(settings-button) { outline-color: rgb(1, 2, 3); }';
      document.head.append(style);
      try {
        const settings = shadowQuery(menu, '[part~="settings-button"]');
        expect(getComputedStyle(settings).outlineColor).to.equal('rgb(1, 2, 3)');
      } finally {
        style.remove();
      }
      menu.dispatchEvent(
        new CustomEvent('device-change', { detail: { camera: 'cam-2' }, bubbles: true }),
      );
      expect(host.calls).to.deep.equal([['setDevices', { camera: 'cam-2' }]]);
    });

    it('plays the replica through the chosen speaker', async () => {
      // The stage sends it to the audio element (tested with the stage); no such device here.
      if ('setSinkId' in HTMLMediaElement.prototype) {
        sinon.stub(HTMLMediaElement.prototype, 'setSinkId').resolves();
      }
      const host = await view({ ...connected, devices: { speaker: 'spk-2' } });
      const stage = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
      expect(stage.speaker).to.equal('spk-2');
    });
  });
});
