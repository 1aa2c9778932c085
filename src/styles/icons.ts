import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

/**
 * The component's icons: inline SVG on a 24×24 grid, stroked with `currentColor` (so they follow
 * the text colour and forced colours), decorative (`aria-hidden`): the button around an icon
 * carries the accessible name. Nothing is fetched.
 */
const ICON_PATHS = {
  microphone: svg`<rect x="9" y="3" width="6" height="11.5" rx="3" /><path d="M5.5 11.5a6.5 6.5 0 0 0 13 0M12 18v3" />`,
  microphoneOff: svg`<path d="M15 10V6a3 3 0 0 0-5.6-1.5M9 9v2.5a3 3 0 0 0 4.6 2.5M18.5 11.5a6.5 6.5 0 0 1-.9 3.3M5.5 11.5a6.5 6.5 0 0 0 10.1 5.4M12 18v3M4 4l16 16" />`,
  camera: svg`<rect x="2.5" y="6" width="13" height="12" rx="3" /><path d="M15.5 10.5 21 7.5v9l-5.5-3z" />`,
  cameraOff: svg`<path d="M8 6h4.5a3 3 0 0 1 3 3v3.5M15.5 16.5V15a3 3 0 0 1-3 3h-7a3 3 0 0 1-3-3V9a3 3 0 0 1 2.4-2.9M15.5 10.5 21 7.5v9l-3-1.6M3 3l18 18" />`,
  captions: svg`<rect x="2.5" y="5" width="19" height="14" rx="3.5" /><path d="M10.5 10.2a2.2 2.2 0 1 0 0 3.6M17 10.2a2.2 2.2 0 1 0 0 3.6" />`,
  chat: svg`<path d="M20.5 11.5a8 8 0 0 1-11.8 7l-4.2 1.1 1.2-4A8 8 0 1 1 20.5 11.5z" />`,
  end: svg`<path d="M3.2 13.6c4.9-4.1 12.7-4.1 17.6 0 .5.4.6 1.2.2 1.7l-1.4 1.6c-.4.5-1.1.6-1.6.2l-2-1.3c-.4-.3-.6-.7-.6-1.2l.1-1.4a10.6 10.6 0 0 0-7 0l.1 1.4c0 .5-.2.9-.6 1.2l-2 1.3c-.5.4-1.2.3-1.6-.2L3 15.3c-.4-.5-.3-1.3.2-1.7z" />`,
  send: svg`<path d="M12 19V5M6 11l6-6 6 6" />`,
  close: svg`<path d="M6 6l12 12M18 6 6 18" />`,
  chevronDown: svg`<path d="m6 9 6 6 6-6" />`,
  arrowDown: svg`<path d="M12 5v14M6 13l6 6 6-6" />`,
  sound: svg`<path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4z" /><path d="M15.5 9a4.5 4.5 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" />`,
  alert: svg`<circle cx="12" cy="12" r="9" /><path d="M12 7.5v5.5M12 16.5h.01" />`,
  retry: svg`<path d="M4 12a8 8 0 1 0 2.4-5.7L4 8.5M4 4v4.5h4.5" />`,
  video: svg`<rect x="2.5" y="6" width="13" height="12" rx="3" /><path d="M15.5 10.5 21 7.5v9l-5.5-3z" />`,
  ended: svg`<circle cx="12" cy="12" r="9" /><path d="m8.5 12.5 2.3 2.3 4.7-5" />`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof ICON_PATHS;

/** `<svg>` for a named icon, hidden from assistive technology. */
export function icon(name: IconName): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    ${ICON_PATHS[name]}
  </svg>`;
}
