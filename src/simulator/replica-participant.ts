/**
 * The replica as a participant of the Daily room: a remote participant named after the replica,
 * with a `tavus-replica-…` user id, a synthetic face and voice as its tracks, and the
 * conversation engine behind it. Synthetic media is optional (it needs a DOM and WebAudio);
 * without it the replica still talks over the data channel with its tracks off.
 */
import { FaceRenderer } from './media/face.js';
import { VoiceSynth } from './media/voice.js';
import type { ResolvedOptions } from './options.js';
import { slot, type ParticipantRecord } from './participants.js';
import type { Random } from './random.js';
import { ReplicaEngine } from './replica.js';
import type { Scheduler } from './scheduler.js';
import type { TavusServerEvent } from './tavus-events.js';

export interface ReplicaInCall {
  record: ParticipantRecord;
  engine: ReplicaEngine;
  face: FaceRenderer | null;
  voice: VoiceSynth | null;
}

/** What the replica needs from the call it joins. */
export interface ReplicaSurroundings {
  options: ResolvedOptions;
  conversationId: string;
  scheduler: Scheduler;
  /** Session ids and the media seed. */
  ids: Random;
  /** Think times and wording: a stream of its own, so ids do not shift with the replies. */
  brainRandom: Random;
  /** Broadcasts one event from the replica's session id. */
  send(event: TavusServerEvent, fromId: string): void;
  /** Wall-clock milliseconds at the scheduler's current virtual time. */
  wallClock(): number;
}

/** Makes the replica participant; it is silent until `engine.start()`. */
export function createReplica(around: ReplicaSurroundings): ReplicaInCall {
  const { options } = around;
  const mediaSeed = around.ids.int(0, 0xffff);
  const face = options.syntheticMedia
    ? attempt('video', () => new FaceRenderer({ name: options.replicaName, seed: mediaSeed }))
    : null;
  const voice = options.syntheticMedia ? attempt('audio', () => new VoiceSynth(mediaSeed)) : null;
  const record: ParticipantRecord = {
    sessionId: around.ids.uuid(),
    userId: `tavus-replica-${options.replicaId}`,
    userName: options.replicaName,
    local: false,
    joinedAt: new Date(options.now()),
    audio: slot(voice?.track ?? null),
    video: slot(face?.track ?? null),
  };
  const engine = new ReplicaEngine(
    { ...options, conversationId: around.conversationId },
    {
      scheduler: around.scheduler,
      random: around.brainRandom,
      send: (event) => around.send(event, record.sessionId),
      speakingChanged: (speaking) => {
        face?.setSpeaking(speaking);
        voice?.setSpeaking(speaking);
      },
      wallClock: () => around.wallClock(),
    },
  );
  return { record, engine, face, voice };
}

/** Silences the replica and ends its tracks, without any event. */
export function stopReplica(replica: ReplicaInCall): void {
  replica.engine.stop();
  replica.face?.stop();
  replica.voice?.stop();
}

/** A synthetic track, or null with a warning where the browser cannot make one. */
function attempt<T>(kind: 'video' | 'audio', make: () => T): T | null {
  try {
    return make();
  } catch (error) {
    console.warn(`[tavus simulator] no synthetic ${kind}:`, error);
    return null;
  }
}
