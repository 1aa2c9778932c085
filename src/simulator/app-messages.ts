/**
 * App-messages both ways, as daily-js carries them. Sending checks what daily-js checks (joined,
 * JSON serialisable, at most 4096 characters) and hands the replica a copy after the configured
 * latency, because the other side of a real network never shares an object with the sender.
 * What the replica sends arrives as an object or as a JSON string, as configured: Tavus
 * deployments have sent both, and a client must read both. Both directions are logged for tests.
 */
import type { CallContext, CallSession, Outgoing } from './call-session.js';
import { isRecord, parseAppMessageData, type TavusServerEvent } from './tavus-events.js';

/** daily-js' limit on `JSON.stringify(data).length` in `sendAppMessage`. */
export const MAX_APP_MESSAGE_SIZE = 4096;

/** An app-message the client sent, parsed when it was a JSON string. */
export interface SentInteraction {
  message_type?: string;
  event_type?: string;
  conversation_id?: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An interaction the replica did not act on, and why (Tavus is silent about these). */
export interface IgnoredInteraction {
  data: unknown;
  reason: string;
}

export class AppMessages {
  private readonly sentLog: SentInteraction[] = [];
  private readonly ignoredLog: IgnoredInteraction[] = [];

  constructor(private readonly call: CallContext) {}

  /** Every app-message the client sent, in order (JSON strings parsed). */
  get sent(): readonly SentInteraction[] {
    return [...this.sentLog];
  }

  /** Interactions the replica received but did not act on, with the reason. */
  get ignored(): readonly IgnoredInteraction[] {
    return [...this.ignoredLog];
  }

  /** `sendAppMessage()` in a joined session; throws with daily-js' messages. */
  send(session: CallSession, data: unknown, to: string | string[]): void {
    const copy = copyForSending(data);
    const parsed = parseAppMessageData(copy);
    this.sentLog.push(isRecord(parsed) ? parsed : { value: parsed });
    const replica = session.replica;
    if (!replica || !isAddressedTo(to, replica.record.sessionId)) return;
    const deliver = (): void => {
      // The replica may have left, or the call ended, while the message travelled.
      if (this.call.session() !== session || session.replica !== replica) return;
      const reason = replica.engine.receive(copy);
      if (reason === null) return;
      this.ignoredLog.push({ data: copy, reason });
      console.warn(`[tavus simulator] the replica ignored an app-message: ${reason}`);
    };
    session.scheduler.after(this.latency(), () => session.network.toReplica(deliver));
  }

  /** One replica event reaches the client. */
  arrive(session: CallSession, { event, fromId }: Outgoing): void {
    if (this.call.session() !== session || !this.call.joined()) return;
    const mode = this.call.options.deliverAs;
    const asString = mode === 'string' || (mode === 'mixed' && this.call.faults.chance(0.5));
    this.call.emit('app-message', { data: asReceived(event, asString), fromId });
  }

  /** Page-to-replica latency (the replica's own messages get theirs from `Delivery`). */
  private latency(): number {
    const latency = this.call.options.latencyMs;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, this.call.faults.between(latency[0], latency[1]));
  }
}

/** The copy of `data` that travels; throws with daily-js' messages when it cannot be sent. */
function copyForSending(data: unknown): unknown {
  const serialised = JSON.stringify(data);
  if (serialised === undefined) throw new Error('sendAppMessage() data must be serializable');
  if (serialised.length > MAX_APP_MESSAGE_SIZE) {
    throw new Error(`Message data too large. Max size is ${MAX_APP_MESSAGE_SIZE}`);
  }
  return JSON.parse(serialised) as unknown;
}

/** Whether daily-js would deliver a message sent `to` to the participant `sessionId`. */
function isAddressedTo(to: string | string[], sessionId: string): boolean {
  const recipients = Array.isArray(to) ? to : [to];
  return recipients.includes('*') || recipients.includes(sessionId);
}

/** The `data` of one arrival: a fresh object or string, so duplicates share no state. */
function asReceived(event: TavusServerEvent, asString: boolean): unknown {
  return asString ? JSON.stringify(event) : (JSON.parse(JSON.stringify(event)) as unknown);
}
