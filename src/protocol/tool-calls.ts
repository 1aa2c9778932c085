import { EVENT_TYPES } from './event-names.js';
import type { TavusEvent } from './types.js';

export type ToolArgumentsResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Tool-call arguments as a value. Tavus documents a JSON string, some deployments send an
 * object (vision perception tools always do), and an absent or empty string means no arguments.
 */
export function parseToolArguments(args: unknown): ToolArgumentsResult {
  if (args === undefined || args === null) return { ok: true, value: {} };
  if (typeof args === 'string') {
    if (args.trim() === '') return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(args) as unknown };
    } catch {
      return { ok: false, reason: 'arguments are not valid JSON' };
    }
  }
  if (typeof args === 'object') return { ok: true, value: args };
  return { ok: false, reason: `arguments must be a JSON string or an object, not ${typeof args}` };
}

export interface ToolCall {
  name: string;
  /** Present for tools-registry tools; the result must echo it. */
  toolCallId?: string;
  /** Parsed arguments; `undefined` when they could not be parsed (see `argumentsError`). */
  arguments: unknown;
  /** Arguments exactly as received. */
  rawArguments: unknown;
  /** Why the arguments could not be parsed. */
  argumentsError?: string;
  inferenceId?: string;
  /**
   * Identity of the call for running its handler once: `tool_call_id` when present; otherwise
   * (legacy inline tools) inference, name and raw arguments together, because Tavus has been seen
   * sending the same call twice.
   */
  dedupeKey: string;
}

/**
 * Reads a `conversation.tool_call` or `conversation.perception_tool_call`. Tolerates the drifted
 * `tool_name` and an `inference_id` inside properties. Returns null for any other event, or when
 * the call has no name.
 */
export function readToolCall(event: TavusEvent): ToolCall | null {
  try {
    return readCall(event);
  } catch {
    return null; // an unreadable event (throwing getter) is not a call anyone can run
  }
}

function readCall(event: TavusEvent): ToolCall | null {
  if (
    event.event_type !== EVENT_TYPES.TOOL_CALL &&
    event.event_type !== EVENT_TYPES.PERCEPTION_TOOL_CALL
  ) {
    return null;
  }
  const props = (event.properties ?? {}) as Record<string, unknown>;
  const name = firstText(props['name'], props['tool_name']);
  if (name === undefined) return null;
  const toolCallId = firstText(props['tool_call_id']);
  const inferenceId = firstText(event.inference_id, props['inference_id']);
  const rawArguments = props['arguments'];
  const parsed = parseToolArguments(rawArguments);
  const call: ToolCall = {
    name,
    arguments: parsed.ok ? parsed.value : undefined,
    rawArguments,
    dedupeKey: toolCallId
      ? `id:${toolCallId}`
      : `call:${inferenceId ?? ''}:${name}:${stableText(rawArguments)}`,
  };
  if (toolCallId !== undefined) call.toolCallId = toolCallId;
  if (inferenceId !== undefined) call.inferenceId = inferenceId;
  if (!parsed.ok) call.argumentsError = parsed.reason;
  return call;
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

function stableText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unserialisable]';
  }
}
