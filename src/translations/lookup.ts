/**
 * Picks the right string for a state, reason, error code or media issue, so that every screen
 * words things the same way. Pure functions of their inputs.
 */
import type {
  ConversationState,
  EndedReason,
  FailureCode,
  MediaIssue,
  TavusErrorCode,
  TavusErrorInfo,
} from '../state/conversation-state.js';
import { EN_STRINGS } from './en.js';
import type { TavusStrings } from './en.js';
import { formatString } from './format.js';

type StringKey = keyof TavusStrings;

/**
 * The string key for each failure code. Typed as a complete record: a new code fails to compile.
 * Problems that do not end the call have no screen of their own.
 */
export const ERROR_STRING_KEYS: Readonly<Record<FailureCode, StringKey>> = {
  'missing-configuration': 'errorMissingConfiguration',
  'invalid-url': 'errorInvalidUrl',
  'endpoint-failed': 'errorEndpointFailed',
  'endpoint-timeout': 'errorEndpointTimeout',
  'call-unavailable': 'errorCallUnavailable',
  'join-failed': 'errorJoinFailed',
  'call-failed': 'errorCallFailed',
};

/** The string key for each media issue. */
export const MEDIA_ISSUE_STRING_KEYS: Readonly<Record<MediaIssue, StringKey>> = {
  'permission-denied': 'mediaPermissionDenied',
  'camera-denied': 'mediaCameraDenied',
  'microphone-denied': 'mediaMicrophoneDenied',
  'device-in-use': 'mediaDeviceInUse',
  'device-missing': 'mediaDeviceMissing',
  'device-error': 'mediaDeviceError',
};

/** The string keys (unnamed, named) for each ended reason. */
const ENDED_STRING_KEYS: Readonly<Record<EndedReason, readonly [StringKey, StringKey]>> = {
  'user-ended': ['endedUserEnded', 'endedUserEnded'],
  'replica-left': ['endedReplicaLeft', 'endedReplicaLeftNamed'],
  shutdown: ['endedShutdown', 'endedShutdown'],
  left: ['endedLeft', 'endedLeft'],
  'time-limit': ['endedTimeLimit', 'endedTimeLimit'],
  idle: ['endedIdle', 'endedIdle'],
};

/**
 * Uses the `Named` variant of a string when the replica's name is known: `named(strings,
 * 'statusWaiting', 'Anna')` is "Waiting for Anna to join…". A plain string that was reworded or
 * translated while its `Named` variant was left at the English default wins, so an override is
 * never replaced by English.
 */
export function named(strings: TavusStrings, key: StringKey, name: string): string {
  const namedKey = `${key}Named` as StringKey;
  const trimmed = name.trim();
  const namedLeftBehind =
    strings[key] !== EN_STRINGS[key] && strings[namedKey] === EN_STRINGS[namedKey];
  if (trimmed && namedKey in strings && !namedLeftBehind) {
    return formatString(strings[namedKey], { name: trimmed });
  }
  return strings[key];
}

/** The localised line for an error; the element's own message when the string is empty. */
export function errorText(strings: TavusStrings, error: TavusErrorInfo | null): string {
  if (!error) {
    return '';
  }
  const key = (ERROR_STRING_KEYS as Partial<Record<TavusErrorCode, StringKey>>)[error.code];
  return (key && strings[key]) || error.message;
}

/** The line under "Conversation ended". */
export function endedText(
  strings: TavusStrings,
  reason: EndedReason | null,
  replicaName: string,
): string {
  const keys = reason ? ENDED_STRING_KEYS[reason] : undefined;
  if (!keys) {
    return '';
  }
  const name = replicaName.trim();
  return name ? formatString(strings[keys[1]], { name }) : strings[keys[0]];
}

/** The notice for a media issue, '' for none. */
export function mediaIssueText(strings: TavusStrings, issue: MediaIssue | null): string {
  const key = issue ? MEDIA_ISSUE_STRING_KEYS[issue] : undefined;
  return key ? strings[key] : '';
}

/** The polite status line for a state ('' where nothing needs saying). */
export function statusText(
  strings: TavusStrings,
  state: ConversationState,
  replicaName: string,
): string {
  switch (state) {
    case 'connecting':
      return strings.statusConnecting;
    case 'waiting':
      return named(strings, 'statusWaiting', replicaName);
    case 'connected':
      return named(strings, 'statusConnected', replicaName);
    case 'reconnecting':
      return strings.statusReconnecting;
    case 'ended':
      return strings.endedTitle;
    default:
      return '';
  }
}
