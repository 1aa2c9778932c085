/**
 * One measurement of how the conversation feels, for the page's analytics. Never carries what
 * was said. Times are milliseconds.
 * - `joined`: from start() to being in the room.
 * - `first-frame`: from start() to the replica's first video frame.
 * - `turn`: from the end of the visitor's turn (they stopped speaking, or a `respond()` was
 *   sent) to the replica's first word; `turnIndex` counts the visitor's turns from 1.
 */
export type TavusMetricsDetail =
  | { metric: 'joined'; ms: number }
  | { metric: 'first-frame'; ms: number }
  | { metric: 'turn'; ms: number; turnIndex: number; trigger: 'speech' | 'respond' };

/** Fired for each measurement (`detail.metric` says which). */
export class TavusMetricsEvent extends CustomEvent<TavusMetricsDetail> {
  constructor(detail: TavusMetricsDetail) {
    super('tavus-metrics', { detail, bubbles: true, composed: true });
  }
}
