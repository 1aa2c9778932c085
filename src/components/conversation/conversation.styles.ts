import { sharedStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { controlStyles } from './view/controls.styles.js';
import { floatingStyles } from './view/floating.styles.js';
import { noticeStyles } from './view/notices.styles.js';
import { panelStyles } from './view/panel.styles.js';
import { screenStyles } from './view/screens.styles.js';
import { stageStyles } from './view/stage.styles.js';

/**
 * The styles of `<tavus-conversation>`'s one shadow root: the tokens and shared rules, then one
 * sheet per screen region, each beside its render function in `view/`. Every region styles its
 * own elements (where the chat sheet hides the notice, it sets a property the notice's sheet does
 * not), so only the order inside a sheet matters: each one ends with its reduced-motion and
 * forced-colors rules, after the rules they override.
 */
export const conversationStyles = [
  tokens,
  sharedStyles,
  panelStyles,
  stageStyles,
  noticeStyles,
  screenStyles,
  controlStyles,
  floatingStyles,
];
