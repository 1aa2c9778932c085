import { svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { svgIcon } from './icons.js';

/**
 * The icons only a call and the chat drawer show (controls, sound button, send, close, jump),
 * drawn like those in `icons.ts`: they travel in the chunk loaded with the call, not in the entry
 * file every page loads.
 */
const CALL_ICON_PATHS = {
  microphone: svg`<rect x="9" y="3" width="6" height="11.5" rx="3" /><path d="M5.5 11.5a6.5 6.5 0 0 0 13 0M12 18v3" />`,
  microphoneOff: svg`<path d="M15 10V6a3 3 0 0 0-5.6-1.5M9 9v2.5a3 3 0 0 0 4.6 2.5M18.5 11.5a6.5 6.5 0 0 1-.9 3.3M5.5 11.5a6.5 6.5 0 0 0 10.1 5.4M12 18v3M4 4l16 16" />`,
  camera: svg`<rect x="2.5" y="6" width="13" height="12" rx="3" /><path d="M15.5 10.5 21 7.5v9l-5.5-3z" />`,
  cameraOff: svg`<path d="M8 6h4.5a3 3 0 0 1 3 3v3.5M15.5 16.5V15a3 3 0 0 1-3 3h-7a3 3 0 0 1-3-3V9a3 3 0 0 1 2.4-2.9M15.5 10.5 21 7.5v9l-3-1.6M3 3l18 18" />`,
  captions: svg`<rect x="2.5" y="5" width="19" height="14" rx="3.5" /><path d="M10.5 10.2a2.2 2.2 0 1 0 0 3.6M17 10.2a2.2 2.2 0 1 0 0 3.6" />`,
  chat: svg`<path d="M20.5 11.5a8 8 0 0 1-11.8 7l-4.2 1.1 1.2-4A8 8 0 1 1 20.5 11.5z" />`,
  end: svg`<path d="M3.2 13.6c4.9-4.1 12.7-4.1 17.6 0 .5.4.6 1.2.2 1.7l-1.4 1.6c-.4.5-1.1.6-1.6.2l-2-1.3c-.4-.3-.6-.7-.6-1.2l.1-1.4a10.6 10.6 0 0 0-7 0l.1 1.4c0 .5-.2.9-.6 1.2l-2 1.3c-.5.4-1.2.3-1.6-.2L3 15.3c-.4-.5-.3-1.3.2-1.7z" />`,
  sound: svg`<path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" /><path d="M15.5 9a4.5 4.5 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" />`,
  send: svg`<path d="M12 19V5M6 11l6-6 6 6" />`,
  close: svg`<path d="M6 6l12 12M18 6 6 18" />`,
  arrowDown: svg`<path d="M12 5v14M6 13l6 6 6-6" />`,
  settings: svg`<path d="M4 7h9M17 7h3M4 17h3M11 17h9" /><circle cx="15" cy="7" r="2" /><circle cx="9" cy="17" r="2" />`,
  // Four bars, drawn apart so that a weak connection can dim the upper ones.
  signal: svg`<path d="M5 19v-2" /><path d="M10 19v-5" /><path d="M15 19v-8" /><path d="M20 19V5" />`,
} satisfies Record<string, SVGTemplateResult>;

export type CallIconName = keyof typeof CALL_ICON_PATHS;

/** `<svg>` for a named call icon, hidden from assistive technology. */
export function callIcon(name: CallIconName): TemplateResult {
  return svgIcon(CALL_ICON_PATHS[name]);
}
