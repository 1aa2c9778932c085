import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { customElement } from 'lit/decorators.js';
import sinon from 'sinon';
import '../../src/components/video-stage/video-stage.js';
import type { TavusVideoStage } from '../../src/components/video-stage/video-stage.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { canvasVideoTrack, silentAudioTrack } from '../support/media-tracks.js';
import { sendKeys } from '../support/browser-commands.js';
import { deepActiveElement, shadowQuery } from '../support/shadow-dom.js';
import { waitFor } from '../support/wait.js';
import { expectAccessible } from '../support/accessible.js';

/** The conversation's shape: a shadow root holding a button and the video stage. */
@customElement('test-stage-host')
class TestStageHost extends LitElement {
  override render() {
    return litHtml`<button>Start</button><tavus-video-stage></tavus-video-stage>`;
  }
}

async function stage(): Promise<TavusVideoStage> {
  return fixture<TavusVideoStage>(
    html`<tavus-video-stage style="width: 480px; height: 270px"></tavus-video-stage>`,
  );
}

const video = (el: TavusVideoStage) => shadowQuery<HTMLVideoElement>(el, '[part="video"]');
const selfView = (el: TavusVideoStage) => shadowQuery<HTMLVideoElement>(el, '[part="self-view"]');
const audio = (el: TavusVideoStage) => shadowQuery<HTMLAudioElement>(el, 'audio');

