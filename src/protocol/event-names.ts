import type { KnownEventType, TavusEvent, TavusEventMap } from './types.js';

/** The observable event types this library knows by name. */
export const EVENT_TYPES = {
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
} as const satisfies Record<string, KnownEventType>;

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
 * Known event_type → DOM event name, spelled out so the element can type them in
 * `HTMLElementEventMap`. A test checks every entry against `domEventName`.
 */
export const KNOWN_DOM_EVENT_NAMES = {
  'conversation.utterance': 'tavus-utterance',
  'conversation.utterance.streaming': 'tavus-utterance-streaming',
  'conversation.tool_call': 'tavus-tool-call',
  'conversation.perception_tool_call': 'tavus-perception-tool-call',
  'conversation.perception_analysis': 'tavus-perception-analysis',
  'conversation.replica.started_speaking': 'tavus-replica-started-speaking',
  'conversation.replica.stopped_speaking': 'tavus-replica-stopped-speaking',
  'conversation.user.started_speaking': 'tavus-user-started-speaking',
  'conversation.user.stopped_speaking': 'tavus-user-stopped-speaking',
  'conversation.started_speaking': 'tavus-started-speaking',
  'conversation.stopped_speaking': 'tavus-stopped-speaking',
  'conversation.replica_interrupted': 'tavus-replica-interrupted',
  'conversation.objective.activated': 'tavus-objective-activated',
  'conversation.objective.completed': 'tavus-objective-completed',
  'conversation.objective.pending': 'tavus-objective-pending',
  'system.replica_joined': 'tavus-replica-joined',
  'system.replica_present': 'tavus-replica-present',
  'system.shutdown': 'tavus-shutdown',
  'system.pal_joined': 'tavus-pal-joined',
  'conversation.joined': 'tavus-joined',
  'conversation.left': 'tavus-left',
} as const satisfies { readonly [K in KnownEventType]: `tavus-${string}` };

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

const KNOWN_NAMES: Readonly<Record<string, string>> = KNOWN_DOM_EVENT_NAMES;
const hasOwn = Object.prototype.hasOwnProperty;

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
  if (hasOwn.call(KNOWN_NAMES, eventType)) return KNOWN_NAMES[eventType]!;
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

/** Narrows a `TavusEvent` to the interface of one known event_type. */
export function isEventType<K extends KnownEventType>(
  event: TavusEvent,
  type: K,
): event is TavusEventMap[K] {
  return event.event_type === type;
}
