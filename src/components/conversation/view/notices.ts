import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { mediaIssueText } from '../../../translations/lookup.js';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall } from './call-phase.js';
import { focusMovesOf } from './focus-moves.js';

/**
 * Camera or microphone not usable: say why, and offer to try again and the chat. The live region
 * is there from the start of the call (a region added with its text is not announced); the
 * notice comes and goes.
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
 * Over the status line while joining: a spinner, or the poster rippling while the replica is
 * awaited.
 * @internal
 */
export function renderProgress(model: ConversationViewModel): TemplateResult | typeof nothing {
  if (model.state !== 'connecting' && model.state !== 'waiting') return nothing;
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
  // Beside the self-view's tile (wide stages put it at the bottom), not over it.
  const besideSelfView = Boolean(model.selfVideo);
  return html`<div
    class=${besideSelfView ? 'captions beside-self-view' : 'captions'}
    part="captions"
    aria-live="off"
  >
    <span class="caption-text"><span class="caption-lines" dir="auto">${model.caption}</span></span>
  </div>`;
}
