// RedisStore against a real redis-server, with the standard `redis` client from npm: its
// operations, and two endpoint instances that share it (the reason it exists).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createClient } from 'redis';

import { startEndpoint } from './support/endpoint.mjs';
import { REDIS_MISSING, startRedis } from './support/redis.mjs';
import { assertNoSecrets } from './support/secrets.mjs';
import { RedisStore } from './support/server-module.mjs';
import { StubTavus } from './support/stub-tavus.mjs';
import { PATH } from './support/targets.mjs';

const redis = await startRedis();
if (!redis) console.log(`# RedisStore tests skipped: ${REDIS_MISSING}`);

describe('RedisStore', { skip: redis ? false : REDIS_MISSING }, () => {
  let client;
  let prefix;
  let runs = 0;
  before(async () => {
    client = await createClient({ url: redis.url }).connect();
  });
  after(async () => {
    await client?.quit();
    await redis?.stop();
  });
  beforeEach(() => {
    prefix = `test-${process.pid}-${++runs}:`;
  });

  it('counts with a lifetime, so that counters go by themselves', async () => {
    const store = new RedisStore(client, { prefix });
    assert.equal(await store.increment('a', 60_000), 1);
    assert.equal(await store.increment('a', 60_000), 2);
    const ttl = await client.pTTL(`${prefix}a`);
    assert.ok(ttl > 0 && ttl <= 60_000, `PTTL ${ttl}`);
    assert.equal(await store.increment('b', 60_000), 1);
  });

  it('adds to a set up to its limit, tells when the first member expires, and drops expired ones', async () => {
    const store = new RedisStore(client, { prefix });
    const now = 1_000_000;
    assert.deepEqual(await store.acquire('s', 'a', 2, now + 500, now), { acquired: true });
    assert.deepEqual(await store.acquire('s', 'b', 2, now + 300, now), { acquired: true });
    assert.deepEqual(await store.acquire('s', 'a', 2, now + 600, now), { acquired: true });
    assert.deepEqual(await store.acquire('s', 'c', 2, now + 900, now), {
      acquired: false,
      freeAt: now + 300,
    });
    assert.deepEqual(await store.acquire('s', 'c', 2, now + 900, now + 300), { acquired: true });
    await store.remove('s', 'a');
    await store.put('s', 'd', now + 1_000, now + 300);
    assert.deepEqual(await store.acquire('s', 'e', 2, now + 900, now + 300), {
      acquired: false,
      freeAt: now + 900,
    });
    const ttl = await client.pTTL(`${prefix}s`);
    assert.ok(ttl > 0 && ttl <= 700, `the set lives as long as its last member: ${ttl}`);
  });

  describe('shared by two endpoint instances', () => {
    const sink = { logs: [], seen: [] };
    const tavus = new StubTavus();
    before(() => tavus.start());
    after(async () => {
      await tavus.stop();
      assertNoSecrets([...sink.seen, ...sink.logs]);
    });
    beforeEach(() => tavus.reset());

    async function twoInstances(limits) {
      const store = new RedisStore(client, { prefix });
      const options = { store, limits, clientIp: () => '192.0.2.50' };
      const a = await startEndpoint('Node adapter', tavus, sink, options);
      const b = await startEndpoint('web-standard handler', tavus, sink, options);
      return { a, b, close: () => Promise.all([a.close(), b.close()]) };
    }

    it('holds the per-client limit across both', async () => {
      const { a, b, close } = await twoInstances({ liveConversations: 100 });
      try {
        const statuses = [];
        for (let i = 0; i < 8; i++) statuses.push((await (i % 2 ? b : a).send()).status);
        assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
        assert.equal(tavus.creates.length, 5);
      } finally {
        await close();
      }
    });

    it('holds the live cap across both, and an end on one frees a slot for the other', async () => {
      const { a, b, close } = await twoInstances({ liveConversations: 2 });
      try {
        const first = await a.send();
        assert.equal(first.status, 200);
        assert.equal((await b.send()).status, 200);
        const full = await a.send();
        assert.equal(full.status, 429);
        assert.equal(full.json.error.code, 'too-many-conversations');
        const { conversation_id: id, end_token } = first.json;
        const ended = await b.send({ path: `${PATH}/${id}/end`, body: { end_token } });
        assert.equal(ended.status, 200, 'one secret: the other instance accepts the token');
        assert.equal((await a.send()).status, 200);
      } finally {
        await close();
      }
    });
  });
});
