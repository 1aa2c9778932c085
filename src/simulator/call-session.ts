/**
 * Everything that lives for one join of a simulated call: its virtual clock, the replica's
 * outgoing delivery, the network link, the participants and the join still waiting for its
 * answer. Keeping it in one object means leaving drops all of it at once, and any callback that
 * still fires can tell, by comparing sessions, that the call it belonged to is gone.
 */
import { Delivery } from './delivery.js';
import { endTrackSoon } from './media/track-ending.js';
import type { CallEventSink } from './emitter.js';
import { NetworkLink } from './network.js';
import type { ResolvedOptions } from './options.js';
import type { ParticipantRecord, SimulatedParticipant } from './participants.js';
import type { Random } from './random.js';
import { stopReplica, type ReplicaInCall } from './replica-participant.js';
import { Scheduler } from './scheduler.js';
import type { TavusServerEvent } from './tavus-events.js';

/**
 * What the parts of a simulated call share: its options, its random streams, its event sink and
 * its current session. The meeting is one (`meeting.ts`) and hands itself to the local devices,
 * the remote participants and the app-messages, so none of them needs the call object.
 */
export interface CallContext {
  readonly options: ResolvedOptions;
  /** Session ids and media seeds. */
  readonly ids: Random;
  /** The replica's think times and wording. */
  readonly brainRandom: Random;
  /** Latency, reordering, duplicates and string-or-object delivery. */
  readonly faults: Random;
  readonly emit: CallEventSink;
  /** The session in progress, or null. */
  session(): CallSession | null;
  /** Whether the meeting state is `joined-meeting` (before that, track events are not sent). */
  joined(): boolean;
}

/** One replica event on its way to the client, and who sent it. */
export interface Outgoing {
  event: TavusServerEvent;
  fromId: string;
}

export interface CallSession {
  readonly conversationId: string;
  readonly scheduler: Scheduler;
  readonly delivery: Delivery<Outgoing>;
  readonly network: NetworkLink;
  /** Wall-clock time at the scheduler's origin: event timestamps follow virtual time from it. */
  readonly wallOrigin: number;
  local: ParticipantRecord | null;
  /** Everyone but the local user, by session id (the replica too, while it is in). */
  readonly remotes: Map<string, ParticipantRecord>;
  replica: ReplicaInCall | null;
  pendingJoin: {
    resolve: (participants: Record<string, SimulatedParticipant>) => void;
    reject: (reason: string) => void;
  } | null;
  /** Run on teardown (settles promises of controls that wait on the session). */
  readonly cleanups: (() => void)[];
}

export function openCallSession(
  options: ResolvedOptions,
  conversationId: string,
  faults: Random,
  arrive: (outgoing: Outgoing) => void,
): CallSession {
  const scheduler = new Scheduler(options.clock);
  const delivery = new Delivery<Outgoing>(
    scheduler,
    faults,
    {
      latencyMs: options.latencyMs,
      reorderProbability: options.reorderProbability,
      reorderDelayMs: options.timing.reorderDelayMs,
      duplicateProbability: options.duplicateProbability,
    },
    arrive,
  );
  return {
    conversationId,
    scheduler,
    delivery,
    network: new NetworkLink(delivery),
    wallOrigin: options.now(),
    local: null,
    remotes: new Map(),
    replica: null,
    pendingJoin: null,
    cleanups: [],
  };
}

/**
 * Ends a session: rejects a join still waiting with `reason` (a string, as daily-js rejects),
 * stops the replica, local tracks and every timer, and settles whatever waits on the session.
 */
export function closeCallSession(session: CallSession, reason: string): void {
  session.pendingJoin?.reject(reason);
  session.pendingJoin = null;
  if (session.replica) stopReplica(session.replica);
  session.replica = null;
  // On a later task, after the page let go of them (WebKitGTK: see media/track-ending.ts).
  for (const kind of ['video', 'audio'] as const) {
    const track = session.local?.[kind].track;
    if (track) endTrackSoon(track);
  }
  session.remotes.clear();
  session.delivery.clear();
  session.scheduler.dispose();
  for (const cleanup of session.cleanups) cleanup();
}
