import type { MediaIssue } from '../state/conversation-state.js';

/** What a daily-js `camera-error` means for the user's devices. */
export interface DeviceAvailability {
  issue: MediaIssue;
  cameraAvailable: boolean;
  microphoneAvailable: boolean;
}

interface CameraErrorLike {
  errorMsg?: { errorMsg?: string; audioOk?: boolean; videoOk?: boolean };
  error?: { type?: string; blockedBy?: string; blockedMedia?: string[] };
}

/**
 * Maps daily-js' `camera-error` payload (types: permissions, not-found, constraints, cam-in-use,
 * mic-in-use, cam-mic-in-use, undefined-mediadevices, unknown) onto the element's media issues.
 * A device daily reports as fine (`audioOk`/`videoOk`) stays usable.
 */
export function availabilityFromCameraError(event: CameraErrorLike): DeviceAvailability {
  const type = event.error?.type ?? 'unknown';
  const blockedBy = event.error?.blockedBy;
  const audioOk = event.errorMsg?.audioOk;
  const videoOk = event.errorMsg?.videoOk;

  let videoAffected = videoOk === false || blockedBy === 'video' || blockedBy === 'both';
  let audioAffected = audioOk === false || blockedBy === 'audio' || blockedBy === 'both';
  if (type === 'cam-in-use') videoAffected = true;
  if (type === 'mic-in-use') audioAffected = true;
  if (type === 'cam-mic-in-use') videoAffected = audioAffected = true;
  // Without detail, assume both devices are out rather than offering toggles that fail.
  if (!videoAffected && !audioAffected) videoAffected = audioAffected = true;

  let issue: MediaIssue;
  if (type === 'permissions') {
    issue =
      videoAffected && audioAffected
        ? 'permission-denied'
        : videoAffected
          ? 'camera-denied'
          : 'microphone-denied';
  } else if (type.endsWith('in-use')) {
    issue = 'device-in-use';
  } else if (type === 'not-found') {
    issue = 'device-missing';
  } else {
    issue = 'device-error';
  }
  return { issue, cameraAvailable: !videoAffected, microphoneAvailable: !audioAffected };
}
