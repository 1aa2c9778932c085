import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** An element the conversation view renders into (a LitElement). */
export type FocusMovesHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The view's elements that focus moves to, in the host's render root. */
const TARGETS = {
  panel: '.panel',
  launcher: '.launcher',
  chatToggle: '#chat-toggle',
  chatOpener: '[data-chat-opener]',
  panelAutofocus: '.panel [data-autofocus]',
  microphoneToggle: '#microphone-toggle',
  cameraToggle: '#camera-toggle',
} as const;

const controllers = new WeakMap<FocusMovesHost, FocusMoves>();

/**
 * The focus moves of the element the view renders into, for one of the view's event handlers
 * (the listener's element is in the host's shadow root).
 * @internal
 */
export function focusMovesOf(event: Event): FocusMoves {
  const root = (event.currentTarget as Element).getRootNode() as ShadowRoot;
  return FocusMoves.of(root.host as FocusMovesHost);
}

/**
 * Where keyboard focus goes when the conversation's screens change under it: a button that its
 * own press removes, the chat closing, the floating panel opening or closing. Without these moves
 * focus would fall back to the page's `<body>` and a keyboard or screen-reader user would lose
 * their place.
 *
 * Some moves happen at once, before the press takes effect (the pressed button is still there
 * and the target already is); others wait for the host's next update, which shows their target.
 * @internal
 */
export class FocusMoves implements ReactiveController {
  /**
   * The host's focus moves, made on first use. The view is a function of its model and has no
   * place to keep a controller: it asks for the host's from an event handler.
   */
  static of(host: FocusMovesHost): FocusMoves {
    return controllers.get(host) ?? new FocusMoves(host);
  }

  /** Targets to focus after the next update, first visible one wins. */
  private pending: readonly string[] | null = null;

  constructor(private readonly host: FocusMovesHost) {
    controllers.set(host, this);
    host.addController(this);
  }

  /** The floating panel collapsed from inside (Escape, its close button): to the launcher. */
  panelClosed(): void {
    this.afterUpdate(TARGETS.launcher);
  }

  /** The floating panel expanded: to its screen's main action (start, restart, retry). */
  panelOpened(): void {
    this.afterUpdate(TARGETS.panelAutofocus, TARGETS.panel);
  }

  /**
   * The chat closed: back to what opened it, the chat toggle in a call or "View transcript"
   * after it (which shows again once the chat is closed).
   */
  chatClosed(): void {
    this.afterUpdate(TARGETS.chatToggle, TARGETS.chatOpener, TARGETS.panel);
  }

  /** A button that goes away with its screen was pressed (start, restart, retry, end). */
  screenLeft(): void {
    this.now(TARGETS.panel);
  }

  /**
   * "Try again" on the device notice was pressed: the notice and its button go once the device
   * works, so focus goes to the control of the device being retried, which stays and tells the
   * outcome (`aria-pressed`). The camera is retried when it is the one unavailable.
   */
  devicesRetried(cameraAvailable: boolean): void {
    this.now(cameraAvailable ? TARGETS.microphoneToggle : TARGETS.cameraToggle, TARGETS.panel);
  }

  hostUpdated(): void {
    const targets = this.pending;
    if (targets) {
      this.pending = null;
      this.focusFirstVisible(targets);
    }
  }

  hostDisconnected(): void {
    this.pending = null;
  }

  private now(...targets: string[]): void {
    this.pending = null;
    this.focusFirstVisible(targets);
  }

  /** The update shows the target; one is requested so the move happens even without a change. */
  private afterUpdate(...targets: string[]): void {
    this.pending = targets;
    this.host.requestUpdate();
  }

  private focusFirstVisible(selectors: readonly string[]): void {
    for (const selector of selectors) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
      // A hidden element (the collapsed panel's, a slot's replaced default) cannot take focus.
      if (target && target.getClientRects().length > 0) {
        target.focus();
        return;
      }
    }
  }
}
