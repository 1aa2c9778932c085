/**
 * What to tell a visitor whose browser blocked the camera and microphone: where their browser
 * keeps the switch (each browser puts it somewhere else), or that the page's frame forbids them,
 * which no browser setting can change. Pure functions of what they are given.
 */
import type { DeviceCheckStrings } from '../../translations/en-device-check.js';

/** Browsers whose permission controls look alike. */
export type BrowserFamily = 'chromium' | 'firefox' | 'safari' | 'other';

/**
 * The browser family from its user agent. Every iOS browser is WebKit, but only Safari has the
 * "aA" menu: Chrome, Firefox and Edge on iOS get the general words.
 * @internal
 */
export function browserFamily(userAgent: string): BrowserFamily {
  if (/\b(CriOS|FxiOS|EdgiOS)\//.test(userAgent)) return 'other';
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(Edg|Chrome|Chromium|HeadlessChrome)\//.test(userAgent)) return 'chromium';
  if (/\bVersion\/[\d.]+.*\bSafari\//.test(userAgent)) return 'safari';
  return 'other';
}

/** Chromium's policy object (`document.permissionsPolicy`, earlier `document.featurePolicy`). */
interface FeaturePolicy {
  allowsFeature(feature: string): boolean;
}

/**
 * Whether the document's permissions policy lets it use the camera and microphone: false in an
 * iframe without `allow="camera; microphone"`, null where the browser does not say (only
 * Chromium exposes the policy).
 * @internal
 */
export function framePolicyAllowsDevices(doc: Document): boolean | null {
  const policies = doc as Document & {
    permissionsPolicy?: FeaturePolicy;
    featurePolicy?: FeaturePolicy;
  };
  const policy = policies.permissionsPolicy ?? policies.featurePolicy;
  if (typeof policy?.allowsFeature !== 'function') return null;
  return policy.allowsFeature('camera') && policy.allowsFeature('microphone');
}

/** Where the page runs: its browser, whether it is framed, and what the frame's policy says. */
export interface PageContext {
  family: BrowserFamily;
  framed: boolean;
  /** `framePolicyAllowsDevices()`. */
  policyAllows: boolean | null;
}

/** The page this code runs in. @internal */
export function currentPage(): PageContext {
  let framed = false;
  try {
    framed = window.self !== window.top;
  } catch {
    // A cross-origin parent can refuse even the comparison: then the page is framed.
    framed = true;
  }
  return {
    family: browserFamily(navigator.userAgent),
    framed,
    policyAllows: framePolicyAllowsDevices(document),
  };
}

const FAMILY_HELP = {
  chromium: 'checkHelpChromium',
  firefox: 'checkHelpFirefox',
  safari: 'checkHelpSafari',
  other: 'checkHelpOther',
} as const satisfies Record<BrowserFamily, keyof DeviceCheckStrings>;

/**
 * The lines that explain a block. A frame whose policy forbids the devices is the whole story
 * (browser settings cannot lift it); a frame whose policy the browser does not expose may be part
 * of it, after the browser's own steps.
 * @internal
 */
export function blockedHelp(strings: DeviceCheckStrings, page: PageContext): string[] {
  if (page.policyAllows === false) return [strings.checkHelpFrame];
  const lines = [strings[FAMILY_HELP[page.family]]];
  if (page.framed && page.policyAllows === null) lines.push(strings.checkHelpFrameMaybe);
  return lines;
}
