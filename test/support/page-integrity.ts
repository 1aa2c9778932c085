/**
 * What hostile input could do to the page around the element: errors that escape to the page,
 * and changes to the built-in prototypes a crafted message could try to reach.
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
