import { html, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

/**
 * The component's icons: inline SVG on a 24×24 grid, stroked with `currentColor` (so they follow
 * the text colour and forced colours), decorative (`aria-hidden`): the button around an icon
 * carries the accessible name. Nothing is fetched. These are the icons of the screens the entry
 * file shows; those of the call and the chat drawer are in `call-icons.ts`, loaded with them.
 */
const ICON_PATHS = {
  chevronDown: svg`<path d="m6 9 6 6 6-6" />`,
  alert: svg`<circle cx="12" cy="12" r="9" /><path d="M12 7.5v5.5M12 16.5h.01" />`,
  retry: svg`<path d="M4 12a8 8 0 1 0 2.4-5.7L4 8.5M4 4v4.5h4.5" />`,
  video: svg`<rect x="2.5" y="6" width="13" height="12" rx="3" /><path d="M15.5 10.5 21 7.5v9l-5.5-3z" />`,
  ended: svg`<circle cx="12" cy="12" r="9" /><path d="m8.5 12.5 2.3 2.3 4.7-5" />`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof ICON_PATHS;

/** `<svg>` for a named icon, hidden from assistive technology. */
export function icon(name: IconName): TemplateResult {
  return svgIcon(ICON_PATHS[name]);
}

/** `<svg>` around an icon's paths (`svg` templates on the 24×24 grid). */
export function svgIcon(paths: SVGTemplateResult): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;
}
