import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { statusText } from '../../../translations/lookup.js';
import type { ConversationViewModel } from '../view-model.js';

/** States whose status line is shown; in the others it is only read by screen readers. */
const SHOWN_STATUS_STATES: readonly string[] = ['connecting', 'waiting', 'reconnecting'];

/**
 * The connection status: one persistent polite live region in every state (a region added with
 * its text is not announced), shown while joining or reconnecting, under `progress` (the call
 * chunk's spinner, or the poster rippling while the replica is awaited).
 * @internal
 */
export function renderStatus(model: ConversationViewModel, progress: unknown): TemplateResult {
  return html`<div class="center">
    ${progress}
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
