import { MAX_APP_MESSAGE_LENGTH } from '../protocol/limits.js';
import { NO_MEDIA, type CallMedia } from '../state/call-media.js';
import type { NetworkQuality } from '../state/conversation-state.js';
import type { ChosenDevices } from '../state/devices.js';
import type {
  CallFactory,
  DailyCallLike,
  DailyEventHandler,
  ParticipantLike,
} from './daily-like.js';
import { DAILY_EVENTS_USED } from './daily-like.js';
import { ConversationError, describeFailure, failureCause } from '../state/errors.js';
import { availabilityFromCameraError } from './media-issue.js';
import { joinCancelled, joinFailure, whenAborted } from './join-errors.js';
import { DEVICES_USABLE, deriveMedia, sameMedia, type DeviceState } from './media-state.js';
import { findReplica } from './replica.js';

/** What the controller reports; the session turns these into state and DOM events. */
export interface CallCallbacks {
  /** We are in the room (the replica may not be yet). */
  joined(): void;
  /** The replica participant is in the room. */
  replicaPresent(name: string): void;
  /** The replica participant left the room. */
  replicaLeft(): void;
  /**
   * Someone without Tavus' replica marker is in the room (once per call): a stranger holding the
   * URL, or a replica Tavus stopped marking. Their messages are ignored either way.
   */
  unverifiedParticipant(): void;
  /** An app-message from the replica (only the replica's reach this). */
  appMessage(data: unknown): void;
  /** Daily's estimate of the connection changed. */
  networkQuality(quality: NetworkQuality): void;
  /** Daily's connection dropped (true) or came back (false). */
  networkInterrupted(interrupted: boolean): void;
  mediaChanged(media: CallMedia): void;
  /** We left the meeting without asking to (ejected, room closed). */
  leftUnexpectedly(): void;
  /** Daily reported a fatal error; the call is over. */
  fatalError(message: string): void;
}

export interface PrepareOptions {
  startVideoOff: boolean;
  startAudioOff: boolean;
}

export interface JoinOptions extends PrepareOptions {
  url: string;
  token?: string;
  userName?: string;
  /** Devices the visitor chose before joining (the device check). */
  devices?: ChosenDevices;
}

/**
 * Owns one Daily call object for one conversation attempt: creates it through the factory,
 * listens before joining (Daily replays nothing), joins, identifies the replica, follows its
 * tracks, filters app-messages to the replica's, and leaves and destroys the call exactly once.
 * The only code in the project that talks to daily-js.
 */
export class CallController {
  private call: DailyCallLike | null = null;
  private readonly handlers = new Map<string, DailyEventHandler>();
  private replicaSessionId: string | null = null;
  private replicaName = '';
  private strangerReported = false;
  private leaving = false;
  /** Until join() settles, a fatal error is the join's failure: join() reports it. */
  private joined = false;
  private disposed: Promise<void> | null = null;
  private media: CallMedia = { ...NO_MEDIA };
  private deviceState: DeviceState = DEVICES_USABLE;
  private preparing: Promise<DailyCallLike> | null = null;
  private lastJoin: { options: JoinOptions; signal: AbortSignal } | null = null;
  private preAuthing: Promise<void> | undefined;
  /** The devices the user wants on: a retry never turns on one they chose to keep off. */
  private wanted = { audio: true, video: true };

  constructor(
    private readonly factory: CallFactory,
    private readonly callbacks: CallCallbacks,
  ) {}

  /**
   * Creates the call object and starts loading Daily's call bundle, before the room is known:
   * the start overlaps this with the endpoint's answer, and intent (a pointer over the start
   * button) can begin it even earlier. Settles once; join() awaits it.
   */
  prepare(options: PrepareOptions): Promise<DailyCallLike> {
    this.wanted = { audio: !options.startAudioOff, video: !options.startVideoOff };
    this.preparing ??= this.create(options);
    return this.preparing;
  }

  /**
   * Tells Daily the room and token while something else is still pending (the visitor looking
   * at the device check), so the join has less to do. A failure here is the join's to report.
   */
  preAuth(url: string, token: string | undefined): Promise<void> {
    this.preAuthing = (async () => {
      const call = await this.preparing?.catch(() => null);
      if (!call?.preAuth || this.leaving) return;
      await Promise.resolve(call.preAuth({ url, ...(token ? { token } : {}) })).catch(() => {});
    })();
    return this.preAuthing;
  }

