import { keyOfString, keyOfValue } from './message-key.js';
import type { TavusEvent } from './types.js';

export type ValidationResult =
  { ok: true; event: TavusEvent; key: string } | { ok: false; reason: string };

export interface ValidateOptions {
  /** When given, a message carrying a different non-empty `conversation_id` is rejected. */
  conversationId?: string;
  /** Longest JSON string accepted, in characters (default `MAX_MESSAGE_LENGTH`). */
  maxLength?: number;
}

/**
 * Default size limit for a message received as text. Far above what a client may send
 * (`MAX_APP_MESSAGE_LENGTH`), because perception tool calls carry base64 frames; it exists so
 * that a hostile sender cannot make us parse hundreds of megabytes.
 */
export const MAX_MESSAGE_LENGTH = 4 * 1024 * 1024;

/** An event_type longer than this is not a Tavus event name. */
export const MAX_EVENT_TYPE_LENGTH = 256;

/**
 * Checks that a received app-message is a Tavus observable event for this conversation.
 *
 * `raw` may be the parsed object or a JSON string (Tavus' own apps accept both). Only the envelope
 * is checked: a plain object; a non-empty string `event_type`; `message_type` `conversation` or
 * `system`; and, when present, `conversation_id` a string (matching `options.conversationId` when
 * that is given and the field is non-empty), `seq` and `turn_idx` non-negative integers,
 * `inference_id` a string, `timestamp` a finite number or a string, `properties` a plain object.
 * Docs say empty fields are omitted, so `null` counts as a wrong type, not as absent.
 *
 * On success `event` is the object exactly as received — never copied, merged or normalised, as
 * it becomes a DOM event `detail` — and `key` is its canonical text for duplicate detection.
 * Never throws: anything unexpected (throwing getters, revoked proxies) is a rejection.
 */
export function validateMessage(raw: unknown, options?: ValidateOptions): ValidationResult {
  try {
    let value: unknown;
    let key: string | undefined;
    if (typeof raw === 'string') {
      const maxLength = options?.maxLength ?? MAX_MESSAGE_LENGTH;
      if (raw.length > maxLength) return reject(`message too large (${raw.length} characters)`);
      try {
        value = JSON.parse(raw);
      } catch {
        return reject('not valid JSON');
      }
      key = keyOfString(raw);
    } else {
      value = raw;
    }
    if (!isPlainObject(value)) return reject('not a JSON object');
    const reason = checkEnvelope(value, options?.conversationId);
    if (reason !== undefined) return reject(reason);
    return { ok: true, event: value as TavusEvent, key: key ?? keyOfValue(value) };
  } catch {
    return reject('unreadable message');
  }
}

function checkEnvelope(
  message: Record<string, unknown>,
  conversationId: string | undefined,
): string | undefined {
  const eventType = message['event_type'];
  if (typeof eventType !== 'string' || eventType === '') return 'no event_type';
  if (eventType.length > MAX_EVENT_TYPE_LENGTH) return 'event_type too long';

  const messageType = message['message_type'];
  if (messageType !== 'conversation' && messageType !== 'system') {
    return `message_type is not conversation or system`;
  }

  const id = message['conversation_id'];
  if (id !== undefined) {
    if (typeof id !== 'string') return 'conversation_id is not a string';
    // An empty id carries no claim about the conversation, so it cannot contradict ours.
    if (conversationId && id !== '' && id !== conversationId) return 'other conversation_id';
  }

  if (!isOptionalIndex(message['seq'])) return 'seq is not a non-negative integer';
  if (!isOptionalIndex(message['turn_idx'])) return 'turn_idx is not a non-negative integer';

  const inferenceId = message['inference_id'];
  if (inferenceId !== undefined && typeof inferenceId !== 'string') {
    return 'inference_id is not a string';
  }

  const timestamp = message['timestamp'];
  if (
    timestamp !== undefined &&
    typeof timestamp !== 'string' &&
    !(typeof timestamp === 'number' && Number.isFinite(timestamp))
  ) {
    return 'timestamp is not a number or string';
  }

  const properties = message['properties'];
  if (properties !== undefined && !isPlainObject(properties)) return 'properties is not an object';
  return undefined;
}

function isOptionalIndex(value: unknown): boolean {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
}

/**
 * Object literals and JSON.parse results only. The last test accepts `Object.prototype` of
 * another realm (an iframe), whose own prototype is also null; arrays, class instances and
 * functions are refused.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function reject(reason: string): ValidationResult {
  return { ok: false, reason };
}
