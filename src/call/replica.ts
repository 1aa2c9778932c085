import type { ParticipantLike, TrackStateLike } from './daily-like.js';

/** Tavus gives its replica participant a user id containing this marker (protocol.md §5.4). */
const REPLICA_USER_ID_MARKER = 'tavus-replica';

/**
 * Which remote participant is the replica. A participant marked by Tavus wins; otherwise, in the
 * one-to-one rooms Tavus creates, the only remote participant is the replica. With several
 * unmarked remote participants nobody is trusted, so their app-messages are ignored.
 */
export function findReplica(participants: Record<string, ParticipantLike>): ParticipantLike | null {
  const remote = Object.entries(participants)
    .filter(([key, participant]) => key !== 'local' && participant && !participant.local)
    .map(([, participant]) => participant);
  const marked = remote.find((participant) =>
    String(participant.user_id ?? '').includes(REPLICA_USER_ID_MARKER),
  );
  if (marked) return marked;
  return remote.length === 1 ? remote[0]! : null;
}

/** The track to render, or null while it is not playable. */
export function playableTrack(state: TrackStateLike | undefined): MediaStreamTrack | null {
  if (!state || state.state !== 'playable') return null;
  return state.persistentTrack ?? state.track ?? null;
}
