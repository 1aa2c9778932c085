/**
 * How the transcript reads a Tavus event: role, text, ids and time, each with the drifted field
 * names protocol.md lists. Pure functions; nothing here keeps state.
 */
import type { TranscriptMessage } from './transcript-store.js';
import type { TavusEvent } from './types.js';

export type Props = Record<string, unknown>;

/** `pal` is the newest name of the replica: both are one speaker in the transcript. */
export function roleOf(props: Props): 'user' | 'replica' | undefined {
  const role = props['role'];
  if (role === 'user') return 'user';
  if (role === 'pal' || role === 'replica') return 'replica';
  return undefined;
}

/** Text of an utterance: `speech` as documented, then the drifted `text` and `content`. */
export function readText(props: Props): string | undefined {
  // Spelled out rather than looped over a list: this runs for nearly every event.
  const speech = props['speech'];
  if (typeof speech === 'string') return speech;
  const text = props['text'];
  if (typeof text === 'string') return text;
  const content = props['content'];
  return typeof content === 'string' ? content : undefined;
}

/** The top-level inference_id, else the one some deployments put in `properties`. */
export function readInferenceId(event: TavusEvent): string | undefined {
  if (typeof event.inference_id === 'string' && event.inference_id !== '')
    return event.inference_id;
  const nested = event.properties?.['inference_id'];
  return typeof nested === 'string' && nested !== '' ? nested : undefined;
}

/** A usable `content_index`: a non-negative safe integer, else undefined. */
export function readIndex(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Stamps the event's inference_id and turn_idx on a fresh message. */
export function withIds(message: TranscriptMessage, event: TavusEvent): TranscriptMessage {
  const inferenceId = readInferenceId(event);
  if (inferenceId !== undefined) message.inference_id = inferenceId;
  if (typeof event.turn_idx === 'number') message.turn_idx = event.turn_idx;
  return message;
}

/** The event's time in epoch milliseconds, or `now()` when it carries none that can be read. */
export function timestampOf(event: TavusEvent, now: () => number): number {
  const value = event.timestamp;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Tavus sends Unix seconds; a value this large can only already be milliseconds.
    return value > 1e11 ? value : Math.round(value * 1000);
  }
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return now();
}

/** Text compared whitespace and case aside (a typed message and Tavus' echo of it). */
export function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
