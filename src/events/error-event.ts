import type { TavusErrorInfo } from '../state/conversation-state.js';

/** Fired when the conversation fails (`state` becomes `error`), with a readable message. */
export class TavusErrorEvent extends CustomEvent<TavusErrorInfo> {
  constructor(detail: TavusErrorInfo) {
    super('tavus-error', { detail, bubbles: true, composed: true });
  }
}
