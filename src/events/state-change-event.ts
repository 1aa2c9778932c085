import type {
  ConversationState,
  EndedReason,
  TavusErrorInfo,
} from '../state/conversation-state.js';

export interface TavusStateChangeDetail {
  state: ConversationState;
  previousState: ConversationState;
  /** Why the conversation ended, when `state` is `ended`. */
  reason?: EndedReason;
  /** Why it failed, when `state` is `error`. */
  error?: TavusErrorInfo;
}

/** Fired on every `state` change, after the property changed. */
export class TavusStateChangeEvent extends CustomEvent<TavusStateChangeDetail> {
  constructor(detail: TavusStateChangeDetail) {
    super('tavus-state-change', { detail, bubbles: true, composed: true });
  }
}
