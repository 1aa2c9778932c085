import type { ParticipantLike, TrackStateLike } from './daily-like.js';

/** Tavus gives its replica participant a user id containing this marker (protocol.md §5.4). */
const REPLICA_USER_ID_MARKER = 'tavus-replica';

/** Who is in the room besides us: the replica, and anyone else. */
export interface RemoteParticipants {
  /** The participant Tavus marked as its replica, or null. */
  replica: ParticipantLike | null;
  /** Remote participants without the marker: never heard, whatever they send. */
  unmarked: number;
}

/**
 * Which remote participant is the replica: only one Tavus marked. Whoever else holds the room's
 * URL (before the replica arrives too) is a stranger, whose app-messages must never be trusted:
 * they could run the page's tools, write the transcript, or end the call.
 */
export function findReplica(participants: Record<string, ParticipantLike>): RemoteParticipants {
  let replica: ParticipantLike | null = null;
  let unmarked = 0;
  for (const [key, participant] of Object.entries(participants)) {
    if (key === 'local' || !participant || participant.local) continue;
    if (!replica && isMarkedReplica(participant)) replica = participant;
    else unmarked++;
  }
  return { replica, unmarked };
}

/** Tavus' marker on its replica participant. */
export function isMarkedReplica(participant: ParticipantLike): boolean {
  return String(participant.user_id ?? '').includes(REPLICA_USER_ID_MARKER);
}

/** The track to render, or null while it is not playable. */
export function playableTrack(state: TrackStateLike | undefined): MediaStreamTrack | null {
  if (!state || state.state !== 'playable') return null;
  return state.persistentTrack ?? state.track ?? null;
}
