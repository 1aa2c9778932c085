import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { endedText, errorText, named } from '../../../translations/lookup.js';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { focusMovesOf } from './focus-moves.js';

/**
 * The idle, ended and error screens, over the stage; none during a call. Each one's main action
 * carries `data-autofocus`: opening the floating panel focuses it.
 * @internal
 */
export function renderScreen(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult | typeof nothing {
  switch (model.state) {
    case 'idle':
      return renderIdle(model, handlers);
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
  const line = errorText(s, model.error);
  // The element's own message says what to do (a status code, a reason from the server).
  const detail = model.error?.message.trim() ?? '';
  return html`<div class="screen card-screen error" part="error">
    <div class="card" role="alert">
      <div class="card-icon" aria-hidden="true">${icon('alert')}</div>
      <p class="screen-title">${s.errorTitle}</p>
      <p class="screen-text">${line}</p>
      ${
        detail && detail !== line.trim()
          ? html`<p class="screen-detail" part="error-detail" dir="auto">${detail}</p>`
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
