import type { CallMedia } from '../state/call-media.js';
import type { DailyCallLike, ParticipantLike } from './daily-like.js';
import { playableTrack } from './replica.js';

/** What is known about the user's devices, beyond what the tracks say. */
export type DeviceState = Pick<CallMedia, 'microphoneAvailable' | 'cameraAvailable' | 'mediaIssue'>;

export const DEVICES_USABLE: DeviceState = Object.freeze({
  microphoneAvailable: true,
  cameraAvailable: true,
  mediaIssue: null,
});

/**
 * What the call shows and plays now, from Daily's participants: the replica's tracks, our own,
 * and whether our devices are usable. Returns the device state to remember: a device that plays
 * is usable again, whatever failed before.
 */
export function deriveMedia(
  call: DailyCallLike,
  all: Record<string, ParticipantLike>,
  replicaSessionId: string | null,
  known: DeviceState,
): { media: CallMedia; devices: DeviceState } {
  const replica = replicaSessionId
    ? Object.values(all).find((p) => p?.session_id === replicaSessionId)
    : undefined;
  const local = all['local'];
  const localVideo = local?.tracks?.video;
  const localAudio = local?.tracks?.audio;
  const blockedVideo = localVideo?.state === 'blocked' && localVideo.blocked?.byPermissions;
  const blockedAudio = localAudio?.state === 'blocked' && localAudio.blocked?.byPermissions;
  // With both devices usable, the notice has nothing left to say.
  const recovered = { ...known };
  if (localVideo?.state === 'playable') recovered.cameraAvailable = true;
  if (localAudio?.state === 'playable') recovered.microphoneAvailable = true;
  if (recovered.cameraAvailable && recovered.microphoneAvailable) recovered.mediaIssue = null;
  const device = { ...recovered };
  if (blockedVideo) device.cameraAvailable = false;
  if (blockedAudio) device.microphoneAvailable = false;
  if (!device.mediaIssue && (blockedVideo || blockedAudio)) {
    device.mediaIssue =
      blockedVideo && blockedAudio
        ? 'permission-denied'
        : blockedVideo
          ? 'camera-denied'
          : 'microphone-denied';
  }
  const media: CallMedia = {
    replicaVideo: playableTrack(replica?.tracks?.video),
    replicaAudio: playableTrack(replica?.tracks?.audio),
    selfVideo: playableTrack(localVideo),
    selfAudio: playableTrack(localAudio),
    microphoneOn: device.microphoneAvailable && safeBoolean(() => call.localAudio()),
    cameraOn: device.cameraAvailable && safeBoolean(() => call.localVideo()),
    ...device,
  };
  return { media, devices: recovered };
}

function safeBoolean(read: () => boolean): boolean {
  try {
    return Boolean(read());
  } catch {
    return false;
  }
}

export function sameMedia(a: CallMedia, b: CallMedia): boolean {
  return (Object.keys(a) as (keyof CallMedia)[]).every((key) => a[key] === b[key]);
}
