/**
 * Daily's limit on what one app message may carry, defined once for everything that sends one:
 * the interaction builders, the call controller and the simulated call.
 */

/** daily-js refuses app-message data whose JSON (`JSON.stringify(data)`) is longer than this. */
export const MAX_APP_MESSAGE_LENGTH = 4096;

/**
 * The same limit counted in UTF-8 bytes, which are never fewer than the characters daily-js
 * counts: a message within this many bytes always fits. `buildEchoAudio` splits audio by it.
 */
export const MAX_APP_MESSAGE_BYTES: number = MAX_APP_MESSAGE_LENGTH;
