import { systemClock, type Clock } from './clock.js';

/**
 * Where the endpoint keeps its counters: request counts per client and the set of live
 * conversations. One process can use the in-memory store; several instances behind a load
 * balancer share one store (see RedisStore) so that the limits hold across all of them.
 * Every method is one atomic step.
 */
export interface LimitStore {
  /** Adds 1 to counter `key`, created with a lifetime of `ttlMs`; resolves to the new count. */
  increment(key: string, ttlMs: number): Promise<number>;
  /**
   * Adds `member` to set `key`, to be dropped at `expiresAt` (ms since the epoch), unless the set
   * already holds `limit` members that have not expired at `now`. Resolves to the time the
   * earliest member expires when it did not add it.
   */
  acquire(
    key: string,
    member: string,
    limit: number,
    expiresAt: number,
    now: number,
  ): Promise<{ acquired: true } | { acquired: false; freeAt: number }>;
  /** Adds `member` to set `key` (or moves its expiry) whatever the set holds. */
  put(key: string, member: string, expiresAt: number, now: number): Promise<void>;
  /** Drops `member` from set `key`. */
  remove(key: string, member: string): Promise<void>;
}

/** How often, at most, the memory store looks for expired counters to forget. */
const SWEEP_EVERY_MS = 10_000;

/** The default store: this process's memory. Limits hold per process, not across instances. */
export class MemoryStore implements LimitStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private readonly sets = new Map<string, Map<string, number>>();
  private lastSweep = 0;

  constructor(private readonly clock: Pick<Clock, 'now'> = systemClock) {}

  // In memory, every answer is ready at once; the interface is async for shared stores.
  increment(key: string, ttlMs: number): Promise<number> {
    const now = this.clock.now();
    this.sweep(now);
    const counter = this.counters.get(key);
    if (counter && counter.expiresAt > now) return Promise.resolve(++counter.count);
    this.counters.set(key, { count: 1, expiresAt: now + ttlMs });
    return Promise.resolve(1);
  }

  acquire(key: string, member: string, limit: number, expiresAt: number, now: number) {
    const set = this.live(key, now);
    if (set.size >= limit && !set.has(member)) {
      return Promise.resolve({ acquired: false as const, freeAt: Math.min(...set.values()) });
    }
    set.set(member, expiresAt);
    return Promise.resolve({ acquired: true as const });
  }

  put(key: string, member: string, expiresAt: number, now: number): Promise<void> {
    this.live(key, now).set(member, expiresAt);
    return Promise.resolve();
  }

  remove(key: string, member: string): Promise<void> {
    this.sets.get(key)?.delete(member);
    return Promise.resolve();
  }

  /** Set `key` without its members that expired at `now`. */
  private live(key: string, now: number): Map<string, number> {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Map<string, number>()));
    for (const [member, expiresAt] of set) if (expiresAt <= now) set.delete(member);
    return set;
  }

  /** Forgets expired counters, so that a flood from many addresses does not grow the map. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) {
      if (counter.expiresAt <= now) this.counters.delete(key);
    }
  }
}
