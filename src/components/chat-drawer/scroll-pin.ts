import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Within this many pixels of the bottom counts as "at the latest message".
 * @internal
 */
export const PIN_THRESHOLD = 24;

export interface ScrollPinOptions {
  /** The scrolling element, rendered by the host and kept across renders. */
  log(): HTMLElement | null;
  /** The element inside the log that grows as messages arrive and replies stream in. */
  list(): HTMLElement | null;
  /**
   * A scroll left the reader at the end of the log. Returns true when that brought later content
   * in below (the reader is not at the latest yet), so the log does not pin.
   */
  onReachEnd?(): boolean;
}

/** Where a reader's first visible item was, to put it back there after a render. */
interface ScrollAnchor {
  id: string;
  offset: number;
}

/**
 * Keeps a log scrolled to its latest content while the reader is there ("pinned"), and a reader
 * who scrolled up in place while content changes around what they read.
 *
 * Pinned, the log follows size changes through a ResizeObserver, which runs after layout and
 * before paint: a streaming reply costs no extra layout. Changes the observer does not see (the
 * log opening, content above the list) the host announces with `scrollAfterUpdate()`. Scrolled
 * up, the host announces changes to the rendered items with `keepPlace()`: the first visible
 * item (an element with a `data-id` unique in the log) is measured before the render and put
 * back after it.
 * @internal
 */
export class ScrollPin implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: ScrollPinOptions;
  private isPinned = true;
  /**
   * Pinning changed since the last update. (A first render reaches the latest through the
   * observer, which reports the sizes of what it starts observing.)
   */
  private pinChanged = false;
  private scrollPending = false;
  private placePending = false;
  private anchor: ScrollAnchor | null = null;
  private observer: ResizeObserver | null = null;
  private observedLog: HTMLElement | null = null;
  private connected = false;

  constructor(host: ReactiveControllerHost, options: ScrollPinOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The reader is at the latest content, so new content scrolls into view. */
  get pinned(): boolean {
    return this.isPinned;
  }

  /** Follows the latest content again, scrolling there with the next update. */
  pin(): void {
    this.setPinned(true);
  }

  /** Stops following: the reader asked for something other than the latest content. */
  unpin(): void {
    this.setPinned(false);
  }

  /** The next update changes the rendered items: a reader scrolled up keeps their place. */
  keepPlace(): void {
    this.placePending = true;
  }

  /**
   * The next update changes the log in a way its ResizeObserver does not report (content above
   * the list, the log being shown): a pinned reader is scrolled to the latest after it.
   */
  scrollAfterUpdate(): void {
    this.scrollPending = true;
  }

  hostConnected(): void {
    this.connected = true;
    // Reconnected after a first render: the log is there, observe it again.
    this.observe();
  }

  hostUpdate(): void {
    // Measured before the render changes the items, so it must happen here, not after.
    if (this.placePending && !this.isPinned) {
      this.anchor = this.findAnchor();
    }
  }

  hostUpdated(): void {
    this.observe();
    if (this.isPinned) {
      // Reading scrollHeight forces a layout; growth of the list is left to the observer.
      if (this.pinChanged || this.scrollPending) {
        this.scrollToLatest();
      }
    } else if (this.anchor) {
      this.restoreAnchor(this.anchor);
    }
    this.anchor = null;
    this.pinChanged = false;
    this.scrollPending = false;
    this.placePending = false;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.observer?.disconnect();
    this.observer = null;
    this.observedLog?.removeEventListener('scroll', this.handleScroll);
    this.observedLog = null;
  }

  private setPinned(pinned: boolean): void {
    if (pinned !== this.isPinned) {
      this.isPinned = pinned;
      this.pinChanged = true;
      this.host.requestUpdate();
    }
  }

  private observe(): void {
    const log = this.options.log();
    // An update may still run after the host left the page: it must not observe again.
    if (!log || this.observer || !this.connected) {
      return;
    }
    // The log changes size when it opens, the window resizes or the composer grows, and its list
    // when a message arrives or a reply grows: a reader at the latest message stays there.
    this.observer = new ResizeObserver(() => {
      if (this.isPinned) {
        this.scrollToLatest();
      }
    });
    this.observer.observe(log);
    const list = this.options.list();
    if (list) this.observer.observe(list);
    log.addEventListener('scroll', this.handleScroll, { passive: true });
    this.observedLog = log;
  }

  private readonly handleScroll = (): void => {
    const log = this.options.log();
    if (!log) {
      return;
    }
    const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight <= PIN_THRESHOLD;
    if (atEnd && this.options.onReachEnd?.() === true) {
      return;
    }
    this.setPinned(atEnd);
  };

  private scrollToLatest(): void {
    const log = this.options.log();
    if (log) {
      log.scrollTop = log.scrollHeight;
    }
  }

  private findAnchor(): ScrollAnchor | null {
    const log = this.options.log();
    if (!log) {
      return null;
    }
    const top = log.getBoundingClientRect().top;
    for (const item of log.querySelectorAll<HTMLElement>('[data-id]')) {
      const box = item.getBoundingClientRect();
      if (box.bottom > top) {
        return { id: item.dataset.id ?? '', offset: box.top - top };
      }
    }
    return null;
  }

  private restoreAnchor(anchor: ScrollAnchor): void {
    const log = this.options.log();
    const item = log?.querySelector<HTMLElement>(`[data-id="${CSS.escape(anchor.id)}"]`);
    if (!log || !item) {
      return;
    }
    const offset = item.getBoundingClientRect().top - log.getBoundingClientRect().top;
    log.scrollTop += offset - anchor.offset;
  }
}
