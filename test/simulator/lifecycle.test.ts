import { expect, waitUntil } from '@open-wc/testing';
import { SimulatedCall } from '../../src/simulator/index.js';
import {
  ALL_DAILY_EVENTS,
  REAL_TIME_GUARD_MS,
  ROOM_URL,
  Recorder,
  animationFrames,
  interaction,
} from '../support/simulated-call.js';

/**
 * These tests run the simulator on the browser's own clock and timers, since what they check is
 * that it releases them. They wait for conditions and for the page's own animation frames.
 */
const GUARD = { timeout: REAL_TIME_GUARD_MS };

/**
 * Watches timers, animation frames and audio contexts created by simulator code (recognised by
 * the call stack), so a test can check that nothing of it is left running.
 */
class ResourceWatch {
  readonly timeouts = new Set<number>();
  readonly frames = new Set<number>();
  readonly contexts: AudioContext[] = [];
  timeoutsCreated = 0;
  framesRequested = 0;
  private readonly restore: (() => void)[] = [];

  install(): void {
    const fromSimulator = (): boolean => (new Error().stack ?? '').includes('/src/simulator/');
    const originalSetTimeout = window.setTimeout;
    const originalClearTimeout = window.clearTimeout;
    const originalRaf = window.requestAnimationFrame;
    const originalCancelRaf = window.cancelAnimationFrame;
    const OriginalAudioContext = window.AudioContext;

    window.setTimeout = ((
      handler: (...args: unknown[]) => void,
      ms?: number,
      ...args: unknown[]
    ) => {
      if (!fromSimulator()) return originalSetTimeout(handler, ms, ...args);
      this.timeoutsCreated++;
      const id = originalSetTimeout(() => {
        this.timeouts.delete(id);
        handler(...args);
      }, ms);
      this.timeouts.add(id);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) this.timeouts.delete(id);
      originalClearTimeout(id);
    }) as typeof window.clearTimeout;
    window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
      if (!fromSimulator()) return originalRaf(callback);
      this.framesRequested++;
      const id = originalRaf((time) => {
        this.frames.delete(id);
        callback(time);
      });
      this.frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id: number): void => {
      this.frames.delete(id);
      originalCancelRaf(id);
    };
    const contexts = this.contexts;
    window.AudioContext = class extends OriginalAudioContext {
      constructor(options?: AudioContextOptions) {
        super(options);
        contexts.push(this);
      }
    };
    this.restore.push(() => {
      window.setTimeout = originalSetTimeout;
      window.clearTimeout = originalClearTimeout;
      window.requestAnimationFrame = originalRaf;
      window.cancelAnimationFrame = originalCancelRaf;
      window.AudioContext = OriginalAudioContext;
    });
  }

  uninstall(): void {
    for (const restore of this.restore.splice(0)) restore();
  }
}

function allTracks(recorder: Recorder, call: SimulatedCall): Set<MediaStreamTrack> {
  const tracks = new Set<MediaStreamTrack>();
  for (const event of recorder.events) {
    if (event.name === 'track-started') tracks.add(event.payload.track as MediaStreamTrack);
  }
  for (const participant of Object.values(call.participants())) {
    for (const state of Object.values(participant.tracks)) if (state.track) tracks.add(state.track);
  }
  return tracks;
}

