import type { Clock } from '../protocol/sequencer.js';

/** How long before the end the visitor is warned, and the countdown shows. */
export const TIME_WARNING_SECONDS = 60;

export interface TimeLimitCallbacks {
  /** Entering the last minute (or starting inside it): once. */
  warning(remainingSeconds: number): void;
  /** Every second of the last minute, with the whole seconds left. */
  countdown(remainingSeconds: number): void;
  /** The maximum duration is reached. */
  reached(): void;
}

/**
 * A conversation's maximum duration, counted from the moment it starts: warns once at the last
 * minute, counts it down second by second, and says when time is up. Runs on the session's clock.
 */
export class TimeLimit {
  private timer: unknown;
  private endsAt = 0;
  private warned = false;

  constructor(
    private readonly clock: Clock,
    private readonly seconds: number,
    private readonly callbacks: TimeLimitCallbacks,
  ) {}

  start(): void {
    this.endsAt = this.clock.now() + this.seconds * 1000;
    this.schedule();
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const left = this.endsAt - this.clock.now();
    if (left <= 0) {
      this.timer = undefined;
      this.callbacks.reached();
      return;
    }
    const warnFrom = TIME_WARNING_SECONDS * 1000;
    if (left > warnFrom) {
      this.timer = this.clock.setTimeout(() => this.schedule(), left - warnFrom);
      return;
    }
    const remaining = Math.ceil(left / 1000);
    if (!this.warned) {
      this.warned = true;
      this.callbacks.warning(remaining);
    }
    this.callbacks.countdown(remaining);
    // Wake on the next whole second, so the countdown never skips one.
    this.timer = this.clock.setTimeout(() => this.schedule(), left - (remaining - 1) * 1000);
  }
}
