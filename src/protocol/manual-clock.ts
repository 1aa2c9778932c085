import type { Clock } from './sequencer.js';

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/**
 * A `Clock` that only moves when told to, so that reorder windows can be tested and benchmarked
 * deterministically. Timers fire in due order (ties in creation order) during `advance`.
 */
export class ManualClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, due: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + Math.max(0, ms);
    for (;;) {
      const timer = this.earliestDue(end);
      if (!timer) break;
      this.timers = this.timers.filter((t) => t !== timer);
      this.time = Math.max(this.time, timer.due);
      timer.callback();
    }
    this.time = end;
  }

  /** Fires every timer, including ones scheduled by the callbacks, moving time as needed. */
  runAll(): void {
    for (let i = 0; this.timers.length > 0; i++) {
      if (i > 100_000) throw new Error('ManualClock.runAll: timers keep rescheduling');
      this.advance(Math.max(0, this.earliestDue(Infinity)!.due - this.time));
    }
  }

  private earliestDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.due <= limit && (!best || timer.due < best.due)) best = timer;
    }
    return best;
  }
}
