import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ConversationViewHandlers, ConversationViewModel } from './view-model.js';
import { renderLauncher } from './view/floating.js';
import { renderPanel } from './view/panel.js';

/**
 * The whole visible conversation: the panel (video stage, status, screens, controls, chat
 * drawer) and, for the floating variant, the launcher. A pure function of the view model: it
 * renders state and forwards intents to the handlers; the element owns the logic. The regions are
 * render functions in `view/`, with their styles beside them (`view/*.styles.ts`); focus moves
 * when screens change are the host's `FocusMoves` controller (`view/focus-moves.ts`).
 *
 * Everything renders into the element's one shadow root, so ARIA references (the chat toggle's
 * `aria-controls`, the launcher's) and the public slots (`header`, `start`, `empty`) work. The
 * slots, parts and custom properties are documented once, on the element
 * (`conversation.ts`), whose JSDoc the custom elements manifest is built from.
 *
 * @internal
 */
export function renderConversationView(
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
): TemplateResult {
  const floating = model.variant === 'floating';
  // The viewport layer lays the floating pieces out (view/floating.styles.ts); inline it is no box.
  const launcher = floating ? renderLauncher(model, handlers) : nothing;
  return html`<div class="viewport">${renderPanel(model, handlers)}${launcher}</div>`;
}
