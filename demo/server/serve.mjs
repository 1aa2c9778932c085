/**
 * The demo server: `npm start` (or `node demo/server/serve.mjs`). No dependencies.
 *
 * - `/`       the repository's `demo/` folder (except `demo/server/`)
 * - `/dist/`  the build output (`dist/cdn/tavus-conversation.js`, `dist/cdn/tavus-simulator.js`…)
 * - `/api/conversations` the conversation endpoint, i.e. the package's own server module
 *   (`tavus-conversation/server`, built into dist/lib/server), mounted only when TAVUS_API_KEY is
 *   set; without it, pages run offline with the simulated replica.
 *
 * Environment: PORT (default 8000), HOST (default 127.0.0.1), TAVUS_API_KEY, TAVUS_API_URL,
 * TAVUS_REPLICA_ID, TAVUS_PERSONA_ID, TAVUS_ALLOWED_ORIGINS (comma separated; default this
 * server's own origin), TAVUS_END_TOKEN_SECRET (default: a random one per process).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const API_PATH = '/api/conversations';
const SERVER_MODULE = join(REPO_ROOT, 'dist', 'lib', 'server', 'index.js');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Folders served, by URL prefix (longest first); `hidden` lists sub-folders never served. */
function mounts(root) {
  return [
    { prefix: '/dist/', dir: join(root, 'dist'), hidden: [] },
    { prefix: '/', dir: join(root, 'demo'), hidden: ['server'] },
  ];
}

/**
 * Starts the demo server. Resolves once it listens, with its URL and a `close()`; rejects with a
 * readable message when the port is taken (`error.code === 'EADDRINUSE'`) or the Tavus settings
 * are incomplete.
 *
 * @param {{ port?: number, host?: string, root?: string, env?: Record<string, string | undefined>,
 *           log?: (line: string) => void, fetch?: typeof fetch }} [options]
 */
