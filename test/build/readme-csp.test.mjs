// The README's Content-Security-Policies are the ones the strict-host browser tests serve
// (test/reliability/csp/policies.mjs), less directives that only refuse more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { DAILY_POLICY, STRICT_POLICY } from '../reliability/csp/policies.mjs';
import { REPO_ROOT } from '../e2e/support.mjs';

/** Directives the tests add to the README's policies: they only refuse more. */
const REFUSALS_ONLY = ['base-uri', 'object-src', 'form-action', 'frame-ancestors'];

/** A policy as `directive -> sorted sources`, from a header value or a README block. */
function parse(policy) {
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources.sort().join(' '));
  }
  return directives;
}

const withoutRefusals = (policy) =>
  new Map([...parse(policy)].filter(([name]) => !REFUSALS_ONLY.includes(name)));

/** The README's policy code blocks (fenced, plain, starting with default-src), in order. */
function readmePolicies() {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```\n(default-src[\s\S]*?)```/g)].map(([, block]) => parse(block));
}

describe('README Content-Security-Policy', () => {
  it('quotes the tested policies: offline simulator first, then the real service', () => {
    const [simulator, real, ...rest] = readmePolicies();
    assert.equal(rest.length, 0, 'two policy blocks');
    assert.deepEqual(simulator, withoutRefusals(STRICT_POLICY));
    assert.deepEqual(real, withoutRefusals(DAILY_POLICY));
  });
});
