// The device check travels in a chunk of its own, loaded when a check starts: the entry every
// page loads holds only its plain Join and Leave (shown until the chunk arrives), and a page
// without `device-check` never fetches it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CDN = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'dist', 'cdn');
const ENTRY = 'tavus-conversation.js';
/** Markup and words only the device check's own chunk has. */
const CHECK_ONLY = ['part="level-meter"', 'part="permission-help"', 'Settings for This Website'];

function assertBuilt() {
  assert.ok(existsSync(join(CDN, ENTRY)), 'build first (npm run build): dist/cdn has no entry');
}

/** The files an ES module imports statically (`import … from "./x.js"`, not `import("./x.js")`). */
function staticImports(text) {
  return [
    ...text.matchAll(/(?:^|[;}])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([\w.-]+\.js)["']/g),
  ].map((match) => match[1]);
}

describe('device check chunk', () => {
  it('is not in the entry, nor in anything the entry imports statically', () => {
    assertBuilt();
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      const text = readFileSync(join(CDN, name), 'utf8');
      for (const marker of CHECK_ONLY) {
        assert.equal(text.includes(marker), false, `${marker} in ${name}, loaded with the entry`);
      }
      for (const next of staticImports(text)) visit(next);
    };
    visit(ENTRY);
  });

  it('is a chunk the entry imports lazily', () => {
    assertBuilt();
    const entry = readFileSync(join(CDN, ENTRY), 'utf8');
    const chunks = readdirSync(CDN)
      .filter((name) =>
        CHECK_ONLY.every((marker) => readFileSync(join(CDN, name), 'utf8').includes(marker)),
      )
      .filter((name) => name.endsWith('.js'));
    assert.equal(chunks.length, 1, `the check's chunks: ${chunks.join(', ')}`);
    assert.match(entry, new RegExp(`import\\(["']\\./${chunks[0].replace('.', '\\.')}["']\\)`));
  });
});
