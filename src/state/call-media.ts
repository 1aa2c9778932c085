import type { MediaIssue } from './conversation-state.js';

/** What the call shows and plays right now. */
export interface CallMedia {
  replicaVideo: MediaStreamTrack | null;
  replicaAudio: MediaStreamTrack | null;
  selfVideo: MediaStreamTrack | null;
  /** The user's own microphone, for the level meter on the microphone control. */
  selfAudio: MediaStreamTrack | null;
  microphoneOn: boolean;
  cameraOn: boolean;
  microphoneAvailable: boolean;
  cameraAvailable: boolean;
  mediaIssue: MediaIssue | null;
}

/** Before a call and after it: nothing to show, devices presumed usable. */
export const NO_MEDIA: CallMedia = Object.freeze({
  replicaVideo: null,
  replicaAudio: null,
  selfVideo: null,
  selfAudio: null,
  microphoneOn: false,
  cameraOn: false,
  microphoneAvailable: true,
  cameraAvailable: true,
  mediaIssue: null,
});
