/**
 * Scheduler tasks that end together. The replica starts many timers (speech batches, think
 * times, tool timeouts, heartbeats); when it leaves the call, `close()` cancels all of them at
 * once, so that no event can follow its departure whatever was in flight.
 */
import type { Cancel, Scheduler } from './scheduler.js';

const NOOP: Cancel = () => {};

export class TaskGroup {
  private readonly cancels = new Set<Cancel>();
  private closed = false;

  constructor(private readonly scheduler: Scheduler) {}

  /** Virtual milliseconds of the scheduler (inside a task: that task's due time). */
  now(): number {
    return this.scheduler.now();
  }

  /** Runs `run` after `ms` virtual milliseconds unless the group is closed first. */
  after(ms: number, run: () => void): Cancel {
    if (this.closed) return NOOP;
    let cancelTask: Cancel = NOOP;
    const cancel: Cancel = () => {
      this.cancels.delete(cancel);
      cancelTask();
    };
    cancelTask = this.scheduler.after(ms, () => {
      this.cancels.delete(cancel);
      run();
    });
    this.cancels.add(cancel);
    return cancel;
  }

  /** Cancels every pending task; later `after()` calls do nothing. */
  close(): void {
    this.closed = true;
    for (const cancel of [...this.cancels]) cancel();
  }
}
