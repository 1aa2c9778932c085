/**
 * Reference implementation of the `conversation-endpoint` contract of `<tavus-conversation>`,
 * backed by the Tavus REST API. No dependencies: Node's `http` request/response objects and
 * `fetch` (Node 18+).
 *
 *   POST <basePath>            body: JSON from the element (optional `conversation_name`,
 *                              `conversational_context`, `custom_greeting`, `audio_only`,
 *                              `properties.language`)
 *                              → POST {apiUrl}/v2/conversations with `x-api-key`
 *                              ← 200 { conversation_url, conversation_id, meeting_token? }
 *   POST <basePath>/:id/end    → POST {apiUrl}/v2/conversations/:id/end
 *                              ← 200 { conversation_id, status: 'ended' }
 *
 * Errors are JSON `{ error: { code, message } }`:
 *   400 invalid-json | invalid-field | invalid-conversation-id | tavus-rejected
 *   403 forbidden (the `authorize` hook said no)      404 not-found (Tavus does not know the id)
 *   405 method-not-allowed   413 body-too-large   415 unsupported-media-type
 *   429 rate-limited (Retry-After passed on)
 *   502 tavus-unauthorized (the server's key was refused) | tavus-unavailable (Tavus 5xx)
 *       | tavus-unreachable (network) | bad-upstream-response
 *   504 tavus-timeout
 * The API key is sent only to Tavus: it never appears in a response or a log line, and it is
 * scrubbed from any Tavus error text that is passed on.
 *
 * Only the fields above are taken from the browser. Everything that costs money or reaches
 * other data (`callback_url`, `test_mode`, `document_ids`, `memory_stores`, durations…) belongs
 * in `conversationDefaults`, which the server owner controls.
 *
 * Porting to serverless. The handler takes Node's (req, res) and resolves to `true` when it
 * answered, `false` when the path is not its own, so it drops into most hosts unchanged:
 *
 *   // Express / Connect middleware
 *   const tavus = createTavusEndpoint({ apiKey: process.env.TAVUS_API_KEY, ... });
 *   app.use(async (req, res, next) => { if (!(await tavus(req, res))) next(); });
 *
 *   // Vercel / Netlify Node functions (file api/conversations/[...].js): a body the platform
 *   // already parsed (`req.body`) is used as is.
 *   export default (req, res) => tavus(req, res).then((handled) => handled || res.status(404).end());
 *
 *   // Fetch-style runtimes (Cloudflare Workers, Deno, Next.js route handlers) have no Node
 *   // req/res: keep this file's routing and error mapping, and adapt the two ends, i.e. read
 *   // `await request.json()` instead of the request stream and return
 *   // `new Response(JSON.stringify(body), { status, headers })` instead of `res.end()`.
 *
 * In production, also decide who may end which conversation: `authorize(req, { action,
 * conversationId })` can check the caller's session (for example that it created the id).
 */

const DEFAULT_API_URL = 'https://tavusapi.com';
const DEFAULT_BASE_PATH = '/api/conversations';
const MAX_BODY_BYTES = 64 * 1024;
/** Tavus conversation ids are short alphanumerics (`c123456`); this is generous but path-safe. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Fields the browser may set, with their type and maximum length. */
const ALLOWED_FIELDS = {
  conversation_name: { type: 'string', max: 200 },
  conversational_context: { type: 'string', max: 20_000 },
  custom_greeting: { type: 'string', max: 1_000 },
  audio_only: { type: 'boolean' },
};
const ALLOWED_PROPERTIES = {
  language: { type: 'string', max: 40 },
};

