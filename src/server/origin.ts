/**
 * Which web pages may call the endpoint: the `Origin` a browser sends with every POST. Pages of
 * other sites (including a no-cors `fetch`, a form post, a sandboxed frame's `null` origin) are
 * refused before anything else. Scripts outside a browser can send any Origin: rate limits,
 * the live cap and the `verify` hook are what stands in their way.
 */
export type AllowedOrigins = readonly string[] | ((origin: string) => boolean);

/** Returns a check for `Origin` header values; exact origins are normalised once here. */
export function createOriginCheck(allowed: AllowedOrigins): (origin: string | null) => boolean {
  if (typeof allowed === 'function') {
    return (origin) => origin !== null && origin !== 'null' && allowed(origin) === true;
  }
  const origins = new Set(allowed.map(normaliseOrigin));
  return (origin) => origin !== null && origins.has(origin);
}

/** `https://Example.com/` → `https://example.com`; throws for anything that is not an origin. */
export function normaliseOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`allowedOrigins: ${JSON.stringify(origin)} is not an origin (https://host)`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin === 'null') {
    throw new Error(`allowedOrigins: ${JSON.stringify(origin)} is not an http(s) origin`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new Error(`allowedOrigins: ${JSON.stringify(origin)} has more than an origin`);
  }
  return url.origin;
}

/** Headers that let an allowed page on another origin read the answer. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** The answer to an allowed origin's preflight: POST with a JSON body, cached ten minutes. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  };
}
