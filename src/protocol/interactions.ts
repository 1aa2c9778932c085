import { base64Encode, toPcm16Bytes, type PcmInput } from './audio.js';
import { INTERACTION_TYPES } from './event-names.js';
import { createId } from './ids.js';
import { MAX_APP_MESSAGE_BYTES } from './limits.js';
import type {
  AppendContextInteraction,
  EchoInteraction,
  EchoProperties,
  GenericInteraction,
  InterruptInteraction,
  OverwriteContextInteraction,
  RespondInteraction,
  SensitivityInteraction,
  SensitivityLevel,
  ToolResultInteraction,
  ToolResultStatus,
} from './types.js';

const encoder = new TextEncoder();

/** UTF-8 size of an interaction as `sendAppMessage` would serialise it. */
export function messageByteLength(message: unknown): number {
  return encoder.encode(JSON.stringify(message)).length;
}

/** `conversation.respond`: text the LLM answers as if the user had said it. */
export function buildRespond(conversationId: string, text: string): RespondInteraction {
  const fn = 'respond(text)';
  return {
    ...envelope(fn, conversationId, INTERACTION_TYPES.RESPOND),
    properties: { text: requireText(fn, 'text', text) },
  };
}

export interface EchoTextOptions {
  inferenceId?: string;
  done?: boolean;
}

/** `conversation.echo` with text: the replica says exactly this, bypassing the LLM. */
export function buildEchoText(
  conversationId: string,
  text: string,
  options: EchoTextOptions = {},
): EchoInteraction {
  const fn = 'echo(text)';
  const base = envelope(fn, conversationId, INTERACTION_TYPES.ECHO);
  const properties: EchoProperties = { modality: 'text', text: requireText(fn, 'text', text) };
  if (options.inferenceId !== undefined) {
    properties.inference_id = requireText(fn, 'inferenceId', options.inferenceId);
  }
  if (options.done !== undefined) properties.done = requireBoolean(fn, 'done', options.done);
  return { ...base, properties };
}

export interface EchoAudioOptions {
  /** Sample rate of the PCM in Hz, e.g. 16000 or 24000. */
  sampleRate: number;
  /** Groups every chunk of one utterance; a fresh id by default. */
  inferenceId?: string;
  /** Largest JSON size of one message in UTF-8 bytes (default `MAX_APP_MESSAGE_BYTES`). */
  maxMessageBytes?: number;
  /**
   * Whether this audio ends the utterance (default true): the last chunk then carries
   * `done: true`. Pass false to stream an utterance over several calls sharing `inferenceId`,
   * and end it with a last call (empty audio is fine).
   */
  done?: boolean;
}

/**
 * `conversation.echo` with audio, split into messages that each fit `maxMessageBytes` once
 * serialised. Every chunk holds whole 16-bit samples, all share one `inference_id`, and only the
 * last may carry `done: true`. Decoding the chunks' `audio` in order gives back exactly the
 * 16-bit little-endian bytes of the input (see `toPcm16Bytes` for Float32 conversion).
 *
 * Empty input gives one message with empty `audio`: with `done` (the default) that is how an
 * utterance streamed with `done: false` is closed.
 */
