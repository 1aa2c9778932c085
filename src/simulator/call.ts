/**
 * `SimulatedCall`: a stand-in for a daily-js call object, joined to a simulated Tavus replica.
 * It speaks daily's events and payload shapes to the client and plays the Tavus server on the
 * other side of the data channel; nothing leaves the browser. This file is the object pages
 * and tests hold: daily-js' methods, what tests read, and the controls that make things happen.
 * The meeting states live in `meeting.ts`; devices, participants, messages and the network each
 * have a module of their own.
 */
import type {
  DailyCallOptions,
  DailyDeviceInfos,
  DailyEvent,
  DailyNetworkStats,
} from '@daily-co/daily-js';
import type { CallFactoryOptions, DailyCallLike, DailyEventHandler } from '../call/daily-like.js';
import type { IgnoredInteraction, SentInteraction } from './app-messages.js';
import type { SimulatedDevice } from './devices.js';
import { Emitter } from './emitter.js';
import { tracksEnded } from './media/track-ending.js';
import { Meeting, type MeetingState } from './meeting.js';
import { interruptNetwork, UNKNOWN_NETWORK, type NetworkThreshold } from './network.js';
import { resolveOptions, type SimulatorOptions } from './options.js';
import type { SimulatedParticipant } from './participants.js';
import type { AddParticipantOptions } from './remote-participants.js';
import type { SensitivitySettings } from './replica.js';

export { MAX_APP_MESSAGE_SIZE } from './app-messages.js';
export type { IgnoredInteraction, SentInteraction } from './app-messages.js';
export type { AddParticipantOptions } from './remote-participants.js';
export { NO_ROOM_MESSAGE, conversationIdFromUrl } from './room.js';

/** Call objects alive now, for `enforceSingleInstance`. */
const LIVE_CALLS = new Set<SimulatedCall>();

export class SimulatedCall implements DailyCallLike {
  /** Identifies this call object in every event (`callClientId`, as daily-js does). */
  readonly callClientId: string;
  private readonly factoryOptions: CallFactoryOptions;
  private readonly allowMultiple: boolean;
  private readonly emitter = new Emitter();
  private readonly meeting: Meeting;

  constructor(options: SimulatorOptions = {}, factoryOptions: CallFactoryOptions = {}) {
    const resolved = resolveOptions(options);
    this.factoryOptions = factoryOptions;
    this.allowMultiple = factoryOptions.allowMultipleCallInstances === true;
    if (resolved.enforceSingleInstance && !this.allowMultiple) {
      for (const other of LIVE_CALLS) {
        if (!other.allowMultiple)
          throw new Error('Duplicate DailyIframe instances are not allowed');
      }
    }
    LIVE_CALLS.add(this);
    this.meeting = new Meeting(resolved, this.emitter);
    this.callClientId = this.meeting.callClientId;
  }

  // --- daily-js API -------------------------------------------------------------------------

  on(event: DailyEvent, handler: DailyEventHandler): this {
    if (!this.meeting.isDestroyed) this.emitter.on(event, handler);
    return this;
  }

  off(event: DailyEvent, handler: DailyEventHandler): this {
    this.emitter.off(event, handler);
    return this;
  }

  meetingState(): MeetingState {
    return this.meeting.meetingState;
  }

  isDestroyed(): boolean {
    return this.meeting.isDestroyed;
  }

  /**
   * Joins the simulated room. Resolves with the participants after `joined-meeting`; rejects
   * with a **string** (as daily-js does) when the URL is marked failing, on a second join, or
   * when the call is left or destroyed first.
   */
  join(options: DailyCallOptions = {}): Promise<Record<string, SimulatedParticipant>> {
    return this.meeting.join({ ...this.factoryOptions, ...options });
  }

  /** Resolves once the local tracks have ended (on a later task: see media/track-ending.ts). */
  leave(): Promise<void> {
    this.meeting.leave();
    return tracksEnded();
  }

  /** Leaves if needed, then stops every track, timer, animation frame and audio context. */
  destroy(): Promise<void> {
    this.meeting.destroy();
    LIVE_CALLS.delete(this);
    return tracksEnded();
  }

  participants(): Record<string, SimulatedParticipant> {
    return this.meeting.participants();
  }

