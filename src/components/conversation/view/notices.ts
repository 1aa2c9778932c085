import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { mediaIssueText, statusText } from '../../../translations/lookup.js';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall } from './call-phase.js';
import { focusMovesOf } from './focus-moves.js';

/** States whose status line is shown; in the others it is only read by screen readers. */
const SHOWN_STATUS_STATES: readonly string[] = ['connecting', 'waiting', 'reconnecting'];

/**
 * Camera or microphone not usable: say why, and offer to try again and the chat. The live region
 * is always there (a region added with its text is not announced); the notice comes and goes.
 * @internal
 */
export function renderNotice(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const text = inCall(model.state) ? mediaIssueText(model.strings, model.mediaIssue) : '';
  const handleRetryDevices = (event: Event) => {
    focusMovesOf(event).devicesRetried(model.cameraAvailable);
    handlers.retryDevices();
  };
  return html`<div class="notice-region" role="status">
    ${
      text
        ? html`<div class="notice" part="notice">
            ${icon('alert')}
            <span class="notice-text">${text}</span>
            <span class="notice-actions">
              <button class="notice-action" type="button" @click=${handleRetryDevices}>
                ${model.strings.retryDevices}
              </button>
              ${
                model.chatOpen
                  ? nothing
                  : html`<button
                      class="notice-action"
                      type="button"
                      @click=${() => handlers.setChatOpen(true)}
                    >
                      ${model.strings.openChat}
                    </button>`
              }
            </span>
          </div>`
        : nothing
    }
  </div>`;
}

/**
 * The connection status: one persistent polite live region in every state, shown while joining
 * or reconnecting (with a spinner, or the poster rippling while the replica is awaited).
 * @internal
 */
export function renderStatus(model: ConversationViewModel): TemplateResult {
  const joining = model.state === 'connecting' || model.state === 'waiting';
  return html`<div class="center">
    ${joining ? renderProgress(model) : nothing}
    <p
      class=${classMap({
        status: true,
        'visually-hidden': !SHOWN_STATUS_STATES.includes(model.state),
      })}
      part="status"
      role="status"
    >
      ${statusText(model.strings, model.state, model.replicaName)}
    </p>
  </div>`;
}

function renderProgress(model: ConversationViewModel) {
  if (model.poster && model.state === 'waiting') {
    return html`<div class="avatar-wait" aria-hidden="true">
      <img src=${model.poster} alt="" />
    </div>`;
  }
  return html`<div class="spinner" aria-hidden="true"></div>`;
}

/**
 * Live captions, as text and not as a live region: the transcript already is the accessible
 * record, and announcing every word as it streams would drown it.
 * @internal
 */
export function renderCaptions(model: ConversationViewModel): TemplateResult | typeof nothing {
  if (!model.captionsOn || !model.caption || !inCall(model.state)) {
    return nothing;
  }
  return html`<div class="captions" part="captions" aria-live="off">
    <span class="caption-text"><span class="caption-lines" dir="auto">${model.caption}</span></span>
  </div>`;
}
