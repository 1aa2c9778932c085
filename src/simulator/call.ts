/**
 * `SimulatedCall`: a stand-in for a daily-js call object, joined to a simulated Tavus replica.
 * It speaks daily's events and payload shapes to the client, and plays the Tavus server on the
 * other side of the data channel (see `replica.ts`). Nothing leaves the browser.
 */
import type { DailyCallOptions, DailyEvent } from '@daily-co/daily-js';
import type { CallFactoryOptions, DailyCallLike, DailyEventHandler } from '../call/daily-like.js';
import { Delivery } from './delivery.js';
import { Emitter } from './emitter.js';
import { FaceRenderer } from './media/face.js';
import {
  acquireLocalMedia,
  defaultGetUserMedia,
  type GetUserMedia,
  type LocalMediaFailure,
  type MediaKind,
} from './media/local-media.js';
import { VoiceSynth } from './media/voice.js';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options.js';
import {
  slot,
  snapshot,
  type ParticipantRecord,
  type SimulatedParticipant,
} from './participants.js';
import { Random } from './random.js';
import { ReplicaEngine, type SensitivitySettings } from './replica.js';
import { Scheduler } from './scheduler.js';
import { isRecord, parseAppMessageData, type TavusServerEvent } from './tavus-events.js';

/** daily-js' limit on `JSON.stringify(data).length` in `sendAppMessage`. */
export const MAX_APP_MESSAGE_SIZE = 4096;

/** What daily-js says when a room does not exist; a failing join uses it. */
export const NO_ROOM_MESSAGE = "The meeting you're trying to join does not exist.";

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

export interface AddParticipantOptions {
  userName?: string;
  userId?: string;
  sessionId?: string;
}

type MeetingState = 'new' | 'joining-meeting' | 'joined-meeting' | 'left-meeting' | 'error';

interface ReplicaInCall {
  record: ParticipantRecord;
  engine: ReplicaEngine;
  face: FaceRenderer | null;
  voice: VoiceSynth | null;
}

interface Outgoing {
  event: TavusServerEvent;
  fromId: string;
}

/** Everything that lives for one join, so that leaving drops all of it at once. */
interface Session {
  url: string;
  conversationId: string;
  scheduler: Scheduler;
  delivery: Delivery<Outgoing>;
  wallOrigin: number;
  local: ParticipantRecord | null;
  remotes: Map<string, ParticipantRecord>;
  replica: ReplicaInCall | null;
  pendingJoin: {
    resolve: (participants: Record<string, SimulatedParticipant>) => void;
    reject: (reason: string) => void;
  } | null;
  networkDown: boolean;
  heldInbound: (() => void)[];
  /** Run on teardown (settles promises of controls that wait on the session). */
  cleanups: (() => void)[];
}

/** Call objects alive now, for `enforceSingleInstance`. */
const LIVE_CALLS = new Set<SimulatedCall>();