export function buildEchoAudio(
  conversationId: string,
  pcm: PcmInput,
  options: EchoAudioOptions,
): EchoInteraction[] {
  const fn = 'echoAudio(pcm)';
  const base = envelope(fn, conversationId, INTERACTION_TYPES.ECHO);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${fn}: options with a sampleRate are required`);
  }
  const sampleRate = options.sampleRate;
  if (!Number.isSafeInteger(sampleRate) || sampleRate <= 0) {
    throw new TypeError(`${fn}: sampleRate must be a positive integer`);
  }
  const inferenceId =
    options.inferenceId === undefined
      ? createId()
      : requireText(fn, 'inferenceId', options.inferenceId);
  const done = options.done === undefined ? true : requireBoolean(fn, 'done', options.done);
  const maxBytes = options.maxMessageBytes ?? MAX_APP_MESSAGE_BYTES;
  const bytes = toPcm16Bytes(pcm, fn);

  const chunk = (audio: string, last: boolean): EchoInteraction => ({
    ...base,
    properties: {
      modality: 'audio',
      audio,
      sample_rate: sampleRate,
      inference_id: inferenceId,
      done: last && done,
    },
  });
  // Base64 and the JSON around it are ASCII except for the ids, which are measured in UTF-8.
  // `done: false` is the longer spelling, so this overhead holds for every chunk.
  const overhead = messageByteLength(chunk('', false));
  const base64Room = Math.floor((maxBytes - overhead) / 4) * 4;
  const bytesPerChunk = Math.floor((base64Room / 4) * 3) & ~1; // whole samples only
  if (!(bytesPerChunk >= 2)) {
    throw new TypeError(`${fn}: maxMessageBytes ${maxBytes} leaves no room for audio`);
  }

  const messages: EchoInteraction[] = [];
  for (let start = 0; start < bytes.length || messages.length === 0; start += bytesPerChunk) {
    const end = Math.min(bytes.length, start + bytesPerChunk);
    messages.push(chunk(base64Encode(bytes.subarray(start, end)), end >= bytes.length));
  }
  return messages;
}

/** `conversation.interrupt`: stop the replica mid-speech. It has no properties. */
export function buildInterrupt(conversationId: string): InterruptInteraction {
  return envelope('interrupt()', conversationId, INTERACTION_TYPES.INTERRUPT);
}

/** `conversation.overwrite_llm_context`: replace the conversational context. */
export function buildOverwriteContext(
  conversationId: string,
  context: string,
): OverwriteContextInteraction {
  const fn = 'overwriteContext(context)';
  return {
    ...envelope(fn, conversationId, INTERACTION_TYPES.OVERWRITE_LLM_CONTEXT),
    properties: { context: requireText(fn, 'context', context) },
  };
}

/** `conversation.append_llm_context`: add to the conversational context. */
export function buildAppendContext(
  conversationId: string,
  context: string,
  options: { jobStatus?: string } = {},
): AppendContextInteraction {
  const fn = 'appendContext(context)';
  const base = envelope(fn, conversationId, INTERACTION_TYPES.APPEND_LLM_CONTEXT);
  const properties: AppendContextInteraction['properties'] = {
    context: requireText(fn, 'context', context),
  };
  if (options.jobStatus !== undefined) {
    properties.job_status = requireText(fn, 'jobStatus', options.jobStatus);
  }
  return { ...base, properties };
}

export interface SensitivityOptions {
  /** How long the user may pause before the replica answers. */
  pause?: SensitivityLevel;
  /** How easily the user can interrupt the replica. */
  interrupt?: SensitivityLevel;
}

/**
 * `conversation.sensitivity`: one message per dimension given, because the newest schema allows
 * exactly one key per message. Levels are documented as `low`, `medium`, `high`; Tavus' own code
 * lists more (`superlow`, `verylow`, `auto`), so any non-empty string is passed through.
 */
export function buildSensitivity(
  conversationId: string,
  options: SensitivityOptions,
): SensitivityInteraction[] {
  const fn = 'setSensitivity(options)';
  const base = envelope(fn, conversationId, INTERACTION_TYPES.SENSITIVITY);
  const { pause, interrupt } = options ?? {};
  if (pause === undefined && interrupt === undefined) {
    throw new TypeError(`${fn}: give pause, interrupt or both`);
  }
  const messages: SensitivityInteraction[] = [];
  if (pause !== undefined) {
    messages.push({
      ...base,
      properties: { participant_pause_sensitivity: requireText(fn, 'pause', pause) },
    });
  }
  if (interrupt !== undefined) {
    messages.push({
      ...base,
      properties: { participant_interrupt_sensitivity: requireText(fn, 'interrupt', interrupt) },
    });
  }
  return messages;
}

/**
 * `conversation.tool_result` for a tools-registry call. A string output is sent as is; any other
 * JSON value is sent as that value (Tavus serialises objects itself); `undefined` becomes `null`.
 * Values JSON cannot carry (functions, symbols, BigInt, cycles) are refused.
 */
export function buildToolResult(
  conversationId: string,
  toolCallId: string,
  output: unknown,
  status: ToolResultStatus = 'success',
): ToolResultInteraction {
  const fn = 'sendToolResult(toolCallId, output)';
  const base = envelope(fn, conversationId, INTERACTION_TYPES.TOOL_RESULT);
  const id = requireText(fn, 'toolCallId', toolCallId);
  if (status !== 'success' && status !== 'error') {
    throw new TypeError(`${fn}: status must be 'success' or 'error'`);
  }
  const value = output === undefined ? null : output;
  if (typeof value !== 'string') {
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json === undefined) throw new TypeError(`${fn}: output must be JSON-serialisable`);
  }
  return { ...base, properties: { tool_call_id: id, output: value, status } };
}

/**
 * Any interaction, by name: fills in `message_type: 'conversation'` and `conversation_id`.
 * The properties object is referenced, not copied.
 */
export function buildInteraction(
  conversationId: string,
  interaction: { event_type: string; properties?: Record<string, unknown> },
): GenericInteraction {
  const fn = 'send(interaction)';
  if (typeof interaction !== 'object' || interaction === null) {
    throw new TypeError(`${fn}: interaction must be an object`);
  }
  const base = envelope(fn, conversationId, requireText(fn, 'event_type', interaction.event_type));
  const properties = interaction.properties;
  if (properties === undefined) return base;
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new TypeError(`${fn}: properties must be an object`);
  }
  return { ...base, properties };
}

function envelope<Type extends string>(
  fn: string,
  conversationId: string,
  eventType: Type,
): { message_type: 'conversation'; event_type: Type; conversation_id: string } {
  return {
    message_type: 'conversation',
    event_type: eventType,
    conversation_id: requireText(fn, 'conversationId', conversationId),
  };
}

function requireText(fn: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${fn}: ${name} must be a non-empty string`);
  }
  return value;
}

function requireBoolean(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${fn}: ${name} must be a boolean`);
  return value;
}
