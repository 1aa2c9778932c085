/**
 * `conversation.echo`: the page tells the replica exactly what to say, bypassing the LLM. Text is
 * spoken verbatim. Audio arrives as base64 16-bit mono PCM chunks, and the replica speaks once
 * the chunk marked `done` arrives, for as long as the audio lasts; only that length matters to
 * the simulator, so chunks are counted, never decoded.
 */

/** What an echo asks the replica to say. */
export interface EchoSpeech {
  text: string;
  /** The page's id for this speech, if it gave one. */
  inferenceId: string | undefined;
  /** Known for audio: the length of the audio. */
  durationMs?: number;
}

/** Echoes of a few utterances may be in flight at once; more than this is a client bug. */
const MAX_UNFINISHED_ECHOES = 16;

const DEFAULT_SAMPLE_RATE = 24000;

/** An audio echo shorter than this still moves the face visibly. */
const MIN_AUDIO_MS = 200;

export class Echoes {
  private readonly unfinishedAudio = new Map<string, { samples: number; sampleRate: number }>();

  /**
   * Reads one echo interaction: what to say now, null while an audio echo goes on, or why the
   * interaction is ignored.
   */
  read(props: Record<string, unknown>): EchoSpeech | null | string {
    const modality = props['modality'] ?? 'text';
    const inferenceId =
      typeof props['inference_id'] === 'string' ? props['inference_id'] : undefined;
    if (modality === 'text') {
      const text = props['text'];
      if (typeof text !== 'string' || !text.trim()) return 'conversation.echo without text';
      return { text, inferenceId };
    }
    if (modality !== 'audio') return `unknown echo modality ${JSON.stringify(modality)}`;
    const audio = props['audio'];
    if (typeof audio !== 'string') return 'conversation.echo audio without base64 audio';
    const key = inferenceId ?? '';
    let echo = this.unfinishedAudio.get(key);
    if (!echo) {
      if (this.unfinishedAudio.size >= MAX_UNFINISHED_ECHOES) {
        return 'too many unfinished audio echoes';
      }
      const rate = props['sample_rate'];
      echo = {
        samples: 0,
        sampleRate: typeof rate === 'number' && rate > 0 ? rate : DEFAULT_SAMPLE_RATE,
      };
      this.unfinishedAudio.set(key, echo);
    }
    // 16-bit mono PCM: two bytes per sample.
    echo.samples += base64Bytes(audio) / 2;
    if (props['done'] !== true && props['done'] !== 'true') return null;
    this.unfinishedAudio.delete(key);
    const durationMs = Math.max(MIN_AUDIO_MS, (echo.samples / echo.sampleRate) * 1000);
    return { text: '(audio)', inferenceId, durationMs };
  }

  clear(): void {
    this.unfinishedAudio.clear();
  }
}

/** Decoded length of a base64 string, without decoding it. */
function base64Bytes(base64: string): number {
  const clean = base64.replace(/[^A-Za-z0-9+/=_-]/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
