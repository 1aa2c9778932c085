// The acceptance run: the demo server as `npm start` runs it (node demo/server/serve.mjs,
// after the build), with TAVUS_API_KEY set and TAVUS_API_URL pointing at a stub Tavus API.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { waitFor } from './support/manual-clock.mjs';
import { API_KEY, assertNoSecrets } from './support/secrets.mjs';
import { StubTavus } from './support/stub-tavus.mjs';

const SERVE = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo/server/serve.mjs');

describe('npm start with TAVUS_API_KEY, against a stub Tavus API', () => {
  const tavus = new StubTavus();
  const seen = [];
  let output = '';
  let child;
  let base;
  let origin;

  before(async () => {
    await tavus.start();
    child = spawn(process.execPath, [SERVE], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        TAVUS_API_KEY: API_KEY,
        TAVUS_API_URL: tavus.url,
        TAVUS_REPLICA_ID: 'r-demo',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    await waitFor(() => /Pages allowed to use it.*\n/.test(output), 'the server to start');
    const port = /http:\/\/localhost:(\d+)\//.exec(output)[1];
    base = `http://127.0.0.1:${port}`;
    origin = `http://localhost:${port}`;
  });

  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await tavus.stop();
    assert.ok(seen.length > 60, 'responses were collected');
    assert.ok(output.split('\n').length > 60, 'log lines were collected');
    assertNoSecrets([...seen, output], [API_KEY]);
  });

  /** One request to the demo server, from a page on `origin` unless told otherwise. */
  function post(path, { body = '{}', type = 'application/json', from = origin } = {}) {
    return new Promise((done, fail) => {
      const headers = { 'content-length': Buffer.byteLength(body) };
      if (type) headers['content-type'] = type;
      if (from) headers.origin = from;
      const req = request(`${base}${path}`, { method: 'POST', headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          seen.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${text}`);
          done({ status: res.statusCode, headers: res.headers, json: JSON.parse(text || 'null') });
        });
      });
      req.on('error', fail);
      req.end(body);
    });
  }

  let created;

  it('creates a private conversation for an allowed-origin JSON request', async () => {
    const response = await post('/api/conversations');
    assert.equal(response.status, 200);
    created = response.json;
    for (const field of ['conversation_url', 'conversation_id', 'meeting_token', 'end_token']) {
      assert.equal(typeof created[field], 'string', field);
    }
    assert.equal(tavus.creates.length, 1);
    assert.equal(tavus.creates[0].body.require_auth, true);
    assert.equal(tavus.creates[0].body.max_participants, 2);
    assert.equal(tavus.creates[0].body.replica_id, 'r-demo');
    assert.equal(tavus.creates[0].key, API_KEY);
  });

  it('never lets a refused request reach Tavus', async () => {
    const before = tavus.requests.length;
    const id = created.conversation_id;
    const refused = [
      [post('/api/conversations', { from: 'https://evil.example' }), 403],
      [post('/api/conversations', { from: null }), 403],
      [post('/api/conversations', { type: 'text/plain' }), 415],
      [post('/api/conversations', { type: 'application/x-www-form-urlencoded', body: 'a=1' }), 415],
      [post('/api/conversations', { body: `{"x":"${'y'.repeat(20_000)}"}` }), 413],
      [post('/api/conversations', { body: '{"x":' }), 400],
      [post(`/api/conversations/${id}/end`, { body: '{"end_token":"forged"}' }), 403],
      [post(`/api/conversations/${id}/end`, { body: '{}' }), 403],
      [
        post(`/api/conversations/${id}/end`, {
          from: 'https://evil.example',
          body: JSON.stringify({ end_token: created.end_token }),
        }),
        403,
      ],
    ];
    for (const [pending, status] of refused) assert.equal((await pending).status, status);
    assert.equal(tavus.requests.length, before);
  });

  it('cuts off 60 rapid creates from one client', async () => {
    const before = tavus.creates.length;
    const responses = await Promise.all(
      Array.from({ length: 60 }, () => post('/api/conversations')),
    );
    const statuses = responses.map((response) => response.status);
    const accepted = statuses.filter((status) => status === 200).length;
    // 5 a minute, of which the first create and the malformed one took 2; a new minute may
    // begin during the burst (this server runs on the real clock) and let 5 more in.
    assert.ok(accepted >= 1 && accepted <= 8, `${accepted} accepted`);
    assert.equal(statuses.filter((status) => status === 429).length, 60 - accepted);
    assert.ok(responses.find((r) => r.status === 429).headers['retry-after']);
    assert.equal(tavus.creates.length, before + accepted);
  });

  it('ends a conversation with its token only', async () => {
    const id = created.conversation_id;
    const response = await post(`/api/conversations/${id}/end`, {
      body: JSON.stringify({ end_token: created.end_token }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(
      tavus.ends.map((r) => [r.path, r.key]),
      [[`/v2/conversations/${id}/end`, API_KEY]],
    );
  });

  it('logs each request with an id, never the key', () => {
    assert.match(output, /\[tavus-conversation\] [0-9a-f]{12} POST create 200 conversation=c1/);
    assert.match(output, /\[tavus-conversation\] [0-9a-f]{12} POST create 403 origin-not-allowed/);
    assert.ok(!output.toLowerCase().includes(API_KEY.toLowerCase()));
  });
});
