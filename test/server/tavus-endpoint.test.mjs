// The conversation endpoint against a local fake of the Tavus REST API.
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { createTavusEndpoint } from '../../demo/server/tavus-endpoint.mjs';

const API_KEY = 'tvs_test_key_5f3a9c0d1e2b';

/** A fake Tavus API: records requests, answers with `respond` (settable per test). */
class FakeTavus {
  requests = [];
  respond = (_request, res) => json(res, 200, {});

  async start() {
    this.server = createServer(async (req, res) => {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded = {
        method: req.method,
        path: req.url,
        headers: req.headers,
        text,
        body: text ? JSON.parse(text) : undefined,
      };
      this.requests.push(recorded);
      this.respond(recorded, res);
    });
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Serves `handler` on a random port; unhandled paths answer 404 "unhandled". */
async function serve(handler, prepare = () => {}) {
  const server = createServer(async (req, res) => {
    prepare(req);
    if (!(await handler(req, res))) {
      res.writeHead(404);
      res.end('unhandled');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A raw request (no URL normalisation, unlike fetch). */
function raw(base, method, path, body, headers = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let data;
        try {
          data = JSON.parse(text);
        } catch {
          data = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, data });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const post = (base, path, body, headers = { 'content-type': 'application/json' }) =>
  raw(
    base,
    'POST',
    path,
    body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers,
  );

describe('tavus-endpoint', () => {
  const tavus = new FakeTavus();
  let app;
  let logs = [];
  const allLogs = [];
  /** Every response body and header seen, to check the key never leaks. */
  const seen = [];

  before(async () => {
    await tavus.start();
  });
  after(async () => {
    await tavus.stop();
    const everything = [...seen, ...allLogs].join('\n');
    assert.ok(seen.length > 10, 'responses were collected');
    assert.ok(allLogs.length > 10, 'log lines were collected');
    assert.ok(
      !everything.includes(API_KEY),
      'the API key never appears in a response or a log line',
    );
  });

  async function start(options = {}) {
    const handler = createTavusEndpoint({
      apiKey: API_KEY,
      apiUrl: tavus.url,
      replicaId: 'r79e1c033f',
      personaId: 'p5317866',
      log: (line) => {
        logs.push(line);
        allLogs.push(line);
      },
      ...options,
    });
    app = await serve(handler, options.prepare);
    return app;
  }

  async function call(method, path, body, headers) {
    const response =
      method === 'POST'
        ? await post(app.url, path, body, headers)
        : await raw(app.url, method, path);
    seen.push(response.text, JSON.stringify(response.headers));
    return response;
  }

  afterEach(async () => {
    await app?.close();
    app = undefined;
    tavus.requests = [];
    tavus.respond = (_request, res) => json(res, 200, {});
  });

  describe('POST /api/conversations', () => {
    it('creates a conversation with the key, the ids and only the allowed fields', async () => {
      await start();
      tavus.respond = (_request, res) =>
        json(res, 200, {
          conversation_id: 'c123456',
          conversation_url: 'https://tavus.daily.co/c123456',
          status: 'active',
          meeting_token: 'tok_abc',
          callback_url: 'https://example.com/hook',
        });
      const response = await call('POST', '/api/conversations', {
        conversational_context: 'The user is shopping for coffee.',
        custom_greeting: 'Hi!',
        conversation_name: 'Demo',
        audio_only: false,
        properties: { language: 'english', max_call_duration: 99999 },
        replica_id: 'r-attacker',
        callback_url: 'https://attacker.example/',
        test_mode: true,
        document_ids: ['d1'],
      });
      assert.equal(response.status, 200);
      assert.deepEqual(response.data, {
        conversation_url: 'https://tavus.daily.co/c123456',
        conversation_id: 'c123456',
        meeting_token: 'tok_abc',
      });
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.headers['content-type'], /^application\/json/);

      assert.equal(tavus.requests.length, 1);
      const [sent] = tavus.requests;
      assert.equal(sent.method, 'POST');
      assert.equal(sent.path, '/v2/conversations');
      assert.equal(sent.headers['x-api-key'], API_KEY);
      assert.match(sent.headers['content-type'], /^application\/json/);
      assert.deepEqual(sent.body, {
        replica_id: 'r79e1c033f',
        persona_id: 'p5317866',
        conversational_context: 'The user is shopping for coffee.',
        custom_greeting: 'Hi!',
        conversation_name: 'Demo',
        audio_only: false,
        properties: { enable_closed_captions: true, language: 'english' },
      });
    });

    it('accepts an empty body and merges server defaults', async () => {
      await start({
        replicaId: undefined,
        conversationDefaults: {
          callback_url: 'https://example.com/hook',
          properties: { max_call_duration: 600 },
        },
      });
      tavus.respond = (_request, res) =>
        json(res, 201, { conversation_id: 'c1', conversation_url: 'https://tavus.daily.co/c1' });
      const response = await call('POST', '/api/conversations', undefined, {});
      assert.equal(response.status, 200);
      assert.deepEqual(response.data, {
        conversation_url: 'https://tavus.daily.co/c1',
        conversation_id: 'c1',
      });
      assert.deepEqual(tavus.requests[0].body, {
        callback_url: 'https://example.com/hook',
        persona_id: 'p5317866',
        properties: { enable_closed_captions: true, max_call_duration: 600 },
      });
    });

    it('rejects invalid JSON and wrong field types without calling Tavus', async () => {
      await start();
      const invalid = await call('POST', '/api/conversations', '{not json');
      assert.equal(invalid.status, 400);
      assert.equal(invalid.data.error.code, 'invalid-json');
      const array = await call('POST', '/api/conversations', '[1, 2]');
      assert.equal(array.data.error.code, 'invalid-json');
      const wrongType = await call('POST', '/api/conversations', { custom_greeting: 42 });
      assert.equal(wrongType.status, 400);
      assert.deepEqual(wrongType.data, {
        error: { code: 'invalid-field', message: '`custom_greeting` must be a string.' },
      });
      const tooLong = await call('POST', '/api/conversations', {
        custom_greeting: 'x'.repeat(1001),
      });
      assert.equal(tooLong.data.error.code, 'invalid-field');
      const notJson = await call('POST', '/api/conversations', 'a=b', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      assert.equal(notJson.status, 415);
      const huge = await call('POST', '/api/conversations', { pad: 'y'.repeat(70_000) });
      assert.equal(huge.status, 413);
      assert.equal(tavus.requests.length, 0);
    });

    it('passes on why Tavus refused with 400', async () => {
      await start();
      tavus.respond = (_request, res) =>
        json(res, 400, { error: 'User has reached maximum concurrent conversations' });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 400);
      assert.deepEqual(response.data, {
        error: {
          code: 'tavus-rejected',
          message:
            'Tavus refused the request (HTTP 400): User has reached maximum concurrent conversations',
        },
      });
    });

    it('turns a refused key (401) into a server-side error that names the setting, not the key', async () => {
      await start();
      tavus.respond = (_request, res) =>
        json(res, 401, { message: `Invalid access token ${API_KEY}` });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 502);
      assert.equal(response.data.error.code, 'tavus-unauthorized');
      assert.match(response.data.error.message, /TAVUS_API_KEY/);
    });

    it('scrubs the key from any Tavus text it passes on', async () => {
      await start();
      tavus.respond = (_request, res) => json(res, 400, { error: `bad key ${API_KEY} given` });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(
        response.data.error.message,
        'Tavus refused the request (HTTP 400): bad key [redacted] given',
      );
    });

    it('keeps 429 and its Retry-After', async () => {
      await start();
      tavus.respond = (_request, res) =>
        json(res, 429, { message: 'Too many requests' }, { 'retry-after': '30' });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 429);
      assert.equal(response.headers['retry-after'], '30');
      assert.equal(response.data.error.code, 'rate-limited');
    });

    it('maps a Tavus 500 to 502 tavus-unavailable', async () => {
      await start();
      tavus.respond = (_request, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><body>Internal Server Error</body></html>');
      };
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 502);
      assert.deepEqual(response.data, {
        error: { code: 'tavus-unavailable', message: 'Tavus had a problem (HTTP 500).' },
      });
    });

    it('answers 502 tavus-unreachable when Tavus cannot be reached', async () => {
      const closed = createServer();
      await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = closed.address().port;
      await new Promise((resolve) => closed.close(resolve));
      await start({ apiUrl: `http://127.0.0.1:${port}` });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 502);
      assert.equal(response.data.error.code, 'tavus-unreachable');
      assert.match(response.data.error.message, /ECONNREFUSED/);
    });

    it('answers 504 tavus-timeout when Tavus does not answer in time', async () => {
      await start({ timeoutMs: 100 });
      tavus.respond = () => {}; // never answers
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 504);
      assert.deepEqual(response.data, {
        error: { code: 'tavus-timeout', message: 'Tavus did not answer within 100 ms.' },
      });
    });

    it('answers 502 when Tavus succeeds without a usable conversation', async () => {
      await start();
      tavus.respond = (_request, res) =>
        json(res, 200, { conversation_url: 'javascript:alert(1)', conversation_id: 'c1' });
      const response = await call('POST', '/api/conversations', {});
      assert.equal(response.status, 502);
      assert.equal(response.data.error.code, 'bad-upstream-response');
    });

    it('uses a body the host already parsed (Express, Vercel)', async () => {
      await start({
        prepare: (req) => {
          req.body = { custom_greeting: 'Parsed by the host' };
        },
      });
      tavus.respond = (_request, res) =>
        json(res, 200, { conversation_id: 'c2', conversation_url: 'https://tavus.daily.co/c2' });
      const response = await call('POST', '/api/conversations', undefined, {});
      assert.equal(response.status, 200);
      assert.equal(tavus.requests[0].body.custom_greeting, 'Parsed by the host');
    });

    it('refuses other methods with 405 and Allow: POST', async () => {
      await start();
      const response = await call('GET', '/api/conversations');
      assert.equal(response.status, 405);
      assert.equal(response.headers.allow, 'POST');
      assert.equal(response.data.error.code, 'method-not-allowed');
    });

    it('asks the authorize hook first', async () => {
      const asked = [];
      await start({
        authorize: (_req, request) => {
          asked.push(request);
          return false;
        },
      });
      const response = await call('POST', '/api/conversations/c9/end');
      assert.equal(response.status, 403);
      assert.deepEqual(asked, [{ action: 'end', conversationId: 'c9' }]);
      assert.equal(tavus.requests.length, 0);
    });
  });

  describe('POST /api/conversations/:id/end', () => {
    it('ends the conversation at Tavus', async () => {
      await start();
      tavus.respond = (_request, res) => {
        res.writeHead(200);
        res.end();
      };
      const response = await call('POST', '/api/conversations/c123456/end');
      assert.equal(response.status, 200);
      assert.deepEqual(response.data, { conversation_id: 'c123456', status: 'ended' });
      assert.equal(tavus.requests.length, 1);
      assert.equal(tavus.requests[0].method, 'POST');
      assert.equal(tavus.requests[0].path, '/v2/conversations/c123456/end');
      assert.equal(tavus.requests[0].headers['x-api-key'], API_KEY);
      assert.equal(tavus.requests[0].text, '');
    });

    it('maps an unknown conversation to 404', async () => {
      await start();
      tavus.respond = (_request, res) => json(res, 404, { error: 'Conversation not found' });
      const response = await call('POST', '/api/conversations/c000/end');
      assert.equal(response.status, 404);
      assert.equal(response.data.error.code, 'not-found');
    });

    it('refuses ids that could change the Tavus path', async () => {
      await start();
      for (const id of [
        '..%2F..%2Fv2%2Fpersonas',
        'a%20b',
        'c1%3Fx%3D1',
        '%E0%A4%A',
        'x'.repeat(65),
      ]) {
        const response = await call('POST', `/api/conversations/${id}/end`);
        assert.equal(response.status, 400, id);
        assert.equal(response.data.error.code, 'invalid-conversation-id', id);
      }
      // `..` and `%2E%2E` are dot segments, resolved by URL parsing before routing: the result
      // is not this endpoint's path at all.
      for (const id of ['..', '%2E%2E']) {
        const dotted = await call('POST', `/api/conversations/${id}/end`);
        assert.equal(dotted.text, 'unhandled', id);
      }
      assert.equal(tavus.requests.length, 0);
    });
  });

  it('leaves other paths to the host', async () => {
    await start();
    for (const path of [
      '/',
      '/api/other',
      '/api/conversations/c1',
      '/api/conversations/c1/start',
      '/api/conversationsX',
    ]) {
      const response = await call('POST', path, {});
      assert.equal(response.status, 404, path);
      assert.equal(response.text, 'unhandled', path);
    }
  });

  it('logs one line per request, without the key', async () => {
    logs = [];
    await start();
    tavus.respond = (_request, res) => json(res, 401, { message: API_KEY });
    await call('POST', '/api/conversations', {});
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^\[tavus\] POST \/api\/conversations 502 create ✗ tavus-unauthorized/);
  });

  it('needs a key and a replica or persona', () => {
    assert.throws(() => createTavusEndpoint({ replicaId: 'r1' }), /apiKey is required/);
    assert.throws(() => createTavusEndpoint({ apiKey: 'k' }), /replicaId and\/or a personaId/);
  });
});
