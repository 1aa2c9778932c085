/**
 * The simulator ends its tracks after the page has let go of them, one per task, video first
 * (src/simulator/media/track-ending.ts). In WebKitGTK, ending the replica's face and voice, the
 * microphone and the camera in the task where the replica left, while the element still played
 * them, deadlocked the page's web process inside GStreamer for good.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';

import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import { createSimulatedCallFactory, type SimulatedCall } from '../../src/simulator/index.js';
import {
  afterTracksEnd,
  endTrackSoon,
  tracksEnded,
} from '../../src/simulator/media/track-ending.js';
import { canvasVideoTrack, silentAudioTrack } from '../support/media-tracks.js';
import { shadowElements } from '../support/shadow-dom.js';
import { waitFor } from '../support/wait.js';

/** The tracks the element's media elements play. */
function playedTracks(el: Element): MediaStreamTrack[] {
  return shadowElements(el)
    .filter((node): node is HTMLMediaElement => node instanceof HTMLMediaElement)
    .flatMap((node) => (node.srcObject instanceof MediaStream ? node.srcObject.getTracks() : []));
}

describe('simulator: ending tracks', () => {
  afterEach(() => sinon.restore());

  it('ends each track on a later task of its own, video first, then what goes with them', async () => {
    const audio = silentAudioTrack();
    const video = canvasVideoTrack();
    const steps: string[] = [];
    // A step's microtasks run when its task is over: right after it when each has a task.
    const step = (name: string) => {
      steps.push(name);
      queueMicrotask(() => steps.push(`${name} task over`));
    };
    const stop = sinon.stub(MediaStreamTrack.prototype, 'stop').callsFake(function (
      this: MediaStreamTrack,
    ) {
      step(this.kind);
    });
    endTrackSoon(audio);
    afterTracksEnd(() => step('after'));
    endTrackSoon(video);
    const ended = tracksEnded();
    // Nothing in the task that handed them over, nor in its microtasks.
    await Promise.resolve();
    await Promise.resolve();
    expect(steps).to.deep.equal([]);
    await ended;
    expect(steps).to.deep.equal([
      'video',
      'video task over',
      'audio',
      'audio task over',
      'after',
      'after task over',
    ]);
    stop.restore();
    for (const track of [audio, video]) track.stop();
    // Nothing waiting: resolves at once.
    await tracksEnded();
  });

  it('the replica leaves, 6 times: every track ends after the element stopped playing it, and a restart connects', async () => {
    const factory = createSimulatedCallFactory({ fast: true, seed: 41, greeting: false });
    const el = await fixture<TavusConversation>(
      html`<tavus-conversation
        conversation-url="https://tavus.daily.co/c-track-ending"
        .callFactory=${factory}
      ></tavus-conversation>`,
    );
    const ended: MediaStreamTrack[] = [];
    const stillPlayed: string[] = [];
    const stop = MediaStreamTrack.prototype.stop;
    sinon.stub(MediaStreamTrack.prototype, 'stop').callsFake(function (this: MediaStreamTrack) {
      if (playedTracks(el).includes(this)) stillPlayed.push(`${this.kind} ${this.label}`);
      ended.push(this);
      stop.call(this);
    });
    for (let round = 0; round < 6; round++) {
      await el.start();
      await waitFor(() => el.state === 'connected', `round ${round}: ${el.state}`);
      const call = factory.lastCall as SimulatedCall;
      // Positive control: the element plays the replica's face and voice and the camera.
      await waitFor(() => playedTracks(el).length === 3, `round ${round}: not played`);
      const played = playedTracks(el);
      expect(played.map((track) => track.kind).sort(), `round ${round}`).to.deep.equal([
        'audio',
        'video',
        'video',
      ]);
      const changed = oneEvent(el, 'tavus-state-change');
      call.simulateReplicaLeave();
      const { detail } = await changed;
      expect(detail).to.include({ state: 'ended', reason: 'replica-left' });
      await waitFor(() => call.isDestroyed(), `round ${round}: the call was not destroyed`);
      await tracksEnded();
      expect(
        played.filter((track) => !ended.includes(track)),
        `round ${round}`,
      ).to.deep.equal([]);
    }
    expect(stillPlayed).to.deep.equal([]);
  });
});
