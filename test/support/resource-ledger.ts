/**
 * A ledger of the page-level resources code can leave behind: timeouts, intervals, animation
 * frames, listeners on window and document, and ResizeObservers. While installed it wraps the
 * browser's functions, records each live handle with where it came from (the element's code,
 * Lit, or anything else), and forgets it when it fires, is cleared, or is removed.
 */

type Origin = 'src' | 'lit' | 'other';

interface Listener {
  target: string;
  type: string;
  listener: unknown;
  capture: boolean;
  origin: Origin;
  stack: string;
}

/** Where a resource was asked for: the first stack frame outside this file. */
function originOf(stack: string): { origin: Origin; frame: string } {
  const frames = stack.split('\n').slice(1);
  // JavaScriptCore lists a class field initializer as a frame without a URL: skipped, or every
  // ResizeObserver would look like one of the page's own.
  const frame =
    frames.find(
      (line) => line.includes('://') && !line.includes('/test/support/resource-ledger.'),
    ) ?? '';
  // The project's own src/ (served at the root), not a package's src/ folder.
  const origin: Origin = /:\/\/[^/]+\/src\//.test(frame)
    ? 'src'
    : /\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(frame)
      ? 'lit'
      : 'other';
  return { origin, frame: frame.trim() };
}

export class Ledger {
  readonly timeouts = new Map<number, string>();
  readonly intervals = new Map<number, string>();
  readonly frames = new Map<number, string>();
  readonly listeners: Listener[] = [];
  readonly observers = new Map<ResizeObserver, string>();
  /** How many of each were asked for by the element's code while installed. */
  readonly created = { timeouts: 0, intervals: 0, frames: 0, listeners: 0, observers: 0 };
  private readonly restore: (() => void)[] = [];

  install(): this {
    const listeners = this.listeners;
    const created = this.created;
    const setTimeout0 = window.setTimeout;
    const clearTimeout0 = window.clearTimeout;
    const setInterval0 = window.setInterval;
    const clearInterval0 = window.clearInterval;
    const raf0 = window.requestAnimationFrame;
    const cancelRaf0 = window.cancelAnimationFrame;
    const ResizeObserver0 = window.ResizeObserver;

    const note = (kind: keyof Ledger['created']): string => {
      const { origin, frame } = originOf(new Error().stack ?? '');
      if (origin === 'src') this.created[kind]++;
      return `${origin} ${frame}`;
    };

    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const where = note('timeouts');
      const id = setTimeout0(() => {
        this.timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      }, ms);
      this.timeouts.set(id, where);
      return id;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((id?: number) => {
      if (id !== undefined) this.timeouts.delete(id);
      clearTimeout0(id);
    }) as typeof window.clearTimeout;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const where = note('intervals');
      const id = setInterval0(handler, ms, ...args);
      this.intervals.set(id, where);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) this.intervals.delete(id);
      clearInterval0(id);
    }) as typeof window.clearInterval;
    window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
      const where = note('frames');
      const id = raf0((time) => {
        this.frames.delete(id);
        callback(time);
      });
      this.frames.set(id, where);
      return id;
    };
    window.cancelAnimationFrame = (id: number): void => {
      this.frames.delete(id);
      cancelRaf0(id);
    };

    for (const [name, target] of [
      ['window', window],
      ['document', document],
    ] as const) {
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      const capture = (options: unknown) =>
        typeof options === 'boolean'
          ? options
          : Boolean((options as { capture?: boolean })?.capture);
      target.addEventListener = function (
        this: EventTarget,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions,
      ) {
        const stack = new Error().stack ?? '';
        const { origin } = originOf(stack);
        const entry = { target: name, type, listener, capture: capture(options), origin, stack };
        const known = listeners.some(
          (l) =>
            l.target === name &&
            l.type === type &&
            l.listener === listener &&
            l.capture === entry.capture,
        );
        if (listener && !known && !(options as AddEventListenerOptions | undefined)?.once) {
          listeners.push(entry);
          if (origin === 'src') created.listeners++;
        }
        return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
      } as typeof target.addEventListener;
      target.removeEventListener = function (
        this: EventTarget,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | EventListenerOptions,
      ) {
        const index = listeners.findIndex(
          (l) =>
            l.target === name &&
            l.type === type &&
            l.listener === listener &&
            l.capture === capture(options),
        );
        if (index >= 0) listeners.splice(index, 1);
        return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
      } as typeof target.removeEventListener;
      this.restore.push(() => {
        delete (target as { addEventListener?: unknown }).addEventListener;
        delete (target as { removeEventListener?: unknown }).removeEventListener;
      });
    }

    const observers = this.observers;
    window.ResizeObserver = class extends ResizeObserver0 {
      private readonly targets = new Set<Element>();
      private readonly where = note('observers');
      override observe(target: Element, options?: ResizeObserverOptions): void {
        this.targets.add(target);
        observers.set(this, this.where);
        super.observe(target, options);
      }
      override unobserve(target: Element): void {
        this.targets.delete(target);
        if (this.targets.size === 0) observers.delete(this);
        super.unobserve(target);
      }
      override disconnect(): void {
        this.targets.clear();
        observers.delete(this);
        super.disconnect();
      }
    };

    this.restore.push(() => {
      window.setTimeout = setTimeout0;
      window.clearTimeout = clearTimeout0;
      window.setInterval = setInterval0;
      window.clearInterval = clearInterval0;
      window.requestAnimationFrame = raf0;
      window.cancelAnimationFrame = cancelRaf0;
      window.ResizeObserver = ResizeObserver0;
    });
    return this;
  }

  uninstall(): void {
    for (const restore of this.restore.splice(0).reverse()) restore();
  }

  /** What is still live, one line each, for the element's code and for Lit. */
  live(): string[] {
    const ours = (where: string) => !where.startsWith('other');
    return [
      ...[...this.timeouts.values()].filter(ours).map((where) => `timeout from ${where}`),
      ...[...this.intervals.values()].filter(ours).map((where) => `interval from ${where}`),
      ...[...this.frames.values()].filter(ours).map((where) => `animation frame from ${where}`),
      ...this.listeners
        .filter((l) => l.origin !== 'other')
        .map((l) => `${l.target} ${l.type} listener from ${originOf(l.stack).frame}`),
      ...[...this.observers.values()].filter(ours).map((where) => `ResizeObserver from ${where}`),
    ];
  }
}