/** The last path segment of a Daily room URL (`https://tavus.daily.co/c123?t=…` → `c123`). */
export function conversationIdFromUrl(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? '');
  } catch {
    return url.split(/[?#]/)[0]?.split('/').filter(Boolean).at(-1) ?? '';
  }
}

export class SimulatedCall implements DailyCallLike {
  /** Identifies this call object in every event (`callClientId`, as daily-js does). */
  readonly callClientId: string;
  private readonly options: ResolvedOptions;
  private readonly factoryOptions: CallFactoryOptions;
  private readonly emitter = new Emitter();
  private readonly ids: Random;
  private readonly brainRandom: Random;
  private readonly faults: Random;
  private readonly getUserMedia: GetUserMedia;
  private readonly allowMultiple: boolean;
  private state: MeetingState = 'new';
  private destroyed = false;
  private session: Session | null = null;
  private readonly preference: Partial<Record<MediaKind, boolean>> = {};
  private readonly sentLog: SentInteraction[] = [];
  private readonly ignoredLog: IgnoredInteraction[] = [];
  private lastEngine: ReplicaEngine | null = null;
  private lastConversationId: string | null = null;

  constructor(options: SimulatorOptions = {}, factoryOptions: CallFactoryOptions = {}) {
    this.options = resolveOptions(options);
    this.factoryOptions = factoryOptions;
    this.allowMultiple = factoryOptions.allowMultipleCallInstances === true;
    if (this.options.enforceSingleInstance && !this.allowMultiple) {
      for (const other of LIVE_CALLS) {
        if (!other.allowMultiple)
          throw new Error('Duplicate DailyIframe instances are not allowed');
      }
    }
    LIVE_CALLS.add(this);
    // Separate streams, so that e.g. turning duplicates on does not change the ids.
    const master = new Random(this.options.seed);
    this.ids = master.fork();
    this.brainRandom = master.fork();
    this.faults = master.fork();
    this.callClientId = this.ids.uuid();
    this.getUserMedia = this.options.getUserMedia ?? defaultGetUserMedia();
  }

  // --- daily-js API -------------------------------------------------------------------------

  on(event: DailyEvent, handler: DailyEventHandler): this {
    if (!this.destroyed) this.emitter.on(event, handler);
    return this;
  }

  off(event: DailyEvent, handler: DailyEventHandler): this {
    this.emitter.off(event, handler);
    return this;
  }

  meetingState(): MeetingState {
    return this.state;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /**
   * Joins the simulated room. Resolves with the participants after `joined-meeting`; rejects
   * with a **string** (as daily-js does) when the URL is marked failing, on a second join, or
   * when the call is left or destroyed first.
   */
  join(options: DailyCallOptions = {}): Promise<Record<string, SimulatedParticipant>> {
    if (this.destroyed) return Promise.reject('Use after destroy');
    if (this.state === 'joining-meeting' || this.state === 'joined-meeting') {
      return Promise.reject('Already joined or joining a meeting; call leave() first.');
    }
    const merged: DailyCallOptions = { ...this.factoryOptions, ...options };
    const url = merged.url;
    if (typeof url !== 'string' || url.trim() === '') {
      return Promise.reject('join() needs a url');
    }
    return new Promise((resolve, reject) => {
      const session = this.openSession(url);
      session.pendingJoin = { resolve, reject };
      this.state = 'joining-meeting';
      session.scheduler.after(0, () => this.emit('joining-meeting', {}));

      const failJoin = this.options.failJoin;
      if (failJoin !== false && (failJoin === '*' || url.includes(failJoin))) {
        session.scheduler.after(this.options.timing.joinMs, () => this.failJoin(session));
        return;
      }
      const want: Record<MediaKind, boolean> = {
        audio: this.preference.audio ?? !merged.startAudioOff,
        video: this.preference.video ?? !merged.startVideoOff,
      };
      void acquireLocalMedia(this.getUserMedia, want).then(({ tracks, failure }) => {
        if (this.session !== session) {
          // Left or destroyed while the browser was asking for devices.
          for (const track of Object.values(tracks)) track.stop();
          return;
        }
        // setLocalAudio/Video() while the browser was asking wins over the join options.
        const wantedNow = {
          audio: this.preference.audio ?? want.audio,
          video: this.preference.video ?? want.video,
        };
        const wanted = (kind: MediaKind): boolean => wantedNow[kind];
        delete this.preference.audio;
        delete this.preference.video;
        const sessionId = this.ids.uuid();
        session.local = {
          sessionId,
          userId: sessionId,
          userName: typeof merged.userName === 'string' ? merged.userName : '',
          local: true,
          joinedAt: new Date(this.options.now()),
          audio: slot(tracks.audio ?? null, wanted('audio')),
          video: slot(tracks.video ?? null, wanted('video')),
        };
        if (tracks.audio && !wanted('audio')) {
          tracks.audio.enabled = false;
          session.local.audio.state = 'off';
        }
        if (tracks.video && !wanted('video')) {
          tracks.video.stop();
          session.local.video = slot(null, false);
        }
        if (failure) this.reportCameraError(session.local, failure);
        session.scheduler.after(this.options.timing.joinMs, () => this.completeJoin(session));
      });
    });
  }

  leave(): Promise<void> {
    if (this.destroyed || !this.session) return Promise.resolve();
    this.teardown('Left the meeting before the join completed.');
    this.state = 'left-meeting';
    this.emit('left-meeting', {});
    return Promise.resolve();
  }

  /** Leaves if needed, then stops every track, timer, animation frame and audio context. */
  destroy(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    if (this.session) {
      this.teardown('The call object was destroyed before the join completed.');
      this.state = 'left-meeting';
      this.emit('left-meeting', {});
    }
    this.emit('call-instance-destroyed', {});
    this.destroyed = true;
    this.emitter.clear();
    LIVE_CALLS.delete(this);
    return Promise.resolve();
  }

  participants(): Record<string, SimulatedParticipant> {
    const session = this.session;
    if (!session?.local) return {};
    const out: Record<string, SimulatedParticipant> = { local: snapshot(session.local) };
    for (const [id, record] of session.remotes) out[id] = snapshot(record);
    return out;
  }

  /**
   * Sends app-message data to the other participants. Throws like daily-js before join and over
   * 4096 characters. The replica acts on it after the configured latency.
   */
  sendAppMessage(data: unknown, to: string | string[] = '*'): this {
    if (this.destroyed) return this;
    if (this.state !== 'joined-meeting' || !this.session) {
      throw new Error('sendAppMessage() only supported after join.');
    }
    const serialised = JSON.stringify(data);
    if (serialised === undefined) throw new Error('sendAppMessage() data must be serializable');
    if (serialised.length > MAX_APP_MESSAGE_SIZE) {
      throw new Error(`Message data too large. Max size is ${MAX_APP_MESSAGE_SIZE}`);
    }
    // What arrives on the other side is a copy, as over a real network.
    const copy = JSON.parse(serialised) as unknown;
    const parsed = parseAppMessageData(copy);
    this.sentLog.push((isRecord(parsed) ? parsed : { value: parsed }) as SentInteraction);

    const session = this.session;
    const replica = session.replica;
    if (!replica) return this;
    const recipients = Array.isArray(to) ? to : [to];
    if (!recipients.includes('*') && !recipients.includes(replica.record.sessionId)) return this;
    const deliver = (): void => {
      if (this.session !== session || session.replica !== replica) return;
      const reason = replica.engine.receive(copy);
      if (reason !== null) {
        this.ignoredLog.push({ data: copy, reason });
        console.warn(`[tavus simulator] the replica ignored an app-message: ${reason}`);
      }
    };
    session.scheduler.after(this.latency(), () => {
      if (session.networkDown) session.heldInbound.push(deliver);
      else deliver();
    });
    return this;
  }

  setLocalAudio(enabled: boolean): this {
    this.setLocalDevice('audio', enabled);
    return this;
  }

  setLocalVideo(enabled: boolean): this {
    this.setLocalDevice('video', enabled);
    return this;
  }

  localAudio(): boolean {
    return this.session?.local?.audio.state === 'playable';
  }

  localVideo(): boolean {
    return this.session?.local?.video.state === 'playable';
  }

  // --- what tests and demos can read --------------------------------------------------------

  /** Whether the replica is speaking right now. */
  get speaking(): boolean {
    return this.session?.replica?.engine.speaking ?? false;
  }

  /** Every app-message the client sent, in order (JSON strings parsed). */
  get sent(): readonly SentInteraction[] {
    return [...this.sentLog];
  }

  /** Interactions the replica received but did not act on, with the reason. */
  get ignored(): readonly IgnoredInteraction[] {
    return [...this.ignoredLog];
  }

  /** The conversational context after overwrite/append interactions. */
  get context(): string {
    return (this.session?.replica?.engine ?? this.lastEngine)?.context ?? this.options.context;
  }

  /** The last `conversation.sensitivity` values received. */
  get sensitivity(): Readonly<SensitivitySettings> {
    return (this.session?.replica?.engine ?? this.lastEngine)?.sensitivity ?? {};
  }

  /** The conversation id stamped on events (null before the first join). */
  get conversationId(): string | null {
    return this.session?.conversationId ?? this.lastConversationId;
  }

  /** The replica participant's `session_id` (the `fromId` of its app-messages), if present. */
  get replicaSessionId(): string | null {
    return this.session?.replica?.record.sessionId ?? null;
  }

  // --- controls -----------------------------------------------------------------------------

  /**
   * Delivers `data` at once as an `app-message`, as if sent by the replica (default) or by
   * `fromId`. For tests of malformed, foreign or future events.
   */
  injectAppMessage(data: unknown, fromId?: string): void {
    const session = this.requireJoined('injectAppMessage()');
    const sender = fromId ?? session.replica?.record.sessionId;
    if (!sender) throw new Error('injectAppMessage(): the replica has not joined yet; pass fromId');
    this.emit('app-message', { data, fromId: sender });
  }

  /** Adds a participant that is not the replica (a second human, a recorder bot…). */
  addParticipant(options: AddParticipantOptions = {}): SimulatedParticipant {
    const session = this.requireJoined('addParticipant()');
    const sessionId = options.sessionId ?? this.ids.uuid();
    const record: ParticipantRecord = {
      sessionId,
      userId: options.userId ?? sessionId,
      userName: options.userName ?? 'Guest',
      local: false,
      joinedAt: new Date(this.options.now()),
      audio: slot(null),
      video: slot(null),
    };
    session.remotes.set(sessionId, record);
    this.emit('participant-joined', { participant: snapshot(record) });
    return snapshot(record);
  }

  /** Removes a participant added with `addParticipant()` (or the replica). */
  removeParticipant(sessionId: string): boolean {
    const session = this.requireJoined('removeParticipant()');
    if (session.replica?.record.sessionId === sessionId) return this.simulateReplicaLeave();
    const record = session.remotes.get(sessionId);
    if (!record) return false;
    session.remotes.delete(sessionId);
    this.emit('participant-left', { participant: snapshot(record) });
    return true;
  }

  /**
   * A signalling outage: `network-connection` `interrupted`, then `connected` after `ms`.
   * Messages in both directions wait and arrive after reconnection.
   */
  simulateNetworkInterruption(ms: number): Promise<void> {
    const session = this.requireJoined('simulateNetworkInterruption()');
    return new Promise((resolve) => {
      session.cleanups.push(resolve);
      session.networkDown = true;
      session.delivery.pause();
      this.emit('network-connection', { type: 'signaling', event: 'interrupted' });
      session.scheduler.after(ms, () => {
        session.networkDown = false;
        this.emit('network-connection', { type: 'signaling', event: 'connected' });
        session.delivery.resume();
        const held = session.heldInbound;
        session.heldInbound = [];
        for (const deliver of held) deliver();
        resolve();
      });
    });
  }

  /** The replica leaves the room: its tracks stop and `participant-left` is emitted. */
  simulateReplicaLeave(): boolean {
    const session = this.requireJoined('simulateReplicaLeave()');
    const replica = session.replica;
    if (!replica) return false;
    replica.engine.stop();
    this.lastEngine = replica.engine;
    session.replica = null;
    session.remotes.delete(replica.record.sessionId);
    for (const type of ['video', 'audio'] as const) {
      const track = replica.record[type].track;
      if (track) this.emit('track-stopped', { participant: snapshot(replica.record), track, type });
    }
    stopReplicaMedia(replica);
    replica.record.audio = slot(null);
    replica.record.video = slot(null);
    this.emit('participant-left', { participant: snapshot(replica.record) });
    return true;
  }

  /** A fatal daily error: `error` is emitted and the meeting state becomes `error`. */
  simulateFatalError(message = 'Simulated fatal error', type = 'connection-error'): void {
    if (this.destroyed || !this.session) throw new Error('simulateFatalError(): not in a call');
    this.teardown(message);
    this.state = 'error';
    const error: Record<string, unknown> = { type, msg: message };
    if (type === 'connection-error') error['details'] = { on: 'rtc-connection', sourceError: {} };
    this.emit('error', { errorMsg: message, error });
  }

  /** A non-fatal daily error (`nonfatal-error`): the call goes on. */
  simulateNonFatalError(type: string, message: string): void {
    this.requireJoined('simulateNonFatalError()');
    this.emit('nonfatal-error', { type, errorMsg: message });
  }

  /**
   * The user says `text` (protocol.md §7.1): speaking events, streaming, the user utterance, then
   * the replica's reply. Interrupts the replica's reply when it is talking (§7.3). Settles once
   * the user's utterance has been sent.
   */
  simulateUserSpeech(text: string): Promise<void> {
    const engine = this.session?.replica?.engine;
    if (this.state !== 'joined-meeting' || !engine) {
      return Promise.reject(new Error('simulateUserSpeech(): the replica is not in the call'));
    }
    return engine.simulateUserSpeech(text);
  }

  // --- internals ----------------------------------------------------------------------------

  private emit(name: string, payload: Record<string, unknown>): void {
    if (this.destroyed) return;
    this.emitter.emit(name, { action: name, callClientId: this.callClientId, ...payload });
  }

  private requireJoined(method: string): Session {
    if (this.destroyed || this.state !== 'joined-meeting' || !this.session) {
      throw new Error(`${method} needs a joined call`);
    }
    return this.session;
  }

  private latency(): number {
    const latency = this.options.latencyMs;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, this.faults.between(latency[0], latency[1]));
  }

  private openSession(url: string): Session {
    const scheduler = new Scheduler();
    const conversationId = this.options.conversationId ?? conversationIdFromUrl(url);
    this.lastConversationId = conversationId;
    const session: Session = {
      url,
      conversationId,
      scheduler,
      delivery: new Delivery<Outgoing>(
        scheduler,
        this.faults,
        {
          latencyMs: this.options.latencyMs,
          reorderProbability: this.options.reorderProbability,
          reorderDelayMs: this.options.timing.reorderDelayMs,
          duplicateProbability: this.options.duplicateProbability,
        },
        (outgoing) => this.deliverFromReplica(session, outgoing),
      ),
      wallOrigin: this.options.now(),
      local: null,
      remotes: new Map(),
      replica: null,
      pendingJoin: null,
      networkDown: false,
      heldInbound: [],
      cleanups: [],
    };
    this.session = session;
    return session;
  }

  /** Ends the current session: rejects a pending join with `reason`, stops media and timers. */
  private teardown(reason: string): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    if (session.pendingJoin) {
      session.pendingJoin.reject(reason);
      session.pendingJoin = null;
    }
    if (session.replica) {
      session.replica.engine.stop();
      this.lastEngine = session.replica.engine;
      stopReplicaMedia(session.replica);
      session.replica = null;
    }
    if (session.local) {
      session.local.audio.track?.stop();
      session.local.video.track?.stop();
    }
    session.remotes.clear();
    session.delivery.clear();
    session.scheduler.dispose();
    for (const cleanup of session.cleanups) cleanup();
  }

  private failJoin(session: Session): void {
    if (this.session !== session) return;
    const pending = session.pendingJoin;
    session.pendingJoin = null;
    this.teardown(NO_ROOM_MESSAGE);
    this.state = 'error';
    this.emit('error', {
      errorMsg: NO_ROOM_MESSAGE,
      error: { type: 'no-room', msg: NO_ROOM_MESSAGE },
    });
    pending?.reject(NO_ROOM_MESSAGE);
  }

  private completeJoin(session: Session): void {
    const local = session.local;
    if (this.session !== session || !local) return;
    this.state = 'joined-meeting';
    const participants = this.participants();
    this.emit('joined-meeting', { participants });
    for (const type of ['video', 'audio'] as const) {
      const track = local[type].track;
      if (track && local[type].state === 'playable') {
        this.emit('track-started', { participant: snapshot(local), track, type });
      }
    }
    const pending = session.pendingJoin;
    session.pendingJoin = null;
    pending?.resolve(participants);
    session.scheduler.after(this.options.timing.replicaJoinMs, () => this.replicaArrives(session));
  }

  private replicaArrives(session: Session): void {
    if (this.session !== session) return;
    const options = this.options;
    const mediaSeed = this.ids.int(0, 0xffff);
    let face: FaceRenderer | null = null;
    let voice: VoiceSynth | null = null;
    if (options.syntheticMedia) {
      try {
        face = new FaceRenderer({ name: options.replicaName, seed: mediaSeed });
      } catch (error) {
        console.warn('[tavus simulator] no synthetic video:', error);
      }
      try {
        voice = new VoiceSynth(mediaSeed);
      } catch (error) {
        console.warn('[tavus simulator] no synthetic audio:', error);
      }
    }
    const record: ParticipantRecord = {
      sessionId: this.ids.uuid(),
      userId: `tavus-replica-${options.replicaId}`,
      userName: options.replicaName,
      local: false,
      joinedAt: new Date(options.now()),
      audio: slot(voice?.track ?? null),
      video: slot(face?.track ?? null),
    };
    const engine = new ReplicaEngine(
      {
        conversationId: session.conversationId,
        replicaId: options.replicaId,
        replicaName: options.replicaName,
        greeting: options.greeting,
        context: options.context,
        script: options.script,
        wordsPerSecond: options.wordsPerSecond,
        timing: options.timing,
        replicaRoles: options.replicaRoles,
        twinsShareSeq: options.twinsShareSeq,
        emitReplicaInterrupted: options.emitReplicaInterrupted,
        heartbeatMs: options.heartbeatMs,
      },
      {
        scheduler: session.scheduler,
        random: this.brainRandom,
        send: (event) => session.delivery.send({ event, fromId: record.sessionId }),
        speakingChanged: (speaking) => {
          face?.setSpeaking(speaking);
          voice?.setSpeaking(speaking);
        },
        wallClock: () => session.wallOrigin + session.scheduler.now(),
      },
    );
    session.replica = { record, engine, face, voice };
    session.remotes.set(record.sessionId, record);
    this.emit('participant-joined', { participant: snapshot(record) });
    for (const type of ['video', 'audio'] as const) {
      const track = record[type].track;
      if (track) this.emit('track-started', { participant: snapshot(record), track, type });
    }
    session.scheduler.after(options.timing.replicaReadyMs, () => engine.start());
  }

  private deliverFromReplica(session: Session, { event, fromId }: Outgoing): void {
    if (this.session !== session || this.state !== 'joined-meeting') return;
    const mode = this.options.deliverAs;
    const asString = mode === 'string' || (mode === 'mixed' && this.faults.chance(0.5));
    // A fresh object per arrival: duplicates must not share state with each other.
    const data: unknown = asString ? JSON.stringify(event) : JSON.parse(JSON.stringify(event));
    this.emit('app-message', { data, fromId });
  }

  private reportCameraError(local: ParticipantRecord, failure: LocalMediaFailure): void {
    for (const kind of ['audio', 'video'] as const) {
      const blocked = failure.blocked[kind];
      if (blocked) local[kind] = { state: 'blocked', track: null, blocked, wanted: true };
    }
    const errorMsg: Record<string, unknown> = { errorMsg: failure.message };
    if (failure.audioOk !== undefined) errorMsg['audioOk'] = failure.audioOk;
    if (failure.videoOk !== undefined) errorMsg['videoOk'] = failure.videoOk;
    this.emit('camera-error', { errorMsg, error: failure.error });
  }

  private setLocalDevice(kind: MediaKind, enabled: boolean): void {
    if (this.destroyed) return;
    const session = this.session;
    const local = session?.local;
    if (!session || !local) {
      // Before the devices are known this is a preference for the join, as in daily-js.
      this.preference[kind] = enabled;
      return;
    }
    const current = local[kind];
    current.wanted = enabled;
    if (enabled) {
      if (current.state === 'playable') return;
      if (kind === 'audio' && current.track && current.track.readyState === 'live') {
        current.track.enabled = true;
        current.state = 'playable';
        this.participantUpdated(session, local);
        if (this.state === 'joined-meeting') {
          this.emit('track-started', {
            participant: snapshot(local),
            track: current.track,
            type: kind,
          });
        }
        return;
      }
      if (current.state === 'loading') return;
      current.state = 'loading';
      void this.reacquire(session, local, kind);
      return;
    }
    if (current.state === 'off') return;
    const track = current.track;
    if (track && kind === 'audio') {
      // A muted microphone keeps its track (daily does too); a camera is released.
      track.enabled = false;
      local.audio = { state: 'off', track, wanted: false };
    } else {
      track?.stop();
      local[kind] = { state: 'off', track: null, wanted: false };
    }
    if (track && this.state === 'joined-meeting') {
      this.emit('track-stopped', { participant: snapshot(local), track, type: kind });
    }
    this.participantUpdated(session, local);
  }

  private async reacquire(
    session: Session,
    local: ParticipantRecord,
    kind: MediaKind,
  ): Promise<void> {
    const { tracks, failure } = await acquireLocalMedia(this.getUserMedia, {
      audio: kind === 'audio',
      video: kind === 'video',
    });
    const track = tracks[kind];
    if (this.session !== session || !local[kind].wanted) {
      // Left, or switched off again while the browser was asking.
      track?.stop();
      if (this.session === session && local[kind].state === 'loading') {
        local[kind] = { state: 'off', track: null, wanted: false };
      }
      return;
    }
    local[kind].track?.stop();
    if (track) {
      local[kind] = { state: 'playable', track, wanted: true };
      this.participantUpdated(session, local);
      if (this.state === 'joined-meeting') {
        this.emit('track-started', { participant: snapshot(local), track, type: kind });
      }
    } else if (failure) {
      this.reportCameraError(local, failure);
      this.participantUpdated(session, local);
    }
  }

  private participantUpdated(session: Session, record: ParticipantRecord): void {
    if (this.state !== 'joined-meeting') return;
    // daily-js reports the change asynchronously; the snapshot is taken when it is emitted.
    session.scheduler.after(0, () => {
      if (this.session === session)
        this.emit('participant-updated', { participant: snapshot(record) });
    });
  }
}

function stopReplicaMedia(replica: ReplicaInCall): void {
  replica.face?.stop();
  replica.voice?.stop();
}
