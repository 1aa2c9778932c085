/**
 * Types of the Tavus interactions protocol (see protocol.md): the observable events Tavus
 * broadcasts into the call, and the interactions the page sends back.
 *
 * These describe the documented shapes. `validateMessage` checks the envelope only (the fields of
 * `TavusEnvelope`), so every field inside `properties` is typed optional: Tavus omits empty fields,
 * its schema drifted across three eras, and code that reads an event must expect any property to
 * be missing. Each `properties` type also admits extra keys for the same reason.
 */

/** Who produced a turn. `pal` is the newest name of the replica; Tavus sends a `replica` twin. */
export type Role = 'user' | 'replica' | 'pal';

/** The two message types that travel over the call (`application` is webhook-only). */
export type MessageType = 'conversation' | 'system';

/** Free-form properties: any event may carry keys this file does not list. */
export type ExtraProperties = Record<string, unknown>;

/** Fields every observable event shares. Only these are checked by `validateMessage`. */
export interface TavusEnvelope<
  Type extends string = string,
  Properties extends object = ExtraProperties,
> {
  message_type: MessageType;
  event_type: Type;
  conversation_id?: string;
  /** Globally monotonic per conversation; used to restore order. Twins may share one seq. */
  seq?: number;
  /** Opaque turn grouping key; do not predict it. */
  turn_idx?: number;
  inference_id?: string;
  /** Unix seconds with a fraction (in-call events) or an ISO-8601 string (webhook shapes). */
  timestamp?: number | string;
  properties?: Properties & ExtraProperties;
}

// --- conversation.* observable events --------------------------------------------------------

export interface UtteranceProperties {
  role?: Role;
  /** The documented text field. */
  speech?: string;
  /** Drifted names for the text, read as fallbacks. */
  text?: string;
  content?: string;
  user_audio_analysis?: string;
  user_visual_analysis?: string;
  /** Older schema: description of the user's video frame. */
  visual_context?: string;
  interrupted?: boolean;
  /** Drift: some deployments put the id here instead of at the top level. */
  inference_id?: string;
}

/** One-shot text: a user turn when it ends, or the replica's whole intended reply as it starts. */
export type UtteranceEvent = TavusEnvelope<'conversation.utterance', UtteranceProperties>;

export interface UtteranceStreamingProperties {
  role?: Role;
  /** Accumulated text so far (not a delta). */
  speech?: string;
  text?: string;
  content?: string;
  /** 0-based, increasing per inference. */
  content_index?: number;
  final?: boolean;
  /** On the final replica message when the user cut in: `speech` is then what was said. */
  is_interrupted?: boolean;
  inference_id?: string;
}

/** Progressive, accumulated text of what is actually being said. */
export type UtteranceStreamingEvent = TavusEnvelope<
  'conversation.utterance.streaming',
  UtteranceStreamingProperties
>;

export interface ToolCallProperties {
  name?: string;
  /** Drifted name of `name`. */
  tool_name?: string;
  /** Usually a JSON string; some deployments send an object. */
  arguments?: unknown;
  /** Present for tools-registry tools; echo it in `conversation.tool_result`. */
  tool_call_id?: string;
}

/** The LLM asks the page to run a function. */
export type ToolCallEvent = TavusEnvelope<'conversation.tool_call', ToolCallProperties>;

export interface PerceptionFrame {
  data?: string;
  mime_type?: string;
}

export interface PerceptionToolCallProperties extends ToolCallProperties {
  modality?: 'vision' | 'audio';
  /** Vision only; base64 JPEG frames, can be large. */
  frames?: PerceptionFrame[];
}

/** A vision or audio perception tool fired. Arguments: object for vision, string for audio. */
export type PerceptionToolCallEvent = TavusEnvelope<
  'conversation.perception_tool_call',
  PerceptionToolCallProperties
>;

/** End-of-call perception summary. */
export type PerceptionAnalysisEvent = TavusEnvelope<
  'conversation.perception_analysis',
  { analysis?: string }
>;

export interface StoppedSpeakingProperties {
  /** Seconds, may be null. */
  duration?: number | null;
  interrupted?: boolean;
}

export type ReplicaStartedSpeakingEvent = TavusEnvelope<'conversation.replica.started_speaking'>;
export type ReplicaStoppedSpeakingEvent = TavusEnvelope<
  'conversation.replica.stopped_speaking',
  StoppedSpeakingProperties
>;
export type UserStartedSpeakingEvent = TavusEnvelope<'conversation.user.started_speaking'>;
export type UserStoppedSpeakingEvent = TavusEnvelope<
  'conversation.user.stopped_speaking',
  StoppedSpeakingProperties
>;

