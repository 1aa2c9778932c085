// The built CDN files, read from disk (npm test builds first): the one-tag entry stays small and
// the simulator never reaches a page that did not ask for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import { REPO_ROOT, assertBuilt } from '../e2e/support.mjs';

const CDN = join(REPO_ROOT, 'dist', 'cdn');
const ENTRY = 'tavus-conversation.js';
/**
 * The budget for what every page pays before a conversation starts. The entry holds only
 * what the idle screen and the floating launcher need (the element, its session, Lit, the
 * strings). New UI shown during or after a call goes to the chunk loaded on start or intent:
 * a region in `view/call-layer.ts` (rendered through `callRegion()` where the layout puts it,
 * its sheet joining the shadow root when the chunk loads), or a sub-element imported by
 * `conversation-parts.ts`. Only what must show before any click (the idle screen, the launcher,
 * the error screen when the chunk itself could not load) belongs in the entry.
 */
const ENTRY_BUDGET = 20 * 1024;
/** Markup only a call shows: in a lazily loaded chunk, never in the entry. */
const CALL_ONLY_MARKUP = ['part="controls"', 'part="captions"', 'part="speaking-indicator"'];
/** A line the simulated replica says: in its own file, and in no file of the element. */
const SIMULATOR_LINE = 'Goodbye! It was lovely talking with you.';

/** The entry and every chunk it can load, found by following its relative imports. */
function reachableFrom(entry) {
  const files = new Map();
  const visit = (name) => {
    if (files.has(name)) return;
    const text = readFileSync(join(CDN, name), 'utf8');
    files.set(name, text);
    for (const [, next] of text.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) visit(next);
  };
  visit(entry);
  return files;
}

describe('CDN build', () => {
  it(`keeps the entry within ${ENTRY_BUDGET / 1024} KB gzipped`, () => {
    assertBuilt();
    const size = gzipSync(readFileSync(join(CDN, ENTRY)), { level: 9 }).length;
    assert.ok(size <= ENTRY_BUDGET, `the entry is ${size} bytes gzipped`);
  });

  it("leaves the call's view to the chunk loaded on start or intent", () => {
    assertBuilt();
    const files = reachableFrom(ENTRY);
    const entry = files.get(ENTRY);
    for (const markup of CALL_ONLY_MARKUP) {
      assert.equal(entry.includes(markup), false, `${markup} in the entry`);
      assert.ok(
        [...files.values()].some((text) => text.includes(markup)),
        `${markup} in no chunk`,
      );
    }
  });

  it('keeps the simulator out of the entry and of every chunk it loads', () => {
    assertBuilt();
    const files = reachableFrom(ENTRY);
    // The walk must reach the lazy chunks (daily-js among them), or it proves little.
    assert.ok(
      [...files.keys()].some((name) => /^daily-.+\.js$/.test(name)),
      [...files.keys()],
    );
    assert.ok(readFileSync(join(CDN, 'tavus-simulator.js'), 'utf8').includes(SIMULATOR_LINE));
    for (const [name, text] of files) {
      assert.equal(text.includes(SIMULATOR_LINE), false, `simulator code in ${name}`);
    }
  });
});
