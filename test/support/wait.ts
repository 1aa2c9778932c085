/**
 * Waiting in tests: for a condition, for queued work to run, for a frame. Never for a duration:
 * the machine may be slow and busy, so a test that passes only if something happens within so
 * many milliseconds is wrong. The one wall-clock bound here is how long `waitFor` may take before
 * it gives up, which only ever decides how a failing test fails.
 */

// Captured when the module loads, before a test fakes timers or a ledger wraps them: polling
// must neither be frozen by a fake clock nor show up as the page's timers.
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const now = performance.now.bind(performance);

/**
 * Resolves after every microtask queued so far (and those they queue) has run, and after the
 * zero-delay timers already set (the element's removal grace period is one).
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, 0));
}

/** Yields one macrotask, without a timer (a fake clock cannot hold it, a ledger does not see it). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

/**
 * Resolves once `condition()` holds, checking after each macrotask at first and then every few
 * milliseconds. Rejects with `message` only if it still does not hold after `giveUpMs`, far
 * beyond what any passing run takes (the suite's per-test limit is 30 s).
 */
export async function waitFor(
  condition: () => unknown,
  message: string,
  giveUpMs = 20_000,
): Promise<void> {
  const deadline = now() + giveUpMs;
  for (let checks = 0; ; checks++) {
    if (await condition()) return;
    if (now() > deadline) throw new Error(`Gave up waiting: ${message}`);
    if (checks < 50) await macrotask();
    else await new Promise((resolve) => realSetTimeout(resolve, 5));
  }
}

/** Resolves after the next animation frame (a render of the element can happen). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves after the next two animation frames (layout and scroll settle). */
export function nextFrames(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

/** Waits for running CSS transitions and finite animations (entry animations) to finish. */
export async function settle(): Promise<void> {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let index = 0; index < roots.length; index += 1) {
    for (const element of roots[index]!.querySelectorAll('*')) {
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
      }
    }
  }
  const running = roots
    .flatMap((root) => root.getAnimations())
    .filter((animation) => animation.effect?.getTiming().iterations !== Infinity);
  await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
}
