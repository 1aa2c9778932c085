import { TavusMetricsEvent } from '../events/metrics-event.js';
import { TavusTimeWarningEvent } from '../events/time-warning-event.js';
import type { Clock } from '../protocol/sequencer.js';
import type { TavusEvent } from '../protocol/types.js';
import type { AttemptPort } from './session-config.js';
import { TimeLimit } from './time-limit.js';
import { TurnTiming, type TurnMetric } from './turn-timing.js';

/**
 * The attempt's sense of time: the page's metrics (time to join, to the first frame, to each
 * answer), whether the replica is thinking, and the maximum duration with its countdown. Reports
 * through the attempt's port; `stop()` ends all of it with the attempt.
 */
export class CallTiming {
  private readonly turns: TurnTiming;
  private thinking = false;
  private readonly measured = new Set<'joined' | 'first-frame'>();
  private startedAt: number;
  private limit: TimeLimit | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly port: AttemptPort,
  ) {
    this.turns = new TurnTiming(() => clock.now());
    this.startedAt = clock.now();
  }

  /** start() was called: the metrics count from now. */
  started(): void {
    this.startedAt = this.clock.now();
  }

  /** From start() to now, once per metric. */
  measure(metric: 'joined' | 'first-frame'): void {
    if (this.stopped || this.measured.has(metric)) return;
    this.measured.add(metric);
    const ms = Math.max(0, Math.round(this.clock.now() - this.startedAt));
    this.port.host.dispatchEvent(new TavusMetricsEvent({ metric, ms }));
  }

  /** Typed text went out: the visitor's turn is over. */
  responded(): void {
    this.turns.responded();
    this.follow(null);
  }

  /** Each Tavus event, in order. */
  observe(event: TavusEvent): void {
    this.follow(this.turns.observe(event));
  }

  /** The maximum duration (seconds; 0 for none) counts from now; `reached` ends the call. */
  startLimit(seconds: number, reached: () => void): void {
    if (this.stopped || this.limit || !(seconds > 0)) return;
    this.limit = new TimeLimit(this.clock, seconds, {
      warning: (remainingSeconds) =>
        this.port.host.dispatchEvent(
          new TavusTimeWarningEvent({
            remainingSeconds,
            endsAt: Date.now() + remainingSeconds * 1000,
          }),
        ),
      countdown: (remainingSeconds) => this.port.countdown(remainingSeconds),
      reached,
    });
    this.limit.start();
  }

  stop(): void {
    this.stopped = true;
    this.limit?.stop();
  }

  private follow(metric: TurnMetric | null): void {
    if (this.stopped) return;
    if (this.turns.thinking !== this.thinking) {
      this.thinking = this.turns.thinking;
      this.port.thinkingChanged(this.thinking);
    }
    if (metric) this.port.host.dispatchEvent(new TavusMetricsEvent({ metric: 'turn', ...metric }));
  }
}
