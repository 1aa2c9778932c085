/**
 * Limits of the chat composer, in a module of their own so that the conversation element, which
 * loads before the drawer, can import them without pulling the drawer in.
 */

/**
 * Longest text the composer accepts, counted as `messageLength` counts (Tavus treats it as one
 * spoken turn). With the `conversation.respond` envelope around it, it stays well inside Daily's
 * 4,096-character app-message limit, whatever the text.
 * @internal
 */
export const COMPOSER_MAX_LENGTH = 2000;

/**
 * How much of Daily's limit a text takes inside an app message: its length once JSON-escaped (a
 * quote or a backslash counts 2, a control character 6), which is what daily-js measures.
 * @internal
 */
export function messageLength(text: string): number {
  return JSON.stringify(text).length - 2;
}
