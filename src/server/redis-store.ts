import type { LimitStore } from './store.js';

/**
 * The part of a Redis client the store uses: node-redis' `client.eval(script, { keys,
 * arguments })` (the `redis` package on npm, v4 and later). The caller creates, connects and
 * closes the client; this module imports nothing from it.
 */
export interface RedisEvalClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Each operation is one Lua script, so it is atomic across every instance sharing the server.
// Expiry times are the endpoint's clock (ARGV); key lifetimes are set relative to its `now`, so
// the two clocks never need to agree.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == false
  and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, first[2]}
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(last[2]) - tonumber(ARGV[4])))
return {1, '0'}`;

const PUT = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(last[2]) - tonumber(ARGV[3])))
return 1`;

/**
 * Counters in Redis, for deployments with several instances: every instance sees the same
 * per-client counts and the same set of live conversations. Keys start with `prefix`
 * (default `tavus-conversation:`) and expire by themselves.
 *
 * ```js
 * import { createClient } from 'redis';
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = new RedisStore(client);
 * ```
 */
export class RedisStore implements LimitStore {
  private readonly prefix: string;

  constructor(
    private readonly client: RedisEvalClient,
    options: { prefix?: string } = {},
  ) {
    this.prefix = options.prefix ?? 'tavus-conversation:';
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const reply = await this.client.eval(INCREMENT, {
      keys: [this.prefix + key],
      arguments: [String(Math.max(1, Math.ceil(ttlMs)))],
    });
    return Number(reply);
  }

  async acquire(key: string, member: string, limit: number, expiresAt: number, now: number) {
    const reply = await this.client.eval(ACQUIRE, {
      keys: [this.prefix + key],
      arguments: [member, String(limit), String(expiresAt), String(now)],
    });
    const [added, freeAt] = (Array.isArray(reply) ? reply : []) as unknown[];
    return Number(added) === 1
      ? { acquired: true as const }
      : { acquired: false as const, freeAt: Number(freeAt) };
  }

  async put(key: string, member: string, expiresAt: number, now: number): Promise<void> {
    await this.client.eval(PUT, {
      keys: [this.prefix + key],
      arguments: [member, String(expiresAt), String(now)],
    });
  }

  async remove(key: string, member: string): Promise<void> {
    await this.client.eval(`return redis.call('ZREM', KEYS[1], ARGV[1])`, {
      keys: [this.prefix + key],
      arguments: [member],
    });
  }
}
