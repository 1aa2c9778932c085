import { sharedStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { floatingStyles } from './view/floating.styles.js';
import { panelStyles } from './view/panel.styles.js';
import { screenStyles } from './view/screens.styles.js';
import { stageStyles } from './view/stage.styles.js';
import { statusStyles } from './view/status.styles.js';

/**
 * The styles of `<tavus-conversation>`'s one shadow root, as the entry file has them: the tokens
 * and shared rules, then one sheet per screen region, each beside its render function in `view/`.
 * The call's regions bring their own sheets with the call chunk (`view/call-layer.ts`), which
 * join these in the same shadow root when a call first renders. Every region styles its own
 * elements (where the chat sheet hides the notice, it sets a property the notice's sheet does
 * not), so only the order inside a sheet matters: each one ends with its reduced-motion and
 * forced-colors rules, after the rules they override.
 */
export const conversationStyles = [
  tokens,
  sharedStyles,
  panelStyles,
  stageStyles,
  statusStyles,
  screenStyles,
  floatingStyles,
];
