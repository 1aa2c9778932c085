import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { ConversationViewModel } from '../view-model.js';

/**
 * In the top bar during a call, once the replica's video is there: its name with a level that
 * moves while it speaks (decorative: the transcript says who speaks).
 * @internal
 */
export function renderSpeaker(model: ConversationViewModel): TemplateResult | typeof nothing {
  const shown =
    (model.state === 'connected' || model.state === 'reconnecting') && Boolean(model.replicaVideo);
  if (!shown) return nothing;
  return html`<div
    class=${classMap({ speaker: true, active: model.replicaSpeaking })}
    part="speaking-indicator"
    aria-hidden="true"
  >
    <span class="bars"><i></i><i></i><i></i><i></i></span>
    <span class="speaker-name">${model.replicaName.trim() || model.strings.replica}</span>
  </div>`;
}
