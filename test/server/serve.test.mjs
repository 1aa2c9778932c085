// The demo's static server: files, content types, traversal, the optional Tavus endpoint, the CLI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../demo/server/serve.mjs';

const SERVE = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo/server/serve.mjs');

function get(base, path, method = 'GET', body, extraHeaders = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolvePromise, reject) => {
    const headers = {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...extraHeaders,
    };
    // `path` is sent exactly as written: no client-side normalisation of `..`.
    const req = request({ hostname, port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

describe('demo server', () => {
  let root;
  let app;

  before(async () => {
    const base = await mkdtemp(join(tmpdir(), 'tavus-serve-'));
    root = join(base, 'repo');
    await mkdir(join(root, 'demo', 'floating'), { recursive: true });
    await mkdir(join(root, 'demo', 'server'), { recursive: true });
    await mkdir(join(root, 'dist', 'cdn'), { recursive: true });
    await writeFile(join(root, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
    await writeFile(
      join(root, 'demo', 'floating', 'index.html'),
      '<!doctype html><title>Floating</title>',
    );
    await writeFile(join(root, 'demo', 'demo.css'), 'body { margin: 0 }');
    await writeFile(join(root, 'demo', '.env'), 'SECRET=1');
    await writeFile(join(root, 'demo', 'server', 'serve.mjs'), '// server code');
    await writeFile(join(root, 'dist', 'cdn', 'tavus-conversation.js'), 'export {};');
    await writeFile(join(root, 'dist', 'cdn', 'tavus-conversation.js.map'), '{}');
    await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
    await writeFile(join(base, 'outside.txt'), 'OUTSIDE');
    await symlink(join(base, 'outside.txt'), join(root, 'demo', 'link.txt'));
    app = await startServer({ port: 0, root, env: {}, log: () => {} });
  });

  after(async () => {
    await app?.close();
    if (root) await rm(dirname(root), { recursive: true, force: true });
  });

  it('serves demo/ at / with index.html, the right type and no caching', async () => {
    const response = await get(app.url, '/');
    assert.equal(response.status, 200);
    assert.equal(response.text, '<!doctype html><title>Demo</title>');
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    const css = await get(app.url, '/demo.css?v=1');
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  it('serves dist/ at /dist/', async () => {
    const js = await get(app.url, '/dist/cdn/tavus-conversation.js');
    assert.equal(js.status, 200);
    assert.equal(js.text, 'export {};');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    const map = await get(app.url, '/dist/cdn/tavus-conversation.js.map');
    assert.equal(map.headers['content-type'], 'application/json; charset=utf-8');
  });

  it('redirects a folder without its slash, then serves its index', async () => {
    const redirect = await get(app.url, '/floating?x=1');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/floating/?x=1');
    const page = await get(app.url, '/floating/');
    assert.match(page.text, /Floating/);
  });

  it('answers HEAD without a body, and 405 to other methods', async () => {
    const head = await get(app.url, '/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.equal(
      head.headers['content-length'],
      String('<!doctype html><title>Demo</title>'.length),
    );
    const put = await get(app.url, '/', 'PUT');
    assert.equal(put.status, 405);
    assert.equal(put.headers.allow, 'GET, HEAD');
  });

  it('answers 404 for missing files', async () => {
    const response = await get(app.url, '/nope.html');
    assert.equal(response.status, 404);
    assert.equal(response.headers['cache-control'], 'no-store');
  });

  it('never serves files outside its folders', async () => {
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/dist/../secret.txt',
      '/dist/..%2f..%2fsecret.txt',
      '/dist/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00../secret.txt',
      '/demo/../../secret.txt',
      '/link.txt',
      '/.env',
      '/server/serve.mjs',
    ];
    for (const path of attempts) {
      const response = await get(app.url, path);
      assert.equal(response.status, 404, path);
      assert.ok(!/SECRET|OUTSIDE|server code/.test(response.text), path);
    }
  });

  it('says clearly that the Tavus endpoint is off without TAVUS_API_KEY', async () => {
    const response = await get(app.url, '/api/conversations', 'POST', {});
    assert.equal(response.status, 501);
    const body = JSON.parse(response.text);
    assert.equal(body.error.code, 'tavus-not-configured');
    assert.match(body.error.message, /TAVUS_API_KEY/);
  });

  it('mounts the Tavus endpoint when TAVUS_API_KEY is set, for its own origin only', async () => {
    const requests = [];
    const tavus = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        requests.push({ path: req.url, key: req.headers['x-api-key'], body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            conversation_id: 'c42',
            conversation_url: 'https://tavus.daily.co/c42',
          }),
        );
      });
    });
    await new Promise((done) => tavus.listen(0, '127.0.0.1', done));
    const lines = [];
    const withKey = await startServer({
      port: 0,
      root,
      log: (line) => lines.push(line),
      env: {
        TAVUS_API_KEY: 'secret-key',
        TAVUS_API_URL: `http://127.0.0.1:${tavus.address().port}`,
        TAVUS_REPLICA_ID: 'r1',
      },
    });
    try {
      assert.equal(withKey.tavus, true);
      assert.deepEqual(withKey.allowedOrigins, [
        `http://127.0.0.1:${withKey.port}`,
        `http://localhost:${withKey.port}`,
      ]);
      const own = new URL(withKey.url).origin;
      const response = await get(withKey.url, '/api/conversations', 'POST', {}, { origin: own });
      assert.equal(response.status, 200, response.text);
      const body = JSON.parse(response.text);
      assert.equal(body.conversation_url, 'https://tavus.daily.co/c42');
      assert.equal(body.conversation_id, 'c42');
      assert.match(body.end_token, /^[\w-]{43}$/);
      assert.deepEqual(
        requests.map((r) => [r.path, r.key, r.body.replica_id, r.body.require_auth]),
        [['/v2/conversations', 'secret-key', 'r1', true]],
      );
      const foreign = await get(
        withKey.url,
        '/api/conversations',
        'POST',
        {},
        {
          origin: 'https://elsewhere.example',
        },
      );
      assert.equal(foreign.status, 403);
      const none = await get(withKey.url, '/api/conversations', 'POST', {});
      assert.equal(none.status, 403);
      assert.equal(requests.length, 1);
      assert.ok(lines.some((line) => /TAVUS_END_TOKEN_SECRET is not set/.test(line)));
      assert.ok(!lines.join('\n').includes('secret-key'));
    } finally {
      await withKey.close();
      await new Promise((done) => tavus.close(done));
    }
  });

  it('takes the allowed origins from TAVUS_ALLOWED_ORIGINS', async () => {
    const withKey = await startServer({
      port: 0,
      root,
      log: () => {},
      env: {
        TAVUS_API_KEY: 'secret-key',
        TAVUS_PERSONA_ID: 'p1',
        TAVUS_ALLOWED_ORIGINS: ' https://a.example , https://b.example ',
        TAVUS_END_TOKEN_SECRET: 'x'.repeat(40),
      },
    });
    try {
      assert.deepEqual(withKey.allowedOrigins, ['https://a.example', 'https://b.example']);
      const own = new URL(withKey.url).origin;
      const response = await get(withKey.url, '/api/conversations', 'POST', {}, { origin: own });
      assert.equal(response.status, 403);
    } finally {
      await withKey.close();
    }
  });

  it('refuses to start with a key but no replica or persona', async () => {
    await assert.rejects(
      startServer({ port: 0, root, env: { TAVUS_API_KEY: 'k' }, log: () => {} }),
      /TAVUS_REPLICA_ID/,
    );
  });

  it('says so when the port is busy', async () => {
    await assert.rejects(startServer({ port: app.port, root, env: {}, log: () => {} }), (error) => {
      assert.equal(error.code, 'EADDRINUSE');
      assert.match(error.message, new RegExp(`Port ${app.port} is already in use`));
      return true;
    });
  });

  describe('command line', () => {
    /** Runs serve.mjs until it prints its URL (or exits); returns its output. */
    function run(env) {
      return new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, [SERVE], {
          env: { PATH: process.env.PATH, PORT: '0', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        const timer = setTimeout(() => {
          child.kill();
          reject(new Error(`no URL printed: ${output}`));
        }, 5000);
        const onData = (chunk) => {
          output += chunk;
          // The last line it prints when it runs: offline, or the allowed origins.
          if (/Offline:|Pages allowed to use it.*\n/.test(output)) child.kill();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolvePromise({ output, code });
        });
      });
    }

    it('prints the URL and that it runs offline', async () => {
      const { output } = await run({});
      assert.match(output, /tavus-conversation demo: http:\/\/localhost:\d+\//);
      assert.match(output, /Offline: no TAVUS_API_KEY, the demo pages use the simulated replica\./);
    });

    it('prints that the Tavus endpoint is mounted, never the key', async () => {
      const { output } = await run({ TAVUS_API_KEY: 'very-secret-key', TAVUS_PERSONA_ID: 'p1' });
      assert.match(
        output,
        /TAVUS_API_KEY is set, POST \/api\/conversations creates real conversations/,
      );
      assert.match(output, /TAVUS_END_TOKEN_SECRET is not set/);
      assert.match(
        output,
        /Pages allowed to use it \(TAVUS_ALLOWED_ORIGINS\): http:\/\/127\.0\.0\.1:\d+, http:\/\/localhost:\d+/,
      );
      assert.ok(!output.includes('very-secret-key'));
    });

    it('exits with a clear message when the port is busy', async () => {
      const { output, code } = await run({ PORT: String(app.port), HOST: '127.0.0.1' });
      assert.equal(code, 1);
      assert.match(output, new RegExp(`Port ${app.port} is already in use`));
    });
  });
});
