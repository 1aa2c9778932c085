import { afterTracksEnd, endTrackSoon } from './track-ending.js';

/**
 * The replica's audio: a quiet, voice-like buzz made with WebAudio (a sawtooth through two
 * formant filters, with drifting pitch and a syllable-rate gate) and published through a
 * MediaStreamAudioDestinationNode. Silent unless the replica is speaking.
 */
const LEVEL = 0.08;
const RAMP_S = 0.03;

export class VoiceSynth {
  readonly track: MediaStreamTrack;
  private readonly context: AudioContext;
  private readonly gate: GainNode;
  private readonly syllableDepth: GainNode;
  private readonly sources: OscillatorNode[] = [];
  private stopped = false;

  constructor(seed: number) {
    const context = new AudioContext();
    this.context = context;
    const pitch = 150 + (Math.abs(seed) % 60);

    const voice = this.oscillator('sawtooth', pitch);
    const formantA = new BiquadFilterNode(context, { type: 'bandpass', frequency: 700, Q: 4 });
    const formantB = new BiquadFilterNode(context, { type: 'bandpass', frequency: 1250, Q: 6 });
    this.gate = new GainNode(context, { gain: 0 });
    const master = new GainNode(context, { gain: LEVEL });
    const destination = new MediaStreamAudioDestinationNode(context, { channelCount: 1 });
    voice.connect(formantA).connect(this.gate);
    voice.connect(formantB).connect(this.gate);
    this.gate.connect(master).connect(destination);

    // Intonation: slow pitch drift.
    this.oscillator('sine', 0.8)
      .connect(new GainNode(context, { gain: 18 }))
      .connect(voice.frequency);
    // Vowels: the first formant wanders.
    this.oscillator('sine', 2.7)
      .connect(new GainNode(context, { gain: 250 }))
      .connect(formantA.frequency);
    // Syllables: the gate opens and closes about four times a second while speaking.
    this.syllableDepth = new GainNode(context, { gain: 0 });
    this.oscillator('sine', 4.2).connect(this.syllableDepth).connect(this.gate.gain);

    const track = destination.stream.getAudioTracks()[0];
    if (!track) throw new Error('MediaStreamAudioDestinationNode gave no audio track');
    this.track = track;
    // Created outside a user gesture the context may start suspended; try, and retry on speech.
    this.resume();
  }

  setSpeaking(speaking: boolean): void {
    if (this.stopped) return;
    if (speaking) this.resume();
    const now = this.context.currentTime;
    this.gate.gain.setTargetAtTime(speaking ? 0.5 : 0, now, RAMP_S);
    this.syllableDepth.gain.setTargetAtTime(speaking ? 0.5 : 0, now, RAMP_S);
  }

  /**
   * Silent at once; the track ends on a later task, once the page has let go of it, and the
   * audio context closes after that (WebKitGTK deadlocks when everything ends in one task: see
   * track-ending.ts).
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const source of this.sources) {
      try {
        source.stop();
      } catch {
        // already stopped
      }
    }
    endTrackSoon(this.track);
    afterTracksEnd(() => void this.context.close().catch(() => {}));
  }

  private oscillator(type: OscillatorType, frequency: number): OscillatorNode {
    const node = new OscillatorNode(this.context, { type, frequency });
    node.start();
    this.sources.push(node);
    return node;
  }

  private resume(): void {
    if (this.context.state === 'suspended') void this.context.resume().catch(() => {});
  }
}
