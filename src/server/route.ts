/** One of the endpoint's two routes, matched on a URL's path. */
export type Route =
  { action: 'create'; label: string } | { action: 'end'; label: string; conversationId: string };

/** `<base>` is create, `<base>/<id>/end` is end; anything else is not the endpoint's. */
export function matchRoute(url: string, base: string): Route | null {
  let pathname: string;
  try {
    pathname = new URL(url, 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (pathname === base || pathname === `${base}/`) return { action: 'create', label: 'create' };
  if (!pathname.startsWith(`${base}/`)) return null;
  const match = /^([^/]+)\/end\/?$/.exec(pathname.slice(base.length + 1));
  if (!match) return null;
  let conversationId: string;
  try {
    conversationId = decodeURIComponent(match[1]!);
  } catch {
    conversationId = '';
  }
  return { action: 'end', label: 'end', conversationId };
}
