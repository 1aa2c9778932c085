/**
 * Limits of the chat composer, in a module of their own so that the conversation element, which
 * loads before the drawer, can import them without pulling the drawer in.
 */

/**
 * Longest text the composer accepts, in UTF-16 code units (Tavus treats it as one spoken turn).
 * @internal
 */
export const COMPOSER_MAX_LENGTH = 2000;
