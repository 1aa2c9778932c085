// The Node adapter and the Express-style middleware behind frameworks that parse bodies first:
// a parsed body is still checked as what it was sent as (a form or text stays refused).
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { CONVERSATION } from './support/endpoint.mjs';
import { ManualClock } from './support/manual-clock.mjs';
import { API_KEY, END_SECRET, assertNoSecrets } from './support/secrets.mjs';
import { createConversationHandler, toExpressMiddleware } from './support/server-module.mjs';
import { StubTavus } from './support/stub-tavus.mjs';
import { ORIGIN, PATH } from './support/targets.mjs';

/** Body parsers as Express' are: each reads the stream when the type is its own. */
const parsers = {
  json: async (req) => {
    if (!/json/.test(req.headers['content-type'] ?? '')) return;
    req.body = JSON.parse(await readAll(req));
  },
  urlencoded: async (req) => {
    req.body ??= {}; // body-parser sets an empty object even when the type is not its own
    if (!/urlencoded/.test(req.headers['content-type'] ?? '')) return;
    req.body = Object.fromEntries(new URLSearchParams(await readAll(req)));
  },
  text: async (req) => {
    if (!/text\/plain/.test(req.headers['content-type'] ?? '')) return;
    req.body = await readAll(req);
  },
};

async function readAll(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

const sink = { logs: [], seen: [] };
const tavus = new StubTavus();
before(() => tavus.start());
after(async () => {
  await tavus.stop();
  assertNoSecrets([...sink.seen, ...sink.logs]);
});

describe('Express-style middleware', () => {
  let server;
  let url;
  let nextCalls;
  let ip;

  beforeEach(async () => {
    tavus.reset();
    nextCalls = [];
    ip = '192.0.2.10';
    const middleware = toExpressMiddleware(
      createConversationHandler({
        apiKey: API_KEY,
        endTokenSecret: END_SECRET,
        allowedOrigins: [ORIGIN],
        apiUrl: tavus.url,
        conversation: CONVERSATION,
        clock: new ManualClock(),
        log: (line) => sink.logs.push(line),
      }),
    );
    server = createServer(async (req, res) => {
      req.ip = ip;
      for (const parse of [parsers.urlencoded, parsers.json, parsers.text]) await parse(req);
      middleware(req, res, (error) => {
        nextCalls.push(error);
        res.writeHead(404);
        res.end('next');
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  function post(path, type, body) {
    return new Promise((resolve, reject) => {
      const headers = {
        origin: ORIGIN,
        'content-type': type,
        'content-length': Buffer.byteLength(body),
      };
      const req = request(`${url}${path}`, { method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          sink.seen.push(`${res.statusCode} ${JSON.stringify(res.headers)} ${text}`);
          resolve({
            status: res.statusCode,
            text,
            json: text.startsWith('{') ? JSON.parse(text) : undefined,
          });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('creates from a JSON body the framework parsed', async () => {
    const response = await post(PATH, 'application/json', '{"persona_id":"p-evil"}');
    assert.equal(response.status, 200, response.text);
    assert.equal(tavus.creates[0].body.persona_id, CONVERSATION.personaId);
    assert.deepEqual(nextCalls, []);
  });

  it('ends with a token in a JSON body the framework parsed', async () => {
    const { json } = await post(PATH, 'application/json', '{}');
    const response = await post(
      `${PATH}/${json.conversation_id}/end`,
      'application/json',
      JSON.stringify({ end_token: json.end_token }),
    );
    assert.equal(response.status, 200, response.text);
    assert.equal(tavus.ends.length, 1);
  });

  it('still refuses a form or text body that a parser turned into an object or a string', async () => {
    const form = await post(PATH, 'application/x-www-form-urlencoded', 'end_token=x&a=1');
    assert.equal(form.status, 415);
    const text = await post(PATH, 'text/plain', '{"a":1}');
    assert.equal(text.status, 415);
    assert.equal(tavus.creates.length, 0);
  });

  it('refuses a parsed body over the size limit', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(20_000) });
    const response = await post(PATH, 'application/json', big);
    assert.equal(response.status, 413);
    assert.equal(tavus.creates.length, 0);
  });

  it("counts clients by Express' req.ip", async () => {
    for (let i = 0; i < 5; i++)
      assert.equal((await post(PATH, 'application/json', '{}')).status, 200);
    assert.equal((await post(PATH, 'application/json', '{}')).status, 429);
    ip = '192.0.2.11';
    assert.equal((await post(PATH, 'application/json', '{}')).status, 200);
  });

  it('passes every other path to next()', async () => {
    const response = await post('/elsewhere', 'application/json', '{}');
    assert.equal(response.text, 'next');
    assert.deepEqual(nextCalls, [undefined]);
  });
});
