/**
 * The type of every DOM event `<tavus-conversation>` fires, put on the global event maps so that
 * `addEventListener('tavus-utterance', (e) => e.detail…)` is typed on the element, and, since
 * every event bubbles and is composed, on `document` and `window` too. The Tavus events come from
 * the one table of known events (`TavusEventMap`, named by `DomEventName`); no name is listed here.
 */
import type { TavusDomEventMap } from '../protocol/event-names.js';
import type { TavusErrorEvent } from './error-event.js';
import type { TavusMetricsEvent } from './metrics-event.js';
import type { TavusSendEvent } from './send-event.js';
import type { TavusStateChangeEvent } from './state-change-event.js';
import type { TavusTimeWarningEvent } from './time-warning-event.js';
import type { TavusProtocolEvent } from './tavus-protocol-event.js';

/** The element's own events, and the catch-all copy of every Tavus event. */
interface OwnEventMap {
  'tavus-state-change': TavusStateChangeEvent;
  'tavus-error': TavusErrorEvent;
  'tavus-send': TavusSendEvent;
  'tavus-time-warning': TavusTimeWarningEvent;
  'tavus-metrics': TavusMetricsEvent;
  'tavus-event': TavusProtocolEvent;
}

/** Event name → event class, for every event `<tavus-conversation>` fires. */
export type TavusConversationEventMap = OwnEventMap & {
  [Name in keyof TavusDomEventMap]: TavusProtocolEvent<TavusDomEventMap[Name]>;
};

declare global {
  // Interfaces merge with the DOM's own; extending the map adds every entry at once.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends TavusConversationEventMap {}
  interface GlobalEventHandlersEventMap extends TavusConversationEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
