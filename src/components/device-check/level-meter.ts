/** Quieter than this (dBFS) reads as 0: room noise should not look like speech. */
const FLOOR_DB = -60;
/** How much of the last level is kept each frame, so the meter falls back smoothly. */
const DECAY = 0.85;

/**
 * How loud a microphone is, measured with a WebAudio `AnalyserNode` once per animation frame and
 * reported as a level from 0 (silence) to 1 (full scale, on a decibel scale from -60 dBFS). The
 * microphone is never connected to the speakers. The audio context is made on first use and
 * closed by `dispose()`; a browser that starts it suspended (no user gesture yet) is asked to
 * resume, and `resume()` can be called again from a gesture.
 * @internal
 */
export class LevelMeter {
  private context: AudioContext | null = null;
  private source: MediaStreamAudioSourceNode | null = null;
  private analyser: AnalyserNode | null = null;
  private samples: Float32Array<ArrayBuffer> | null = null;
  private measured: MediaStreamTrack | null = null;
  private frame = 0;
  private level = 0;

  constructor(private readonly onLevel: (level: number) => void) {}

  /** Measures `track` from now on (null: nothing, the level drops to 0). */
  measure(track: MediaStreamTrack | null): void {
    if (track === this.measured) return;
    this.disconnect();
    this.measured = track;
    if (!track) return;
    try {
      this.context ??= new AudioContext();
      this.source = this.context.createMediaStreamSource(new MediaStream([track]));
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 1024;
      this.samples = new Float32Array(this.analyser.fftSize);
      this.source.connect(this.analyser);
    } catch {
      // No WebAudio here (or no more contexts): the check works without a meter.
      this.disconnect();
      return;
    }
    this.resume();
    this.frame = requestAnimationFrame(this.tick);
  }

  /** Resumes a context the browser started suspended; call it from a user gesture. */
  resume(): void {
    if (this.context?.state === 'suspended') this.context.resume().catch(() => {});
  }

  /** Stops measuring and closes the audio context. */
  dispose(): void {
    this.disconnect();
    this.measured = null;
    const context = this.context;
    this.context = null;
    context?.close().catch(() => {});
  }

  private disconnect(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.source?.disconnect();
    this.source = null;
    this.analyser = null;
    this.samples = null;
    this.report(0);
  }

  private readonly tick = () => {
    const analyser = this.analyser;
    const samples = this.samples;
    if (!analyser || !samples) return;
    analyser.getFloatTimeDomainData(samples);
    this.report(Math.max(levelOf(samples), this.level * DECAY));
    this.frame = requestAnimationFrame(this.tick);
  };

  private report(level: number): void {
    this.level = level;
    this.onLevel(level);
  }
}

/**
 * The level of one block of samples: its root mean square in dBFS, mapped from -60..0 onto 0..1.
 * @internal
 */
export function levelOf(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}
