import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall, showsVideo } from './call-phase.js';
import { callRegion } from './call-regions.js';
import { focusMovesOf } from './focus-moves.js';
import { renderScreen } from './screens.js';
import { renderStatus } from './status.js';

/**
 * The video area: the replica's video (or the poster), the top bar, and the layers over the
 * video, bottom to top: status, captions, the idle/ended/error screen, the controls. What only a
 * call shows (speaker, notice, progress, captions, controls) comes with the call chunk
 * (`callRegion`).
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
      .speaker=${model.devices.speaker ?? ''}
    ></tavus-video-stage>
    ${
      model.poster && !showVideo
        ? html`<img class="poster" part="poster" src=${model.poster} alt="" />`
        : nothing
    }
    <div class="scrim" aria-hidden="true"></div>
    ${renderTopBar(model, handlers)} ${live ? callRegion('notice', model, handlers) : nothing}
    ${renderStatus(model, live ? callRegion('progress', model, handlers) : nothing)}
    ${live ? callRegion('captions', model, handlers) : nothing} ${renderScreen(model, handlers)}
    ${live ? callRegion('controls', model, handlers) : nothing}
  </div>`;
}

/** The header slot (a logo, a title) in every state; in a call the speaker sits after it. */
function renderTopBar(model: ConversationViewModel, handlers: ConversationViewHandlers) {
  const floating = model.variant === 'floating';
  const handleClose = (event: Event) => {
    handlers.setOpen(false);
    focusMovesOf(event).panelClosed();
  };
  return html`<div class="top-bar">
    <div class="top-start" part="header">
      <slot name="header"></slot>
      ${inCall(model.state) ? callRegion('speaker', model, handlers) : nothing}
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
