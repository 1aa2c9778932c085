/**
 * The part of a daily-js call object that `<tavus-conversation>` uses, typed loosely enough that
 * a real `DailyCall`, the offline simulator and the test fakes all satisfy it. This is what makes
 * the `callFactory` seam work. Types only: nothing here loads daily-js.
 */
import type { DailyCallOptions, DailyEvent, DailyFactoryOptions } from '@daily-co/daily-js';

/** One media track of a participant, as daily-js reports it in `participant.tracks`. */
export interface TrackStateLike {
  state: 'blocked' | 'off' | 'sendable' | 'loading' | 'interrupted' | 'playable';
  /** Present only when `state === 'playable'`. */
  track?: MediaStreamTrack;
  /** Stable reference, may be present in other states too. */
  persistentTrack?: MediaStreamTrack;
  blocked?: { byDeviceMissing?: boolean; byDeviceInUse?: boolean; byPermissions?: boolean };
  off?: { byUser?: boolean };
}

/** The fields of a daily-js participant the element reads. */
export interface ParticipantLike {
  session_id: string;
  user_id: string;
  user_name: string;
  local: boolean;
  tracks: { audio?: TrackStateLike; video?: TrackStateLike };
}

/**
 * Handler for a daily-js event. The payload's shape depends on the event name, so each handler
 * declares the shape it reads. Declared as a method, whose parameter TypeScript checks both ways:
 * a handler of one event's payload can be registered, and an emitter may pass any payload.
 */
export type DailyEventHandler = { handle(event: unknown): void }['handle'];

/** The call-object methods the element calls. A real `DailyCall` is one. */
export interface DailyCallLike {
  join(options?: DailyCallOptions): Promise<unknown>;
  leave(): Promise<unknown>;
  destroy(): Promise<unknown>;
  on(event: DailyEvent, handler: DailyEventHandler): unknown;
  off(event: DailyEvent, handler: DailyEventHandler): unknown;
  /** Keyed by session id, plus `local` for ourselves. */
  participants(): Record<string, ParticipantLike>;
  sendAppMessage(data: unknown, to?: string | string[]): unknown;
  setLocalAudio(enabled: boolean): unknown;
  setLocalVideo(enabled: boolean): unknown;
  localAudio(): boolean;
  localVideo(): boolean;
  meetingState(): string;
  /** Switches the camera and/or microphone in a call (daily-js `setInputDevicesAsync()`). */
  setInputDevicesAsync?(devices: {
    audioDeviceId?: string;
    videoDeviceId?: string;
  }): Promise<unknown>;
  /** Chooses where call audio plays (daily-js `setOutputDeviceAsync()`). */
  setOutputDeviceAsync?(audioDevice: { outputDeviceId: string }): Promise<unknown>;
  /** The devices daily-js can use (daily-js `enumerateDevices()`). */
  enumerateDevices?(): Promise<{ devices: MediaDeviceInfo[] }>;
  /** Loads Daily's call bundle ahead of the join (daily-js `load()`). */
  load?(): Promise<unknown>;
  /** Tells Daily the room and token ahead of the join (daily-js `preAuth()`). */
  preAuth?(options: { url: string; token?: string }): Promise<unknown>;
}

/** Options the element passes to the factory: daily-js' own factory options. */
export type CallFactoryOptions = DailyFactoryOptions;

/** How the element obtains its call object (see the `callFactory` property). */
export type CallFactory = (options: CallFactoryOptions) => DailyCallLike | Promise<DailyCallLike>;

/**
 * The daily-js events the element listens to, and the payload fields it reads:
 * - `joined-meeting`, `left-meeting`
 * - `participant-joined` / `participant-updated` `{ participant }`, `participant-left` `{ participant }`
 * - `track-started` / `track-stopped` `{ participant, track }`
 * - `app-message` `{ data, fromId }` — `data` is the Tavus JSON (object or string)
 * - `network-connection` `{ type, event: 'interrupted' | 'connected' }`
 * - `network-quality-change` `{ threshold: 'good' | 'low' | 'very-low', quality }`
 * - `camera-error` `{ errorMsg: { errorMsg, audioOk?, videoOk? }, error: { type, ... } }`
 * - `error` `{ errorMsg, error?: { type, msg } }` (fatal), `nonfatal-error` `{ type, errorMsg }`
 */
export const DAILY_EVENTS_USED = [
  'joined-meeting',
  'left-meeting',
  'participant-joined',
  'participant-updated',
  'participant-left',
  'track-started',
  'track-stopped',
  'app-message',
  'network-connection',
  'network-quality-change',
  'camera-error',
  'error',
  'nonfatal-error',
] as const satisfies readonly DailyEvent[];
