import { ConversationError } from '../state/errors.js';

/** A conversation's Daily room, read from its URL. */
export interface ConversationRoom {
  /** The room URL daily-js joins, without the meeting token. */
  url: string;
  /** The conversation id: the URL's last path segment. */
  id: string;
  /** A private room's meeting token, when the URL carried one as `?t=`. */
  token?: string;
}

/**
 * Validates a conversation URL and takes the conversation id from its last path segment. A
 * meeting token riding in the URL (`?t=…`) is taken out: it goes to daily-js as `token`, never
 * inside the URL, which daily-js may pass on to its error reporting.
 */
export function parseConversationUrl(value: string): ConversationRoom {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not quoted: it may carry a meeting token.
    throw new ConversationError('invalid-url', 'The conversation URL is not a valid URL.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ConversationError(
      'invalid-url',
      `The conversation URL must start with https:// (got ${url.protocol}//).`,
    );
  }
  const id = url.pathname.split('/').filter(Boolean).pop() ?? '';
  const token = url.searchParams.get('t') ?? undefined;
  url.searchParams.delete('t');
  return { url: url.href, id: safeDecode(id), ...(token ? { token } : {}) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
