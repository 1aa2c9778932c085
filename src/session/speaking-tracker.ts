import type { TavusEvent } from '../protocol/types.js';
import type { Speaking } from '../state/speaking.js';

/**
 * Who speaks after this event: `conversation.replica.*` / `conversation.user.*` speaking events,
 * and the role-agnostic `conversation.started_speaking` / `stopped_speaking` with their `role`
 * (the PAL speaks for the replica). Returns `current` itself when nothing changed, so callers
 * can skip a render by identity.
 */
export function followSpeaking(current: Speaking, event: TavusEvent): Speaking {
  const type = event.event_type;
  const started = type.endsWith('started_speaking');
  if (!started && !type.endsWith('stopped_speaking')) return current;
  const properties = (event.properties ?? {}) as Record<string, unknown>;
  const role = properties['role'];
  const isReplica =
    type.startsWith('conversation.replica.') || role === 'replica' || role === 'pal';
  const isUser = !isReplica && (type.startsWith('conversation.user.') || role === 'user');
  if (isReplica && current.replica !== started) return { ...current, replica: started };
  if (isUser && current.user !== started) return { ...current, user: started };
  return current;
}
