/**
 * Helpers shared by the reliability tests: watchers for errors that escape to the page, for
 * changes to built-in prototypes, and walkers over every shadow root of an element.
 */

/** Everything reported to the page as uncaught while the watch runs. */
export interface PageErrorWatch {
  readonly errors: string[];
  stop(): void;
}

/** Records window `error` and `unhandledrejection` events until `stop()`. */
export function watchPageErrors(): PageErrorWatch {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => {
    errors.push(`error: ${event.message} ${String(event.error?.stack ?? '')}`);
  };
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason: unknown = event.reason;
    errors.push(
      `unhandledrejection: ${reason instanceof Error ? reason.stack : safeString(reason)}`,
    );
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}

/**
 * Takes a snapshot of the own properties of the built-in prototypes a hostile message could try
 * to reach (`__proto__`, `constructor.prototype`), and returns what changed since.
 */
export function snapshotPrototypes(): () => string[] {
  const targets: [string, object][] = [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['String.prototype', String.prototype],
    ['EventTarget.prototype', EventTarget.prototype],
  ];
  const before = targets.map(([name, target]) => ({
    name,
    target,
    descriptors: new Map(
      Reflect.ownKeys(target).map((key) => [key, Reflect.getOwnPropertyDescriptor(target, key)]),
    ),
    proto: Object.getPrototypeOf(target) as unknown,
  }));
  return () => {
    const changes: string[] = [];
    for (const { name, target, descriptors, proto } of before) {
      if (Object.getPrototypeOf(target) !== proto) changes.push(`${name}: prototype replaced`);
      const keys = Reflect.ownKeys(target);
      for (const key of keys) {
        const now = Reflect.getOwnPropertyDescriptor(target, key);
        const then = descriptors.get(key);
        if (!then) changes.push(`${name}: added ${String(key)}`);
        else if (
          now?.value !== then.value ||
          now?.get !== then.get ||
          now?.set !== then.set ||
          now?.writable !== then.writable ||
          now?.enumerable !== then.enumerable ||
          now?.configurable !== then.configurable
        ) {
          changes.push(`${name}: changed ${String(key)}`);
        }
      }
      for (const key of descriptors.keys()) {
        if (!keys.includes(key)) changes.push(`${name}: removed ${String(key)}`);
      }
    }
    return changes;
  };
}

/** The element's shadow root and every shadow root nested in it. */
export function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (host.shadowRoot) roots.push(host.shadowRoot);
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i]!.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return roots;
}

/** Every element inside the host's shadow roots (nested ones included). */
export function shadowElements(host: Element): Element[] {
  return shadowRoots(host).flatMap((root) => [...root.querySelectorAll('*')]);
}

/** Text of every text node in the host's shadow roots, one entry per node. */
export function shadowTexts(host: Element): string[] {
  const texts: string[] = [];
  for (const root of shadowRoots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push(node.nodeValue ?? '');
    }
  }
  return texts;
}

/** `querySelector` through nested shadow roots: the first match in any of them. */
export function deepQuery<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): T | null {
  for (const root of shadowRoots(host)) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves after the next animation frame (a render of the element can happen). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
