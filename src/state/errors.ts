/**
 * daily-js rejects with strings, Errors or plain objects depending on where a failure happens
 * (toolchain.md P7). The failure's own words, or '' when it has none: an empty string or object,
 * a bare `Error` without a message. Never throws, whatever it is given.
 */
export function failureCause(reason: unknown, depth = 0): string {
  try {
    if (typeof reason === 'string') return reason.trim();
    if (reason instanceof Error) {
      // A bare "Error" says nothing; a named one (NotAllowedError) says something.
      return reason.message.trim() || (reason.name !== 'Error' ? reason.name : '');
    }
    if (reason && typeof reason === 'object' && depth < 4) {
      const record = reason as Record<string, unknown>;
      for (const key of ['errorMsg', 'msg', 'message', 'error']) {
        const cause = failureCause(record[key], depth + 1);
        if (cause) return cause;
      }
    }
  } catch {
    // A getter that throws: nothing to say.
  }
  return '';
}

/** Whatever arrived as a short reason, `unknown error` when it carries none. */
export function describeFailure(reason: unknown): string {
  return failureCause(reason) || 'unknown error';
}

/** Ends a message with a full stop unless it already ends a sentence. */
export function asSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * One sentence for a person: `Could not join the conversation: <the failure's words>.`, or just
 * `Could not join the conversation.` when the failure says nothing.
 */
export function explainFailure(summary: string, reason: unknown): string {
  const cause = failureCause(reason);
  return cause ? `${summary}: ${asSentence(cause)}` : `${summary}.`;
}

/** An Error that carries one of the element's stable error codes. */
export class ConversationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConversationError';
  }
}

/** The rejection of an interaction method called outside the `connected` state. */
export function notConnectedError(state: string): Error {
  return new Error(
    `tavus-conversation: not connected (state is "${state}"); call start() and wait for the ` +
      '"connected" state before sending interactions.',
  );
}