describe('<tavus-video-stage>', () => {
  afterEach(() => sinon.restore());

  describe('video', () => {
    it('renders a muted, inline, autoplaying video for the replica', async () => {
      const el = await stage();
      const element = video(el);
      expect(element.muted).to.equal(true);
      expect(element.autoplay).to.equal(true);
      expect(element.hasAttribute('playsinline')).to.equal(true);
      expect(element.hidden).to.equal(true, 'hidden until there is a track');
    });

    it('attaches the replica track once, not on every render', async () => {
      const el = await stage();
      const track = canvasVideoTrack();
      el.videoTrack = track;
      await el.updateComplete;
      const stream = video(el).srcObject as MediaStream;
      expect(stream.getVideoTracks()).to.deep.equal([track]);
      expect(video(el).hidden).to.equal(false);

      el.replicaName = 'Anna';
      el.strings = { ...EN_STRINGS };
      await el.updateComplete;
      expect(video(el).srcObject).to.equal(stream);

      const next = canvasVideoTrack();
      el.videoTrack = next;
      await el.updateComplete;
      expect(video(el).srcObject).to.not.equal(stream);
      expect((video(el).srcObject as MediaStream).getVideoTracks()).to.deep.equal([next]);

      el.videoTrack = null;
      await el.updateComplete;
      expect(video(el).srcObject).to.equal(null);
    });

    it('names the video after the replica', async () => {
      const el = await stage();
      el.replicaName = 'Anna';
      await el.updateComplete;
      expect(video(el).getAttribute('aria-label')).to.equal('Video of Anna');
    });

    it('shows the self-view only with a track', async () => {
      const el = await stage();
      expect(selfView(el).hidden).to.equal(true);
      const track = canvasVideoTrack();
      el.selfTrack = track;
      await el.updateComplete;
      expect(selfView(el).hidden).to.equal(false);
      expect((selfView(el).srcObject as MediaStream).getVideoTracks()).to.deep.equal([track]);
      expect(getComputedStyle(selfView(el)).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    });

    it('keeps its playing videos out of the Tab order, still named', async () => {
      // Firefox makes a playing <video> a Tab stop (two, with its hidden controls); they are
      // pictures here, nothing to operate.
      const host = await fixture<HTMLElement>(
        html`<div>
          <button id="before">Before</button>
          <tavus-video-stage style="width: 480px; height: 270px"></tavus-video-stage>
          <button id="after">After</button>
        </div>`,
      );
      const el = host.querySelector('tavus-video-stage')!;
      el.replicaName = 'Anna';
      el.videoTrack = canvasVideoTrack();
      el.selfTrack = canvasVideoTrack();
      await el.updateComplete;
      for (const element of [video(el), selfView(el)]) {
        await waitFor(() => element.readyState >= 2 && !element.paused, 'a video did not play');
        expect(element.tabIndex, element.className).to.equal(-1);
      }
      expect(video(el).getAttribute('aria-label')).to.equal('Video of Anna');
      expect(selfView(el).getAttribute('aria-label')).to.equal(EN_STRINGS.selfView);
      host.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()?.id, 'Tab from Before').to.equal('after');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActiveElement()?.id, 'Shift+Tab from After').to.equal('before');
    });
  });

  describe('audio', () => {
    it('plays the replica audio', async () => {
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const el = await stage();
      const track = silentAudioTrack();
      el.audioTrack = track;
      await el.updateComplete;
      expect((audio(el).srcObject as MediaStream).getAudioTracks()).to.deep.equal([track]);
      // Once, on the audio element, whatever else rendered.
      expect(play.callCount).to.equal(1);
      expect(play.calledOn(audio(el))).to.equal(true);
      el.replicaName = 'Anna';
      await el.updateComplete;
      expect(play.callCount).to.equal(1);
      expect(el.shadowRoot!.querySelector('[part="sound-button"]')).to.equal(null);
    });

    it('shows "Tap to enable sound" when autoplay is refused, and plays on click', async () => {
      const play = sinon
        .stub(HTMLMediaElement.prototype, 'play')
        .rejects(new DOMException('autoplay refused', 'NotAllowedError'));
      const el = await stage();
      el.audioTrack = silentAudioTrack();
      await waitFor(() => el.shadowRoot!.querySelector('[part="sound-button"]'), 'no sound button');
      const button = shadowQuery<HTMLButtonElement>(el, '[part="sound-button"]');
      expect(button.localName).to.equal('button');
      expect(button.textContent!.trim()).to.equal(EN_STRINGS.enableSound);
      await expectAccessible(el);

      play.resolves();
      button.click();
      await waitFor(
        () => !el.shadowRoot!.querySelector('[part="sound-button"]'),
        'the button stayed',
      );
      expect(play.callCount).to.equal(2);
    });

    it('keeps the sound button while the browser still refuses', async () => {
      const play = sinon
        .stub(HTMLMediaElement.prototype, 'play')
        .rejects(new DOMException('autoplay refused', 'NotAllowedError'));
      const el = await stage();
      el.audioTrack = silentAudioTrack();
      await waitFor(() => el.shadowRoot!.querySelector('[part="sound-button"]'), 'no sound button');
      expect(play.callCount).to.equal(1);
      shadowQuery(el, '[part="sound-button"]').click();
      // The click asked the audio element to play once more, and the browser refused again.
      expect(play.callCount).to.equal(2);
      expect(play.secondCall.thisValue).to.equal(audio(el));
      await play.secondCall.returnValue.catch(() => {});
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="sound-button"]')).to.not.equal(null);
    });

    it('drops the sound button when the audio track goes away', async () => {
      sinon
        .stub(HTMLMediaElement.prototype, 'play')
        .rejects(new DOMException('autoplay refused', 'NotAllowedError'));
      const el = await stage();
      el.audioTrack = silentAudioTrack();
      await waitFor(() => el.shadowRoot!.querySelector('[part="sound-button"]'), 'no sound button');
      el.audioTrack = null;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="sound-button"]')).to.equal(null);
      expect(audio(el).srcObject).to.equal(null);
    });
  });

  describe('phones and Safari', () => {
    /** A video stage inside a shadow root with a button, like the conversation's. */
    async function inConversation(): Promise<{ el: TavusVideoStage; press: HTMLButtonElement }> {
      const host = await fixture<TestStageHost>(html`<test-stage-host></test-stage-host>`);
      await host.updateComplete;
      const el = shadowQuery<TavusVideoStage>(host, 'tavus-video-stage');
      await el.updateComplete;
      return { el, press: shadowQuery<HTMLButtonElement>(host, 'button') };
    }

    const gesture = (target: Element, type: string) =>
      target.dispatchEvent(
        type === 'keydown'
          ? new KeyboardEvent(type, { key: 'a', bubbles: true, composed: true })
          : new PointerEvent(type, { bubbles: true, composed: true }),
      );

    for (const type of ['pointerdown', 'keydown']) {
      it(`plays refused sound on the next ${type} anywhere in the conversation`, async () => {
        const play = sinon
          .stub(HTMLMediaElement.prototype, 'play')
          .rejects(new DOMException('autoplay refused', 'NotAllowedError'));
        const { el, press } = await inConversation();
        el.audioTrack = silentAudioTrack();
        await waitFor(() => el.shadowRoot!.querySelector('[part="sound-button"]'), 'no button');
        const refused = play.callCount;

        // A control: a press on the page outside the conversation is not one in it.
        gesture(document.body, type);
        expect(play.callCount).to.equal(refused);

        play.resolves();
        gesture(press, type);
        expect(play.callCount).to.equal(refused + 1);
        expect(play.lastCall.thisValue === audio(el), 'on the audio element').to.equal(true);
        await waitFor(
          () => !el.shadowRoot!.querySelector('[part="sound-button"]'),
          'the button stayed',
        );
      });
    }

    it('plays the empty audio element once in the start tap, before any sound', async () => {
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const { el, press } = await inConversation();
      gesture(press, 'pointerdown');
      expect(play.callCount).to.equal(1);
      expect(play.firstCall.thisValue === audio(el), 'on the audio element').to.equal(true);
      expect(audio(el).srcObject).to.equal(null);
      gesture(press, 'pointerdown');
      press.click();
      expect(play.callCount, 'once').to.equal(1);
    });

    it('plays on every video inline', async () => {
      const el = await stage();
      const videos = [...el.shadowRoot!.querySelectorAll('video')];
      expect(videos).to.have.length(2);
      for (const element of videos) expect(element.hasAttribute('playsinline')).to.equal(true);
    });

    describe('the page in the background', () => {
      let visibility: DocumentVisibilityState = 'visible';
      const show = (state: DocumentVisibilityState) => {
        visibility = state;
        document.dispatchEvent(new Event('visibilitychange'));
      };

      beforeEach(() => {
        visibility = 'visible';
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => visibility,
        });
      });

      afterEach(() => {
        delete (document as { visibilityState?: unknown }).visibilityState;
        delete (navigator as { wakeLock?: unknown }).wakeLock;
      });

      it('plays again what the browser paused, once the page is shown again', async () => {
        const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
        const el = await stage();
        el.videoTrack = canvasVideoTrack();
        el.audioTrack = silentAudioTrack();
        await el.updateComplete;
        const before = play.callCount;
        show('hidden');
        expect(play.callCount, 'nothing while hidden').to.equal(before);
        show('visible');
        const played = play
          .getCalls()
          .slice(before)
          .map((call) => call.thisValue);
        expect(played.length).to.equal(2);
        expect(played.includes(video(el)) && played.includes(audio(el))).to.equal(true);
      });

      it('keeps the screen on during a call, takes the lock again when shown, lets go after', async () => {
        sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
        const sentinels: { released: boolean; release: sinon.SinonStub }[] = [];
        const request = sinon.stub().callsFake(async () => {
          const sentinel = {
            released: false,
            release: sinon.stub().callsFake(async () => {
              sentinel.released = true;
            }),
          };
          sentinels.push(sentinel);
          return sentinel;
        });
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
        const el = await stage();
        expect(request.callCount, 'none before a call').to.equal(0);

        el.audioTrack = silentAudioTrack();
        await el.updateComplete;
        expect(request.calledOnceWithExactly('screen')).to.equal(true);
        await waitFor(() => sentinels.length === 1, 'no lock');

        // The browser drops the lock while the page is hidden.
        show('hidden');
        sentinels[0]!.released = true;
        show('visible');
        await waitFor(() => sentinels.length === 2, 'the lock was not taken again');

        el.audioTrack = null;
        await el.updateComplete;
        expect(sentinels[1]!.release.callCount).to.equal(1);
        show('hidden');
        show('visible');
        expect(request.callCount, 'not after the call').to.equal(2);
      });

      it('lets go of the lock when removed', async () => {
        const release = sinon.stub().resolves();
        const request = sinon.stub().resolves({ released: false, release });
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { request } });
        const el = await stage();
        el.videoTrack = canvasVideoTrack();
        await el.updateComplete;
        await waitFor(() => request.callCount === 1, 'no lock');
        await request.firstCall.returnValue;
        el.remove();
        expect(release.callCount).to.equal(1);
      });
    });

    describe('the chosen speaker', () => {
      const had = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'setSinkId');
      let setSinkId: sinon.SinonStub;

      beforeEach(() => {
        setSinkId = sinon.stub().resolves();
        Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', {
          configurable: true,
          writable: true,
          value: setSinkId,
        });
      });

      afterEach(() => {
        if (had) Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', had);
        else delete (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId;
      });

      it('plays the replica through it, and leaves the default alone', async () => {
        const el = await stage();
        expect(setSinkId.callCount, 'the default needs no call').to.equal(0);
        el.speaker = 'spk-2';
        await el.updateComplete;
        expect(setSinkId.calledOnceWithExactly('spk-2')).to.equal(true);
        expect(setSinkId.firstCall.thisValue === audio(el), 'on the audio element').to.equal(true);
        el.speaker = '';
        await el.updateComplete;
        expect(setSinkId.lastCall.args).to.deep.equal(['']);
      });
    });
  });

  describe('lifecycle', () => {
    it('releases the streams when removed and restores them when put back', async () => {
      sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const el = await stage();
      const track = canvasVideoTrack();
      el.videoTrack = track;
      el.audioTrack = silentAudioTrack();
      await el.updateComplete;
      const parent = el.parentElement!;
      el.remove();
      expect(video(el).srcObject).to.equal(null);
      expect(audio(el).srcObject).to.equal(null);
      parent.append(el);
      expect((video(el).srcObject as MediaStream).getVideoTracks()).to.deep.equal([track]);
      expect(audio(el).srcObject).to.not.equal(null);
    });
  });
});
