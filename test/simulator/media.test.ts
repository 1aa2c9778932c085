import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { SimulatedCall } from '../../src/simulator/index.js';
import { FaceRenderer } from '../../src/simulator/media/face.js';
import {
  REAL_TIME_GUARD_MS,
  ROOM_URL,
  animationFrames,
  interaction,
  newCall,
  type Recorder,
  type VirtualTime,
} from '../support/simulated-call.js';

/**
 * The replica's face and voice are real media, drawn and played on the browser's clock. The
 * conversation runs on virtual time, which stands still between steps: once the replica starts
 * speaking it goes on speaking until the test moves time on, so every measurement below waits
 * for what it expects to see or hear, however slowly the machine draws and plays.
 */
const GUARD = { timeout: REAL_TIME_GUARD_MS };

const LONG = 'one two three four five six seven eight nine ten '.repeat(6).trim();

async function replicaCall(): Promise<{
  call: SimulatedCall;
  recorder: Recorder;
  time: VirtualTime;
}> {
  const { call, recorder, time } = newCall({
    seed: 11,
    greeting: false,
    wordsPerSecond: 8,
    script: [{ match: 'count', reply: LONG }],
    syntheticMedia: true,
  });
  await time.settle(call.join({ url: ROOM_URL, startVideoOff: true, startAudioOff: true }));
  await recorder.until((m) => m.some((e) => e.event_type === 'system.replica_joined'));
  return { call, recorder, time };
}

function replicaTrack(call: SimulatedCall, kind: 'audio' | 'video'): MediaStreamTrack {
  const track = call.participants()[call.replicaSessionId as string]?.tracks[kind].track;
  if (!track) throw new Error(`no replica ${kind} track`);
  return track;
}

/** Reads the loudness (RMS) of a track whenever asked. */
class AudioMeter {
  private readonly context = new AudioContext();
  private readonly analyser = new AnalyserNode(this.context, { fftSize: 2048 });
  private readonly samples = new Float32Array(2048);

  constructor(track: MediaStreamTrack) {
    this.context.createMediaStreamSource(new MediaStream([track])).connect(this.analyser);
  }

  async start(): Promise<void> {
    await this.context.resume();
  }

  level(): number {
    this.analyser.getFloatTimeDomainData(this.samples);
    let sum = 0;
    for (const sample of this.samples) sum += sample * sample;
    return Math.sqrt(sum / this.samples.length);
  }

  /** Every reading over `frames` animation frames is below `limit`. */
  async quietFor(frames: number, limit: number): Promise<number> {
    let loudest = 0;
    for (let i = 0; i < frames; i++) {
      await animationFrames(1);
      loudest = Math.max(loudest, this.level());
    }
    expect(loudest).to.be.lessThan(limit);
    return loudest;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Pixels of the open-mouth colour in the video's current frame. */
function mouthPixels(video: HTMLVideoElement, ctx: CanvasRenderingContext2D): number {
  ctx.drawImage(video, 0, 0);
  // The mouth sits in the middle of the lower half of the face.
  const x = ctx.canvas.width / 2 - 60;
  const y = ctx.canvas.height * 0.45 + 10;
  const { data } = ctx.getImageData(x, y, 120, 80);
  let count = 0;
  for (let p = 0; p < data.length; p += 4) {
    const [r, g, b] = [data[p] as number, data[p + 1] as number, data[p + 2] as number];
    // #7a2630, allowing for colour conversion in the video pipeline.
    if (Math.abs(r - 122) < 28 && Math.abs(g - 38) < 22 && Math.abs(b - 48) < 22) count++;
  }
  return count;
}

/** A checksum of the video's current frame. */
function framePixels(video: HTMLVideoElement, ctx: CanvasRenderingContext2D): number {
  ctx.drawImage(video, 0, 0);
  const { data } = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
  let sum = 0;
  for (let p = 0; p < data.length; p += 97) sum = (sum * 31 + (data[p] as number)) % 1_000_000_007;
  return sum;
}

function frameReader(video: HTMLVideoElement): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  return canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
}

describe('simulated replica: synthetic media', () => {
  let call: SimulatedCall | undefined;
  let video: HTMLVideoElement | undefined;

  /** Plays `track` in a muted <video> on the page, once it has a picture. */
  async function playVideo(track: MediaStreamTrack): Promise<HTMLVideoElement> {
    const element = document.createElement('video');
    video = element;
    element.muted = true;
    element.srcObject = new MediaStream([track]);
    document.body.append(element);
    await element.play();
    await waitUntil(() => element.videoWidth > 0, 'no video frames', GUARD);
    return element;
  }
  afterEach(async () => {
    video?.remove();
    video = undefined;
    await call?.destroy();
    call = undefined;
  });

  it('publishes playable video and audio tracks and announces them with track-started', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await replicaCall());
    const replica = call.participants()[call.replicaSessionId as string];
    for (const kind of ['video', 'audio'] as const) {
      const state = replica?.tracks[kind];
      expect(state?.state).to.equal('playable');
      expect(state?.track?.kind).to.equal(kind);
      expect(state?.track?.readyState).to.equal('live');
      expect(state?.persistentTrack).to.equal(state?.track);
    }
    const started = recorder.events.filter(
      (e) => e.name === 'track-started' && !e.payload.participant.local,
    );
    expect(started.map((e) => e.payload.type)).to.deep.equal(['video', 'audio']);
    expect(started[0]?.payload.track).to.equal(replica?.tracks.video.track);
  });

