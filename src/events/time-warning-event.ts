export interface TavusTimeWarningDetail {
  /** Whole seconds left before the conversation reaches its maximum duration. */
  remainingSeconds: number;
  /** When it ends, in `Date.now()` milliseconds. */
  endsAt: number;
}

/** Fired once, when the conversation enters the last minute of its maximum duration. */
export class TavusTimeWarningEvent extends CustomEvent<TavusTimeWarningDetail> {
  constructor(detail: TavusTimeWarningDetail) {
    super('tavus-time-warning', { detail, bubbles: true, composed: true });
  }
}