  /**
   * Sends app-message data to the other participants. Throws like daily-js before join and over
   * 4096 characters. The replica acts on it after the configured latency.
   */
  sendAppMessage(data: unknown, to: string | string[] = '*'): this {
    if (this.meeting.isDestroyed) return this;
    const session = this.meeting.session();
    if (!this.meeting.joined() || !session) {
      throw new Error('sendAppMessage() only supported after join.');
    }
    this.meeting.messages.send(session, data, to);
    return this;
  }

  setLocalAudio(enabled: boolean): this {
    if (!this.meeting.isDestroyed) this.meeting.devices.set('audio', enabled);
    return this;
  }

  setLocalVideo(enabled: boolean): this {
    if (!this.meeting.isDestroyed) this.meeting.devices.set('video', enabled);
    return this;
  }

  localAudio(): boolean {
    return this.meeting.session()?.local?.audio.state === 'playable';
  }

  localVideo(): boolean {
    return this.meeting.session()?.local?.video.state === 'playable';
  }

  /** The simulated cameras, microphones and speakers (`SimulatorOptions.devices`). */
  enumerateDevices(): Promise<{ devices: MediaDeviceInfo[] }> {
    return Promise.resolve({ devices: this.meeting.devices.list() });
  }

  /** The camera, microphone and speaker chosen or in use (`{}` for one neither). */
  getInputDevices(): Promise<DailyDeviceInfos> {
    return Promise.resolve(this.meeting.devices.infos());
  }

  /**
   * Chooses the camera and/or microphone by `deviceId` (from this `enumerateDevices()` or the
   * browser's); one in use is reopened on the new device. Emits `selected-devices-updated`.
   * Custom tracks (`audioSource`, `videoSource`) are not simulated.
   */
  setInputDevicesAsync(devices: {
    audioDeviceId?: string | false | null;
    videoDeviceId?: string | false | null;
  }): Promise<DailyDeviceInfos> {
    if (this.meeting.isDestroyed) return Promise.reject(new Error('Use after destroy'));
    const id = (value: string | false | null | undefined): string | undefined =>
      typeof value === 'string' ? value : undefined;
    return this.meeting.devices.choose({
      audio: id(devices.audioDeviceId),
      video: id(devices.videoDeviceId),
    });
  }

  /** Chooses the speaker by `deviceId`; emits `selected-devices-updated`. */
  setOutputDeviceAsync(audioDevice: { outputDeviceId: string }): Promise<DailyDeviceInfos> {
    if (this.meeting.isDestroyed) return Promise.reject(new Error('Use after destroy'));
    return this.meeting.devices.choose({ speaker: audioDevice.outputDeviceId });
  }

  /** The network quality daily-js would report (`unknown` until joined). */
  getNetworkStats(): Promise<DailyNetworkStats> {
    const session = this.meeting.joined() ? this.meeting.session() : null;
    return Promise.resolve(session?.network.stats() ?? { ...UNKNOWN_NETWORK });
  }

  // --- what tests and demos can read --------------------------------------------------------

  /** Whether the replica is speaking right now. */
  get speaking(): boolean {
    return this.meeting.session()?.replica?.engine.speaking ?? false;
  }

  /** Every app-message the client sent, in order (JSON strings parsed). */
  get sent(): readonly SentInteraction[] {
    return this.meeting.messages.sent;
  }

  /** Interactions the replica received but did not act on, with the reason. */
  get ignored(): readonly IgnoredInteraction[] {
    return this.meeting.messages.ignored;
  }

  /** The conversational context after overwrite/append interactions. */
  get context(): string {
    return this.meeting.remote.engine?.context ?? this.meeting.options.context;
  }

  /** The last `conversation.sensitivity` values received. */
  get sensitivity(): Readonly<SensitivitySettings> {
    return this.meeting.remote.engine?.sensitivity ?? {};
  }

  /** The conversation id stamped on events (null before the first join). */
  get conversationId(): string | null {
    return this.meeting.conversationId;
  }

  /** The replica participant's `session_id` (the `fromId` of its app-messages), if present. */
  get replicaSessionId(): string | null {
    return this.meeting.session()?.replica?.record.sessionId ?? null;
  }

  // --- controls -----------------------------------------------------------------------------

