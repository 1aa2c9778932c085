/**
 * daily-js makes three passes over a call bundle that failed to load, pausing 3 s between them
 * (with its own `setTimeout`), so a failed join takes over 6 s however fast the server said no.
 * This runs those pauses on a fake clock and skips each one as soon as the attempt before it has
 * failed: the join fails as soon as the test server has answered three times.
 */
import sinon from 'sinon';

/** daily-js' pause between passes over its bundle URLs (0.92.2). */
export const DAILY_RETRY_PAUSE_MS = 3_000;

interface EventSource {
  on(event: 'load-attempt-failed', handler: () => void): unknown;
}

export class DailyRetryClock {
  /** Bundle load attempts that failed, as daily-js reported them. */
  failures = 0;
  private readonly clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

  /** Skips the pause after each failed attempt of this call object. */
  follow(call: EventSource): void {
    call.on('load-attempt-failed', () => {
      this.failures++;
      // daily-js sets the pause's timer right after reporting the failure, in the same task.
      queueMicrotask(() => this.clock.tick(DAILY_RETRY_PAUSE_MS));
    });
  }

  /** Back to real timers. */
  restore(): void {
    this.clock.restore();
  }
}
