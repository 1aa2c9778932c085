// The secrets the tests configure, and the scan that proves none of them ever came out.
import assert from 'node:assert/strict';

export const API_KEY = 'tvs_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
export const END_SECRET = 'end-token-secret-for-tests-0123456789abcdef';

/** Every 8-character run of each secret, lower-cased: what a partial leak would contain. */
function fragments(secrets) {
  const runs = new Set();
  for (const secret of secrets) {
    const lower = secret.toLowerCase();
    for (let i = 0; i + 8 <= lower.length; i++) runs.add(lower.slice(i, i + 8));
  }
  return runs;
}

/** Fails if any text holds a secret, in any case, whole or in part (8 characters or more). */
export function assertNoSecrets(texts, secrets = [API_KEY, END_SECRET]) {
  const runs = fragments(secrets);
  for (const text of texts) {
    const lower = String(text).toLowerCase();
    for (let i = 0; i + 8 <= lower.length; i++) {
      const run = lower.slice(i, i + 8);
      assert.ok(!runs.has(run), `a secret's characters "${run}" appear in: ${text.slice(0, 200)}`);
    }
  }
}
