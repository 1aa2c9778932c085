/**
 * Participants of the simulated call, kept as mutable records inside the call and handed out as
 * fresh daily-shaped snapshots (daily-js' `participants()` also returns copies).
 */
import type { ParticipantLike, TrackStateLike } from '../call/daily-like.js';
import type { CallEventSink } from './emitter.js';
import type { BlockedReason } from './media/local-media.js';

/** A track slot of a participant. */
export interface TrackSlot {
  state: 'playable' | 'off' | 'blocked' | 'loading';
  track: MediaStreamTrack | null;
  blocked?: BlockedReason;
  /** The local user wants this device on (survives a pending getUserMedia). */
  wanted: boolean;
}

export interface ParticipantRecord {
  sessionId: string;
  userId: string;
  userName: string;
  local: boolean;
  joinedAt: Date;
  audio: TrackSlot;
  video: TrackSlot;
}

/** A participant as the simulated call reports it: daily's fields that matter to a client. */
export interface SimulatedParticipant extends ParticipantLike {
  owner: boolean;
  joined_at: Date;
  /** daily's deprecated booleans, still read by older code. */
  audio: boolean;
  video: boolean;
  screen: boolean;
  tracks: { audio: TrackStateLike; video: TrackStateLike };
}

export function slot(track: MediaStreamTrack | null, wanted = track !== null): TrackSlot {
  return { state: track ? 'playable' : 'off', track, wanted };
}

function trackState(
  slotValue: TrackSlot,
  local: boolean,
): TrackStateLike & { subscribed?: boolean } {
  const state: TrackStateLike & { subscribed?: boolean } = { state: slotValue.state };
  if (!local) state.subscribed = true;
  if (slotValue.track) {
    state.persistentTrack = slotValue.track;
    // `track` only when playable: that is daily's guarantee the element relies on.
    if (slotValue.state === 'playable') state.track = slotValue.track;
  }
  if (slotValue.state === 'off') state.off = { byUser: true };
  if (slotValue.state === 'blocked') state.blocked = { ...slotValue.blocked };
  return state;
}

export function snapshot(record: ParticipantRecord): SimulatedParticipant {
  return {
    session_id: record.sessionId,
    user_id: record.userId,
    user_name: record.userName,
    local: record.local,
    owner: false,
    joined_at: record.joinedAt,
    audio: record.audio.state === 'playable',
    video: record.video.state === 'playable',
    screen: false,
    tracks: {
      audio: trackState(record.audio, record.local),
      video: trackState(record.video, record.local),
    },
  };
}

/** `track-started` or `track-stopped` for each track of `record` (video first, as daily-js). */
export function emitTrackEvents(
  emit: CallEventSink,
  name: 'track-started' | 'track-stopped',
  record: ParticipantRecord,
  only: (slotValue: TrackSlot) => boolean = () => true,
): void {
  for (const type of ['video', 'audio'] as const) {
    const track = record[type].track;
    if (track && only(record[type])) emit(name, { participant: snapshot(record), track, type });
  }
}
