/**
 * daily-js rejects with strings, Errors or plain objects depending on where a failure happens
 * (toolchain.md P7). Turn whatever arrived into one readable sentence.
 */
export function describeFailure(reason: unknown): string {
  if (typeof reason === 'string') return reason.trim() || 'unknown error';
  if (reason instanceof Error) return reason.message || reason.name;
  if (reason && typeof reason === 'object') {
    const record = reason as Record<string, unknown>;
    for (const key of ['errorMsg', 'msg', 'message', 'error']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      if (value && typeof value === 'object') return describeFailure(value);
    }
  }
  return 'unknown error';
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
