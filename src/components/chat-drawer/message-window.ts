/**
 * Which slice of the transcript the chat drawer renders: pure arithmetic on message counts, no
 * DOM. The drawer keeps its rendering cost flat however long the conversation gets by rendering a
 * window of messages; these functions say how that window moves when messages arrive, when the
 * reader asks for earlier ones, and when they read on or come back to the latest.
 *
 * Every function returns the window it was given when nothing changes, so that a caller storing
 * the window in reactive state does not schedule a render for nothing.
 */

/**
 * Messages rendered at once; "Show earlier messages" adds this many more.
 * @internal
 */
export const MESSAGE_WINDOW = 60;

/**
 * However long a reader stays scrolled up, the DOM holds at most this many windows.
 * @internal
 */
export const MAX_WINDOWS = 5;

/** The rendered slice of a transcript. */
export interface MessageWindow {
  /** How many messages are rendered, ending at `end`. */
  readonly count: number;
  /**
   * End (exclusive) of the rendered messages while a reader is far back in a long conversation;
   * null: the window ends at the latest message and follows new ones.
   */
  readonly end: number | null;
}

/**
 * The step a window grows by: `size` as a whole number of at least one message.
 * @internal
 */
export function windowStep(size: number): number {
  return Number.isFinite(size) ? Math.max(1, Math.floor(size)) : MESSAGE_WINDOW;
}

/**
 * The most messages a window of this step may hold.
 * @internal
 */
export function maxWindowLength(size: number): number {
  return windowStep(size) * MAX_WINDOWS;
}

/**
 * One step of messages ending at the latest: where a reader following the conversation is.
 * @internal
 */
export function latestWindow(size: number): MessageWindow {
  return { count: windowStep(size), end: null };
}

/**
 * `[start, end)` of the rendered messages in a transcript of `length` messages.
 * @internal
 */
export function windowBounds(window: MessageWindow, length: number): [number, number] {
  const end = Math.min(window.end ?? length, length);
  return [Math.max(0, end - window.count), end];
}

/**
 * Messages arrived (`previousLength` to `length`) while the reader is scrolled up: what they look
 * at stays rendered. The window keeps its start and takes in new messages up to its limit, then
 * stops following them.
 * @internal
 */
export function keepReaderInPlace(
  window: MessageWindow,
  previousLength: number,
  length: number,
  size: number,
): MessageWindow {
  if (window.end !== null || length <= previousLength) {
    return window;
  }
  const start = Math.max(0, previousLength - window.count);
  const end = Math.min(length, start + maxWindowLength(size));
  return slice(window, start, end, length);
}

/**
 * "Show earlier messages": one step earlier, dropping the latest ones beyond the limit.
 * @internal
 */
export function showEarlier(window: MessageWindow, length: number, size: number): MessageWindow {
  const [start, end] = windowBounds(window, length);
  const nextStart = Math.max(0, start - windowStep(size));
  const nextEnd = Math.min(end, nextStart + maxWindowLength(size));
  return slice(window, nextStart, nextEnd, length);
}

/**
 * The reader reached the end of the rendered messages. A window that stops short of the latest
 * message slides one step on (dropping the oldest beyond the limit); one that ends at the latest
 * shrinks back to one step, since the reader no longer looks at the earlier ones.
 * @internal
 */
export function readOn(window: MessageWindow, length: number, size: number): MessageWindow {
  if (window.end === null) {
    return window.count > windowStep(size) ? latestWindow(size) : window;
  }
  const [start, end] = windowBounds(window, length);
  const nextEnd = Math.min(length, end + windowStep(size));
  const nextStart = Math.max(start, nextEnd - maxWindowLength(size));
  return slice(window, nextStart, nextEnd, length);
}

/** `[start, end)` as a window; an end at the latest message follows new ones. */
function slice(current: MessageWindow, start: number, end: number, length: number): MessageWindow {
  const next: MessageWindow = { count: end - start, end: end < length ? end : null };
  return next.count === current.count && next.end === current.end ? current : next;
}
