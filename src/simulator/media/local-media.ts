/**
 * The local camera and microphone, obtained the way daily-js does at join: one getUserMedia
 * request, and when it fails, one request per device to learn which still works. Failures become
 * daily-shaped `camera-error` payloads (`DailyCameraErrorType`).
 */
export type MediaKind = 'audio' | 'video';

export type CameraErrorType =
  | 'cam-in-use'
  | 'mic-in-use'
  | 'cam-mic-in-use'
  | 'permissions'
  | 'undefined-mediadevices'
  | 'not-found'
  | 'constraints'
  | 'unknown';

/** Why a device is blocked, in the words of daily's `tracks.*.blocked`. */
export interface BlockedReason {
  byDeviceMissing?: boolean;
  byDeviceInUse?: boolean;
  byPermissions?: boolean;
}

/** The `error` object of daily's `camera-error` event. */
export interface CameraErrorDetail {
  type: CameraErrorType;
  msg: string;
  blockedBy?: 'user' | 'browser';
  blockedMedia?: MediaKind[];
  missingMedia?: MediaKind[];
  reason?: 'invalid' | 'none-specified';
  failedMedia?: MediaKind[];
}

export interface LocalMediaFailure {
  error: CameraErrorDetail;
  /** Human-readable, as daily's `errorMsg.errorMsg`. */
  message: string;
  audioOk?: boolean;
  videoOk?: boolean;
  blocked: Partial<Record<MediaKind, BlockedReason>>;
}

export interface LocalMediaResult {
  tracks: Partial<Record<MediaKind, MediaStreamTrack>>;
  failure: LocalMediaFailure | null;
}

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

type Category =
  'permissions' | 'in-use' | 'not-found' | 'constraints' | 'undefined-mediadevices' | 'unknown';

function categorise(error: unknown): Category {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permissions';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return 'not-found';
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'constraints';
    case 'TypeError':
      return 'undefined-mediadevices';
    default:
      return 'unknown';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) {
    return error.message ? `${error.name}: ${error.message}` : error.name;
  }
  return String(error);
}

/** The browser's getUserMedia, or one that fails like daily does when there is none. */
export function defaultGetUserMedia(): GetUserMedia {
  return (constraints) => {
    const devices = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!devices?.getUserMedia) {
      return Promise.reject(new TypeError('navigator.mediaDevices is undefined'));
    }
    return devices.getUserMedia(constraints);
  };
}

/** Requests the wanted devices; never rejects (a failure is described in `failure`). */
export async function acquireLocalMedia(
  getUserMedia: GetUserMedia,
  want: Record<MediaKind, boolean>,
): Promise<LocalMediaResult> {
  const kinds = (['audio', 'video'] as const).filter((kind) => want[kind]);
  if (kinds.length === 0) return { tracks: {}, failure: null };

  const tracks: Partial<Record<MediaKind, MediaStreamTrack>> = {};
  const errors: Partial<Record<MediaKind, unknown>> = {};
  try {
    const stream = await getUserMedia({ audio: want.audio, video: want.video });
    for (const kind of kinds) {
      const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
      if (track) tracks[kind] = track;
      else errors[kind] = new DOMException('Requested device not found', 'NotFoundError');
    }
  } catch (error) {
    if (kinds.length === 1) {
      errors[kinds[0] as MediaKind] = error;
    } else {
      // Ask for each device alone to learn which one is the problem.
      for (const kind of kinds) {
        try {
          const stream = await getUserMedia({ [kind]: true });
          const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
          if (track) tracks[kind] = track;
          else errors[kind] = error;
        } catch (single) {
          errors[kind] = single;
        }
      }
    }
  }

  const failed = kinds.filter((kind) => errors[kind] !== undefined);
  if (failed.length === 0) return { tracks, failure: null };

  // The camera's error names the event when both failed differently; daily leads with video too.
  const lead = failed.includes('video') ? 'video' : 'audio';
  const category = categorise(errors[lead]);
  const sameCategory = failed.filter((kind) => categorise(errors[kind]) === category);
  const msg = describe(errors[lead]);
  const blocked: Partial<Record<MediaKind, BlockedReason>> = {};
  for (const kind of failed) {
    const reason = categorise(errors[kind]);
    blocked[kind] =
      reason === 'permissions'
        ? { byPermissions: true }
        : reason === 'in-use'
          ? { byDeviceInUse: true }
          : reason === 'not-found'
            ? { byDeviceMissing: true }
            : {};
  }

  let error: CameraErrorDetail;
  switch (category) {
    case 'permissions':
      error = { type: 'permissions', msg, blockedBy: 'user', blockedMedia: sameCategory };
      break;
    case 'in-use': {
      const both = sameCategory.length === 2;
      error = {
        type: both ? 'cam-mic-in-use' : lead === 'video' ? 'cam-in-use' : 'mic-in-use',
        msg,
      };
      break;
    }
    case 'not-found':
      error = { type: 'not-found', msg, missingMedia: sameCategory };
      break;
    case 'constraints':
      error = { type: 'constraints', msg, reason: 'invalid', failedMedia: sameCategory };
      break;
    default:
      error = { type: category, msg };
  }

  const failure: LocalMediaFailure = { error, message: msg, blocked };
  if (want.audio) failure.audioOk = tracks.audio !== undefined;
  if (want.video) failure.videoOk = tracks.video !== undefined;
  return { tracks, failure };
}
