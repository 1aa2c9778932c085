// Importing the built package on a server (server-side rendering, prerendering) does not throw:
// Lit's server build stands in for the DOM, and the element registers in its registry.
// (`npm run test:examples` does the same from each example app's installed package.)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

import { REPO_ROOT, assertBuilt } from '../e2e/support.mjs';

const entry = (...path) => pathToFileURL(join(REPO_ROOT, 'dist', 'lib', ...path)).href;

describe('The package in Node', () => {
  it('imports without a DOM, main entry and simulator', async () => {
    assertBuilt();
    assert.equal(typeof globalThis.document, 'undefined', 'a plain Node process');
    const main = await import(entry('index.js'));
    const simulator = await import(entry('simulator', 'index.js'));
    assert.equal(typeof main.TavusConversation, 'function');
    assert.equal(typeof simulator.createSimulatedCallFactory, 'function');
    assert.equal(globalThis.customElements.get('tavus-conversation'), main.TavusConversation);
  });
});
