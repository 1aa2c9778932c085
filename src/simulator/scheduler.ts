/**
 * Timers on a virtual timeline. Every task has a due time in virtual milliseconds; a task
 * scheduled from inside another task is due relative to that task's due time, not to the moment
 * the browser happened to run it. One real `setTimeout` drives the queue and tasks always run in
 * (due, insertion) order, so timer jitter can delay the stream but never reorder it: together
 * with a seeded `Random`, the same inputs give the same event order on every run.
 */
export type Cancel = () => void;

interface Task {
  due: number;
  order: number;
  run: () => void;
}

const NOOP: Cancel = () => {};

export class Scheduler {
  private readonly tasks: Task[] = [];
  private readonly origin: number;
  private order = 0;
  private current = 0;
  private running = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.origin = clock();
  }

  /** Virtual milliseconds since the scheduler was made. */
  now(): number {
    // Inside a task, time is that task's due time; outside, real time catches it up.
    if (!this.running) this.current = Math.max(this.current, this.clock() - this.origin);
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

  /** Tasks not yet run (for tests and for `destroy()` checks). */
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
    const delay = Math.max(0, next.due - (this.clock() - this.origin));
    this.timerDue = next.due;
    this.timer = setTimeout(() => this.flush(), delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private flush(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    const realNow = this.clock() - this.origin;
    this.running = true;
    try {
      // Tasks that became due while we ran (scheduled with short delays) run in this same pass,
      // still in virtual order.
      while (!this.disposed && this.tasks.length > 0 && (this.tasks[0] as Task).due <= realNow) {
        const task = this.tasks.shift() as Task;
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
