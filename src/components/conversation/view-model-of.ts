import type { ConversationSession } from '../../controllers/conversation-session.js';
import type { TranscriptMessage } from '../../protocol/transcript.js';
import { EN_STRINGS, type TavusStrings } from '../../translations/en.js';
import { COMPOSER_MAX_LENGTH } from '../chat-drawer/limits.js';
import type { ConversationViewModel } from './view-model.js';

/** What the element itself decides: its properties. */
export interface ElementOptions {
  variant: string;
  open: boolean;
  chatOpen: boolean;
  captions: boolean;
  strings: Partial<TavusStrings>;
  poster: string;
  cameraOff: boolean;
  microphoneOff: boolean;
  launcherLabel: string;
}

/** The view's model: the session's state and the element's properties, read, never copied. */
export function viewModelOf(
  session: ConversationSession,
  element: ElementOptions,
): ConversationViewModel {
  const messages = session.transcript;
  const media = session.media;
  const replicaSpeaking = session.speaking.replica;
  // Before the join the devices are not open yet: the toggles show (and set) how to join.
  const beforeJoin = session.state === 'checking' || session.state === 'connecting';
  return {
    state: session.state,
    variant: element.variant === 'floating' ? 'floating' : 'inline',
    open: element.open,
    chatOpen: element.chatOpen,
    messages,
    replicaName: session.replicaName,
    replicaVideo: media.replicaVideo,
    replicaAudio: media.replicaAudio,
    selfVideo: media.selfVideo,
    selfAudio: media.selfAudio,
    replicaSpeaking,
    userSpeaking: session.speaking.user,
    thinking: session.thinking,
    networkQuality: session.networkQuality,
    secondsLeft: session.secondsLeft,
    devices: session.devices,
    captionsOn: element.captions,
    caption: currentCaption(messages, replicaSpeaking),
    microphoneOn: beforeJoin ? !element.microphoneOff : media.microphoneOn,
    cameraOn: beforeJoin ? !element.cameraOff : media.cameraOn,
    microphoneAvailable: media.microphoneAvailable,
    cameraAvailable: media.cameraAvailable,
    mediaIssue: media.mediaIssue,
    error: session.error,
    endedReason: session.endedReason,
    strings: { ...EN_STRINGS, ...element.strings },
    poster: element.poster,
    launcherLabel: element.launcherLabel.trim(),
    composerMaxLength: COMPOSER_MAX_LENGTH,
  };
}

/** The live caption: what the replica is saying now, else what the user is saying now. */
function currentCaption(messages: readonly TranscriptMessage[], replicaSpeaking: boolean): string {
  const last = messages[messages.length - 1];
  if (!last) return '';
  if (last.role === 'replica') return replicaSpeaking || !last.final ? last.text : '';
  return last.final ? '' : last.text;
}
