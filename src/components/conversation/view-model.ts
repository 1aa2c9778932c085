import type {
  ConversationState,
  EndedReason,
  MediaIssue,
  NetworkQuality,
  TavusErrorInfo,
} from '../../state/conversation-state.js';
import type { ChosenDevices } from '../../state/devices.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import type { TavusStrings } from '../../translations/en.js';

/**
 * Everything the conversation view renders. The element computes it from its state; the view
 * (conversation-view.ts) only reads it. Keeping this boundary explicit is what lets the element
 * logic and the layout evolve separately.
 */
export interface ConversationViewModel {
  state: ConversationState;
  variant: 'inline' | 'floating';
  /** Floating variant expanded. */
  open: boolean;
  chatOpen: boolean;
  /** The reconciled transcript, oldest first (immutable: new array on every change). */
  messages: readonly TranscriptMessage[];
  /** Display name of the replica, '' until known. */
  replicaName: string;
  replicaVideo: MediaStreamTrack | null;
  replicaAudio: MediaStreamTrack | null;
  /** The user's own camera, null when off or unavailable. */
  selfVideo: MediaStreamTrack | null;
  /** The user's own microphone, for a level meter; null when off or unavailable. */
  selfAudio: MediaStreamTrack | null;
  replicaSpeaking: boolean;
  userSpeaking: boolean;
  /** The visitor's turn is over and the replica has not said its first word yet. */
  thinking: boolean;
  /** Daily's estimate of the connection during a call; null before it says. */
  networkQuality: NetworkQuality | null;
  /** Whole seconds left in the last minute of the maximum duration; null otherwise. */
  secondsLeft: number | null;
  /** Devices chosen in the device check or the settings menu (speaker applied by the view). */
  devices: ChosenDevices;
  captionsOn: boolean;
  /** Current live caption ('' for none). */
  caption: string;
  /** In a call: the microphone is on. Before the join (checking, connecting): it will be. */
  microphoneOn: boolean;
  /** In a call: the camera is on. Before the join (checking, connecting): it will be. */
  cameraOn: boolean;
  /** False when the device cannot be used (denied, missing, in use): the toggle is disabled. */
  microphoneAvailable: boolean;
  cameraAvailable: boolean;
  /** Why a device is unavailable, shown as a notice ("Camera blocked: chat by text"). */
  mediaIssue: MediaIssue | null;
  error: TavusErrorInfo | null;
  endedReason: EndedReason | null;
  strings: TavusStrings;
  /** Image shown on the idle screen ('' for none). */
  poster: string;
  /** Visible text beside the floating launcher ('' for none: the launcher is a round button). */
  launcherLabel: string;
  /** Maximum characters in the composer. */
  composerMaxLength: number;
}

/** User intents the view forwards to the element. */
export interface ConversationViewHandlers {
  start: () => void;
  /** The visitor shows intent to start (pointer over, focus on a start control). */
  warmUp: () => void;
  retry: () => void;
  end: () => void;
  toggleMicrophone: () => void;
  toggleCamera: () => void;
  /** Asks the browser again for the camera and microphone that could not be used. */
  retryDevices: () => void;
  toggleCaptions: () => void;
  setChatOpen: (open: boolean) => void;
  setOpen: (open: boolean) => void;
  /** Leaves the device check for the call. */
  join: () => void;
  /** Chooses a camera, microphone or speaker. */
  setDevices: (devices: ChosenDevices) => void;
  send: (text: string) => void;
}
