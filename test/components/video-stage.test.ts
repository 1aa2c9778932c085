import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/video-stage/video-stage.js';
import type { TavusVideoStage } from '../../src/components/video-stage/video-stage.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { canvasVideoTrack, silentAudioTrack } from '../support/media-tracks.js';
import { shadowQuery } from '../support/shadow-dom.js';
import { waitFor } from '../support/wait.js';

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
      await expect(el).to.be.accessible();

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
