import { ConversationError, explainFailure, failureCause } from '../state/errors.js';

/**
 * Why a join failed, in words a visitor can act on. daily-js fails the same way whether Daily is
 * unreachable or its bundle cannot load (a string naming a CDN URL): that is the connection, and
 * the raw text goes to the console only.
 */
export function joinFailure(reason: unknown): ConversationError {
  const cause = failureCause(reason);
  if (
    /call object bundle|connection-error|failed to fetch|networkerror|network error/i.test(cause)
  ) {
    console.warn(`tavus-conversation: Daily could not be reached: ${cause}`);
    return new ConversationError(
      'call-unavailable',
      'Could not reach the video service. Check your connection and try again.',
    );
  }
  return new ConversationError(
    'join-failed',
    explainFailure('Could not join the conversation', reason),
  );
}

/** end() or a removal came while the call was being made or joined. */
export function joinCancelled(): ConversationError {
  return new ConversationError('join-failed', 'The join was cancelled.');
}

/** Rejects once the signal aborts (never settles otherwise). */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const cancelled = () => reject(joinCancelled());
    if (signal.aborted) cancelled();
    else signal.addEventListener('abort', cancelled, { once: true });
  });
}
