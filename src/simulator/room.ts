/**
 * The simulated Daily room: which conversation a room URL names, and whether joining it fails
 * the way daily-js fails for a room that does not exist (so pages can test their error path).
 */

/** What daily-js says when a room does not exist; a failing join uses it. */
export const NO_ROOM_MESSAGE = "The meeting you're trying to join does not exist.";

/** The last path segment of a Daily room URL (`https://tavus.daily.co/c123?t=…` → `c123`). */
export function conversationIdFromUrl(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? '');
  } catch {
    return url.split(/[?#]/)[0]?.split('/').filter(Boolean).at(-1) ?? '';
  }
}

/** Whether the `failJoin` option makes a join of `url` fail. */
export function joinFails(url: string, failJoin: string | false): boolean {
  return failJoin !== false && (failJoin === '*' || url.includes(failJoin));
}
