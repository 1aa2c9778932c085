import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while held (a call is showing): a phone that dims and locks in the middle
 * of a conversation cuts it off. Uses a screen wake lock where the browser has one
 * (`navigator.wakeLock`); the browser drops the lock whenever the page is hidden, so it is taken
 * again when the page is visible again; it is released when let go or when the host leaves the
 * document. A refusal (a frame without the `screen-wake-lock` permission, a battery saver) is
 * no error: the call goes on.
 * @internal
 */
export class ScreenWakeLock implements ReactiveController {
  private wanted = false;
  private connected = false;
  private sentinel: WakeLockSentinel | null = null;
  private requesting = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Holds the lock (true) or lets it go (false). */
  hold(wanted: boolean): void {
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    if (wanted) this.acquire();
    else this.release();
  }

  /** The lock is held now. */
  get held(): boolean {
    return Boolean(this.sentinel && !this.sentinel.released);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.handleVisibility);
    this.acquire();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.handleVisibility);
    this.release();
  }

  private readonly handleVisibility = () => {
    if (document.visibilityState === 'visible') this.acquire();
  };

  private acquire(): void {
    if (!this.wanted || !this.connected || this.held || this.requesting) return;
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    this.requesting = true;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        this.requesting = false;
        if (this.wanted && this.connected) this.sentinel = sentinel;
        else sentinel.release().catch(() => {});
      },
      () => {
        this.requesting = false;
      },
    );
  }

  private release(): void {
    const sentinel = this.sentinel;
    this.sentinel = null;
    sentinel?.release().catch(() => {});
  }
}
