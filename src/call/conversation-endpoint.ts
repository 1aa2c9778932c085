import { ConversationError, asSentence, failureCause } from '../state/errors.js';

/** What the site's backend returns when it created a conversation. */
export interface CreatedConversation {
  conversationUrl: string;
  conversationId?: string;
  /** Admits this visitor to the private room; handed to daily-js as `token`, never in a URL. */
  meetingToken?: string;
  /** Proves to the backend that this page created the conversation, so it may end it. */
  endToken?: string;
  /** The call's time limit in seconds, as the backend created it. */
  maxCallDuration?: number;
}

/** How long the site's backend may take to create a conversation before we give up. */
export const ENDPOINT_TIMEOUT_MS = 20_000;
const MAX_SERVER_MESSAGE = 200;

/**
 * Asks the site's own backend to create a Tavus conversation (the API key stays there).
 * Contract: `POST <endpoint>` with a JSON body, answer `{conversation_url, conversation_id?,
 * meeting_token?, end_token?, max_call_duration?}`. Every failure becomes a ConversationError
 * that says what happened.
 */
export async function createConversation(
  endpoint: string,
  body: Record<string, unknown>,
  signal: AbortSignal,
  timeoutMs = ENDPOINT_TIMEOUT_MS,
): Promise<CreatedConversation> {
  const response = await post(endpoint, body, signal, timeoutMs);
  if (!response.ok) {
    const detail = await readServerMessage(response);
    throw new ConversationError(
      'endpoint-failed',
      asSentence(
        `The conversation service answered ${response.status}${detail ? `: ${detail}` : ''}`,
      ),
    );
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    throw new ConversationError(
      'endpoint-failed',
      'The conversation service did not answer with JSON.',
    );
  }
  const record = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
  const url = record['conversation_url'];
  if (typeof url !== 'string' || !url) {
    throw new ConversationError(
      'endpoint-failed',
      'The conversation service answered without a conversation_url.',
    );
  }
  const id = record['conversation_id'];
  const token = record['meeting_token'];
  const endToken = record['end_token'];
  const limit = record['max_call_duration'];
  return {
    conversationUrl: url,
    ...(typeof id === 'string' && id ? { conversationId: id } : {}),
    ...(typeof token === 'string' && token ? { meetingToken: token } : {}),
    ...(typeof endToken === 'string' && endToken ? { endToken } : {}),
    ...(typeof limit === 'number' && Number.isFinite(limit) && limit > 0
      ? { maxCallDuration: limit }
      : {}),
  };
}

/**
 * Asks the backend to end the conversation (`POST <endpoint>/<id>/end`) so billing stops, with
 * the `end_token` its create answer carried (a backend refuses an end without it). `keepalive`
 * lets it finish while the page unloads.
 */
export async function endConversation(
  endpoint: string,
  conversationId: string,
  endToken?: string,
  timeoutMs = ENDPOINT_TIMEOUT_MS,
): Promise<void> {
  const url = `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(conversationId)}/end`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(endToken ? { end_token: endToken } : {}),
    keepalive: true,
    credentials: 'same-origin',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    const detail = await readServerMessage(response);
    throw new ConversationError(
      'endpoint-failed',
      asSentence(
        `Ending the conversation failed with ${response.status}${detail ? `: ${detail}` : ''}`,
      ),
    );
  }
}

async function post(
  endpoint: string,
  body: Record<string, unknown>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch (reason) {
    if (timeout.aborted) {
      throw new ConversationError(
        'endpoint-timeout',
        `The conversation service did not answer within ${Math.round(timeoutMs / 1000)} seconds.`,
      );
    }
    if (signal.aborted) throw new ConversationError('endpoint-failed', 'The start was cancelled.');
    // Not String(reason): a page's fetch wrapper may reject with anything ("[object Object]").
    const cause = failureCause(reason);
    throw new ConversationError(
      'endpoint-failed',
      `The conversation service could not be reached${cause ? ` (${cause})` : ''}.`,
    );
  }
}

/** The server's own explanation, from `{error: {message}}`, `{error}`, `{message}` or text. */
async function readServerMessage(response: Response): Promise<string> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    return '';
  }
  let message = text;
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const error = parsed?.['error'];
    const candidate =
      (error && typeof error === 'object' && (error as Record<string, unknown>)['message']) ||
      error ||
      parsed?.['message'];
    if (typeof candidate === 'string') message = candidate;
  } catch {
    // Not JSON: the text itself is the message.
  }
  message = message.replace(/\s+/g, ' ').trim();
  return message.length > MAX_SERVER_MESSAGE ? `${message.slice(0, MAX_SERVER_MESSAGE)}…` : message;
}
