import {
  createConversation,
  endConversation,
  type CreatedConversation,
} from '../call/conversation-endpoint.js';
import type { SessionConfig } from './session-config.js';

/**
 * A conversation being created through the site's endpoint. It is asked for on the click, from
 * the entry, before the call machinery's code has arrived: the endpoint's answer (the slowest
 * step, as Tavus boots the replica) is then in flight while that code loads. Whoever ends up
 * holding it either uses what it creates or gives it up with `abandon()`.
 */
export interface ConversationRequest {
  readonly endpoint: string;
  readonly created: Promise<CreatedConversation>;
  /** Aborts the request; a conversation it already created is ended, so it stops billing. */
  abandon(): void;
}

/**
 * What the session sends on the click: the endpoint's request when the element has no
 * conversation URL of its own and has an endpoint; otherwise null (the attempt reports what is
 * missing or wrong).
 */
export function requestConversationFor(config: SessionConfig): ConversationRequest | null {
  const endpoint = config.conversationEndpoint.trim();
  return config.conversationUrl.trim() || !endpoint ? null : requestConversation(endpoint);
}

/** Asks `endpoint` to create a conversation. */
export function requestConversation(endpoint: string): ConversationRequest {
  const abort = new AbortController();
  const created = createConversation(endpoint, {}, abort.signal);
  // Reported by whoever awaits it; a request that is given up must not be an unhandled rejection.
  created.catch(() => {});
  let abandoned = false;
  return {
    endpoint,
    created,
    abandon() {
      if (abandoned) return;
      abandoned = true;
      abort.abort();
      created.then(
        ({ conversationId, endToken }) => {
          if (!conversationId) return;
          endConversation(endpoint, conversationId, endToken).catch(() => {
            // The backend's own time limit ends it.
          });
        },
        () => {},
      );
    },
  };
}
