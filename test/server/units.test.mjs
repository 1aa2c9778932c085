// The endpoint's small parts on their own: the key redactor (the last guard on every log line
// and response) and how client addresses are counted.
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

import './support/server-module.mjs'; // says to build first when dist/lib/server is missing

const SERVER = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/lib/server');
const load = (name) => import(pathToFileURL(join(SERVER, name)).href);
const { createRedactor } = await load('redact.js');
const { clientKey } = await load('client-ip.js');

describe('createRedactor', () => {
  const KEY = 'tvs_live_0123456789abcdef';
  const redact = createRedactor([KEY]);

  it('hides a secret whole, in another case, and in part (8 characters or more)', () => {
    assert.equal(redact(`key=${KEY};`), 'key=[redacted];');
    assert.equal(redact(`key=${KEY.toUpperCase()}`), 'key=[redacted]');
    assert.equal(redact('…456789abcd…'), '…[redacted]…');
    assert.equal(redact(`${KEY.slice(0, 9)} and ${KEY.slice(-9)}`), '[redacted] and [redacted]');
  });

  it('leaves text without 8 of its characters in a row alone', () => {
    const text = '{"conversation_id":"c123","message":"tvs_liv and 0123456 are too short"}';
    assert.equal(redact(text), text);
  });
});

describe('clientKey', () => {
  it('counts IPv4 and IPv4-mapped addresses as themselves', () => {
    assert.equal(clientKey('192.0.2.1'), '192.0.2.1');
    assert.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:0:1::/64';
    assert.equal(clientKey('2001:db8::1:0:0:0:1'), key);
    assert.equal(clientKey('2001:0DB8:0000:0001:ffff:ffff:ffff:ffff'), key);
    assert.equal(clientKey('2001:db8:0:1::9%eth0'), key);
    assert.notEqual(clientKey('2001:db8:0:2::1'), key);
  });

  it('puts clients without an address in one shared count', () => {
    assert.equal(clientKey(undefined), 'unknown');
    assert.equal(clientKey('  '), 'unknown');
  });
});
