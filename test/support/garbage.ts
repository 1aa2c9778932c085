import { macrotask } from './wait.js';

/**
 * Collects garbage until `done()` holds or `timeoutMs` passes: with V8's `gc()` when the browser
 * exposes it (the test runner's does), else by pushing the heap. Finalisation needs full
 * (old-generation) collections, which short-lived garbage never causes: each round then keeps
 * about 40 MB of small objects alive until the next one, so that they are promoted and the old
 * generation grows until V8 collects it.
 */
export async function collectGarbage(done: () => boolean, timeoutMs = 4_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const kept: unknown[][] = [];
  // The test runner's Chromium exposes V8's gc() (web-test-runner.config.mjs): a full collection
  // on demand. Without it, garbage is made until the heap's own collections come round.
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; !done() && performance.now() < deadline; round++) {
    if (gc) {
      gc();
      await macrotask();
      continue;
    }
    const junk: unknown[] = [];
    for (let i = 0; i < 1_000_000; i++) junk.push({ round, i });
    // The previous round's junk becomes old garbage.
    kept[0] = junk;
    await macrotask();
  }
  kept.length = 0;
}

/** Whether this browser can be made to run a full collection (V8's gc(), Chromium only here). */
export function hasForcedCollection(): boolean {
  return typeof (globalThis as { gc?: () => void }).gc === 'function';
}
