/**
 * What Tavus is told when a conversation is created. Everything comes from the server's
 * configuration (or from a value the site's `choose` hook picked); nothing is copied from the
 * browser's request.
 */
export interface ConversationSettings {
  /** `replica_id`: the face. Set it, `personaId`, or both. */
  replicaId?: string;
  /** `persona_id`: the persona (its prompt, tools, default replica). */
  personaId?: string;
  /** `custom_greeting`: the replica's first words. */
  customGreeting?: string;
  /** `conversational_context`: added to the persona's context. */
  conversationalContext?: string;
  /** `conversation_name`. */
  conversationName?: string;
  /** `audio_only`. */
  audioOnly?: boolean;
  /** `callback_url`: where Tavus posts the conversation's webhooks. */
  callbackUrl?: string;
  /**
   * Tavus `properties`, over the defaults (`max_call_duration` 600, `participant_left_timeout`
   * 30, `participant_absent_timeout` 120, `enable_closed_captions` true).
   */
  properties?: Record<string, unknown>;
  /** Any other create field, as Tavus spells it (`document_ids`, `memory_stores`, `test_mode`…). */
  fields?: Record<string, unknown>;
}

/** Conversation `properties` every create gets unless the server's settings say otherwise. */
export const DEFAULT_PROPERTIES = {
  max_call_duration: 600,
  participant_left_timeout: 30,
  participant_absent_timeout: 120,
  enable_closed_captions: true,
} as const;

/**
 * The create request's body: `choice` (what the `choose` hook picked) over `settings`, then the
 * privacy fields no setting can loosen. A private room (`require_auth`) admits only holders of
 * the meeting token, and `max_participants: 2` leaves room for the visitor and the replica only.
 */
export function buildCreateBody(
  settings: ConversationSettings,
  choice: ConversationSettings = {},
): { body: Record<string, unknown>; maxCallDuration: number } {
  const merged: ConversationSettings = { ...settings, ...choice };
  const properties: Record<string, unknown> = {
    ...DEFAULT_PROPERTIES,
    ...settings.properties,
    ...choice.properties,
  };
  const body: Record<string, unknown> = { ...settings.fields, ...choice.fields };
  const named: Record<string, unknown> = {
    replica_id: merged.replicaId,
    persona_id: merged.personaId,
    custom_greeting: merged.customGreeting,
    conversational_context: merged.conversationalContext,
    conversation_name: merged.conversationName,
    audio_only: merged.audioOnly,
    callback_url: merged.callbackUrl,
  };
  for (const [name, value] of Object.entries(named)) if (value !== undefined) body[name] = value;
  body['properties'] = properties;
  body['require_auth'] = true;
  body['max_participants'] = 2;
  return { body, maxCallDuration: maxCallDuration(properties['max_call_duration']) };
}

/** Tavus' limit in seconds, or its own default (3600) when the setting is not a positive number. */
function maxCallDuration(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 3600;
}
