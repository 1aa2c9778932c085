/**
 * What the replica accepts from the page. Tavus acts on an app-message only when it is a
 * `conversation` interaction for this conversation, and says nothing about the others; the
 * simulator does the same but keeps the reason, so tests can see why an interaction was dropped.
 */
import { isRecord, parseAppMessageData } from './tavus-events.js';

/** The live values of `conversation.sensitivity`. */
export interface SensitivitySettings {
  participant_pause_sensitivity?: string;
  participant_interrupt_sensitivity?: string;
}

/** An interaction addressed to this conversation. */
export interface Interaction {
  eventType: unknown;
  properties: Record<string, unknown>;
}

/** Reads app-message data (object or JSON string); returns the interaction or why it is ignored. */
export function readInteraction(raw: unknown, conversationId: string): Interaction | string {
  const data = parseAppMessageData(raw);
  if (!isRecord(data)) return 'not a JSON object';
  if (data['message_type'] !== 'conversation') return 'message_type is not "conversation"';
  if (data['conversation_id'] !== conversationId) {
    return `conversation_id ${JSON.stringify(data['conversation_id'])} is not ${JSON.stringify(conversationId)}`;
  }
  const properties = isRecord(data['properties']) ? data['properties'] : {};
  return { eventType: data['event_type'], properties };
}

const SENSITIVITY_KEYS = [
  'participant_pause_sensitivity',
  'participant_interrupt_sensitivity',
] as const;

/** The settings a `conversation.sensitivity` changes, or null when it names none. */
export function readSensitivity(props: Record<string, unknown>): SensitivitySettings | null {
  const settings: SensitivitySettings = {};
  for (const key of SENSITIVITY_KEYS) {
    const value = props[key];
    if (typeof value === 'string' && value) settings[key] = value;
  }
  return Object.keys(settings).length > 0 ? settings : null;
}
