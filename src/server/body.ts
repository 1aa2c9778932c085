import type { Clock } from './clock.js';
import { EndpointError } from './errors.js';

/** `application/json` or `application/<something>+json`, UTF-8 if a charset is given. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Refuses a request whose declared body is not JSON (415) or too large (413) before any of it is
 * read. A missing content type counts as not JSON: a cross-site no-cors `fetch` sends its body
 * as text/plain, and a form as urlencoded or multipart.
 */
export function checkBodyHeaders(headers: Headers, maxBytes: number): void {
  if (!JSON_TYPE.test(headers.get('content-type') ?? '')) {
    throw new EndpointError('unsupported-media-type');
  }
  const length = headers.get('content-length');
  if (length !== null && !(Number(length) <= maxBytes)) throw new EndpointError('body-too-large');
}

/**
 * Reads the body as a JSON object (an empty body is `{}`), at most `maxBytes` of it, within
 * `timeoutMs` of starting: a body that trickles in is cut off (408) rather than holding a
 * connection open.
 */
export async function readJsonBody(
  request: Request,
  options: { maxBytes: number; timeoutMs: number; clock: Clock },
): Promise<Record<string, unknown>> {
  const bytes = await readBytes(request, options);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EndpointError('invalid-json');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EndpointError('invalid-json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EndpointError('invalid-json');
  }
  return value as Record<string, unknown>;
}

async function readBytes(
  request: Request,
  { maxBytes, timeoutMs, clock }: { maxBytes: number; timeoutMs: number; clock: Clock },
): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  let timer: unknown;
  const deadline = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => reject(new EndpointError('body-timeout')), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new EndpointError('body-too-large');
      chunks.push(value);
    }
  } catch (error) {
    // Stop reading; the Node adapter closes the connection once the answer is out.
    reader.cancel().catch(() => {});
    throw error instanceof EndpointError ? error : new EndpointError('invalid-json');
  } finally {
    clock.clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
