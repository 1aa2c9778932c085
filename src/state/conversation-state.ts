/** Where a conversation is in its life; reflected as the element's `state` attribute. */
export type ConversationState =
  | 'idle'
  /** With `device-check`: the visitor checks camera and microphone; the conversation is created. */
  | 'checking'
  | 'connecting'
  | 'waiting'
  | 'connected'
  | 'reconnecting'
  | 'ended'
  | 'error';

/**
 * Why `state` is `error`. `code` is stable (for code and for localised strings), `message` is a
 * sentence a person can act on.
 */
export interface TavusErrorInfo {
  code: TavusErrorCode;
  message: string;
}

/** Why a conversation failed (`state` is `error`). */
export type FailureCode =
  /** Neither `conversation-url` nor `conversation-endpoint` is set. */
  | 'missing-configuration'
  /** The conversation URL is not an https URL. */
  | 'invalid-url'
  /** The conversation endpoint answered with an HTTP error, no JSON, or no URL. */
  | 'endpoint-failed'
  /** The conversation endpoint did not answer in time. */
  | 'endpoint-timeout'
  /** daily-js (or the call factory) could not be loaded or could not create a call object. */
  | 'call-unavailable'
  /** Daily refused or failed the join. */
  | 'join-failed'
  /** Daily reported a fatal error during the call. */
  | 'call-failed';

/** A `tavus-error` that does not end the call. */
export type ProblemCode =
  /**
   * An interaction (or a tool's result) is larger than Daily's 4,096-character app-message
   * limit: it was not sent.
   */
  | 'message-too-large'
  /**
   * A participant without Tavus' replica marker is in the room. Its messages are ignored; the
   * call goes on.
   */
  | 'replica-unverified';

/** The `code` of every `tavus-error`. */
export type TavusErrorCode = FailureCode | ProblemCode;

/** Why a conversation ended (`tavus-state-change` detail, ended screen). */
export type EndedReason =
  | 'user-ended'
  | 'replica-left'
  | 'shutdown'
  | 'left'
  /** The conversation reached its maximum duration. */
  | 'time-limit'
  /** Tavus ended it after nobody was there for a while. */
  | 'idle';

/** Daily's estimate of the connection (`network-quality-change` thresholds). */
export type NetworkQuality = 'good' | 'low' | 'very-low';

/** Why the camera or microphone is not in use although the user did not turn it off. */
export type MediaIssue =
  | 'permission-denied'
  | 'camera-denied'
  | 'microphone-denied'
  | 'device-in-use'
  | 'device-missing'
  | 'device-error';
