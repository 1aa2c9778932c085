// A clock the tests move by hand: the endpoint's deadlines (slow bodies, upstream timeouts, rate
// windows) pass when a test says so, never by waiting.
export class ManualClock {
  #now = Date.now();
  #timers = new Map();
  #next = 1;

  now() {
    return this.#now;
  }

  setTimeout(callback, ms) {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + ms, callback });
    return id;
  }

  clearTimeout(id) {
    this.#timers.delete(id);
  }

  /** Timers set and not yet fired or cleared. */
  get pending() {
    return this.#timers.size;
  }

  /** Moves time on by `ms`, firing every timer that falls due, in order. */
  advance(ms) {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#timers]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
    }
    this.#now = until;
  }
}

/** Resolves once `test()` is true; fails after `limitMs` so a broken test ends (not a timing). */
export async function waitFor(test, what = 'condition', limitMs = 15_000) {
  const start = Date.now();
  while (!(await test())) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