/** Role-agnostic twin of the role-specific speaking events, sent in parallel. */
export type StartedSpeakingEvent = TavusEnvelope<'conversation.started_speaking', { role?: Role }>;
export type StoppedSpeakingEvent = TavusEnvelope<
  'conversation.stopped_speaking',
  StoppedSpeakingProperties & { role?: Role }
>;

/** The user cut the replica off (mid-era deployments only); top-level `inference_id`. */
export type ReplicaInterruptedEvent = TavusEnvelope<'conversation.replica_interrupted'>;

export interface ObjectiveProperties {
  objective_name?: string;
  output_variables?: Record<string, unknown>;
}

export type ObjectiveActivatedEvent = TavusEnvelope<
  'conversation.objective.activated',
  ObjectiveProperties
>;
export type ObjectiveCompletedEvent = TavusEnvelope<
  'conversation.objective.completed',
  ObjectiveProperties
>;
export type ObjectivePendingEvent = TavusEnvelope<
  'conversation.objective.pending',
  ObjectiveProperties
>;

// --- system.* observable events --------------------------------------------------------------

export type ReplicaJoinedEvent = TavusEnvelope<'system.replica_joined', { replica_id?: string }>;
/** Repeating heartbeat; identical copies are separate events. */
export type ReplicaPresentEvent = TavusEnvelope<'system.replica_present'>;
/** `shutdown_reason` values carry suffixes such as " reached": match them by prefix. */
export type ShutdownEvent = TavusEnvelope<'system.shutdown', { shutdown_reason?: string }>;
/** The PAL-era name of `system.replica_joined` (protocol.md §1: secondary sources only). */
export type PalJoinedEvent = TavusEnvelope<
  'system.pal_joined',
  { face_id?: string; replica_id?: string }
>;

// --- presence and guardrails (secondary sources only, protocol.md §1) --------------------------

/** A participant joined the conversation. */
export type ParticipantJoinedEvent = TavusEnvelope<'conversation.joined'>;
/** A participant left the conversation. */
export type ParticipantLeftEvent = TavusEnvelope<'conversation.left'>;

/**
 * What a guardrail app-message carries (a guardrail with `app_message: true`). Its event_type is
 * not confirmed (Tavus' own code matches any type containing "guardrail"), so it arrives as an
 * `UnknownTavusEvent`: read its `properties` with this shape.
 */
export interface GuardrailProperties {
  guardrail?: string;
  guardrail_name?: string;
  guardrail_uuid?: string;
  reason?: string;
}

/**
 * event_type → event interface, for every event this library knows by name: the one list of
 * them. `EVENT_TYPES` is held to it, the DOM event names and their types on `HTMLElementEventMap`
 * are derived from it, and the element's events in custom-elements.json (hence the README) are
 * generated from it, each with the comment of its entry as description.
 */
export interface TavusEventMap {
  /** `conversation.utterance`: a whole user turn or replica reply. */
  'conversation.utterance': UtteranceEvent;
  /** `conversation.utterance.streaming`: text so far of what is being said. */
  'conversation.utterance.streaming': UtteranceStreamingEvent;
  /**
   * `conversation.tool_call` (cancelable: `preventDefault()` to handle it yourself instead of
   * `tools`).
   */
  'conversation.tool_call': ToolCallEvent;
  /** `conversation.perception_tool_call`. */
  'conversation.perception_tool_call': PerceptionToolCallEvent;
  /** `conversation.perception_analysis`. */
  'conversation.perception_analysis': PerceptionAnalysisEvent;
  /** `conversation.replica.started_speaking`. */
  'conversation.replica.started_speaking': ReplicaStartedSpeakingEvent;
  /** `conversation.replica.stopped_speaking`. */
  'conversation.replica.stopped_speaking': ReplicaStoppedSpeakingEvent;
  /** `conversation.user.started_speaking`. */
  'conversation.user.started_speaking': UserStartedSpeakingEvent;
  /** `conversation.user.stopped_speaking`. */
  'conversation.user.stopped_speaking': UserStoppedSpeakingEvent;
  /** `conversation.started_speaking` (role-agnostic). */
  'conversation.started_speaking': StartedSpeakingEvent;
  /** `conversation.stopped_speaking` (role-agnostic). */
  'conversation.stopped_speaking': StoppedSpeakingEvent;
  /** `conversation.replica_interrupted`. */
  'conversation.replica_interrupted': ReplicaInterruptedEvent;
  /** `conversation.objective.activated`. */
  'conversation.objective.activated': ObjectiveActivatedEvent;
  /** `conversation.objective.completed`. */
  'conversation.objective.completed': ObjectiveCompletedEvent;
  /** `conversation.objective.pending`. */
  'conversation.objective.pending': ObjectivePendingEvent;
  /** `system.replica_joined`. */
  'system.replica_joined': ReplicaJoinedEvent;
  /** `system.replica_present` heartbeat. */
  'system.replica_present': ReplicaPresentEvent;
  /** `system.shutdown`; the conversation ends. */
  'system.shutdown': ShutdownEvent;
  /** `system.pal_joined`, the PAL-era name of `system.replica_joined`. */
  'system.pal_joined': PalJoinedEvent;
  /** `conversation.joined`: a participant joined. */
  'conversation.joined': ParticipantJoinedEvent;
  /** `conversation.left`: a participant left. */
  'conversation.left': ParticipantLeftEvent;
}

