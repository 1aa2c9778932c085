import { BoundedSet } from './bounded-set.js';

/** Time source of the sequencer; tests and benchmarks pass a `ManualClock`. */
export interface Clock {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock timers, with `performance.now()` so that system clock changes cannot matter. */
export const SYSTEM_CLOCK: Clock = {
  now: () => (typeof performance === 'undefined' ? Date.now() : performance.now()),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const DEFAULT_REORDER_WINDOW_MS = 300;
export const DEFAULT_DEDUPE_CAPACITY = 1024;
/**
 * A seq this far past the last delivered one cannot come from Tavus, which counts its events
 * one by one: it is delivered at once, like an event without seq, so that one bogus value cannot
 * move the cursor out of reach and turn every later event into an unordered straggler.
 */
export const MAX_SEQ_JUMP = 100_000;

export interface SequencerOptions<T> {
  deliver: (event: T) => void;
  /**
   * How long an out-of-order event may wait for the gap before it to fill (default
   * `DEFAULT_REORDER_WINDOW_MS`).
   */
  windowMs?: number;
  clock?: Clock;
  /** How many recent keys are remembered for duplicate detection (`DEFAULT_DEDUPE_CAPACITY`). */
  dedupeCapacity?: number;
  /**
   * Receives whatever `deliver` throws. The sequencer catches it, keeps its state and goes on
   * delivering the rest. Default: `reportError` (the page's error event, like an uncaught error
   * in a listener) where it exists, otherwise a rethrow from a microtask.
   */
  onError?: (error: unknown) => void;
}

interface Held<T> {
  event: T;
  seq: number;
  arrivedAt: number;
}

/**
 * Restores `seq` order of events that may arrive shuffled or duplicated.
 *
 * - Events go out in ascending `seq`. Delivering seq `s` makes `s` the cursor; an event whose seq
 *   is at most cursor + 1 (the successor, a twin of the cursor, or a straggler) goes out at once.
 * - Any other event is held. Held events are released in seq order (ties in arrival order) as
 *   soon as the gap before them fills, or when one of them has waited `windowMs`: then every held
 *   event up to that one is released, so a gap that never fills delays nothing by more than the
 *   window, measured from each event's own arrival.
 * - Until one event has been delivered there is no cursor, so the first sequenced event always
 *   waits the window: an earlier seq may still be on its way. This costs one window of latency at
 *   the start of a call and guarantees order from the first event on.
 * - A straggler (seq below the cursor, its window long past) is delivered at once, late, never
 *   dropped; the cursor never moves backwards.
 * - An exact duplicate (same key as an event accepted recently) is dropped. Only events that carry
 *   `seq` are deduplicated: identical unsequenced events, such as `system.replica_present`
 *   heartbeats, are separate events. Distinct events sharing one seq (PAL/replica twins) both pass.
 *   Nothing says how many events share a seq, so when the first twin fills a gap the held later
 *   events go out at once, and a second twin arriving after them is a straggler (late, in
 *   arrival order). Twins carry the same content, so consumers lose nothing.
 * - Events without a `seq` (or with one that is not a non-negative integer) pass immediately,
 *   even while sequenced events are held: they carry no order to restore, and holding them would
 *   only add latency.
 *
 * Memory is bounded: keys live in a `BoundedSet`; held events are those of the last window.
 * At most one timer is pending, for the earliest deadline among held events.
 * Deliveries never nest: an event pushed from inside `deliver` is queued and delivered after the
 * current one returns, so `deliver` always sees the order described above.
 */
export class Sequencer<T extends { seq?: number }> {
  private readonly deliverFn: (event: T) => void;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private readonly onError: (error: unknown) => void;
  private readonly seen: BoundedSet<string>;
  /** Sorted by seq, then by arrival. */
  private held: Held<T>[] = [];
  private cursor: number | undefined;
  private outbox: T[] = [];
  private delivering = false;
  private timer: unknown;
  private timerDue = Infinity;
  private disposed = false;

  constructor(options: SequencerOptions<T>) {
    this.deliverFn = options.deliver;
    this.windowMs = Math.max(0, options.windowMs ?? DEFAULT_REORDER_WINDOW_MS);
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.onError = options.onError ?? reportAsync;
    this.seen = new BoundedSet(options.dedupeCapacity ?? DEFAULT_DEDUPE_CAPACITY);
  }

  /** Number of events held back waiting for a gap to fill. */
  get pending(): number {
    return this.held.length;
  }

  push(event: T, key: string): void {
    if (this.disposed) return;
    const seq = event.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
      this.emit(event);
      return;
    }
    if (!this.seen.add(key)) return;
    if (this.cursor !== undefined && seq > this.cursor + MAX_SEQ_JUMP) {
      this.emit(event);
      return;
    }
    if (this.cursor !== undefined && seq <= this.cursor + 1) {
      // In order, a twin, or a straggler: nothing to wait for.
      this.cursor = Math.max(this.cursor, seq);
      this.emit(event);
      if (this.held.length > 0) this.release(this.clock.now());
      return;
    }
    this.insert({ event, seq, arrivedAt: this.clock.now() });
    this.release(this.clock.now());
  }

  /** Delivers everything held, in order, now. */
  flush(): void {
    if (this.disposed) return;
    this.release(Infinity);
  }

  /** Cancels the timer and forgets held events; nothing is delivered after this. */
  dispose(): void {
    this.disposed = true;
    this.held = [];
    this.outbox = [];
    this.cancelTimer();
  }

  private insert(item: Held<T>): void {
    const held = this.held;
    // Binary search for the first element with a greater seq: equal seqs keep arrival order.
    let lo = 0;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (held[mid]!.seq <= item.seq) lo = mid + 1;
      else hi = mid;
    }
    held.splice(lo, 0, item);
  }

