// Rate limits per client and the cap on live conversations, with the shipped defaults, on both
// targets (the in-memory store; redis-store.test.mjs runs the same counters in Redis).
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';

import { startEndpoint } from './support/endpoint.mjs';
import { assertNoSecrets } from './support/secrets.mjs';
import { StubTavus } from './support/stub-tavus.mjs';
import { PATH, TARGETS } from './support/targets.mjs';
import { MemoryStore } from './support/server-module.mjs';

const sink = { logs: [], seen: [] };
const tavus = new StubTavus();
before(() => tavus.start());
after(async () => {
  await tavus.stop();
  assertNoSecrets([...sink.seen, ...sink.logs]);
});

/** Counts clients by a test header, so that both targets can speak for several clients. */
const byHeader = (request) => request.headers.get('x-test-client') ?? undefined;

for (const kind of TARGETS) {
  describe(`limits (${kind})`, () => {
    let app;
    const start = async (overrides = {}) => {
      await app?.close();
      app = await startEndpoint(kind, tavus, sink, { clientIp: byHeader, ...overrides });
    };
    beforeEach(async () => {
      tavus.reset();
      await start();
    });
    afterEach(() => app.close());

    const create = (client = '192.0.2.1') => app.send({ headers: { 'x-test-client': client } });

    it('cuts off 60 rapid creates from one client after 5, with Retry-After', async () => {
      const statuses = [];
      // The start of a minute, so the burst cannot straddle two windows.
      app.clock.advance(60_000 - (app.clock.now() % 60_000));
      let last;
      for (let i = 0; i < 60; i++) {
        last = await create();
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [...Array(5).fill(200), ...Array(55).fill(429)]);
      assert.equal(last.json.error.code, 'rate-limited');
      // Refused attempts count too: 60 in a row also fill the hour's 20, so that is the wait.
      const wait = Number(last.headers['retry-after']);
      assert.ok(wait > 60 && wait <= 3600, `Retry-After ${wait}`);
      assert.equal(tavus.creates.length, 5, 'the refused creates never reached Tavus');
    });

    it('counts each client on its own', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await create('192.0.2.1')).status, 200);
      assert.equal((await create('192.0.2.1')).status, 429);
      assert.equal((await create('192.0.2.2')).status, 200);
    });

    it('counts an IPv6 client by its /64', async () => {
      for (let i = 1; i <= 5; i++) assert.equal((await create(`2001:db8:1:2::${i}`)).status, 200);
      assert.equal((await create('2001:db8:1:2:ffff::9')).status, 429);
      assert.equal((await create('2001:db8:1:3::1')).status, 200);
    });

    it('lets a client in again when its minute is over, up to 20 an hour', async () => {
      await start({ clientIp: byHeader, limits: { liveConversations: 100 } });
      app.clock.advance(3_600_000 - (app.clock.now() % 3_600_000));
      const minutes = [];
      for (let minute = 0; minute < 5; minute++) {
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await create()).status);
        minutes.push(statuses.filter((status) => status === 200).length);
        app.clock.advance(60_000);
      }
      assert.deepEqual(minutes, [5, 5, 5, 5, 0]);
      const refused = await create();
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers['retry-after']) > 60, 'the hour window is the one to wait');
    });

    it('caps live conversations across clients, and frees a slot when one is ended', async () => {
      await start({ clientIp: byHeader, limits: { liveConversations: 2 } });
      const first = await create('192.0.2.1');
      assert.equal((await create('192.0.2.2')).status, 200);
      const full = await create('192.0.2.3');
      assert.equal(full.status, 429);
      assert.equal(full.json.error.code, 'too-many-conversations');
      assert.ok(Number(full.headers['retry-after']) <= 60);
      assert.equal(tavus.creates.length, 2);
      const { conversation_id: id, end_token } = first.json;
      const ended = await app.send({ path: `${PATH}/${id}/end`, body: { end_token } });
      assert.equal(ended.status, 200);
      assert.equal((await create('192.0.2.3')).status, 200);
    });

    it('frees a slot once its conversation must be over (max_call_duration and a minute)', async () => {
      await start({ clientIp: byHeader, limits: { liveConversations: 1 } });
      assert.equal((await create('192.0.2.1')).status, 200);
      app.clock.advance(600_000 + 59_000);
      assert.equal((await create('192.0.2.2')).status, 429);
      app.clock.advance(1_000);
      assert.equal((await create('192.0.2.2')).status, 200);
    });

    it('frees the slot of a create Tavus refused', async () => {
      await start({ clientIp: byHeader, limits: { liveConversations: 1 } });
      tavus.respond = (_request, res) => {
        res.writeHead(500);
        res.end();
        return true;
      };
      assert.equal((await create('192.0.2.1')).status, 502);
      tavus.respond = null;
      assert.equal((await create('192.0.2.2')).status, 200);
    });

    it('refuses every request while its store fails, rather than letting them through', async () => {
      const down = async () => {
        throw new Error('store unreachable');
      };
      await start({
        clientIp: byHeader,
        store: { increment: down, acquire: down, put: down, remove: down },
      });
      const response = await create();
      assert.equal(response.status, 500);
      assert.equal(response.json.error.code, 'internal-error');
      assert.equal(tavus.creates.length, 0);
    });

    it('takes its numbers from the configuration', async () => {
      await start({
        clientIp: byHeader,
        limits: { createsPerClient: [{ max: 2, windowSeconds: 10 }] },
      });
      assert.deepEqual(
        [await create(), await create(), await create()].map((r) => r.status),
        [200, 200, 429],
      );
      app.clock.advance(10_000);
      assert.equal((await create()).status, 200);
    });
  });
}

describe('MemoryStore', () => {
  it('forgets expired counters', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    assert.equal(await store.increment('a', 1_000), 1);
    assert.equal(await store.increment('a', 1_000), 2);
    now = 1_000;
    assert.equal(await store.increment('a', 1_000), 1);
  });

  it('adds to a set up to its limit, and tells when the first member expires', async () => {
    const store = new MemoryStore({ now: () => 0 });
    assert.deepEqual(await store.acquire('s', 'a', 2, 500, 0), { acquired: true });
    assert.deepEqual(await store.acquire('s', 'b', 2, 300, 0), { acquired: true });
    assert.deepEqual(await store.acquire('s', 'c', 2, 900, 0), { acquired: false, freeAt: 300 });
    assert.deepEqual(await store.acquire('s', 'c', 2, 900, 300), { acquired: true });
    await store.remove('s', 'a');
    await store.put('s', 'd', 1_000, 300);
    assert.deepEqual(await store.acquire('s', 'e', 2, 900, 300), { acquired: false, freeAt: 900 });
  });
});
