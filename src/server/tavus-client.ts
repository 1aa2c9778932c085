import type { Clock } from './clock.js';
import { EndpointError } from './errors.js';

/** Tavus conversation ids are short letters and digits (`c123456`): generous, but path-safe. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface CreatedByTavus {
  conversationUrl: string;
  conversationId: string;
  meetingToken?: string;
}

interface UpstreamAnswer {
  ok: boolean;
  status: number;
  headers: Headers;
  text: string;
}

export interface TavusClient {
  create(body: Record<string, unknown>): Promise<CreatedByTavus>;
  end(conversationId: string): Promise<void>;
}

/**
 * The two Tavus REST calls the endpoint makes, each with a timeout. Failures become coded
 * EndpointErrors: Tavus' own error text never leaves here (it may name the account, echo the
 * request or worse); the log gets Tavus' HTTP status through `detail`.
 */
export function createTavusClient(options: {
  apiKey: string;
  apiUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  clock: Clock;
}): TavusClient {
  const base = options.apiUrl.replace(/\/+$/, '');

  async function post(path: string, body?: Record<string, unknown>): Promise<UpstreamAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = options.clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    try {
      const response = await options.fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'x-api-key': options.apiKey,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
      });
      // Read inside the timeout too: a slow answer body is as stuck as no answer.
      const text = await response.text();
      return { ok: response.ok, status: response.status, headers: response.headers, text };
    } catch {
      throw new EndpointError(timedOut ? 'tavus-timeout' : 'tavus-unreachable');
    } finally {
      options.clock.clearTimeout(timer);
    }
  }

  return {
    async create(body) {
      const response = await post('/v2/conversations', body);
      if (!response.ok) throw upstreamError(response);
      let data: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(response.text);
        if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
      } catch {
        // Checked below.
      }
      const url = data['conversation_url'];
      const id = data['conversation_id'];
      const token = data['meeting_token'];
      if (
        typeof url !== 'string' ||
        !url.startsWith('https://') ||
        typeof id !== 'string' ||
        !CONVERSATION_ID.test(id)
      ) {
        throw new EndpointError('bad-upstream-response', { detail: 'create answer' });
      }
      return {
        conversationUrl: url,
        conversationId: id,
        ...(typeof token === 'string' && token ? { meetingToken: token } : {}),
      };
    },
    async end(conversationId) {
      const response = await post(`/v2/conversations/${encodeURIComponent(conversationId)}/end`);
      if (!response.ok) throw upstreamError(response);
    },
  };
}

/** Maps a Tavus HTTP error onto a coded one, keeping only its status for the log. */
function upstreamError(response: UpstreamAnswer): EndpointError {
  const status = response.status;
  const detail = `Tavus HTTP ${status}`;
  if (status === 401 || status === 403) return new EndpointError('tavus-unauthorized', { detail });
  if (status === 404) return new EndpointError('not-found', { detail });
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return new EndpointError('tavus-busy', {
      detail,
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 30,
    });
  }
  if (status >= 500) return new EndpointError('tavus-unavailable', { detail });
  return new EndpointError('tavus-rejected', { detail });
}
