/**
 * A type test: `tsc -p tsconfig.json --noEmit` checks it, nothing runs it. Listeners for the
 * element's events are typed on the element, on `document` and on `window`, and the typing is
 * derived from the one table of known events (`TavusEventMap`). Each `@ts-expect-error` marks a
 * misuse that must stay an error: were the events untyped, the positive lines would fail to
 * compile; were they typed loosely, the marked lines would compile and tsc would report the
 * unused directive.
 */
import type { TavusConversation } from '../../src/components/conversation/conversation.js';
import type {
  ConversationState,
  DomEventName,
  KnownEventType,
  TavusConversationEventMap,
  TavusErrorCode,
  TavusEventMap,
  TavusProtocolEvent,
  UtteranceEvent,
} from '../../src/index.js';

/** True when A and B are the same type (not merely assignable one way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

declare const element: TavusConversation;

// The DOM name rule, at the type level, on the examples of the public contract (design.md).
export type RuleExamples = [
  Expect<Equal<DomEventName<'conversation.utterance'>, 'tavus-utterance'>>,
  Expect<Equal<DomEventName<'conversation.utterance.streaming'>, 'tavus-utterance-streaming'>>,
  Expect<Equal<DomEventName<'conversation.tool_call'>, 'tavus-tool-call'>>,
  Expect<
    Equal<DomEventName<'conversation.replica.started_speaking'>, 'tavus-replica-started-speaking'>
  >,
  Expect<Equal<DomEventName<'system.replica_joined'>, 'tavus-replica-joined'>>,
];

// Every known Tavus event is typed under its DOM name, on every map a listener may use.
type Expected = { [K in KnownEventType]: TavusProtocolEvent<TavusEventMap[K]> };
export type EveryKnownEvent = [
  Expect<Equal<{ [K in KnownEventType]: HTMLElementEventMap[DomEventName<K>] }, Expected>>,
  Expect<Equal<{ [K in KnownEventType]: GlobalEventHandlersEventMap[DomEventName<K>] }, Expected>>,
  Expect<Equal<{ [K in KnownEventType]: DocumentEventMap[DomEventName<K>] }, Expected>>,
  Expect<Equal<{ [K in KnownEventType]: WindowEventMap[DomEventName<K>] }, Expected>>,
  Expect<Equal<TavusConversationEventMap['tavus-utterance'], TavusProtocolEvent<UtteranceEvent>>>,
];

export function listeners(): void {
  element.addEventListener('tavus-utterance', (event) => {
    const type: 'conversation.utterance' = event.detail.event_type;
    const speech: string | undefined = event.detail.properties?.speech;
    // @ts-expect-error: a tavus-utterance carries an utterance, not a tool call.
    const wrong: 'conversation.tool_call' = event.detail.event_type;
    void [type, speech, wrong];
  });

  document.addEventListener('tavus-utterance-streaming', (event) => {
    const index: number | undefined = event.detail.properties?.content_index;
    // @ts-expect-error: the detail is the Tavus event, which has no `text` of its own.
    const text: string = event.detail.text;
    void [index, text];
  });

  window.addEventListener('tavus-tool-call', (event) => {
    event.preventDefault();
    const id: string | undefined = event.detail.properties?.tool_call_id;
    // @ts-expect-error: a tool call's name is a string.
    const name: number = event.detail.properties?.name;
    void [id, name];
  });

  document.addEventListener('tavus-state-change', (event) => {
    const state: ConversationState = event.detail.state;
    // @ts-expect-error: `state` is one of the element's states, not any string.
    const other: 'started' = event.detail.state;
    void [state, other];
  });

  window.addEventListener('tavus-error', (event) => {
    const code: TavusErrorCode = event.detail.code;
    void code;
  });

  document.addEventListener('tavus-event', (event) => {
    const type: string = event.detail.event_type;
    void type;
  });

  // An event the element does not fire is a plain Event: a CustomEvent listener does not fit.
  // @ts-expect-error: 'tavus-utterances' is not an event of the element.
  document.addEventListener('tavus-utterances', (event: CustomEvent<UtteranceEvent>) => event);
}
