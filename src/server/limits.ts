import type { Clock } from './clock.js';
import { EndpointError } from './errors.js';
import type { LimitStore } from './store.js';

/** At most `max` requests per `windowSeconds` (fixed windows). */
export interface RateWindow {
  max: number;
  windowSeconds: number;
}

/** The numbers the endpoint enforces; README's security section lists the defaults. */
export interface EndpointLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Time allowed for a whole request body to arrive, in ms. */
  bodyTimeoutMs: number;
  /** Time allowed to each Tavus API call, in ms. */
  upstreamTimeoutMs: number;
  /** Creates one client may make; every window applies. */
  createsPerClient: readonly RateWindow[];
  /** End requests one client may make; every window applies. */
  endsPerClient: readonly RateWindow[];
  /** Conversations live at once, across every instance sharing the store. */
  liveConversations: number;
}

export const DEFAULT_LIMITS: EndpointLimits = {
  maxBodyBytes: 16 * 1024,
  bodyTimeoutMs: 10_000,
  upstreamTimeoutMs: 15_000,
  createsPerClient: [
    { max: 5, windowSeconds: 60 },
    { max: 20, windowSeconds: 3600 },
  ],
  endsPerClient: [{ max: 30, windowSeconds: 60 }],
  liveConversations: 10,
};

/** The longest Retry-After given for a full house: conversations often end before their limit. */
const MAX_CAP_RETRY_SECONDS = 60;
/** A create in progress holds its slot this long past its Tavus timeout, should it never end. */
const RESERVATION_MARGIN_MS = 60_000;
const LIVE_SET = 'live';

/** Per-client rate limits and the cap on live conversations, kept in a LimitStore. */
export class Limiter {
  constructor(
    private readonly store: LimitStore,
    private readonly limits: EndpointLimits,
    private readonly clock: Clock,
  ) {}

  /** Counts one `action` by `client`; throws a 429 `rate-limited` when a window is full. */
  async count(action: 'create' | 'end', client: string): Promise<void> {
    const windows = action === 'create' ? this.limits.createsPerClient : this.limits.endsPerClient;
    const now = this.clock.now();
    let retryAfterMs = 0;
    for (const { max, windowSeconds } of windows) {
      const windowMs = windowSeconds * 1000;
      const index = Math.floor(now / windowMs);
      const count = await this.store.increment(
        `rate:${action}:${windowSeconds}:${index}:${client}`,
        windowMs,
      );
      if (count > max) retryAfterMs = Math.max(retryAfterMs, (index + 1) * windowMs - now);
    }
    if (retryAfterMs > 0) {
      throw new EndpointError('rate-limited', { retryAfterSeconds: retryAfterMs / 1000 });
    }
  }

  /** Holds a slot for a create in progress; throws a 429 `too-many-conversations` when full. */
  async reserve(reservation: string): Promise<void> {
    const now = this.clock.now();
    const result = await this.store.acquire(
      LIVE_SET,
      `pending:${reservation}`,
      this.limits.liveConversations,
      now + this.limits.upstreamTimeoutMs + RESERVATION_MARGIN_MS,
      now,
    );
    if (!result.acquired) {
      const wait = Math.min(MAX_CAP_RETRY_SECONDS, (result.freeAt - now) / 1000);
      throw new EndpointError('too-many-conversations', { retryAfterSeconds: wait });
    }
  }

  /** Turns a reservation into the conversation Tavus created, held until it must be over. */
  async confirm(reservation: string, conversationId: string, holdSeconds: number): Promise<void> {
    const now = this.clock.now();
    // Added before the reservation goes, so the count never dips below the truth in between.
    await this.store.put(LIVE_SET, `conversation:${conversationId}`, now + holdSeconds * 1000, now);
    await this.cancel(reservation);
  }

  /** Frees the slot of a create that did not happen. */
  cancel(reservation: string): Promise<void> {
    return this.store.remove(LIVE_SET, `pending:${reservation}`);
  }

  /** Frees the slot of a conversation that was ended. */
  ended(conversationId: string): Promise<void> {
    return this.store.remove(LIVE_SET, `conversation:${conversationId}`);
  }
}
