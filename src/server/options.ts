import { systemClock, type Clock } from './clock.js';
import type { ConversationSettings } from './conversation-request.js';
import { DEFAULT_LIMITS, type EndpointLimits } from './limits.js';
import { normaliseOrigin, type AllowedOrigins } from './origin.js';
import { MemoryStore, type LimitStore } from './store.js';

/** What a hook is told about the request besides the request itself. */
export interface HookContext {
  /** The client's address, as the platform reported it (or `unknown`). */
  clientIp: string;
  /** The id this request carries in the log and in the `x-request-id` header. */
  requestId: string;
}

export interface ConversationEndpointOptions {
  /** The Tavus API key. Sent to Tavus only; never in a response or a log line. */
  apiKey: string;
  /** Signs end tokens (at least 32 characters); instances that share a store share it too. */
  endTokenSecret: string;
  /** Origins whose pages may create and end conversations (`https://example.com`), or a test. */
  allowedOrigins: AllowedOrigins;
  /** What every conversation is created with. */
  conversation: ConversationSettings;
  /** Tavus API origin; default `https://tavusapi.com`. */
  apiUrl?: string;
  /** Where the endpoint lives; default `/api/conversations` (ending is `<basePath>/<id>/end`). */
  basePath?: string;
  /** Numbers the endpoint enforces; each one defaults separately (see DEFAULT_LIMITS). */
  limits?: Partial<EndpointLimits>;
  /** Where counters live; default: this process's memory. */
  store?: LimitStore;
  /**
   * Lets the request body pick among values the site offers: return settings taken from the
   * site's own table (never strings copied from `body`), `undefined` for the defaults, `null` to
   * refuse (400 `invalid-choice`). Merged over `conversation`.
   */
  choose?: (
    body: Record<string, unknown>,
    request: Request,
    context: HookContext,
  ) => ConversationSettings | null | undefined | Promise<ConversationSettings | null | undefined>;
  /**
   * Runs before a create, after the rate limits: e.g. checks a captcha token from the body with
   * its provider. Anything but `true` refuses the create (403 `verification-failed`).
   */
  verify?: (
    request: Request,
    body: Record<string, unknown>,
    context: HookContext,
  ) => boolean | Promise<boolean>;
  /**
   * The client's address when the adapter's is not the right one (behind a proxy you trust:
   * e.g. the first `x-forwarded-for` entry your proxy sets). Default: what the adapter reports.
   */
  clientIp?: (request: Request) => string | undefined;
  /** One line per request (request id, route, status, code); default console.log, null: none. */
  log?: ((line: string) => void) | null;
  /** Injected for tests. */
  fetch?: typeof fetch;
  /** Injected for tests. */
  clock?: Clock;
}

export interface ResolvedOptions extends Required<
  Omit<ConversationEndpointOptions, 'choose' | 'verify' | 'clientIp' | 'limits' | 'log'>
> {
  limits: EndpointLimits;
  log: ((line: string) => void) | null;
  choose: ConversationEndpointOptions['choose'];
  verify: ConversationEndpointOptions['verify'];
  clientIp: ConversationEndpointOptions['clientIp'];
}

const MIN_SECRET_LENGTH = 32;

/** Fills in defaults and refuses, at start-up, a configuration that would run unsafely. */
export function resolveOptions(options: ConversationEndpointOptions): ResolvedOptions {
  const fail = (message: string): never => {
    throw new Error(`createConversationHandler: ${message}`);
  };
  if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
    fail('apiKey is required');
  }
  if (
    typeof options.endTokenSecret !== 'string' ||
    options.endTokenSecret.length < MIN_SECRET_LENGTH
  ) {
    fail(`endTokenSecret must be a random string of at least ${MIN_SECRET_LENGTH} characters`);
  }
  const origins = options.allowedOrigins;
  if (typeof origins !== 'function' && (!Array.isArray(origins) || origins.length === 0)) {
    fail('allowedOrigins must list the origins of the pages that may call the endpoint');
  }
  if (Array.isArray(origins)) origins.forEach(normaliseOrigin);
  if (!options.conversation?.replicaId && !options.conversation?.personaId) {
    fail('conversation needs a replicaId and/or a personaId');
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') fail('no fetch available');
  const clock = options.clock ?? systemClock;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const name of ['maxBodyBytes', 'bodyTimeoutMs', 'upstreamTimeoutMs', 'liveConversations']) {
    const value = limits[name as keyof EndpointLimits];
    if (typeof value !== 'number' || !(value > 0)) fail(`limits.${name} must be a positive number`);
  }
  for (const windows of [limits.createsPerClient, limits.endsPerClient]) {
    for (const window of windows) {
      if (!(window.max >= 0) || !(window.windowSeconds > 0)) {
        fail('a rate window needs max >= 0 and windowSeconds > 0');
      }
    }
  }
  return {
    apiKey: options.apiKey,
    endTokenSecret: options.endTokenSecret,
    allowedOrigins: origins,
    conversation: options.conversation,
    apiUrl: options.apiUrl ?? 'https://tavusapi.com',
    basePath: `/${(options.basePath ?? '/api/conversations').replace(/^\/+|\/+$/g, '')}`,
    limits,
    store: options.store ?? new MemoryStore(clock),
    choose: options.choose,
    verify: options.verify,
    clientIp: options.clientIp,
    log: options.log === undefined ? (line) => console.log(line) : options.log,
    // Called as a plain function: some runtimes refuse a `fetch` called as another object's method.
    fetch: (input, init) => fetchImpl(input, init),
    clock,
  };
}