  /** Releases what may go out at time `now` and re-arms the timer for the rest. */
  private release(now: number): void {
    const held = this.held;
    // Every event up to the last one whose wait is over goes out, gap or not.
    let expiredUpTo = -1;
    for (let i = held.length - 1; i >= 0; i--) {
      if (now - held[i]!.arrivedAt >= this.windowMs) {
        expiredUpTo = i;
        break;
      }
    }
    let count = 0;
    while (count < held.length) {
      const seq = held[count]!.seq;
      if (count > expiredUpTo && (this.cursor === undefined || seq > this.cursor + 1)) break;
      // Held in the first window, before there was a cursor to judge a jump by: the lowest seq
      // released sets it, and an absurd one after it goes out without moving it.
      if (this.cursor === undefined) this.cursor = seq;
      else if (seq <= this.cursor + MAX_SEQ_JUMP) this.cursor = Math.max(this.cursor, seq);
      count++;
    }
    if (count > 0) {
      const released = held.splice(0, count);
      for (const item of released) this.emit(item.event);
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.disposed || this.held.length === 0) {
      this.cancelTimer();
      return;
    }
    let oldest = Infinity;
    for (const item of this.held) if (item.arrivedAt < oldest) oldest = item.arrivedAt;
    const due = oldest + this.windowMs;
    if (this.timer !== undefined && this.timerDue === due) return;
    this.cancelTimer();
    this.timerDue = due;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.timerDue = Infinity;
        if (!this.disposed) this.release(this.clock.now());
      },
      Math.max(0, due - this.clock.now()),
    );
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  /** Delivers through a queue so that re-entrant pushes never overtake the current event. */
  private emit(event: T): void {
    if (this.disposed) return;
    if (this.delivering) {
      this.outbox.push(event);
      return;
    }
    this.delivering = true;
    this.deliverSafely(event);
    // Events pushed while `deliver` ran; the array may grow while this loop drains it.
    for (let i = 0; i < this.outbox.length && !this.disposed; i++) {
      this.deliverSafely(this.outbox[i]!);
    }
    if (this.outbox.length > 0) this.outbox = [];
    this.delivering = false;
  }

  private deliverSafely(event: T): void {
    try {
      this.deliverFn(event);
    } catch (error) {
      try {
        this.onError(error);
      } catch {
        // A throwing error handler must not leave the sequencer stuck in "delivering".
      }
    }
  }
}

function reportAsync(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}