  /** Joins the room (preparing the call first if that has not begun). */
  async join(options: JoinOptions, signal: AbortSignal): Promise<void> {
    this.lastJoin = { options, signal };
    const call = await this.prepare(options);
    // daily-js refuses a preAuth once joining: let one under way finish first.
    await this.preAuthing;
    if (signal.aborted) throw joinCancelled();

    try {
      const joining = Promise.resolve(
        call.join({
          url: options.url,
          ...(options.token ? { token: options.token } : {}),
          ...(options.userName ? { userName: options.userName } : {}),
          ...(options.devices?.camera ? { videoSource: options.devices.camera } : {}),
          ...(options.devices?.microphone ? { audioSource: options.devices.microphone } : {}),
          startVideoOff: options.startVideoOff,
          startAudioOff: options.startAudioOff,
        }),
      );
      // What the join says after an end is of no interest, and must not go unhandled.
      joining.catch(() => {});
      // An end during a join that never answers must still settle start().
      await Promise.race([joining, whenAborted(signal)]);
    } catch (reason) {
      if (signal.aborted) throw joinCancelled();
      throw joinFailure(reason);
    }
    if (signal.aborted) throw joinCancelled();
    this.joined = true;
    this.callbacks.joined();
    this.refreshParticipants();
  }

  /**
   * Joins the same room again after Daily dropped us (the network gave up), while Tavus still
   * holds the conversation. The replica is found again like the first time.
   */
  async rejoin(): Promise<void> {
    const last = this.lastJoin;
    if (!last || this.leaving) throw joinCancelled();
    this.joined = false;
    this.replicaSessionId = null;
    await this.join(last.options, last.signal);
  }

  /**
   * Sends one interaction to the replica alone. One too large for Daily is refused here with a
   * coded error, not left to daily-js' plain one.
   */
  send(data: unknown): void {
    if (!this.call || !this.replicaSessionId) throw new Error('not connected');
    const length = JSON.stringify(data).length;
    if (length > MAX_APP_MESSAGE_LENGTH) {
      throw new ConversationError(
        'message-too-large',
        `The message is ${length} characters of JSON; Daily carries at most ${MAX_APP_MESSAGE_LENGTH}.`,
      );
    }
    this.call.sendAppMessage(data, this.replicaSessionId);
  }

  setMicrophone(on: boolean): void {
    this.wanted.audio = on;
    this.call?.setLocalAudio(on);
    this.refreshMedia();
  }

  setCamera(on: boolean): void {
    this.wanted.video = on;
    this.call?.setLocalVideo(on);
    this.refreshMedia();
  }

  /** Switches to another camera or microphone (device ids from `enumerateDevices()`). */
  async setInputDevices(devices: ChosenDevices): Promise<void> {
    const call = this.call;
    if (!call?.setInputDevicesAsync || this.leaving) return;
    await call.setInputDevicesAsync({
      ...(devices.microphone ? { audioDeviceId: devices.microphone } : {}),
      ...(devices.camera ? { videoDeviceId: devices.camera } : {}),
    });
    this.refreshMedia();
  }

  /**
   * Asks for the devices that could not be used once more (permission granted since, the other
   * app closed, a device plugged in), among those the user wants on. Success shows as playable
   * local tracks (`refreshMedia`); a new failure as another `camera-error`.
   */
  retryDevices(): void {
    const call = this.call;
    if (!call || this.leaving) return;
    if (!this.media.cameraAvailable && this.wanted.video) call.setLocalVideo(true);
    if (!this.media.microphoneAvailable && this.wanted.audio) call.setLocalAudio(true);
    this.refreshMedia();
  }

  /** Leaves and destroys the call; safe to call many times, resolves when destroyed. */
  dispose(): Promise<void> {
    this.disposed ??= this.teardown();
    return this.disposed;
  }

  private async teardown(): Promise<void> {
    const call = this.call;
    this.leaving = true;
    if (!call) return;
    try {
      if (call.meetingState() === 'joined-meeting' || call.meetingState() === 'joining-meeting') {
        await call.leave();
      }
    } catch {
      // Leaving a call that already failed can reject; destroying it is what matters.
    }
    for (const [event, handler] of this.handlers) call.off(event as never, handler);
    this.handlers.clear();
    try {
      await call.destroy();
    } catch {
      // A call object that cannot be destroyed twice has nothing left to free.
    }
    this.call = null;
    this.media = { ...NO_MEDIA };
  }

