import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Presses and key strokes that let a browser start sound it refused without one. A tap is a
 * pointerdown, a pointerup and a click: which of them counts differs between browsers, so each
 * one is offered.
 */
const GESTURES = ['pointerdown', 'pointerup', 'keydown', 'click'] as const;

/** What the host does when a gesture comes and when the page is shown again. */
export interface PlaybackKeeperCallbacks {
  /** A press or key stroke anywhere in the conversation, while it is being handled. */
  gesture(): void;
  /** The page is visible again (a tab or an app brought back from the background). */
  visible(): void;
}

/**
 * Keeps the replica audible where autoplay rules and phones stand in the way (Safari, iOS):
 * every gesture in the conversation the host is part of (its root: the conversation's shadow
 * root, which composed events from its slotted content cross too) is offered to the host while it
 * is handled, so that it can unlock or retry playback inside the gesture; and when the page is
 * shown again after being in the background, the host can play what the browser paused. Nothing
 * is torn down when the page is hidden: the call goes on.
 * @internal
 */
export class PlaybackKeeper implements ReactiveController {
  private root: Node | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Node,
    private readonly callbacks: PlaybackKeeperCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.root = this.host.getRootNode();
    for (const type of GESTURES) {
      this.root.addEventListener(type, this.handleGesture, { capture: true });
    }
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  hostDisconnected(): void {
    for (const type of GESTURES) {
      this.root?.removeEventListener(type, this.handleGesture, { capture: true });
    }
    this.root = null;
    document.removeEventListener('visibilitychange', this.handleVisibility);
  }

  private readonly handleGesture = () => this.callbacks.gesture();

  private readonly handleVisibility = () => {
    if (document.visibilityState === 'visible') this.callbacks.visible();
  };
}
