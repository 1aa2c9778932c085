import type { ConversationSession } from '../../controllers/conversation-session.js';
import type { ChosenDevices } from '../../state/devices.js';
import type { ConversationViewHandlers } from './view-model.js';

/** What the view's intents need of the element: its public properties and methods. */
export interface HandlerHost {
  preload: 'intent' | 'none';
  microphoneOff: boolean;
  cameraOff: boolean;
  captions: boolean;
  chatOpen: boolean;
  open: boolean;
  start(): Promise<void>;
  end(): Promise<void>;
  join(): void;
  setDevices(devices: ChosenDevices): Promise<void>;
  respond(text: string): Promise<void>;
}

/**
 * The view's intents, forwarded to the element and its session. A start from the UI reports its
 * failure on the screen and as `tavus-error`, so its rejection is not the view's to handle.
 */
export function viewHandlers(
  host: HandlerHost,
  session: ConversationSession,
  loadCallView: () => void,
): ConversationViewHandlers {
  const startQuietly = () => void host.start().catch(() => {});
  // The devices are not open yet (the device check, or connecting): a toggle sets how to join,
  // and a join already under way hears it too (it wins over the options Daily opened them with).
  const beforeJoin = () => session.state === 'checking' || session.state === 'connecting';
  return {
    start: startQuietly,
    warmUp: () => {
      if (host.preload === 'none') return;
      // The call's view (controls, notices, stage) too, so the click finds it ready.
      loadCallView();
      session.warmUp();
    },
    retry: startQuietly,
    end: () => void host.end(),
    toggleMicrophone: () => {
      if (!beforeJoin()) return session.setMicrophone(!session.media.microphoneOn);
      host.microphoneOff = !host.microphoneOff;
      if (session.state === 'connecting') session.setMicrophone(!host.microphoneOff);
    },
    toggleCamera: () => {
      if (!beforeJoin()) return session.setCamera(!session.media.cameraOn);
      host.cameraOff = !host.cameraOff;
      if (session.state === 'connecting') session.setCamera(!host.cameraOff);
    },
    retryDevices: () => session.retryDevices(),
    toggleCaptions: () => (host.captions = !host.captions),
    setChatOpen: (open) => (host.chatOpen = open),
    setOpen: (open) => (host.open = open),
    join: () => host.join(),
    setDevices: (devices) => {
      host.setDevices(devices).catch((failure: unknown) => console.warn(failure));
    },
    send: (text) => {
      host.respond(text).catch((failure: unknown) => console.warn(failure));
    },
  };
}