  it('draws frames of the face into a <video>', async () => {
    ({ call } = await replicaCall());
    const playing = await playVideo(replicaTrack(call, 'video'));
    expect(playing.videoWidth).to.equal(640);
    expect(playing.videoHeight).to.equal(360);
    // New frames keep coming: the picture changes (the face breathes and sways).
    const reader = frameReader(playing);
    const first = framePixels(playing, reader);
    await waitUntil(
      () => framePixels(playing, reader) !== first,
      'the video shows one frame only',
      GUARD,
    );
  });

  it('draws the "simulated" name tag where object-fit: cover keeps it at 16:9, 4:5 and square', () => {
    const roundRect = sinon.spy(CanvasRenderingContext2D.prototype, 'roundRect');
    const fillText = sinon.spy(CanvasRenderingContext2D.prototype, 'fillText');
    let face: FaceRenderer | undefined;
    try {
      face = new FaceRenderer({ name: 'Anna', seed: 3, width: 640, height: 360 });
      expect(fillText.firstCall.args[0]).to.equal('Anna · simulated');
      const [x, y, width, height] = roundRect.firstCall.args as [number, number, number, number];
      // Below the embedding UI's top bar, above the head (which starts about 48px down).
      expect(y).to.be.at.least(24);
      expect(y + height).to.be.at.most(48);
      for (const aspect of [16 / 9, 4 / 5, 1]) {
        // Cover on a frame narrower than 16:9 keeps the full height and the middle of the width.
        const kept = 360 * aspect;
        expect(x, `aspect ${aspect}`).to.be.at.least(320 - kept / 2);
        expect(x + width, `aspect ${aspect}`).to.be.at.most(320 + kept / 2);
      }
    } finally {
      face?.stop();
      roundRect.restore();
      fillText.restore();
    }
  });

  it('moves the mouth only while speaking', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await replicaCall());
    const playing = await playVideo(replicaTrack(call, 'video'));
    const reader = frameReader(playing);
    // Silent: the mouth stays closed, frame after frame.
    let openest = 0;
    for (let i = 0; i < 10; i++) {
      await animationFrames(1);
      openest = Math.max(openest, mouthPixels(playing, reader));
    }
    expect(openest).to.be.lessThan(60);
    call.sendAppMessage(interaction('conversation.respond', { text: 'count for me' }), '*');
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
    );
    // Virtual time stands still here, so the replica speaks until the mouth was seen to move.
    expect(call.speaking).to.equal(true);
    const seen: number[] = [];
    await waitUntil(
      () => {
        seen.push(mouthPixels(playing, reader));
        return Math.max(...seen) > 200 && Math.max(...seen) - Math.min(...seen) > 60;
      },
      'the mouth did not open and close',
      GUARD,
    );
    expect(call.speaking).to.equal(true);
  });

  it('makes sound only while speaking', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await replicaCall());
    const meter = new AudioMeter(replicaTrack(call, 'audio'));
    try {
      await meter.start();
      await meter.quietFor(10, 0.002);
      call.sendAppMessage(interaction('conversation.respond', { text: 'count for me' }), '*');
      await recorder.until((m) =>
        m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
      );
      await waitUntil(() => meter.level() > 0.005, 'no sound while speaking', GUARD);
      call.sendAppMessage(interaction('conversation.interrupt'), '*');
      await recorder.until((m) =>
        m.some((e) => e.event_type === 'conversation.replica.stopped_speaking'),
      );
      // The voice fades out over a few tens of milliseconds, then stays silent.
      await waitUntil(() => meter.level() < 0.002, 'still sounding after it stopped', GUARD);
      await meter.quietFor(10, 0.002);
    } finally {
      await meter.close();
    }
  });

  it('emits track-stopped, then participant-left, when the replica leaves', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await replicaCall());
    const tracks = [replicaTrack(call, 'video'), replicaTrack(call, 'audio')];
    call.simulateReplicaLeave();
    const tail = recorder.events.slice(-3);
    expect(tail.map((e) => e.name)).to.deep.equal([
      'track-stopped',
      'track-stopped',
      'participant-left',
    ]);
    expect(tail.slice(0, 2).map((e) => e.payload.type)).to.deep.equal(['video', 'audio']);
    // The tracks end on a later task, once the page has let go of them (track-ending.ts).
    expect(tracks.map((t) => t.readyState)).to.deep.equal(['live', 'live']);
    await waitUntil(() => tracks.every((t) => t.readyState === 'ended'), 'tracks not ended', GUARD);
  });
});
