import type { CallFactory } from '../call/daily-like.js';
import type { Clock } from '../protocol/sequencer.js';
import type { CallMedia } from '../state/call-media.js';
import type { EndedReason, NetworkQuality, TavusErrorCode } from '../state/conversation-state.js';
import type { ChosenDevices } from '../state/devices.js';
import type { Speaking } from '../state/speaking.js';
import type { ToolHandlers } from './tool-runner.js';

/** What the element hands the session when a conversation starts. */
export interface SessionConfig {
  conversationUrl: string;
  conversationId: string;
  conversationEndpoint: string;
  cameraOff: boolean;
  microphoneOff: boolean;
  callFactory: CallFactory | undefined;
  tools: ToolHandlers;
  userName: string;
  /** Seconds; 0 when the element sets none (the endpoint's `max_call_duration` is used). */
  maxDuration: number;
  /** Show the device check before joining: the attempt waits at `readyToJoin()`. */
  deviceCheck: boolean;
}

/** Time, for the reorder window and tool timeouts: tests and benchmarks inject a ManualClock. */
export interface SessionTiming {
  clock: Clock;
  /** How long out-of-order Tavus events are held while waiting for the gap to fill. */
  reorderWindowMs: number;
  /** A tool handler that has not settled by then is answered with an error result. */
  toolTimeoutMs: number;
}

/** Where the conversation's Daily room is, and how we are inside it. */
export interface RoomFacts {
  inRoom: boolean;
  replicaHere: boolean;
  networkDown: boolean;
}

/**
 * What an attempt reports to the session, the one owner of state. An attempt reports nothing
 * once it is over, so a stale attempt cannot change the state of the next one.
 */
export interface AttemptPort {
  /** Where DOM events are dispatched (the element). */
  readonly host: HTMLElement;
  /** What the session was given; the attempt fills in the rest. */
  readonly timing: Partial<SessionTiming>;
  /** The devices the visitor chose, read when joining. */
  devices(): ChosenDevices;
  /** Resolves when the visitor may join: at once, or when they leave the device check. */
  readyToJoin(): Promise<void>;
  roomChanged(room: RoomFacts): void;
  mediaChanged(media: CallMedia): void;
  replicaNamed(name: string): void;
  speakingChanged(speaking: Speaking): void;
  transcriptChanged(): void;
  /** The replica is thinking: the visitor's turn ended and its first word has not come yet. */
  thinkingChanged(thinking: boolean): void;
  networkQualityChanged(quality: NetworkQuality): void;
  /** Whole seconds left in the last minute of the maximum duration. */
  countdown(remainingSeconds: number): void;
  /** Something the page should know that does not end the call (a `tavus-error`). */
  problem(code: TavusErrorCode, message: string): void;
  /** The call is over for a reason of its own: a fatal error, or an ending. */
  failed(code: TavusErrorCode, message: string): void;
  finished(reason: EndedReason): void;
}