class EndpointError extends Error {
  constructor(status, code, message, headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/**
 * @param {object} options
 * @param {string} options.apiKey Tavus API key (server side only).
 * @param {string} [options.apiUrl] Tavus API origin; default https://tavusapi.com.
 * @param {string} [options.replicaId] `replica_id` of new conversations.
 * @param {string} [options.personaId] `persona_id` of new conversations.
 * @param {object} [options.conversationDefaults] Server-controlled body fields of new
 *   conversations (merged under the browser's allowed fields; `properties` merged too).
 * @param {string} [options.basePath] Where the endpoint lives; default /api/conversations.
 * @param {number} [options.timeoutMs] Time allowed to Tavus per request; default 15000.
 * @param {typeof fetch} [options.fetch] Injected for tests; default global fetch.
 * @param {(req: import('node:http').IncomingMessage, request: { action: 'create' | 'end', conversationId?: string }) => boolean | Promise<boolean>} [options.authorize]
 * @param {((line: string) => void) | null} [options.log] One line per request; default console.log.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>}
 */
export function createTavusEndpoint(options) {
  const {
    apiKey,
    apiUrl = DEFAULT_API_URL,
    replicaId,
    personaId,
    conversationDefaults = {},
    basePath = DEFAULT_BASE_PATH,
    timeoutMs = 15_000,
    fetch: fetchImpl = globalThis.fetch,
    authorize,
    log = (line) => console.log(line),
  } = options ?? {};
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new Error('createTavusEndpoint: apiKey is required (set TAVUS_API_KEY)');
  }
  if (!replicaId && !personaId) {
    throw new Error(
      'createTavusEndpoint: set a replicaId and/or a personaId (TAVUS_REPLICA_ID, TAVUS_PERSONA_ID)',
    );
  }
  if (typeof fetchImpl !== 'function') throw new Error('createTavusEndpoint: no fetch available');
  const origin = String(apiUrl).replace(/\/+$/, '');
  const base = `/${String(basePath).replace(/^\/+|\/+$/g, '')}`;

  /** Removes the key from text that came back from Tavus, in case it was echoed. */
  const scrub = (text) => String(text).split(apiKey).join('[redacted]');
  const write = (line) => {
    if (log) log(scrub(line));
  };

  async function callTavus(path, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetchImpl(`${origin}${path}`, {
        method: 'POST',
        headers: {
          'x-api-key': apiKey,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (controller.signal.aborted) {
        throw new EndpointError(
          504,
          'tavus-timeout',
          `Tavus did not answer within ${timeoutMs} ms.`,
        );
      }
      const reason = error?.cause?.code ?? error?.code ?? error?.message ?? 'network error';
      throw new EndpointError(
        502,
        'tavus-unreachable',
        `Could not reach Tavus (${scrub(reason)}).`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Maps a Tavus HTTP error onto ours. */
  function tavusError(response, text) {
    const detail = tavusMessage(text);
    const said = detail ? `: ${scrub(detail)}` : '.';
    const status = response.status;
    if (status === 401 || status === 403) {
      return new EndpointError(
        502,
        'tavus-unauthorized',
        'Tavus refused the server’s API key. Check TAVUS_API_KEY on the server.',
      );
    }
    if (status === 404)
      return new EndpointError(404, 'not-found', `Tavus does not know this conversation${said}`);
    if (status === 429) {
      const retryAfter = response.headers.get('retry-after');
      return new EndpointError(
        429,
        'rate-limited',
        `Tavus is rate limiting requests${said} Try again later.`,
        retryAfter ? { 'retry-after': retryAfter } : {},
      );
    }
    if (status >= 500)
      return new EndpointError(
        502,
        'tavus-unavailable',
        `Tavus had a problem (HTTP ${status})${said}`,
      );
    return new EndpointError(
      400,
      'tavus-rejected',
      `Tavus refused the request (HTTP ${status})${said}`,
    );
  }

  async function create(req) {
    const input = await readJson(req);
    const body = {
      ...conversationDefaults,
      properties: { enable_closed_captions: true, ...conversationDefaults.properties },
    };
    if (replicaId) body.replica_id = replicaId;
    if (personaId) body.persona_id = personaId;
    for (const [name, rule] of Object.entries(ALLOWED_FIELDS)) {
      if (input[name] !== undefined) body[name] = checkField(name, input[name], rule);
    }
    if (input.properties !== undefined) {
      if (!isPlainObject(input.properties)) {
        throw new EndpointError(400, 'invalid-field', '`properties` must be an object.');
      }
      for (const [name, rule] of Object.entries(ALLOWED_PROPERTIES)) {
        const value = input.properties[name];
        if (value !== undefined)
          body.properties[name] = checkField(`properties.${name}`, value, rule);
      }
    }
    const { response, text } = await callTavus('/v2/conversations', body);
    if (!response.ok) throw tavusError(response, text);
    const data = parseJson(text);
    if (
      !isPlainObject(data) ||
      typeof data.conversation_url !== 'string' ||
      !/^https:\/\//.test(data.conversation_url) ||
      typeof data.conversation_id !== 'string'
    ) {
      throw new EndpointError(
        502,
        'bad-upstream-response',
        'Tavus answered without a conversation_url and conversation_id.',
      );
    }
    const result = {
      conversation_url: data.conversation_url,
      conversation_id: data.conversation_id,
    };
    if (typeof data.meeting_token === 'string' && data.meeting_token) {
      result.meeting_token = data.meeting_token;
    }
    return result;
  }

  async function end(conversationId) {
    const { response, text } = await callTavus(
      `/v2/conversations/${encodeURIComponent(conversationId)}/end`,
      undefined,
    );
    if (!response.ok) throw tavusError(response, text);
    return { conversation_id: conversationId, status: 'ended' };
  }

  return async function handleTavusEndpoint(req, res) {
    const route = matchRoute(req.url ?? '/', base);
    if (!route) return false;
    const started = Date.now();
    let status = 200;
    let label = route.action;
    try {
      if (req.method !== 'POST') {
        throw new EndpointError(405, 'method-not-allowed', `Use POST for ${route.path}.`, {
          allow: 'POST',
        });
      }
      if (route.action === 'end') {
        if (!CONVERSATION_ID.test(route.conversationId ?? '')) {
          throw new EndpointError(
            400,
            'invalid-conversation-id',
            'The conversation id must be 1–64 letters, digits, "-" or "_".',
          );
        }
        label = `end ${route.conversationId}`;
      }
      if (authorize) {
        const allowed = await authorize(req, {
          action: route.action,
          conversationId: route.conversationId,
        });
        if (!allowed) throw new EndpointError(403, 'forbidden', 'This request is not allowed.');
      }
      const result =
        route.action === 'create' ? await create(req) : await end(route.conversationId);
      if (route.action === 'create') label = `create → ${result.conversation_id}`;
      sendJson(res, 200, result);
    } catch (error) {
      const failure =
        error instanceof EndpointError
          ? error
          : new EndpointError(500, 'internal-error', 'The conversation endpoint failed.');
      if (!(error instanceof EndpointError))
        write(`[tavus] unexpected error: ${error?.stack ?? error}`);
      status = failure.status;
      label = `${label} ✗ ${failure.code}: ${failure.message}`;
      sendJson(
        res,
        failure.status,
        { error: { code: failure.code, message: scrub(failure.message) } },
        failure.headers,
      );
    }
    write(`[tavus] ${req.method} ${route.path} ${status} ${label} (${Date.now() - started} ms)`);
    return true;
  };
}

/** Which of our routes `url` is, or null. The id is returned decoded, unvalidated. */
function matchRoute(url, base) {
  let pathname;
  try {
    pathname = new URL(url, 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (pathname === base || pathname === `${base}/`) return { action: 'create', path: base };
  if (!pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length + 1).replace(/\/$/, '');
  const match = /^([^/]+)\/end$/.exec(rest);
  if (!match) return null;
  let conversationId;
  try {
    conversationId = decodeURIComponent(match[1]);
  } catch {
    conversationId = '';
  }
  return { action: 'end', path: `${base}/:id/end`, conversationId };
}

async function readJson(req) {
  // Hosts such as Express (with a body parser), Vercel and Netlify may have parsed it already.
  if (req.body !== undefined && req.body !== null) {
    if (typeof req.body === 'string' || Buffer.isBuffer(req.body))
      return parseBody(String(req.body));
    if (isPlainObject(req.body)) return req.body;
    throw new EndpointError(400, 'invalid-json', 'The request body must be a JSON object.');
  }
  const type = String(req.headers['content-type'] ?? '');
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new EndpointError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new EndpointError(
        413,
        'body-too-large',
        `The request body is over ${MAX_BODY_BYTES} bytes.`,
      );
    }
    chunks.push(chunk);
  }
  return parseBody(Buffer.concat(chunks).toString('utf8'));
}

function parseBody(text) {
  if (text.trim() === '') return {};
  const value = parseJson(text);
  if (value === undefined)
    throw new EndpointError(400, 'invalid-json', 'The request body is not valid JSON.');
  if (!isPlainObject(value))
    throw new EndpointError(400, 'invalid-json', 'The request body must be a JSON object.');
  return value;
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(name, value, rule) {
  if (typeof value !== rule.type) {
    throw new EndpointError(400, 'invalid-field', `\`${name}\` must be a ${rule.type}.`);
  }
  if (rule.type === 'string' && value.length > rule.max) {
    throw new EndpointError(
      400,
      'invalid-field',
      `\`${name}\` is longer than ${rule.max} characters.`,
    );
  }
  return value;
}

/** The human part of a Tavus error body (`{error}` or `{message}`), shortened. */
function tavusMessage(text) {
  const data = parseJson(text);
  let message = '';
  if (isPlainObject(data)) {
    const candidate = data.error ?? data.message ?? data.detail;
    message =
      typeof candidate === 'string' ? candidate : candidate ? JSON.stringify(candidate) : '';
  } else if (typeof text === 'string' && !/^\s*</.test(text)) {
    message = text; // plain text, but never an HTML error page
  }
  message = message.replace(/\s+/g, ' ').trim();
  return message.length > 300 ? `${message.slice(0, 299)}…` : message;
}

function sendJson(res, status, body, headers = {}) {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}
