// The two ways a site runs the endpoint, behind one `send()`: the web-standard handler called
// with a Request, and the Node adapter behind a real HTTP server on 127.0.0.1. Every response is
// recorded (status, headers, body) for the key-leak scan.
import { createServer, request as httpRequest } from 'node:http';

import { toNodeHandler } from './server-module.mjs';

export const TARGETS = ['web-standard handler', 'Node adapter'];
export const PATH = '/api/conversations';
export const ORIGIN = 'https://site.example';

/**
 * Starts `handler` behind `kind`. `send(spec)` resolves to { status, headers, text, json }:
 * spec = { method='POST', path, origin (null: none), type (null: none), body (object or
 * string), headers, ip (web only), slow (send the first chunk, never the rest), chunked (no
 * content-length), signal }.
 */
export async function startTarget(kind, handler, seen) {
  const record = (response) => {
    seen?.push(`${response.status} ${JSON.stringify(response.headers)} ${response.text}`);
    return response;
  };
  if (kind === 'web-standard handler') {
    return {
      send: async (spec = {}) => {
        const { url, init } = describe(spec);
        const body = init.body;
        if (spec.slow) {
          init.body = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(body).subarray(0, 3));
            },
          });
          init.duplex = 'half';
        }
        const response = await handler(new Request(`http://endpoint.test${url}`, init), {
          clientIp: spec.ip ?? '198.51.100.7',
        });
        const text = await response.text();
        return record(parse(response.status, Object.fromEntries(response.headers), text));
      },
      close: async () => {},
    };
  }
  const node = toNodeHandler(handler);
  const server = createServer(async (req, res) => {
    if (!(await node(req, res))) {
      res.writeHead(404);
      res.end('not the endpoint');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    openConnections: () => new Promise((resolve) => server.getConnections((_, n) => resolve(n))),
    send: (spec = {}) =>
      new Promise((resolve, reject) => {
        const { url, init } = describe(spec);
        const headers = Object.fromEntries(init.headers);
        const body = init.body === undefined ? undefined : Buffer.from(init.body);
        if (body && !spec.slow && !spec.chunked) headers['content-length'] = String(body.length);
        const req = httpRequest(
          { host: '127.0.0.1', port, method: init.method, path: url, headers, agent: false },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(record(parse(res.statusCode, res.headers, text))));
          },
        );
        req.on('error', reject);
        spec.signal?.addEventListener('abort', () => req.destroy());
        if (spec.slow) req.write(body.subarray(0, 3));
        else req.end(body);
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function describe({
  method = 'POST',
  path = PATH,
  origin = ORIGIN,
  type = 'application/json',
  body = method === 'POST' ? {} : undefined,
  headers = {},
  signal,
}) {
  const all = new Headers(headers);
  if (origin !== null) all.set('origin', origin);
  if (type !== null && body !== undefined) all.set('content-type', type);
  const init = { method, headers: all, ...(signal ? { signal } : {}) };
  if (body !== undefined) {
    init.body =
      typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  }
  return { url: path, init };
}

function parse(status, headers, text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}
