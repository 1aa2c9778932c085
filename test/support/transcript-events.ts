/**
 * Tavus events for transcript tests, written the way they arrive (envelope and properties), and
 * a compact view of the transcript to compare with.
 */
import type { TavusEvent, Transcript } from '../../src/protocol/index.js';

export const NOW = 1_700_000_000_000;

export function event(
  eventType: string,
  properties?: Record<string, unknown>,
  envelope: Record<string, unknown> = {},
): TavusEvent {
  return {
    message_type: 'conversation',
    event_type: eventType,
    ...envelope,
    ...(properties && { properties }),
  } as TavusEvent;
}

export const streaming = (
  role: string,
  speech: string | undefined,
  extra: Record<string, unknown> = {},
  envelope: Record<string, unknown> = { inference_id: 'r-1', turn_idx: 1 },
) =>
  event(
    'conversation.utterance.streaming',
    { role, ...(speech !== undefined && { speech }), ...extra },
    envelope,
  );

export const utterance = (
  role: string,
  speech: string,
  envelope: Record<string, unknown> = { inference_id: 'r-1', turn_idx: 1 },
  extra: Record<string, unknown> = {},
) => event('conversation.utterance', { role, speech, ...extra }, envelope);

export function texts(transcript: Transcript): string[] {
  return transcript.messages.map((m) => `${m.role}${m.final ? '' : '…'}: ${m.text}`);
}
