import type { KnownEventType, TavusEvent, TavusEventMap } from './types.js';

/** An event type without its leading `conversation.` or `system.`. */
type WithoutPrefix<T extends string> = T extends `conversation.${infer Rest}`
  ? Rest
  : T extends `system.${infer Rest}`
    ? Rest
    : T;

/** Every `.` and `_` replaced by `Separator`. */
type Separated<T extends string, Separator extends string> = T extends `${infer Head}.${infer Tail}`
  ? `${Separated<Head, Separator>}${Separator}${Separated<Tail, Separator>}`
  : T extends `${infer Head}_${infer Tail}`
    ? `${Head}${Separator}${Separated<Tail, Separator>}`
    : T;

/**
 * The DOM event name of a known event type, by the rule `domEventName` applies at run time
 * (`'system.replica_joined'` → `'tavus-replica-joined'`), for typing listeners.
 */
export type DomEventName<T extends KnownEventType> = `tavus-${Separated<WithoutPrefix<T>, '-'>}`;

/** DOM event name → Tavus event, for each known type (`tavus-utterance` → `UtteranceEvent`). */
export type TavusDomEventMap = {
  [K in KnownEventType as DomEventName<K>]: TavusEventMap[K];
};

/** The `EVENT_TYPES` key of an event type: `conversation.tool_call` → `TOOL_CALL`. */
type ConstantName<T extends KnownEventType> = Uppercase<Separated<WithoutPrefix<T>, '_'>>;

/**
 * The observable event types this library knows by name: one entry for each event of
 * `TavusEventMap` (types.ts), which the annotation holds it to, no more and no fewer.
 */
export const EVENT_TYPES: { readonly [K in KnownEventType as ConstantName<K>]: K } = {
  UTTERANCE: 'conversation.utterance',
  UTTERANCE_STREAMING: 'conversation.utterance.streaming',
  TOOL_CALL: 'conversation.tool_call',
  PERCEPTION_TOOL_CALL: 'conversation.perception_tool_call',
  PERCEPTION_ANALYSIS: 'conversation.perception_analysis',
  REPLICA_STARTED_SPEAKING: 'conversation.replica.started_speaking',
  REPLICA_STOPPED_SPEAKING: 'conversation.replica.stopped_speaking',
  USER_STARTED_SPEAKING: 'conversation.user.started_speaking',
  USER_STOPPED_SPEAKING: 'conversation.user.stopped_speaking',
  STARTED_SPEAKING: 'conversation.started_speaking',
  STOPPED_SPEAKING: 'conversation.stopped_speaking',
  REPLICA_INTERRUPTED: 'conversation.replica_interrupted',
  OBJECTIVE_ACTIVATED: 'conversation.objective.activated',
  OBJECTIVE_COMPLETED: 'conversation.objective.completed',
  OBJECTIVE_PENDING: 'conversation.objective.pending',
  REPLICA_JOINED: 'system.replica_joined',
  REPLICA_PRESENT: 'system.replica_present',
  SHUTDOWN: 'system.shutdown',
  PAL_JOINED: 'system.pal_joined',
  JOINED: 'conversation.joined',
  LEFT: 'conversation.left',
};

/** The interactions the page can send (any other name goes through `buildInteraction`). */
export const INTERACTION_TYPES = {
  RESPOND: 'conversation.respond',
  ECHO: 'conversation.echo',
  INTERRUPT: 'conversation.interrupt',
  OVERWRITE_LLM_CONTEXT: 'conversation.overwrite_llm_context',
  APPEND_LLM_CONTEXT: 'conversation.append_llm_context',
  SENSITIVITY: 'conversation.sensitivity',
  TOOL_RESULT: 'conversation.tool_result',
} as const;

/**
 * Names the element fires for itself. A Tavus event whose name would collide with one of them
 * (say `conversation.error` → `tavus-error`) would reach listeners that expect the element's own
 * detail shape, or fire the catch-all twice, so it gets an `-event` suffix instead.
 */
export const RESERVED_DOM_EVENT_NAMES: ReadonlySet<string> = new Set([
  'tavus-event',
  'tavus-error',
  'tavus-state-change',
  'tavus-send',
]);

/** Longer names are cut: an event_type comes off the wire and could be megabytes long. */
export const MAX_DOM_EVENT_NAME_LENGTH = 128;

/**
 * DOM event name for a Tavus event_type: drop a leading `conversation.` or `system.`, turn `.`
 * and `_` into `-`, prefix `tavus-` (`system.replica_joined` → `tavus-replica-joined`).
 *
 * event_type comes from the network, so the result is neutralised rather than trusted: it is
 * lower-cased, every run of characters outside `[a-z0-9-]` becomes one `-`, repeated and edge
 * dashes are removed, and the name is cut to `MAX_DOM_EVENT_NAME_LENGTH`. The result always
 * matches `/^tavus-[a-z0-9]+(-[a-z0-9]+)*$/`; an event_type with nothing usable left gives
 * `tavus-unknown`. Names that collide with the element's own events get an `-event` suffix.
 */
export function domEventName(eventType: string): string {
  if (Object.hasOwn(KNOWN_NAMES, eventType)) return KNOWN_NAMES[eventType]!;
  return nameByRule(eventType);
}

function nameByRule(eventType: string): string {
  let rest = String(eventType)
    .slice(0, MAX_DOM_EVENT_NAME_LENGTH * 2)
    .toLowerCase();
  if (rest.startsWith('conversation.')) rest = rest.slice('conversation.'.length);
  else if (rest.startsWith('system.')) rest = rest.slice('system.'.length);
  rest = rest
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_DOM_EVENT_NAME_LENGTH - 'tavus-'.length)
    .replace(/^-+|-+$/g, '');
  if (rest === '') return 'tavus-unknown';
  const name = `tavus-${rest}`;
  return RESERVED_DOM_EVENT_NAMES.has(name) ? `${name}-event` : name;
}

/** Known event_type → DOM event name, worked out once by the rule `domEventName` follows. */
export const KNOWN_DOM_EVENT_NAMES = Object.fromEntries(
  Object.values(EVENT_TYPES).map((type) => [type, nameByRule(type)]),
) as { readonly [K in KnownEventType]: DomEventName<K> };

const KNOWN_NAMES: Readonly<Record<string, string>> = KNOWN_DOM_EVENT_NAMES;

/** Narrows a `TavusEvent` to the interface of one known event_type. */
export function isEventType<K extends KnownEventType>(
  event: TavusEvent,
  type: K,
): event is TavusEventMap[K] {
  return event.event_type === type;
}
