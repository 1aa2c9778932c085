import type { ConversationHandler } from './handler.js';

// The few members of Node's http objects the adapters use, so that this module needs no Node
// types and ships as plain ESM. Express' req/res are the same objects with more on them.

/** Node's `http.IncomingMessage` (a readable stream of Uint8Array chunks). */
export interface NodeRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  readableEnded?: boolean;
  socket?: { remoteAddress?: string; destroy(): void } | null;
  /** A body a framework parsed already (Express' body parsers, Next.js API routes). */
  body?: unknown;
  /** Express' client address (it honours the app's `trust proxy` setting). */
  ip?: string;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  pause(): unknown;
  resume(): unknown;
}

/** Node's `http.ServerResponse`. */
export interface NodeResponse {
  headersSent?: boolean;
  writableFinished?: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
  on(event: 'close' | 'finish', listener: () => void): unknown;
}

/**
 * Node's `(req, res)` for the handler: resolves to `true` when it answered, `false` when the
 * path is not the endpoint's (so a server can go on to its other routes).
 *
 *   http.createServer(async (req, res) => { if (!(await tavus(req, res))) serveTheRest(req, res); })
 */
export function toNodeHandler(
  handler: ConversationHandler,
): (req: NodeRequest, res: NodeResponse) => Promise<boolean> {
  return async (req, res) => {
    if (!handler.handles(req.url ?? '/')) return false;
    const aborted = new AbortController();
    // A client that goes away before its answer (closed tab, cancelled fetch) aborts the request.
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const response = await handler(toRequest(req, aborted.signal), {
      clientIp: req.ip ?? req.socket?.remoteAddress,
    });
    const unread = hasBody(req) && !req.readableEnded;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    // A body left unread (refused early, too large, too slow) is not waited for: the connection
    // closes once the answer is out.
    if (unread) headers['connection'] = 'close';
    const text = await response.text();
    if (unread) {
      const socket = req.socket;
      res.on('finish', () => socket?.destroy());
    }
    if (!res.headersSent) res.writeHead(response.status, headers);
    res.end(text);
    return true;
  };
}

/** Express-style middleware: answers the endpoint's routes, passes every other to `next()`. */
export function toExpressMiddleware(
  handler: ConversationHandler,
): (req: NodeRequest, res: NodeResponse, next: (error?: unknown) => void) => void {
  const node = toNodeHandler(handler);
  return (req, res, next) => {
    node(req, res).then(
      (handled) => handled || next(),
      (error: unknown) => next(error),
    );
  };
}

/** Whether the request announced a body (a length above zero, or chunks). */
function hasBody(req: NodeRequest): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The web Request for a Node request, its body streamed (or re-encoded when already parsed). */
function toRequest(req: NodeRequest, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header a web Request refuses carries nothing the endpoint reads.
    }
  }
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal });
  const parsed = req.body !== undefined && req.readableEnded === true;
  const body = parsed ? encodeParsed(req.body, headers) : streamBody(req);
  return new Request(url, { method, headers, signal, body, duplex: 'half' } as RequestInit);
}

/**
 * A body a framework already read: sent on as the bytes it stands for. The content type stays
 * the request's own, so a form or text body a framework parsed is still refused as not JSON.
 */
function encodeParsed(body: unknown, headers: Headers): Uint8Array {
  headers.delete('content-length');
  if (body instanceof Uint8Array) return body;
  return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Node's request stream as a web stream that reads only as fast as the handler asks. */
function streamBody(req: NodeRequest): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk));
          req.pause();
        });
        req.on('end', () => {
          if (!done) controller.close();
          done = true;
        });
        req.on('error', (error) => {
          if (!done) controller.error(error);
          done = true;
        });
        req.on('close', () => {
          if (!done) controller.error(new Error('The client closed the request.'));
          done = true;
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        // Stop reading without destroying the socket: the refusal still has to go out.
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}
