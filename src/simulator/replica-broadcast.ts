/**
 * How the replica's events leave it. Each one is wrapped in the envelope Tavus puts on every
 * broadcast (message_type, conversation_id, seq, turn_idx, inference_id, timestamp) and numbered
 * with the next `seq`. Replica speech goes out as twins, the newest-era `pal` message and its
 * legacy `replica` copy, sharing one seq or not as configured (protocol.md pitfall 2). Presence
 * heartbeats carry no seq at all (pitfall 19). Clients must cope with all of these, so the
 * simulator reproduces them exactly.
 */
import type { ReplicaRole, TavusServerEvent } from './tavus-events.js';

/** The per-event fields of an envelope. */
export interface EventFields {
  turnIdx?: number;
  inferenceId?: string;
  properties?: Record<string, unknown>;
}

export interface BroadcastSettings {
  conversationId: string;
  /** Roles of the twins, in the order they are sent. */
  replicaRoles: readonly ReplicaRole[];
  twinsShareSeq: boolean;
}

export class ReplicaBroadcast {
  private seq = 0;

  constructor(
    private readonly settings: BroadcastSettings,
    /** Hands one event to the call, which adds latency and faults. */
    private readonly send: (event: TavusServerEvent) => void,
    /** Wall-clock milliseconds at the scheduler's current virtual time (for `timestamp`). */
    private readonly wallClock: () => number,
  ) {}

  /** One event with the next seq. */
  emit(
    eventType: string,
    fields: EventFields = {},
    messageType: 'conversation' | 'system' = 'conversation',
  ): void {
    this.send(this.envelope(eventType, fields, messageType, ++this.seq));
  }

  /** The PAL message and its legacy `replica` twin, one per configured role. */
  emitTwins(
    eventType: string,
    fields: Omit<EventFields, 'properties'>,
    properties: (role: ReplicaRole) => Record<string, unknown>,
  ): void {
    const shared = this.settings.twinsShareSeq ? ++this.seq : undefined;
    for (const role of this.settings.replicaRoles) {
      const seq = shared ?? ++this.seq;
      const withRole = { ...fields, properties: properties(role) };
      this.send(this.envelope(eventType, withRole, 'conversation', seq));
    }
  }

  /** `system.replica_present`: identical every time and without seq, as Tavus sends it. */
  presence(): void {
    this.send(this.envelope('system.replica_present', {}, 'system', undefined));
  }

  private envelope(
    eventType: string,
    fields: EventFields,
    messageType: 'conversation' | 'system',
    seq: number | undefined,
  ): TavusServerEvent {
    // Key order as Tavus sends it, so that logged events read the same.
    const event: TavusServerEvent = {
      message_type: messageType,
      event_type: eventType,
      conversation_id: this.settings.conversationId,
    };
    if (seq !== undefined) event.seq = seq;
    if (fields.turnIdx !== undefined) event.turn_idx = fields.turnIdx;
    if (fields.inferenceId !== undefined) event.inference_id = fields.inferenceId;
    event.timestamp = Math.round(this.wallClock()) / 1000;
    if (fields.properties !== undefined) event.properties = fields.properties;
    return event;
  }
}
