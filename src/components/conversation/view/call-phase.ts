import type { ConversationState } from '../../../state/conversation-state.js';
import type { ConversationViewModel } from '../view-model.js';

/** States with a call in progress: the controls, the device notice and the captions show. */
const CALL_STATES: ReadonlySet<ConversationState> = new Set([
  'connecting',
  'waiting',
  'connected',
  'reconnecting',
]);

/**
 * A call is in progress (joining, in the room, or reconnecting).
 * @internal
 */
export function inCall(state: ConversationState): boolean {
  return CALL_STATES.has(state);
}

/**
 * The replica's video is shown: during the call, and frozen behind the ended screen.
 * @internal
 */
export function showsVideo(model: ConversationViewModel): boolean {
  return Boolean(model.replicaVideo) && (inCall(model.state) || model.state === 'ended');
}
