import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ERROR_STRING_KEYS, endedText, errorText, named } from '../../../translations/lookup.js';
import { formatString } from '../../../translations/format.js';
import { icon } from '../../../styles/icons.js';
import type { FailureCode } from '../../../state/conversation-state.js';
import type { CheckToggleDetail } from '../../device-check/device-check.js';
import type { ChosenDevices } from '../../../state/devices.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { focusMovesOf } from './focus-moves.js';

/**
 * The device check's own chunk: only pages with `device-check` need it, and only once a
 * conversation starts. Asked for by the first render of the check (the module cache makes every
 * later call free); until it arrives the check shows its plain Join and Leave buttons.
 */
const loadDeviceCheck = () => import('../../device-check/device-check.js');

/** Parts of the device check re-exported under the element. */
const CHECK_EXPORT_PARTS =
  'preview, level-meter, device-picker, device-toggle, permission-help, join-button, leave-button';

/**
 * The device check, idle, ended and error screens, over the stage; none during a call. Each
 * one's main action carries `data-autofocus`: opening the floating panel focuses it.
 * @internal
 */
export function renderScreen(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult | typeof nothing {
  switch (model.state) {
    case 'idle':
      return renderIdle(model, handlers);
    case 'checking':
      return renderDeviceCheck(model, handlers);
    case 'ended':
      return renderEnded(model, handlers);
    case 'error':
      return renderError(model, handlers);
    default:
      return nothing;
  }
}

/** A press on a button that goes away with its screen: focus first moves to the panel. */
function leaving(action: () => void) {
  return (event: Event) => {
    focusMovesOf(event).screenLeft();
    action();
  };
}

function renderIdle(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  return html`<div
    class=${classMap({ screen: true, idle: true, 'with-poster': Boolean(model.poster) })}
    part="start-screen"
  >
    <div class="screen-content">
      ${model.poster ? nothing : html`<div class="hero-icon" aria-hidden="true">${icon('video')}</div>`}
      <p class="screen-title">${named(s, 'startTitle', model.replicaName)}</p>
      <p class="screen-text">${s.startHint}</p>
      <slot
        name="start"
        @click=${leaving(handlers.start)}
        @pointerover=${handlers.warmUp}
        @focusin=${handlers.warmUp}
      >
        <button class="primary" part="start-button" type="button" data-autofocus>
          ${icon('video')}<span>${s.start}</span>
        </button>
      </slot>
    </div>
  </div>`;
}

function renderDeviceCheck(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  loadDeviceCheck().catch(() => {});
  const s = model.strings;
  const join = leaving(handlers.join);
  const leave = leaving(handlers.end);
  const toggle = (event: CustomEvent<CheckToggleDetail>) =>
    event.detail.kind === 'camera' ? handlers.toggleCamera() : handlers.toggleMicrophone();
  return html`<div class="screen checking" part="device-check">
    <tavus-device-check
      exportparts=${CHECK_EXPORT_PARTS}
      data-autofocus
      .strings=${s}
      .cameraOn=${model.cameraOn}
      .microphoneOn=${model.microphoneOn}
      .devices=${model.devices}
      @check-join=${join}
      @check-leave=${leave}
      @check-toggle=${toggle}
      @check-devices=${(event: CustomEvent<ChosenDevices>) => handlers.setDevices(event.detail)}
    >
      <div class="check-fallback">
        <button class="primary" type="button" @click=${join}>${s.join}</button>
        <button class="secondary" type="button" @click=${leave}>${s.leaveCheck}</button>
      </div>
    </tavus-device-check>
  </div>`;
}

function renderEnded(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  return html`<div class="screen card-screen ended" part="ended-screen">
    <div class="card">
      <div class="card-icon" aria-hidden="true">${icon('ended')}</div>
      <p class="screen-title" aria-hidden="true">${s.endedTitle}</p>
      <p class="screen-text">${endedText(s, model.endedReason, model.replicaName)}</p>
      <button
        class="primary"
        part="restart-button"
        type="button"
        data-autofocus
        @pointerover=${handlers.warmUp}
        @focus=${handlers.warmUp}
        @click=${leaving(handlers.start)}
      >
        ${icon('retry')}<span>${s.restart}</span>
      </button>
      ${
        model.messages.length > 0 && !model.chatOpen
          ? html`<button
              class="secondary"
              part="transcript-button"
              type="button"
              data-chat-opener
              @click=${() => handlers.setChatOpen(true)}
            >
              ${s.viewTranscript}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

function renderError(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const s = model.strings;
  const error = model.error;
  // Words a visitor can act on. The technical message (a status code, a URL, a stack) goes to
  // tavus-error and the console; the screen names only the code, for the site's support. A code
  // without a line of its own (a translation that left it empty) shows the message instead.
  const key = error ? ERROR_STRING_KEYS[error.code as FailureCode] : undefined;
  const localised = Boolean(key && s[key]);
  return html`<div class="screen card-screen error" part="error">
    <div class="card" role="alert">
      <div class="card-icon" aria-hidden="true">${icon('alert')}</div>
      <p class="screen-title">${s.errorTitle}</p>
      <p class="screen-text" dir=${ifDefined(localised ? undefined : 'auto')}>
        ${errorText(s, error)}
      </p>
      ${
        error && localised
          ? html`<p class="screen-detail" part="error-detail">
              ${formatString(s.errorReference, { code: error.code })}
            </p>`
          : nothing
      }
      <button
        class="primary"
        part="retry-button"
        type="button"
        data-autofocus
        @pointerover=${handlers.warmUp}
        @focus=${handlers.warmUp}
        @click=${leaving(handlers.retry)}
      >
        ${icon('retry')}<span>${s.retry}</span>
      </button>
    </div>
  </div>`;
}
