import type { TavusEvent } from '../protocol/types.js';
import type { EndedReason } from '../state/conversation-state.js';

/**
 * Why Tavus shut the conversation down, as the ended screen words it. Tavus writes its reasons
 * with and without a trailing " reached" (protocol.md §4.11), so they are matched by prefix.
 */
export function shutdownReason(event: TavusEvent): EndedReason {
  const properties = (event.properties ?? {}) as Record<string, unknown>;
  const reason = properties['shutdown_reason'] ?? properties['reason'];
  const text = typeof reason === 'string' ? reason : '';
  if (text.startsWith('max_call_duration')) return 'time-limit';
  if (
    text.startsWith('participant_left_timeout') ||
    text.startsWith('participant_absent_timeout')
  ) {
    return 'idle';
  }
  return 'shutdown';
}
