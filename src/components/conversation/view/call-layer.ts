import { callStageStyles } from './call-stage.styles.js';
import { provideCallRegions } from './call-regions.js';
import { renderControls } from './controls.js';
import { controlStyles } from './controls.styles.js';
import { renderCaptions, renderNotice, renderProgress } from './notices.js';
import { noticeStyles } from './notices.styles.js';
import { renderSpeaker } from './speaker.js';
import { speakerStyles } from './speaker.styles.js';

/**
 * The call's own regions of the view, handed to the entry's layout when the call chunk loads.
 * Their sheets join the element's shadow root after the entry's, in this order; like the entry's,
 * each one styles only its own elements and ends with its reduced-motion and forced-colors rules.
 */
provideCallRegions({
  speaker: renderSpeaker,
  notice: renderNotice,
  progress: renderProgress,
  captions: renderCaptions,
  controls: renderControls,
  styles: [callStageStyles, speakerStyles, noticeStyles, controlStyles],
});