describe('simulated call: lifecycle', () => {
  let watch: ResourceWatch;
  let call: SimulatedCall | undefined;
  beforeEach(() => {
    watch = new ResourceWatch();
    watch.install();
  });
  afterEach(async () => {
    await call?.destroy();
    call = undefined;
    watch.uninstall();
  });

  async function midReply(): Promise<{
    call: SimulatedCall;
    recorder: Recorder;
    tracks: Set<MediaStreamTrack>;
  }> {
    const created = new SimulatedCall({
      fast: true,
      seed: 2,
      wordsPerSecond: 10,
      latencyMs: [5, 30],
      reorderProbability: 0.2,
      heartbeatMs: 50,
    });
    const recorder = new Recorder(created, ALL_DAILY_EVENTS);
    await created.join({ url: ROOM_URL });
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
    );
    created.sendAppMessage(
      interaction('conversation.respond', { text: 'add two coffees to my cart' }),
      '*',
    );
    await recorder.until((m) =>
      m.some(
        (e) =>
          e.event_type === 'conversation.utterance.streaming' ||
          e.event_type === 'conversation.tool_call',
      ),
    );
    const tracks = allTracks(recorder, created);
    // Local camera + microphone, replica video + audio.
    expect(tracks.size).to.equal(4);
    // The watch must see the simulator at work, or the checks below prove nothing.
    expect(watch.timeoutsCreated).to.be.greaterThan(0);
    expect(watch.framesRequested).to.be.greaterThan(0);
    expect(watch.contexts).to.have.length(1);
    expect(watch.timeouts.size + watch.frames.size).to.be.greaterThan(0);
    return { call: created, recorder, tracks };
  }

  it('destroy() mid-reply leaves no timer, animation frame, audio context, track or event behind', async () => {
    let recorder: Recorder;
    let tracks: Set<MediaStreamTrack>;
    ({ call, recorder, tracks } = await midReply());
    await call.destroy();
    const eventsAtDestroy = recorder.events.length;
    const framesAtDestroy = watch.framesRequested;
    expect(watch.timeouts.size).to.equal(0);
    expect(watch.frames.size).to.equal(0);
    await waitUntil(
      () => watch.contexts.every((context) => context.state === 'closed'),
      'an audio context is still open',
      GUARD,
    );
    expect([...tracks].map((track) => track.readyState)).to.deep.equal([
      'ended',
      'ended',
      'ended',
      'ended',
    ]);
    // Ten frames later the face would have asked for ten more, and the heartbeat would be due.
    await animationFrames(10);
    expect(watch.framesRequested).to.equal(framesAtDestroy);
    expect(watch.timeouts.size).to.equal(0);
    expect(recorder.events.length - eventsAtDestroy).to.equal(0);
    // destroy() left the meeting on the way out, and then the call went silent.
    expect(recorder.names().slice(-2)).to.deep.equal(['left-meeting', 'call-instance-destroyed']);
  });

  it('leave() mid-reply stops everything too', async () => {
    let recorder: Recorder;
    let tracks: Set<MediaStreamTrack>;
    ({ call, recorder, tracks } = await midReply());
    await call.leave();
    const eventsAtLeave = recorder.events.length;
    const framesAtLeave = watch.framesRequested;
    expect(watch.timeouts.size).to.equal(0);
    expect(watch.frames.size).to.equal(0);
    await waitUntil(
      () => watch.contexts.every((context) => context.state === 'closed'),
      'an audio context is still open',
      GUARD,
    );
    expect([...tracks].every((track) => track.readyState === 'ended')).to.equal(true);
    await animationFrames(10);
    expect(watch.framesRequested).to.equal(framesAtLeave);
    expect(watch.timeouts.size).to.equal(0);
    expect(recorder.events.length).to.equal(eventsAtLeave);
    expect(recorder.names().at(-1)).to.equal('left-meeting');
  });

  it('destroy() during getUserMedia releases the devices it gets afterwards', async () => {
    let resolveMedia: (stream: MediaStream) => void = () => {};
    const pending = new Promise<MediaStream>((resolve) => {
      resolveMedia = resolve;
    });
    let asked = false;
    call = new SimulatedCall({
      fast: true,
      getUserMedia: () => {
        asked = true;
        return pending;
      },
    });
    const joining = call.join({ url: ROOM_URL }).catch((reason: unknown) => reason);
    await waitUntil(() => asked, 'the devices were not asked for', GUARD);
    await call.destroy();
    expect(typeof (await joining)).to.equal('string');
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    resolveMedia(stream);
    await waitUntil(
      () => stream.getTracks().every((track) => track.readyState === 'ended'),
      'the late devices were not released',
      GUARD,
    );
    expect(watch.timeouts.size).to.equal(0);
    expect(watch.contexts).to.have.length(0);
  });
});