  /**
   * Delivers `data` at once as an `app-message`, as if sent by the replica (default) or by
   * `fromId`. For tests of malformed, foreign or future events.
   */
  injectAppMessage(data: unknown, fromId?: string): void {
    const session = this.meeting.requireJoined('injectAppMessage()');
    const sender = fromId ?? session.replica?.record.sessionId;
    if (!sender) throw new Error('injectAppMessage(): the replica has not joined yet; pass fromId');
    this.meeting.emit('app-message', { data, fromId: sender });
  }

  /** Adds a participant that is not the replica (a second human, a recorder bot…). */
  addParticipant(options: AddParticipantOptions = {}): SimulatedParticipant {
    return this.meeting.remote.addGuest(this.meeting.requireJoined('addParticipant()'), options);
  }

  /** Removes a participant added with `addParticipant()` (or the replica). */
  removeParticipant(sessionId: string): boolean {
    const session = this.meeting.requireJoined('removeParticipant()');
    return this.meeting.remote.remove(session, sessionId);
  }

  /**
   * A signalling outage: `network-connection` `interrupted`, then `connected` after `ms`.
   * Messages in both directions wait and arrive after reconnection.
   */
  simulateNetworkInterruption(ms: number): Promise<void> {
    const session = this.meeting.requireJoined('simulateNetworkInterruption()');
    return interruptNetwork(session, this.meeting.emit, ms);
  }

  /**
   * The connection's quality changes: `network-quality-change` with daily's `threshold`,
   * `quality` (0–100, default typical for the threshold), `networkState` and its reasons.
   */
  simulateNetworkQuality(threshold: NetworkThreshold, quality?: number): void {
    const session = this.meeting.requireJoined('simulateNetworkQuality()');
    this.meeting.emit('network-quality-change', {
      ...session.network.setQuality(threshold, quality),
    });
  }

  /**
   * Cameras, microphones and speakers are plugged in or out: the list becomes `devices`
   * (`available-devices-updated`), and an input whose device went away moves to the first left.
   */
  simulateDeviceChange(devices: readonly SimulatedDevice[]): Promise<void> {
    return this.meeting.devices.replaceList(devices);
  }

  /**
   * Tavus ends the conversation, as on its end endpoint or a timeout: `system.shutdown` with
   * `reason`, then the replica leaves and the room closes (an `ejected` error for a client that
   * stays). `maxCallDuration` does this by itself with `max_call_duration reached`.
   */
  simulateShutdown(reason = 'end_conversation_endpoint_hit'): void {
    this.meeting.shutDown(this.meeting.requireJoined('simulateShutdown()'), reason);
  }

  /** The replica leaves the room: its tracks stop and `participant-left` is emitted. */
  simulateReplicaLeave(): boolean {
    const session = this.meeting.requireJoined('simulateReplicaLeave()');
    return this.meeting.remote.replicaLeaves(session);
  }

  /** A fatal daily error: `error` is emitted and the meeting state becomes `error`. */
  simulateFatalError(message = 'Simulated fatal error', type = 'connection-error'): void {
    if (this.meeting.isDestroyed || !this.meeting.session()) {
      throw new Error('simulateFatalError(): not in a call');
    }
    const error: Record<string, unknown> = { type, msg: message };
    if (type === 'connection-error') error['details'] = { on: 'rtc-connection', sourceError: {} };
    this.meeting.fail(message, error);
  }

  /** A non-fatal daily error (`nonfatal-error`): the call goes on. */
  simulateNonFatalError(type: string, message: string): void {
    this.meeting.requireJoined('simulateNonFatalError()');
    this.meeting.emit('nonfatal-error', { type, errorMsg: message });
  }

  /**
   * The user says `text` (protocol.md §7.1): speaking events, streaming, the user utterance, then
   * the replica's reply. Interrupts the replica's reply when it is talking (§7.3). Settles once
   * the user's utterance has been sent.
   */
  simulateUserSpeech(text: string): Promise<void> {
    const engine = this.meeting.session()?.replica?.engine;
    if (!this.meeting.joined() || !engine) {
      return Promise.reject(new Error('simulateUserSpeech(): the replica is not in the call'));
    }
    return engine.simulateUserSpeech(text);
  }
}