export type KnownEventType = keyof TavusEventMap;

/**
 * Any event_type this library does not know (new Tavus events, drifted names such as
 * `conversation.perception-analysis`). Unknown events are kept and dispatched, never dropped.
 */
export type UnknownTavusEvent = TavusEnvelope<string> & Record<string, unknown>;

/**
 * Every valid observable event. Because `UnknownTavusEvent` admits any string, comparing
 * `event_type` alone does not narrow to one interface; use `isEventType()` for that.
 */
export type TavusEvent = TavusEventMap[KnownEventType] | UnknownTavusEvent;

// --- interactions (page → Tavus) ---------------------------------------------------------------

/** Envelope of everything the page sends with `sendAppMessage`. */
export interface InteractionEnvelope<Type extends string, Properties extends object | undefined> {
  message_type: 'conversation';
  event_type: Type;
  conversation_id: string;
  properties?: Properties;
}

/** Text treated as if the user had just said it; the LLM answers it. */
export interface RespondInteraction extends InteractionEnvelope<
  'conversation.respond',
  { text: string }
> {
  properties: { text: string };
}

export interface EchoProperties {
  modality: 'text' | 'audio';
  text?: string;
  /** Base64 of 16-bit little-endian mono PCM. */
  audio?: string;
  sample_rate?: number;
  /** Chosen by the page; every chunk of one utterance carries the same id. */
  inference_id?: string;
  /** `false` on every audio chunk but the last. Always a boolean, never the string "true". */
  done?: boolean;
}

/** The replica says exactly this text, or plays this audio. */
export interface EchoInteraction extends InteractionEnvelope<'conversation.echo', EchoProperties> {
  properties: EchoProperties;
}

/** Stop the replica mid-speech. Carries no properties. */
export type InterruptInteraction = InteractionEnvelope<'conversation.interrupt', undefined>;

/** Replace the conversational context. */
export interface OverwriteContextInteraction extends InteractionEnvelope<
  'conversation.overwrite_llm_context',
  { context: string }
> {
  properties: { context: string };
}

/** Append to the conversational context; `job_status` (e.g. "completed") is optional. */
export interface AppendContextInteraction extends InteractionEnvelope<
  'conversation.append_llm_context',
  { context: string; job_status?: string }
> {
  properties: { context: string; job_status?: string };
}

/** Documented sensitivity levels; other strings are passed through (Tavus code lists more). */
export type SensitivityLevel = 'low' | 'medium' | 'high' | (string & {});

export type SensitivityProperties =
  | { participant_pause_sensitivity: SensitivityLevel }
  | { participant_interrupt_sensitivity: SensitivityLevel };

/** Live VAD sensitivity change; exactly one key per message. */
export interface SensitivityInteraction extends InteractionEnvelope<
  'conversation.sensitivity',
  SensitivityProperties
> {
  properties: SensitivityProperties;
}

export type ToolResultStatus = 'success' | 'error';

export interface ToolResultProperties {
  tool_call_id: string;
  /** A string passes through; any other JSON value is sent as is (Tavus serialises objects). */
  output: unknown;
  status: ToolResultStatus;
}

/** Result of a tools-registry tool call. */
export interface ToolResultInteraction extends InteractionEnvelope<
  'conversation.tool_result',
  ToolResultProperties
> {
  properties: ToolResultProperties;
}

/**
 * Confirms a `manual` objective after `conversation.objective.pending`; its payload is not
 * documented (protocol.md §3.8), so its properties are free-form. Send it with `send()`.
 */
export type ObjectiveConfirmInteraction = InteractionEnvelope<
  'conversation.objective.confirm',
  Record<string, unknown> | undefined
>;

/** Forwards an OpenAI Realtime event body (legacy api-reference page only). Send with `send()`. */
export type RealtimeApiInteraction = InteractionEnvelope<
  'conversation.realtime_api',
  { type: string } & Record<string, unknown>
>;

/** Any interaction built with `buildInteraction` (names this file does not know). */
export type GenericInteraction = InteractionEnvelope<string, Record<string, unknown> | undefined>;

export type Interaction =
  | RespondInteraction
  | EchoInteraction
  | InterruptInteraction
  | OverwriteContextInteraction
  | AppendContextInteraction
  | SensitivityInteraction
  | ToolResultInteraction
  | ObjectiveConfirmInteraction
  | RealtimeApiInteraction
  | GenericInteraction;
