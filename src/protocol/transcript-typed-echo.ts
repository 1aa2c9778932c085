/**
 * Matches a message typed in the composer with Tavus' echo of it: the page shows typed text at
 * once, and when Tavus sends the same text back as a user utterance the two are one message.
 */
import { normalize } from './transcript-fields.js';
import type { MessageStore, Row } from './transcript-store.js';

/** A typed message is matched with Tavus' echo of it only within this time. */
export const TYPED_ECHO_WINDOW_MS = 60_000;
/** Typed messages waiting for their echo; older ones are forgotten (their echo never came). */
const MAX_PENDING_TYPED = 20;

interface PendingTyped {
  row: Row;
  /** Normalised text (whitespace and case aside). */
  key: string;
  at: number;
}

export class TypedEchoes {
  private pending: PendingTyped[] = [];

  constructor(
    private readonly store: MessageStore,
    private readonly now: () => number,
  ) {}

  /** Waits for the echo of a typed message shown at `at`. */
  add(row: Row, text: string, at: number): void {
    this.pending.push({ row, key: normalize(text), at });
    if (this.pending.length > MAX_PENDING_TYPED) this.pending.shift();
  }

  /** Removes and returns the oldest typed message with this text, if still recent and shown. */
  take(text: string): Row | undefined {
    if (this.pending.length === 0) return undefined;
    const normalized = normalize(text);
    const now = this.now();
    this.pending = this.pending.filter(
      (typed) => now - typed.at <= TYPED_ECHO_WINDOW_MS && this.store.isPresent(typed.row),
    );
    const index = this.pending.findIndex((typed) => typed.key === normalized);
    if (index < 0) return undefined;
    return this.pending.splice(index, 1)[0]?.row;
  }

  clear(): void {
    this.pending = [];
  }
}
