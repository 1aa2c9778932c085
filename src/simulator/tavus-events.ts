/**
 * The raw Tavus JSON the simulated replica broadcasts. The simulator plays the server, so it
 * writes these objects itself rather than borrowing the client's protocol types: a mistake on one
 * side then cannot hide the same mistake on the other.
 */

/** The replica's role names: newest era `pal`, with a duplicate legacy `replica` message. */
export type ReplicaRole = 'pal' | 'replica';

/** One broadcast event, as it travels in `app-message` `data`. */
export interface TavusServerEvent {
  message_type: 'conversation' | 'system';
  event_type: string;
  conversation_id: string;
  seq?: number;
  turn_idx?: number;
  inference_id?: string;
  /** Unix seconds with milliseconds. */
  timestamp?: number;
  properties?: Record<string, unknown>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses app-message data the way Tavus must: JSON strings and objects are both accepted. */
export function parseAppMessageData(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
