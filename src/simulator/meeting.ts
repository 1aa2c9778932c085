/**
 * The meeting states of a simulated daily-js call object (new → joining-meeting →
 * joined-meeting → left-meeting or error) and the session each join opens. daily-js' order is
 * kept: `joining-meeting`, the devices, `joined-meeting` with the local tracks, and only then the
 * replica; a join that is left, destroyed or failed rejects with a string, as daily-js rejects.
 * The meeting is also what the call's parts share (`CallContext`).
 */
import type { DailyCallOptions } from '@daily-co/daily-js';
import { AppMessages } from './app-messages.js';
import {
  closeCallSession,
  openCallSession,
  type CallContext,
  type CallSession,
} from './call-session.js';
import type { CallEventSink, Emitter } from './emitter.js';
import { LocalDevices } from './local-devices.js';
import { defaultGetUserMedia } from './media/local-media.js';
import type { ResolvedOptions } from './options.js';
import { emitTrackEvents, snapshot, type SimulatedParticipant } from './participants.js';
import { Random } from './random.js';
import { RemoteParticipants } from './remote-participants.js';
import { conversationIdFromUrl, joinFails, NO_ROOM_MESSAGE } from './room.js';

export type MeetingState = 'new' | 'joining-meeting' | 'joined-meeting' | 'left-meeting' | 'error';

/**
 * The simulator's words when the room closes under the local user (an `ejected` error, as
 * daily-js reports a room that was deleted). Clients should read `error.type`, not this text.
 */
export const ROOM_ENDED_MESSAGE = 'The meeting has ended.';

export class Meeting implements CallContext {
  /** Identifies the call object in every event (`callClientId`, as daily-js does). */
  readonly callClientId: string;
  readonly ids: Random;
  readonly brainRandom: Random;
  readonly faults: Random;
  readonly devices: LocalDevices;
  readonly remote: RemoteParticipants;
  readonly messages: AppMessages;
  private state: MeetingState = 'new';
  private destroyed = false;
  private current: CallSession | null = null;
  private lastConversationId: string | null = null;
  /** The session Tavus is shutting down, so that a second shutdown does not close it twice. */
  private shuttingDown: CallSession | null = null;

  constructor(
    readonly options: ResolvedOptions,
    private readonly emitter: Emitter,
  ) {
    // Separate random streams, so that e.g. turning duplicates on does not change the ids.
    const master = new Random(options.seed);
    this.ids = master.fork();
    this.brainRandom = master.fork();
    this.faults = master.fork();
    this.callClientId = this.ids.uuid();
    this.devices = new LocalDevices(options.getUserMedia ?? defaultGetUserMedia(), this);
    this.remote = new RemoteParticipants(this);
    this.messages = new AppMessages(this);
  }

  /** Emits a daily event with daily's `action` and `callClientId`; silent once destroyed. */
  readonly emit: CallEventSink = (name, payload) => {
    if (this.destroyed) return;
    this.emitter.emit(name, { action: name, callClientId: this.callClientId, ...payload });
  };

  session(): CallSession | null {
    return this.current;
  }

  joined(): boolean {
    return this.state === 'joined-meeting';
  }

