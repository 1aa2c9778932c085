import type { TavusEvent } from '../protocol/types.js';

/**
 * A Tavus observable event re-dispatched on the element: `detail` is the Tavus object exactly as
 * received. Named by the rule in design.md (`conversation.utterance` → `tavus-utterance`), and
 * once more as `tavus-event`. Only `tavus-tool-call` is cancelable: `preventDefault()` means
 * "I handle this tool call myself".
 */
export type TavusProtocolEvent<T extends TavusEvent = TavusEvent> = CustomEvent<T>;

/**
 * The DOM event for one Tavus event (bubbling, composed; cancelable for tool calls).
 * @internal
 */
export function createProtocolEvent<T extends TavusEvent>(
  name: string,
  detail: T,
  cancelable = false,
): TavusProtocolEvent<T> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}