export async function startServer(options = {}) {
  const env = options.env ?? process.env;
  const root = resolve(options.root ?? REPO_ROOT);
  const port = options.port ?? (env.PORT ? Number(env.PORT) : 8000);
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  const log = options.log ?? ((line) => console.log(line));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not ${JSON.stringify(env.PORT ?? port)}.`);
  }

  const apiKey = env.TAVUS_API_KEY?.trim();
  const listed = (env.TAVUS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  /** This server's own origins, known once it listens (PORT may be 0). */
  let ownOrigins = [];
  const endpoint = apiKey
    ? await mountEndpoint({
        env,
        apiKey,
        log,
        fetch: options.fetch,
        listed,
        ownOrigins: () => ownOrigins,
      })
    : null;
  const served = mounts(root);

  const server = createServer(async (req, res) => {
    try {
      if (endpoint && (await endpoint(req, res))) return;
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (pathname === API_PATH || pathname.startsWith(`${API_PATH}/`)) {
        sendJson(res, 501, {
          error: {
            code: 'tavus-not-configured',
            message:
              'This demo server runs offline: set TAVUS_API_KEY (and TAVUS_REPLICA_ID or TAVUS_PERSONA_ID) to create real conversations.',
          },
        });
        return;
      }
      await serveStatic(req, res, served);
    } catch (error) {
      log(`[serve] ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.end();
    }
  });

  // Slow clients: headers within 10 s, a whole request within 30 s (the endpoint cuts bodies at 10).
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise((resolvePromise, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        const busy = new Error(
          `Port ${port} is already in use. Stop the other server or choose another port, e.g. PORT=${port + 1} npm start`,
        );
        busy.code = 'EADDRINUSE';
        reject(busy);
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });

  const actualPort = server.address().port;
  ownOrigins = [...new Set([host, 'localhost', '127.0.0.1'])]
    .filter((name) => !['0.0.0.0', '::'].includes(name))
    .map((name) => `http://${name.includes(':') ? `[${name}]` : name}:${actualPort}`);
  const shownHost =
    host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${actualPort}/`;
  return {
    server,
    url,
    port: actualPort,
    tavus: endpoint !== null,
    /** The origins whose pages may use the endpoint. */
    allowedOrigins: listed.length > 0 ? listed : ownOrigins,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * The package's server module, configured from the environment, as Node's `(req, res)`.
 * Allowed origins default to this server's own; the end-token secret to a random one.
 */
async function mountEndpoint({ env, apiKey, log, fetch, listed, ownOrigins }) {
  if (!existsSync(SERVER_MODULE)) {
    throw new Error(
      'The conversation endpoint is built into dist/lib/server: run `npm run build` first (npm start does).',
    );
  }
  if (!env.TAVUS_REPLICA_ID && !env.TAVUS_PERSONA_ID) {
    throw new Error('TAVUS_API_KEY is set: set TAVUS_REPLICA_ID and/or TAVUS_PERSONA_ID too.');
  }
  const { createConversationHandler, toNodeHandler } = await import(
    pathToFileURL(SERVER_MODULE).href
  );
  let secret = env.TAVUS_END_TOKEN_SECRET?.trim();
  if (!secret) {
    secret = randomBytes(32).toString('hex');
    log(
      'TAVUS_END_TOKEN_SECRET is not set: end tokens are signed with a random secret made for this process, so they stop working when it restarts.',
    );
  }
  const handler = createConversationHandler({
    apiKey,
    endTokenSecret: secret,
    allowedOrigins: listed.length > 0 ? listed : (origin) => ownOrigins().includes(origin),
    conversation: {
      ...(env.TAVUS_REPLICA_ID ? { replicaId: env.TAVUS_REPLICA_ID } : {}),
      ...(env.TAVUS_PERSONA_ID ? { personaId: env.TAVUS_PERSONA_ID } : {}),
    },
    ...(env.TAVUS_API_URL ? { apiUrl: env.TAVUS_API_URL } : {}),
    basePath: API_PATH,
    log,
    ...(fetch ? { fetch } : {}),
  });
  return toNodeHandler(handler);
}

async function serveStatic(req, res, served) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const file = await resolveFile(req.url ?? '/', served);
  if (file === null) {
    sendText(res, 404, 'Not found');
    return;
  }
  if (file === 'redirect') {
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    res.writeHead(301, { location: `${pathname}/${search}`, 'cache-control': 'no-store' });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Maps a URL onto a file inside one of the served folders, or null. Refuses anything that could
 * leave the folder: `..` segments (also percent-encoded), backslashes, NUL bytes, dot-files, and
 * symbolic links that point outside.
 */
async function resolveFile(url, served) {
  let pathname;
  try {
    // Parse without normalising away `..` first: a raw `/../x` must not become `/x` silently.
    const raw = url.split(/[?#]/)[0] ?? '/';
    pathname = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!pathname.startsWith('/') || pathname.includes('\0') || pathname.includes('\\')) return null;
  const mount = served.find(
    (entry) => pathname.startsWith(entry.prefix) || `${pathname}/` === entry.prefix,
  );
  if (!mount) return null;
  if (`${pathname}/` === mount.prefix) return 'redirect';
  const relative = pathname.slice(mount.prefix.length);
  const segments = relative.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) {
    return null;
  }
  if (segments.length > 0 && mount.hidden.includes(segments[0])) return null;

  let base;
  try {
    base = await realpath(mount.dir);
  } catch {
    return null; // the folder does not exist (e.g. no build yet)
  }
  let target = join(base, ...segments);
  let info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return 'redirect';
    target = join(target, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info?.isFile()) return null;
  const real = await realpath(target).catch(() => null);
  if (real === null || (real !== base && !real.startsWith(base + sep))) return null;
  return { path: real, size: info.size };
}

function sendText(res, status, text) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendJson(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function main() {
  try {
    const { url, tavus, allowedOrigins, close } = await startServer();
    console.log(`tavus-conversation demo: ${url}`);
    if (tavus) {
      console.log(`Tavus API: TAVUS_API_KEY is set, POST ${API_PATH} creates real conversations.`);
      console.log(`Pages allowed to use it (TAVUS_ALLOWED_ORIGINS): ${allowedOrigins.join(', ')}`);
    } else {
      console.log('Offline: no TAVUS_API_KEY, the demo pages use the simulated replica.');
    }
    const stop = () => {
      void close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(error?.message ?? error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
