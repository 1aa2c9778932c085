import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { mediaIssueText } from '../../../translations/lookup.js';
import { callIcon } from '../../../styles/call-icons.js';
import type { CallIconName } from '../../../styles/call-icons.js';
import type { ChosenDevices } from '../../../state/devices.js';
import '../../device-menu/device-menu.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { focusMovesOf } from './focus-moves.js';
import { microphoneLevel } from './microphone-level.js';

/** Parts of the settings menu re-exported under the element. */
const MENU_EXPORT_PARTS = 'control, settings-button, settings-menu, settings-item';

/**
 * The call controls bar: microphone (with the visitor's level), camera, captions, chat, the
 * settings menu (devices), end. Shown during a call.
 * @internal
 */
export function renderControls(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const s = model.strings;
  const issue = mediaIssueText(s, model.mediaIssue);
  const microphoneOn = model.microphoneOn && model.microphoneAvailable;
  const cameraOn = model.cameraOn && model.cameraAvailable;
  const handleEnd = (event: Event) => {
    // The controls go with the call: keep focus in the panel rather than lose it.
    focusMovesOf(event).screenLeft();
    handlers.end();
  };
  return html`<div class="controls" part="controls" role="group" aria-label=${s.controlsLabel}>
    ${renderToggle({
      name: 'microphone',
      label: s.microphone,
      pressed: microphoneOn,
      action: microphoneOn ? s.muteMicrophone : s.unmuteMicrophone,
      iconName: microphoneOn ? 'microphone' : 'microphoneOff',
      off: !microphoneOn,
      unavailable: model.microphoneAvailable ? undefined : issue || s.microphoneUnavailable,
      level: microphoneOn ? model.selfAudio : null,
      onClick: handlers.toggleMicrophone,
    })}
    ${renderToggle({
      name: 'camera',
      label: s.camera,
      pressed: cameraOn,
      action: cameraOn ? s.cameraOff : s.cameraOn,
      iconName: cameraOn ? 'camera' : 'cameraOff',
      off: !cameraOn,
      unavailable: model.cameraAvailable ? undefined : issue || s.cameraUnavailable,
      onClick: handlers.toggleCamera,
    })}
    ${renderToggle({
      name: 'captions',
      label: s.captions,
      pressed: model.captionsOn,
      action: model.captionsOn ? s.captionsOff : s.captionsOn,
      iconName: 'captions',
      accent: true,
      onClick: handlers.toggleCaptions,
    })}
    ${renderChatToggle(model, handlers)}
    <tavus-device-menu
      exportparts=${MENU_EXPORT_PARTS}
      .strings=${s}
      .devices=${model.devices}
      .cameraTrack=${model.selfVideo}
      .microphoneTrack=${model.selfAudio}
      @device-change=${(event: CustomEvent<ChosenDevices>) => handlers.setDevices(event.detail)}
    ></tavus-device-menu>
    <button
      class="control end"
      part="control end-button"
      type="button"
      aria-label=${s.end}
      @click=${handleEnd}
    >
      ${callIcon('end')}
      <span class="tooltip" aria-hidden="true">${s.end}</span>
    </button>
  </div>`;
}

interface ToggleOptions {
  name: string;
  label: string;
  pressed: boolean;
  /** What pressing does now, shown as the tooltip. */
  action: string;
  iconName: CallIconName;
  /** Shown with the warning style (a device that is off). */
  off?: boolean;
  /** Shown with the accent when pressed (an option that is on). */
  accent?: boolean;
  /** Why the toggle cannot be used; it stays focusable so the reason can be read. */
  unavailable?: string;
  /** A microphone whose level the toggle shows (null: none now). */
  level?: MediaStreamTrack | null;
  onClick: () => void;
}

function renderToggle(options: ToggleOptions) {
  const reasonId = `${options.name}-reason`;
  return html`<button
      id=${`${options.name}-toggle`}
      class=${classMap({
        control: true,
        off: Boolean(options.off),
        on: Boolean(options.accent) && options.pressed,
        level: options.level !== undefined,
      })}
      part=${`control ${options.name}-button`}
      type="button"
      aria-label=${options.label}
      aria-pressed=${options.pressed ? 'true' : 'false'}
      aria-disabled=${ifDefined(options.unavailable ? 'true' : undefined)}
      aria-describedby=${ifDefined(options.unavailable ? reasonId : undefined)}
      ${options.level === undefined ? nothing : microphoneLevel(options.level)}
      @click=${() => {
        if (!options.unavailable) {
          options.onClick();
        }
      }}
    >
      ${callIcon(options.iconName)}
      <span class="tooltip" aria-hidden="true"
        >${options.unavailable || options.action}</span
      ></button
    >${
      options.unavailable
        ? html`<span id=${reasonId} class="visually-hidden">${options.unavailable}</span>`
        : nothing
    }`;
}

/** The chat toggle points at the drawer (`aria-controls`) in the same shadow root. */
function renderChatToggle(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  return html`<button
    id="chat-toggle"
    class=${classMap({ control: true, on: model.chatOpen })}
    part="control chat-button"
    type="button"
    aria-label=${s.chat}
    aria-expanded=${model.chatOpen ? 'true' : 'false'}
    aria-controls="chat"
    @click=${() => handlers.setChatOpen(!model.chatOpen)}
  >
    ${callIcon('chat')}
    <span class="tooltip" aria-hidden="true">${model.chatOpen ? s.closeChat : s.openChat}</span>
  </button>`;
}