  get meetingState(): MeetingState {
    return this.state;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The conversation id of the current or last session (null before the first join). */
  get conversationId(): string | null {
    return this.current?.conversationId ?? this.lastConversationId;
  }

  /** The session of a joined meeting; throws, naming `method`, when there is none. */
  requireJoined(method: string): CallSession {
    if (this.destroyed || !this.joined() || !this.current) {
      throw new Error(`${method} needs a joined call`);
    }
    return this.current;
  }

  join(options: DailyCallOptions): Promise<Record<string, SimulatedParticipant>> {
    if (this.destroyed) return rejectLikeDaily('Use after destroy');
    if (this.state === 'joining-meeting' || this.state === 'joined-meeting') {
      return rejectLikeDaily('Already joined or joining a meeting; call leave() first.');
    }
    const url = options.url;
    if (typeof url !== 'string' || url.trim() === '') {
      return rejectLikeDaily('join() needs a url');
    }
    return new Promise((resolve, reject) => {
      const session = this.open(url);
      session.pendingJoin = { resolve, reject };
      this.state = 'joining-meeting';
      session.scheduler.after(0, () => this.emit('joining-meeting', {}));
      const { joinMs } = this.options.timing;
      if (joinFails(url, this.options.failJoin)) {
        session.scheduler.after(joinMs, () => this.failJoin(session));
        return;
      }
      void this.devices.open(session, options).then((stillCurrent) => {
        if (stillCurrent) session.scheduler.after(joinMs, () => this.completeJoin(session));
      });
    });
  }

  leave(): void {
    if (this.destroyed || !this.current) return;
    this.close('Left the meeting before the join completed.');
    this.state = 'left-meeting';
    this.emit('left-meeting', {});
  }

  destroy(): void {
    if (this.destroyed) return;
    if (this.current) {
      this.close('The call object was destroyed before the join completed.');
      this.state = 'left-meeting';
      this.emit('left-meeting', {});
    }
    this.emit('call-instance-destroyed', {});
    this.destroyed = true;
    this.emitter.clear();
  }

  /** A fatal error: the session ends, the state is `error` when `error` is emitted. */
  fail(message: string, error: Record<string, unknown>): void {
    this.close(message);
    this.state = 'error';
    this.emit('error', { errorMsg: message, error });
  }

  /**
   * Tavus ends the conversation (`reason` as in `shutdown_reason`): the replica sends
   * `system.shutdown` and goes silent; a moment later it leaves and the room closes, which ejects
   * a client that did not leave by itself.
   */
  shutDown(session: CallSession, reason: string): void {
    if (this.current !== session || this.shuttingDown === session) return;
    this.shuttingDown = session;
    session.replica?.engine.shutDown(reason);
    session.scheduler.after(this.options.timing.shutdownMs, () => {
      if (this.current !== session) return;
      this.remote.replicaLeaves(session);
      this.fail(ROOM_ENDED_MESSAGE, { type: 'ejected', msg: ROOM_ENDED_MESSAGE });
    });
  }

  participants(): Record<string, SimulatedParticipant> {
    const session = this.current;
    if (!session?.local) return {};
    const out: Record<string, SimulatedParticipant> = { local: snapshot(session.local) };
    for (const [id, record] of session.remotes) out[id] = snapshot(record);
    return out;
  }

  private open(url: string): CallSession {
    const conversationId = this.options.conversationId ?? conversationIdFromUrl(url);
    this.lastConversationId = conversationId;
    const session = openCallSession(this.options, conversationId, this.faults, (event) =>
      this.messages.arrive(session, event),
    );
    this.current = session;
    return session;
  }

  /** Ends the current session: rejects a pending join with `reason`, stops media and timers. */
  private close(reason: string): void {
    const session = this.current;
    if (!session) return;
    this.current = null;
    closeCallSession(session, reason);
  }

  private failJoin(session: CallSession): void {
    if (this.current !== session) return;
    // The join rejects after `error`, as in daily-js, so its handler sees the error state.
    const pending = session.pendingJoin;
    session.pendingJoin = null;
    this.fail(NO_ROOM_MESSAGE, { type: 'no-room', msg: NO_ROOM_MESSAGE });
    pending?.reject(NO_ROOM_MESSAGE);
  }

  private completeJoin(session: CallSession): void {
    const local = session.local;
    if (this.current !== session || !local) return;
    this.state = 'joined-meeting';
    const participants = this.participants();
    this.emit('joined-meeting', { participants });
    emitTrackEvents(this.emit, 'track-started', local, (track) => track.state === 'playable');
    const pending = session.pendingJoin;
    session.pendingJoin = null;
    pending?.resolve(participants);
    session.scheduler.after(this.options.timing.replicaJoinMs, () => {
      if (this.current === session) this.remote.replicaArrives(session);
    });
    const maxSeconds = this.options.maxCallDuration;
    if (maxSeconds !== undefined) {
      session.scheduler.after(maxSeconds * 1000, () =>
        this.shutDown(session, 'max_call_duration reached'),
      );
    }
  }
}

/** daily-js rejects `join()` with a string, not an Error; clients must cope, so the simulator does too. */
function rejectLikeDaily(reason: string): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as daily-js does
  return Promise.reject(reason);
}
