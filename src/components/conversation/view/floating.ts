import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { named } from '../../../translations/lookup.js';
import { icon } from '../../../styles/icons.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';
import { inCall } from './call-phase.js';
import { focusMovesOf } from './focus-moves.js';

/**
 * The floating variant's launcher in the page corner: it expands and collapses the panel
 * (`aria-controls`), shows the poster as a face, a dot while a call is in progress, and the
 * `launcher-label` text beside it while the panel is closed.
 * @internal
 */
export function renderLauncher(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const live = inCall(model.state);
  // A visible label is the button's name too, so that what is read matches what is seen.
  const label = model.launcherLabel;
  const handleClick = (event: Event) => {
    const open = !model.open;
    handlers.setOpen(open);
    if (open) {
      focusMovesOf(event).panelOpened();
    }
  };
  return html`<button
    class=${classMap({
      launcher: true,
      open: model.open,
      live,
      'with-poster': !!model.poster,
      labelled: Boolean(label),
    })}
    part="launcher"
    type="button"
    aria-label=${label || named(model.strings, 'panelLabel', model.replicaName)}
    aria-expanded=${model.open ? 'true' : 'false'}
    aria-controls="panel"
    @click=${handleClick}
  >
    <span class="launcher-face" aria-hidden="true">
      ${model.poster ? html`<img src=${model.poster} alt="" />` : icon('video')}
    </span>
    <span class="launcher-close" aria-hidden="true">${icon('chevronDown')}</span>
    <span class="launcher-tip" aria-hidden="true"
      >${model.open ? model.strings.closePanel : model.strings.openPanel}</span
    >
    ${live ? html`<span class="live-dot" aria-hidden="true"></span>` : nothing}
    ${
      label
        ? html`<span class="launcher-label" part="launcher-label" aria-hidden="true"
            >${label}</span
          >`
        : nothing
    }
  </button>`;
}
