/**
 * The Tavus interactions protocol as pure TypeScript: event types, validation, the DOM event-name
 * rule, reordering and deduplication, transcript reconciliation and interaction builders.
 * Nothing here touches the DOM or daily-js.
 */
export type * from './types.js';
export {
  EVENT_TYPES,
  INTERACTION_TYPES,
  KNOWN_DOM_EVENT_NAMES,
  MAX_DOM_EVENT_NAME_LENGTH,
  RESERVED_DOM_EVENT_NAMES,
  domEventName,
  isEventType,
  type DomEventName,
  type TavusDomEventMap,
} from './event-names.js';
export {
  MAX_EVENT_TYPE_LENGTH,
  MAX_MESSAGE_LENGTH,
  validateMessage,
  type ValidateOptions,
  type ValidationResult,
} from './validate.js';
export {
  DEFAULT_DEDUPE_CAPACITY,
  DEFAULT_REORDER_WINDOW_MS,
  MAX_SEQ_JUMP,
  SYSTEM_CLOCK,
  Sequencer,
  type Clock,
  type SequencerOptions,
} from './sequencer.js';
export { ManualClock } from './manual-clock.js';
export {
  TYPED_ECHO_WINDOW_MS,
  Transcript,
  type TranscriptMessage,
  type TranscriptOptions,
} from './transcript.js';
export { MAX_APP_MESSAGE_BYTES, MAX_APP_MESSAGE_LENGTH } from './limits.js';
export {
  buildAppendContext,
  buildEchoAudio,
  buildEchoText,
  buildInteraction,
  buildInterrupt,
  buildOverwriteContext,
  buildRespond,
  buildSensitivity,
  buildToolResult,
  messageByteLength,
  type EchoAudioOptions,
  type EchoTextOptions,
  type SensitivityOptions,
} from './interactions.js';
export { base64Encode, floatToInt16, toPcm16Bytes, type PcmInput } from './audio.js';
export { createId } from './ids.js';
export { BoundedSet } from './bounded-set.js';
export {
  parseToolArguments,
  readToolCall,
  type ToolArgumentsResult,
  type ToolCall,
} from './tool-calls.js';
export { createEventPipeline, type EventPipeline, type EventPipelineOptions } from './pipeline.js';
