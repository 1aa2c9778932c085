// The abuse suite, part 2: ending conversations (forged, cross-id, cross-site end tokens), a
// create whose client left, and Tavus answers that carry the key. On both targets.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { startEndpoint } from './support/endpoint.mjs';
import { waitFor } from './support/manual-clock.mjs';
import { API_KEY, assertNoSecrets } from './support/secrets.mjs';
import { StubTavus, send } from './support/stub-tavus.mjs';
import { PATH, TARGETS } from './support/targets.mjs';

const sink = { logs: [], seen: [] };
const tavus = new StubTavus();
before(() => tavus.start());
after(async () => {
  await tavus.stop();
  assert.ok(sink.seen.length > 50 && sink.logs.length > 50, 'responses and logs were collected');
  assertNoSecrets([...sink.seen, ...sink.logs]);
});

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const endPath = (id) => `${PATH}/${id}/end`;
/** The refusal without its request id, to compare two refusals. */
const refusal = (response) => ({
  status: response.status,
  error: { ...response.json?.error, request_id: undefined },
  type: response.headers['content-type'],
});

for (const kind of TARGETS) {
  describe(`abuse of end (${kind})`, () => {
    let app;
    beforeEach(async () => {
      tavus.reset();
      app = await startEndpoint(kind, tavus, sink);
    });
    afterEach(() => app.close());

    async function create() {
      const response = await app.send();
      assert.equal(response.status, 200, response.text);
      return response.json;
    }

    it('ends a conversation with its own end token, once Tavus confirms', async () => {
      const { conversation_id: id, end_token: token } = await create();
      const response = await app.send({ path: endPath(id), body: { end_token: token } });
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(response.json, { conversation_id: id, status: 'ended' });
      assert.deepEqual(
        tavus.ends.map((r) => [r.method, r.path, r.key]),
        [['POST', `/v2/conversations/${id}/end`, API_KEY]],
      );
    });

    it('refuses a missing, forged or malformed end token with 403, never asking Tavus', async () => {
      const { conversation_id: id, end_token: token } = await create();
      const forged = [
        undefined,
        '',
        'x'.repeat(43),
        `${token.slice(0, -1)}${token.at(-1) === 'A' ? 'B' : 'A'}`,
        // The same bytes spelled another way (the last character's two unused bits).
        `${token.slice(0, -1)}${B64URL[B64URL.indexOf(token.at(-1)) ^ 1]}`,
        token.toUpperCase(),
        `${token}=`,
        { token },
        [token],
        12345,
      ];
      for (const end_token of forged) {
        const response = await app.send({ path: endPath(id), body: { end_token } });
        assert.equal(response.status, 403, JSON.stringify(end_token));
        assert.equal(response.json.error.code, 'forbidden');
      }
      assert.equal(tavus.ends.length, 0);
    });

    it("refuses one conversation's token for another (cross-id)", async () => {
      const first = await create();
      const second = await create();
      const response = await app.send({
        path: endPath(second.conversation_id),
        body: { end_token: first.end_token },
      });
      assert.equal(response.status, 403);
      assert.equal(tavus.ends.length, 0);
    });

    it('answers the same whether the id exists or not', async () => {
      const { conversation_id: id } = await create();
      const existing = await app.send({ path: endPath(id), body: { end_token: 'x'.repeat(43) } });
      const unknown = await app.send({
        path: endPath('c999999'),
        body: { end_token: 'x'.repeat(43) },
      });
      const invalid = await app.send({ path: endPath('%2e%2e%2fx'), body: { end_token: 'x' } });
      const long = await app.send({ path: endPath('c'.repeat(65)), body: {} });
      assert.equal(existing.status, 403);
      for (const other of [unknown, invalid, long])
        assert.deepEqual(refusal(other), refusal(existing));
      assert.equal(tavus.ends.length, 0);
    });

    it('refuses the right token from another site, with or without a JSON type', async () => {
      const { conversation_id: id, end_token: token } = await create();
      for (const type of ['application/json', 'text/plain']) {
        const response = await app.send({
          path: endPath(id),
          origin: 'https://evil.example',
          type,
          body: { end_token: token },
        });
        assert.equal(response.status, 403);
        assert.equal(response.json.error.code, 'origin-not-allowed');
      }
      const noCors = await app.send({
        path: endPath(id),
        type: 'text/plain',
        body: { end_token: token },
      });
      assert.equal(noCors.status, 415);
      assert.equal(tavus.ends.length, 0);
    });

    it('rate-limits a flood of forged ends (30 a minute per client)', async () => {
      const responses = [];
      for (let i = 0; i < 60; i++) {
        responses.push(
          await app.send({ path: endPath(`c${i}`), body: { end_token: 'y'.repeat(43) } }),
        );
      }
      assert.deepEqual(
        responses.map((r) => r.status),
        [...Array(30).fill(403), ...Array(30).fill(429)],
      );
      assert.ok(Number(responses.at(-1).headers['retry-after']) <= 60);
      assert.equal(tavus.ends.length, 0);
    });

    it('ends at once a conversation whose create finished after the client left', async () => {
      await app.close();
      app = await startEndpoint(kind, tavus, sink, { limits: { liveConversations: 1 } });
      const release = tavus.holdCreates();
      const client = new AbortController();
      const pending = app.send({ signal: client.signal }).catch((error) => error);
      await waitFor(() => tavus.creates.length === 1, 'the create to reach Tavus');
      client.abort();
      // The web handler learns it from request.signal at once, the Node adapter from the socket.
      if (kind === 'Node adapter') {
        await waitFor(async () => (await app.openConnections()) === 0, 'the server to see it');
      }
      release();
      await pending;
      await waitFor(() => tavus.ends.length === 1, 'the server to end the conversation');
      const [, id] = /^\/v2\/conversations\/(c\d+)\/end$/.exec(tavus.ends[0].path);
      assert.equal(tavus.ends[0].key, API_KEY);
      await waitFor(() =>
        sink.logs.some((line) => line.includes(`ended abandoned conversation=${id}`)),
      );
      // Its live slot is free again: one live conversation allowed, and a new one is created.
      const next = await app.send();
      assert.equal(next.status, 200);
    });

    it("never passes on Tavus' error text, even when it echoes the key", async () => {
      const echoes = [API_KEY, API_KEY.toUpperCase(), API_KEY.slice(4, 20), `key=${API_KEY}`];
      for (const [i, echo] of echoes.entries()) {
        const status = [400, 401, 500, 429][i];
        tavus.respond = (_request, res) => {
          send(
            res,
            status,
            { error: `Invalid key ${echo}`, message: echo },
            { 'retry-after': echo },
          );
          return true;
        };
        const response = await app.send();
        assert.ok(response.status >= 500, response.text);
        assert.ok(!response.text.includes('Invalid key'), response.text);
      }
    });
  });
}
