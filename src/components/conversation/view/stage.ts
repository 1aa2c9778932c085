import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall, showsVideo } from './call-phase.js';
import { renderControls } from './controls.js';
import { focusMovesOf } from './focus-moves.js';
import { renderCaptions, renderNotice, renderStatus } from './notices.js';
import { renderScreen } from './screens.js';

/**
 * The video area: the replica's video (or the poster), the top bar, and the layers over the
 * video, bottom to top: status, captions, the idle/ended/error screen, the controls.
 * @internal
 */
export function renderStage(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const live = inCall(model.state);
  const showVideo = showsVideo(model);
  return html`<div class="stage" part="stage">
    <tavus-video-stage
      class="media"
      exportparts="video, self-view, sound-button"
      .videoTrack=${showVideo ? model.replicaVideo : null}
      .audioTrack=${live ? model.replicaAudio : null}
      .selfTrack=${live ? model.selfVideo : null}
      .replicaName=${model.replicaName}
      .strings=${model.strings}
    ></tavus-video-stage>
    ${
      model.poster && !showVideo
        ? html`<img class="poster" part="poster" src=${model.poster} alt="" />`
        : nothing
    }
    <div class="scrim" aria-hidden="true"></div>
    ${renderTopBar(model, handlers)} ${renderNotice(model, handlers)} ${renderStatus(model)}
    ${renderCaptions(model)} ${renderScreen(model, handlers)}
    ${live ? renderControls(model, handlers) : nothing}
  </div>`;
}

/** The header slot (a logo, a title) in every state; in a call the speaker sits after it. */
function renderTopBar(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const floating = model.variant === 'floating';
  const showSpeaker =
    (model.state === 'connected' || model.state === 'reconnecting') && Boolean(model.replicaVideo);
  const handleClose = (event: Event) => {
    handlers.setOpen(false);
    focusMovesOf(event).panelClosed();
  };
  return html`<div class="top-bar">
    <div class="top-start" part="header">
      <slot name="header"></slot>
      ${
        showSpeaker
          ? html`<div
              class=${classMap({ speaker: true, active: model.replicaSpeaking })}
              part="speaking-indicator"
              aria-hidden="true"
            >
              <span class="bars"><i></i><i></i><i></i><i></i></span>
              <span class="speaker-name">${model.replicaName.trim() || model.strings.replica}</span>
            </div>`
          : nothing
      }
    </div>
    ${
      floating
        ? html`<button
            class="minimize"
            part="minimize-button"
            type="button"
            aria-label=${model.strings.closePanel}
            @click=${handleClose}
          >
            ${icon('chevronDown')}
          </button>`
        : nothing
    }
  </div>`;
}
