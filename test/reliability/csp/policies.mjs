/**
 * The Content-Security-Policies the strict-host test serves its pages with (web-test-runner's
 * middleware adds them to every response under /test/reliability/csp/). No 'unsafe-inline', no
 * 'unsafe-eval', Trusted Types enforced. The README's Security section quotes these.
 */

/**
 * Enough for the element with the offline simulator, everything else refused (the README's
 * policy plus base-uri, object-src, form-action and frame-ancestors, which only refuse more).
 */
export const STRICT_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * The README's policy for the real service (daily-js' call bundle from Daily's hosts, with its
 * fallback domains), plus the same refusals as above. Nothing reaches the network here.
 */
export const DAILY_POLICY = [
  "default-src 'none'",
  "script-src 'self' blob: https://*.daily.co https://*.dailywebrtc.com https://*.dailywebrtc.net",
  "style-src 'self'",
  "connect-src 'self' https://*.daily.co wss://*.daily.co https://*.dailywebrtc.com wss://*.dailywebrtc.com https://*.dailywebrtc.net wss://*.dailywebrtc.net",
  "worker-src 'self' blob:",
  "img-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html default',
].join('; ');

/** The policy for a request path, or undefined outside this folder. */
export function policyFor(path) {
  if (!path.startsWith('/test/reliability/csp/')) return undefined;
  return path.includes('/daily') ? DAILY_POLICY : STRICT_POLICY;
}