  private async create(options: PrepareOptions): Promise<DailyCallLike> {
    let call: DailyCallLike;
    try {
      call = await this.factory({
        // Several elements may live on one page; each owns its own call object.
        allowMultipleCallInstances: true,
        // Load Daily's call bundle with a script tag instead of eval, for pages with a CSP.
        dailyConfig: { avoidEval: true },
        startVideoOff: options.startVideoOff,
        startAudioOff: options.startAudioOff,
      });
    } catch (reason) {
      throw new ConversationError(
        'call-unavailable',
        `The video call library could not be loaded: ${describeFailure(reason)}`,
      );
    }
    if (this.leaving) {
      // Ended while the factory (daily-js' first import) was still on its way.
      await Promise.resolve(call.destroy()).catch(() => {});
      throw joinCancelled();
    }
    this.call = call;
    this.listen(call);
    // Daily's call bundle: fetched now, not when join() asks for it. A failure to load it shows
    // again, and is reported, by the join.
    if (call.load) Promise.resolve(call.load()).catch(() => {});
    return call;
  }

  private listen(call: DailyCallLike): void {
    const on = (event: (typeof DAILY_EVENTS_USED)[number], handler: DailyEventHandler) => {
      this.handlers.set(event, handler);
      call.on(event, handler);
    };
    const refresh = () => this.refreshParticipants();
    on('joined-meeting', refresh);
    on('participant-joined', refresh);
    on('participant-updated', refresh);
    on('track-started', refresh);
    on('track-stopped', refresh);
    on('participant-left', (event: { participant?: ParticipantLike }) => {
      if (
        event?.participant?.session_id &&
        event.participant.session_id === this.replicaSessionId
      ) {
        this.replicaSessionId = null;
        this.refreshMedia();
        this.callbacks.replicaLeft();
      } else {
        refresh();
      }
    });
    on('app-message', (event: { data?: unknown; fromId?: string }) => {
      if (!event || typeof event !== 'object') return;
      if (!this.isFromReplica(event.fromId)) return;
      this.callbacks.appMessage(event.data);
    });
    on('network-connection', (event: { event?: string }) => {
      if (event?.event === 'interrupted') this.callbacks.networkInterrupted(true);
      else if (event?.event === 'connected') this.callbacks.networkInterrupted(false);
    });
    on('network-quality-change', (event: { threshold?: string }) => {
      const threshold = event?.threshold;
      if (threshold === 'good' || threshold === 'low' || threshold === 'very-low') {
        this.callbacks.networkQuality(threshold);
      }
    });
    on('camera-error', (event: Parameters<typeof availabilityFromCameraError>[0]) => {
      const { issue, cameraAvailable, microphoneAvailable } = availabilityFromCameraError(
        event ?? {},
      );
      this.deviceState = { mediaIssue: issue, cameraAvailable, microphoneAvailable };
      this.refreshMedia();
    });
    on('left-meeting', () => {
      if (!this.leaving) this.callbacks.leftUnexpectedly();
    });
    on('error', (event: unknown) => {
      if (!this.leaving && this.joined) {
        this.callbacks.fatalError(
          failureCause(event) || 'Daily reported an error without a reason.',
        );
      }
    });
    // Non-fatal errors (screen share, input settings, …) do not change the conversation, but an
    // EventEmitter with no listener can be noisy, so listen and ignore.
    on('nonfatal-error', () => {});
  }

  /**
   * Messages count only from the replica. When it is not identified yet (an app-message can
   * race its participant-joined), look it up once more before deciding.
   */
  private isFromReplica(fromId: string | undefined): boolean {
    if (!fromId) return false;
    if (!this.replicaSessionId) this.refreshParticipants();
    return fromId === this.replicaSessionId;
  }

  private refreshParticipants(): void {
    if (!this.call || this.leaving) return;
    let participants: Record<string, ParticipantLike>;
    try {
      participants = this.call.participants() ?? {};
    } catch {
      return;
    }
    const { replica, unmarked } = findReplica(participants);
    if (unmarked > 0 && !this.strangerReported) {
      this.strangerReported = true;
      this.callbacks.unverifiedParticipant();
    }
    if (replica && replica.session_id !== this.replicaSessionId) {
      this.replicaSessionId = replica.session_id;
      this.replicaName = String(replica.user_name ?? '');
      this.refreshMedia(participants);
      this.callbacks.replicaPresent(this.replicaName);
      return;
    }
    this.refreshMedia(participants);
  }

  private refreshMedia(participants?: Record<string, ParticipantLike>): void {
    const call = this.call;
    if (!call || this.leaving) return;
    let all = participants;
    try {
      all ??= call.participants() ?? {};
    } catch {
      return;
    }
    const { media, devices } = deriveMedia(call, all, this.replicaSessionId, this.deviceState);
    this.deviceState = devices;
    if (!sameMedia(this.media, media)) {
      this.media = media;
      this.callbacks.mediaChanged(media);
    }
  }
}
