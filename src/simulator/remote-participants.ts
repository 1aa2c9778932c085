/**
 * The other participants of the simulated room as the client sees them come and go: the replica,
 * which joins a moment after the local user and leaves when told to, and any guests a test adds
 * (a second human, a recorder bot). Each arrival and departure is announced with daily's
 * participant and track events, in daily's order.
 */
import type { CallContext, CallSession } from './call-session.js';
import {
  emitTrackEvents,
  slot,
  snapshot,
  type ParticipantRecord,
  type SimulatedParticipant,
} from './participants.js';
import { createReplica, stopReplica } from './replica-participant.js';
import type { ReplicaEngine } from './replica.js';

export interface AddParticipantOptions {
  userName?: string;
  userId?: string;
  sessionId?: string;
}

export class RemoteParticipants {
  /** The replica of the last session, whose context and sensitivity stay readable after it. */
  private lastEngine: ReplicaEngine | null = null;

  constructor(private readonly call: CallContext) {}

  /** The replica's engine: the one in the call, else the last one there was. */
  get engine(): ReplicaEngine | null {
    return this.call.session()?.replica?.engine ?? this.lastEngine;
  }

  /** The replica joins `session`, shows its tracks, and after a moment announces itself. */
  replicaArrives(session: CallSession): void {
    const { options, ids, brainRandom, emit } = this.call;
    const replica = createReplica({
      options,
      conversationId: session.conversationId,
      scheduler: session.scheduler,
      ids,
      brainRandom,
      send: (event, fromId) => session.delivery.send({ event, fromId }),
      wallClock: () => session.wallOrigin + session.scheduler.now(),
    });
    session.replica = replica;
    session.remotes.set(replica.record.sessionId, replica.record);
    this.lastEngine = replica.engine;
    emit('participant-joined', { participant: snapshot(replica.record) });
    emitTrackEvents(emit, 'track-started', replica.record);
    session.scheduler.after(options.timing.replicaReadyMs, () => replica.engine.start());
  }

  /** The replica leaves: silent at once, then its tracks stop and `participant-left`. */
  replicaLeaves(session: CallSession): boolean {
    const replica = session.replica;
    if (!replica) return false;
    const { emit } = this.call;
    session.replica = null;
    session.remotes.delete(replica.record.sessionId);
    replica.engine.stop();
    emitTrackEvents(emit, 'track-stopped', replica.record);
    stopReplica(replica);
    replica.record.audio = slot(null);
    replica.record.video = slot(null);
    emit('participant-left', { participant: snapshot(replica.record) });
    return true;
  }

  addGuest(session: CallSession, options: AddParticipantOptions): SimulatedParticipant {
    const sessionId = options.sessionId ?? this.call.ids.uuid();
    const record: ParticipantRecord = {
      sessionId,
      userId: options.userId ?? sessionId,
      userName: options.userName ?? 'Guest',
      local: false,
      joinedAt: new Date(this.call.options.now()),
      audio: slot(null),
      video: slot(null),
    };
    session.remotes.set(sessionId, record);
    this.call.emit('participant-joined', { participant: snapshot(record) });
    return snapshot(record);
  }

  /** Removes a guest, or the replica; false when nobody has that session id. */
  remove(session: CallSession, sessionId: string): boolean {
    if (session.replica?.record.sessionId === sessionId) return this.replicaLeaves(session);
    const record = session.remotes.get(sessionId);
    if (!record) return false;
    session.remotes.delete(sessionId);
    this.call.emit('participant-left', { participant: snapshot(record) });
    return true;
  }
}
