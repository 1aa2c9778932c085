// The abuse suite, part 1: requests an attacker sends to the create route (other origins, no
// origin, bodies that are not JSON, too large, malformed or too slow, floods). Each runs against
// the web-standard handler and the Node adapter; none may reach the stub Tavus API.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { startEndpoint } from './support/endpoint.mjs';
import { waitFor } from './support/manual-clock.mjs';
import { assertNoSecrets } from './support/secrets.mjs';
import { StubTavus } from './support/stub-tavus.mjs';
import { ORIGIN, PATH, TARGETS } from './support/targets.mjs';

const sink = { logs: [], seen: [] };
const tavus = new StubTavus();
before(() => tavus.start());
after(async () => {
  await tavus.stop();
  assert.ok(sink.seen.length > 50 && sink.logs.length > 50, 'responses and logs were collected');
  assertNoSecrets([...sink.seen, ...sink.logs]);
});

for (const kind of TARGETS) {
  describe(`abuse of create (${kind})`, () => {
    let app;
    beforeEach(async () => {
      tavus.reset();
      // Rate limits have their own tests: here every request gets as far as its own fault.
      app = await startEndpoint(kind, tavus, sink, {
        limits: { createsPerClient: [{ max: 10_000, windowSeconds: 60 }] },
      });
    });
    afterEach(async () => {
      await app.close();
      assert.equal(tavus.creates.length, 0, 'no refused request reached Tavus');
    });

    const refused = (response, status, code) => {
      assert.equal(response.status, status, response.text);
      assert.equal(response.json?.error?.code, code, response.text);
      assert.match(response.json.error.request_id, /^[0-9a-f]{12}$/);
    };

    it('refuses another origin with 403 and no CORS header, whatever the body', async () => {
      for (const type of ['application/json', 'text/plain', null]) {
        const response = await app.send({ origin: 'https://evil.example', type, body: '{}' });
        refused(response, 403, 'origin-not-allowed');
        assert.equal(response.headers['access-control-allow-origin'], undefined);
      }
    });

    it('refuses a request without Origin, or with the opaque origin "null"', async () => {
      refused(await app.send({ origin: null }), 403, 'origin-not-allowed');
      refused(await app.send({ origin: 'null' }), 403, 'origin-not-allowed');
    });

    it('checks the origin before anything else (body, size, method of reading)', async () => {
      const huge = 'x'.repeat(100_000);
      refused(
        await app.send({ origin: null, type: 'text/plain', body: huge }),
        403,
        'origin-not-allowed',
      );
      refused(
        await app.send({ origin: 'https://evil.example', body: '{' }),
        403,
        'origin-not-allowed',
      );
    });

    it('answers an allowed origin with its CORS header', async () => {
      const response = await app.send({ type: 'text/plain', body: '{}' });
      assert.equal(response.headers['access-control-allow-origin'], ORIGIN);
    });

    it('refuses text/plain, form and missing content types with 415 (no-cors and form posts)', async () => {
      for (const type of [
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        null,
      ]) {
        refused(await app.send({ type, body: '{"a":1}' }), 415, 'unsupported-media-type');
      }
    });

    it('accepts application/json with a UTF-8 charset and +json types', async () => {
      tavus.respond = (_request, res) => {
        res.writeHead(500);
        res.end();
        return true;
      };
      for (const type of ['application/json; charset=utf-8', 'application/vnd.site+json']) {
        const response = await app.send({ type });
        assert.equal(response.status, 502, type);
      }
      assert.equal(tavus.creates.length, 2);
      tavus.requests = []; // reached Tavus on purpose
    });

    it('refuses a body over the limit with 413, declared or streamed', async () => {
      const big = JSON.stringify({ padding: 'x'.repeat(17 * 1024) });
      refused(await app.send({ body: big }), 413, 'body-too-large');
      refused(await app.send({ body: big, chunked: true }), 413, 'body-too-large');
      refused(
        await app.send({ body: big, headers: { 'content-length': String(big.length) } }),
        413,
        'body-too-large',
      );
    });

    it('refuses malformed JSON and JSON that is not an object with 400', async () => {
      for (const body of ['{"a":', 'nope', '[]', '"text"', '42', 'null', '{"a":1}{"b":2}']) {
        refused(await app.send({ body }), 400, 'invalid-json');
      }
    });

    it('refuses bytes that are not UTF-8 with 400', async () => {
      refused(
        await app.send({ body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }),
        400,
        'invalid-json',
      );
    });

    it('cuts a slow body off after 10 s of the clock with 408', async () => {
      const pending = app.send({ slow: true, body: '{"conversation_name":"slow"}' });
      await waitFor(() => app.clock.pending === 1, 'the body deadline');
      app.clock.advance(9_999);
      assert.equal(app.clock.pending, 1, 'still waiting just before the deadline');
      app.clock.advance(1);
      const response = await pending;
      refused(response, 408, 'body-timeout');
      if (kind === 'Node adapter') {
        assert.equal(response.headers.connection, 'close');
        await waitFor(async () => (await app.openConnections()) === 0, 'the socket to close');
      }
    });

    it('cuts off a flood of 100 slow bodies at once, leaving no connection open', async () => {
      const pending = Array.from({ length: 100 }, () => app.send({ slow: true, body: '{"a":1}' }));
      await waitFor(() => app.clock.pending === 100, 'every body deadline');
      app.clock.advance(10_000);
      for (const response of await Promise.all(pending)) refused(response, 408, 'body-timeout');
      if (kind === 'Node adapter') {
        await waitFor(async () => (await app.openConnections()) === 0, 'every socket to close');
      }
    });

    it('refuses a flood of 300 cross-origin creates, none of which reaches Tavus', async () => {
      const responses = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          app.send({ origin: i % 2 ? 'https://evil.example' : null, type: 'text/plain' }),
        ),
      );
      for (const response of responses) refused(response, 403, 'origin-not-allowed');
    });

    it('answers 405 with Allow to other methods (GET tells a page the endpoint is there)', async () => {
      const response = await app.send({ method: 'GET', origin: null });
      refused(response, 405, 'method-not-allowed');
      assert.equal(response.headers.allow, 'POST, OPTIONS');
    });

    it('answers an allowed preflight with 204 and refuses any other', async () => {
      const ok = await app.send({ method: 'OPTIONS', body: undefined });
      assert.equal(ok.status, 204);
      assert.equal(ok.headers['access-control-allow-origin'], ORIGIN);
      assert.equal(ok.headers['access-control-allow-methods'], 'POST');
      assert.equal(ok.headers['access-control-allow-headers'], 'content-type');
      const other = await app.send({
        method: 'OPTIONS',
        origin: 'https://evil.example',
        body: undefined,
      });
      refused(other, 403, 'origin-not-allowed');
    });

    it('leaves paths that are not its own alone', async () => {
      const response = await app.send({ path: `${PATH}/c1/other` });
      assert.equal(response.status, 404);
      if (kind === 'Node adapter') assert.equal(response.text, 'not the endpoint');
      else assert.equal(response.json.error.code, 'not-found');
    });

    it('logs request ids, routes and codes, never a body', async () => {
      await app.send({ body: '{"conversation_name":"BODY-MARKER"', type: 'application/json' });
      const line = sink.logs.at(-1);
      assert.match(line, /^\[tavus-conversation\] [0-9a-f]{12} POST create 400 invalid-json/);
      assert.ok(!sink.logs.some((entry) => entry.includes('BODY-MARKER')));
    });
  });
}
