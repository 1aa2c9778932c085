/**
 * Timers on a virtual timeline. Every task has a due time in virtual milliseconds; a task
 * scheduled from inside another task is due relative to that task's due time, not to the moment
 * the browser happened to run it. One real timer drives the queue and tasks always run in
 * (due, insertion) order, so timer jitter can delay the stream but never reorder it: together
 * with a seeded `Random`, the same inputs give the same event order on every run, in every engine.
 */
import type { Clock } from '../protocol/index.js';

export type Cancel = () => void;

interface Task {
  due: number;
  order: number;
  run: () => void;
}

const NOOP: Cancel = () => {};

/** `performance.now()` and the browser's timers. */
const BROWSER_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Scheduler {
  private readonly tasks: Task[] = [];
  private readonly origin: number;
  private order = 0;
  private current = 0;
  private running = false;
  /** Outside tasks: virtual time has been read in this synchronous run and holds still. */
  private holding = false;
  private disposed = false;
  private timer: unknown;
  private timerDue = Infinity;

  /** `clock` gives the time and the one real timer; tests pass a `ManualClock`. */
  constructor(private readonly clock: Clock = BROWSER_CLOCK) {
    this.origin = clock.now();
  }

  /** Virtual milliseconds since the scheduler was made. */
  now(): number {
    // Inside a task, time is that task's due time. Outside, it catches up with the clock once per
    // synchronous run and then holds: tasks scheduled together share one instant, however long
    // the engine takes between the calls (a GC pause, a busy machine, a coarse or jittered
    // `performance.now()`). Reading the clock on every call let Firefox run a child task after a
    // sibling scheduled later, with a shorter delay, in the same run.
    if (!this.running && !this.holding) {
      this.current = Math.max(this.current, this.clock.now() - this.origin);
      this.holding = true;
      // A promise job rather than queueMicrotask, which fake-timer libraries may replace.
      void Promise.resolve().then(() => {
        this.holding = false;
      });
    }
    return this.current;
  }

  /** Runs `run` `ms` virtual milliseconds from now. Returns a function that cancels it. */
  after(ms: number, run: () => void): Cancel {
    if (this.disposed) return NOOP;
    const task: Task = { due: this.now() + Math.max(0, ms), order: this.order++, run };
    this.insert(task);
    this.arm();
    return () => {
      const index = this.tasks.indexOf(task);
      if (index < 0) return;
      this.tasks.splice(index, 1);
      this.arm();
    };
  }

  /** Tasks not yet run. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Drops every task and the real timer; later `after()` calls do nothing. */
  dispose(): void {
    this.disposed = true;
    this.tasks.length = 0;
    this.clearTimer();
  }

  private insert(task: Task): void {
    // Binary search for the first task that should run after this one.
    let low = 0;
    let high = this.tasks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.tasks[mid] as Task;
      if (other.due < task.due || (other.due === task.due && other.order < task.order)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    this.tasks.splice(low, 0, task);
  }

  private arm(): void {
    if (this.running) return; // flush() re-arms when it is done
    const next = this.tasks[0];
    if (!next) {
      this.clearTimer();
      return;
    }
    if (this.timer !== undefined && this.timerDue <= next.due) return;
    this.clearTimer();
    // Whole milliseconds, rounded up: a timer that fires early (engines round and clamp delays
    // differently) finds nothing due and re-arms, instead of spinning on zero-delay timers.
    const delay = Math.max(0, Math.ceil(next.due - (this.clock.now() - this.origin)));
    this.timerDue = next.due;
    this.timer = this.clock.setTimeout(() => this.flush(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private flush(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    // Time moved on to run these tasks (a manual clock may do it within one synchronous run).
    this.holding = false;
    const realNow = this.clock.now() - this.origin;
    this.running = true;
    try {
      // Tasks that became due while we ran (scheduled with short delays) run in this same pass,
      // still in virtual order.
      for (let task = this.tasks[0]; task && task.due <= realNow; task = this.tasks[0]) {
        if (this.disposed) break;
        this.tasks.shift();
        this.current = Math.max(this.current, task.due);
        try {
          task.run();
        } catch (error) {
          console.error('[tavus simulator] a scheduled task threw:', error);
        }
      }
    } finally {
      this.running = false;
    }
    if (!this.disposed) this.arm();
  }
}
