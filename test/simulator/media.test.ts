import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { SimulatedCall } from '../../src/simulator/index.js';
import { FaceRenderer } from '../../src/simulator/media/face.js';
import { ALL_DAILY_EVENTS, ROOM_URL, Recorder, interaction } from './helpers.js';

const LONG = 'one two three four five six seven eight nine ten '.repeat(6).trim();

async function replicaCall(): Promise<{ call: SimulatedCall; recorder: Recorder }> {
  const call = new SimulatedCall({
    fast: true,
    seed: 11,
    greeting: false,
    wordsPerSecond: 8,
    script: [{ match: 'count', reply: LONG }],
  });
  const recorder = new Recorder(call, ALL_DAILY_EVENTS);
  await call.join({ url: ROOM_URL, startVideoOff: true, startAudioOff: true });
  await waitUntil(() => call.replicaSessionId !== null, 'replica did not join');
  await recorder.until((m) => m.some((e) => e.event_type === 'system.replica_joined'));
  return { call, recorder };
}

function replicaTrack(call: SimulatedCall, kind: 'audio' | 'video'): MediaStreamTrack {
  const track = call.participants()[call.replicaSessionId as string]?.tracks[kind].track;
  if (!track) throw new Error(`no replica ${kind} track`);
  return track;
}

/** RMS of the replica's audio over ~100 ms. */
async function loudness(track: MediaStreamTrack): Promise<number> {
  const context = new AudioContext();
  try {
    await context.resume();
    const analyser = new AnalyserNode(context, { fftSize: 2048 });
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      peak = Math.max(peak, Math.sqrt(sum / samples.length));
    }
    return peak;
  } finally {
    await context.close();
  }
}

/** Pixels of the open-mouth colour in frames of the video, sampled over ~300 ms. */
async function mouthPixels(video: HTMLVideoElement): Promise<number[]> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
  const counts: number[] = [];
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    ctx.drawImage(video, 0, 0);
    // The mouth sits in the middle of the lower half of the face.
    const x = canvas.width / 2 - 60;
    const y = canvas.height * 0.45 + 10;
    const { data } = ctx.getImageData(x, y, 120, 80);
    let count = 0;
    for (let p = 0; p < data.length; p += 4) {
      const [r, g, b] = [data[p] as number, data[p + 1] as number, data[p + 2] as number];
      // #7a2630, allowing for colour conversion in the video pipeline.
      if (Math.abs(r - 122) < 28 && Math.abs(g - 38) < 22 && Math.abs(b - 48) < 22) count++;
    }
    counts.push(count);
  }
  return counts;
}

describe('simulated replica: synthetic media', () => {
  let call: SimulatedCall | undefined;
  let video: HTMLVideoElement | undefined;
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
    video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([replicaTrack(call, 'video')]);
    document.body.append(video);
    await video.play();
    await waitUntil(() => (video as HTMLVideoElement).videoWidth > 0, 'no video frames');
    expect(video.videoWidth).to.equal(640);
    expect(video.videoHeight).to.equal(360);
    let frames = 0;
    await new Promise<void>((resolve) => {
      const onFrame = (): void => {
        frames++;
        if (frames >= 5) resolve();
        else video?.requestVideoFrameCallback(onFrame);
      };
      video?.requestVideoFrameCallback(onFrame);
    });
    expect(frames).to.equal(5);
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
    video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([replicaTrack(call, 'video')]);
    document.body.append(video);
    await video.play();
    await waitUntil(() => (video as HTMLVideoElement).videoWidth > 0);
    const silent = await mouthPixels(video);
    call.sendAppMessage(interaction('conversation.respond', { text: 'count for me' }), '*');
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
    );
    const speaking = await mouthPixels(video);
    expect(call.speaking).to.equal(true);
    expect(Math.max(...silent)).to.be.lessThan(60);
    expect(Math.max(...speaking)).to.be.greaterThan(200);
    expect(Math.max(...speaking) - Math.min(...speaking)).to.be.greaterThan(
      60,
      'the mouth opens and closes',
    );
  });

  it('makes sound only while speaking', async () => {
    let recorder: Recorder;
    ({ call, recorder } = await replicaCall());
    const audio = replicaTrack(call, 'audio');
    expect(await loudness(audio)).to.be.lessThan(0.002);
    call.sendAppMessage(interaction('conversation.respond', { text: 'count for me' }), '*');
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
    );
    expect(await loudness(audio)).to.be.greaterThan(0.005);
    call.sendAppMessage(interaction('conversation.interrupt'), '*');
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.stopped_speaking'),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await loudness(audio)).to.be.lessThan(0.002);
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
    expect(tracks.map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
  });
});
