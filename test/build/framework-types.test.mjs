// The framework entries and editor data written by the build from custom-elements.json (npm
// test builds first): every name the manifest lists is in them, and every type they point at
// exists in the built declarations. (That React, Vue and Svelte apps type-check with them, and
// that misuse is reported, is tested by `npm run test:examples`.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { readElementApi } from '../../scripts/integrations/element-api.mjs';
import { REPO_ROOT, assertBuilt } from '../e2e/support.mjs';

const api = readElementApi(join(REPO_ROOT, 'custom-elements.json'));
const read = (...path) => readFileSync(join(REPO_ROOT, 'dist', ...path), 'utf8');
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('Framework typings', () => {
  it('name every property, attribute and event of the manifest, in each framework', () => {
    assertBuilt();
    const react = read('react', 'index.d.ts');
    const vue = read('vue', 'index.d.ts');
    const svelte = read('svelte', 'index.d.ts');
    assert.ok(api.properties.length > 10 && api.events.length > 20, 'the manifest was read');
    for (const property of api.properties) {
      for (const [name, text] of Object.entries({ react, vue, svelte })) {
        assert.ok(text.includes(`  ${property.name}?: `), `${property.name} in ${name}`);
        if (property.attribute && property.attribute !== property.name) {
          assert.ok(
            text.includes(`  '${property.attribute}'?: `),
            `${property.attribute} in ${name}`,
          );
        }
      }
    }
    for (const { name } of api.events) {
      const pascal = name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());
      assert.ok(react.includes(`'on${name}'?: (event: HTMLElementEventMap['${name}'])`), name);
      assert.ok(react.includes(`on${pascal}: EventName<HTMLElementEventMap['${name}']>`), name);
      assert.ok(read('react', 'index.js').includes(`on${pascal}: '${name}'`), name);
      assert.ok(vue.includes(`on${pascal}?: (event: HTMLElementEventMap['${name}'])`), name);
      assert.ok(svelte.includes(`'on${name}'?: (event: HTMLElementEventMap['${name}'])`), name);
    }
    assert.ok(react.includes("interface IntrinsicElements {\n      'tavus-conversation'"));
    assert.ok(vue.includes("interface GlobalComponents {\n    'tavus-conversation'"));
    assert.ok(svelte.includes("interface SvelteHTMLElements {\n    'tavus-conversation'"));
  });

  it('point only at types the built declarations have (apps skip library checks, so nothing else would tell)', () => {
    assertBuilt();
    // Apps check types with skipLibCheck: a name missing from HTMLElementEventMap would quietly
    // become `any` in the typings. This file is not a declaration file, so tsc checks it.
    const dir = join(REPO_ROOT, 'node_modules', '.cache', 'framework-types-check');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const lines = [
      "import type { TavusConversation } from '../../../dist/lib/index.js';",
      'type Event<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K];',
      'type Property<K extends keyof TavusConversation> = TavusConversation[K];',
      ...api.events.map((e, i) => `export type E${i} = Event<'${e.name}'>;`),
      ...api.properties.map((p, i) => `export type P${i} = Property<'${p.name}'>;`),
      // The events of the element are CustomEvents with a detail, not plain Events.
      ...api.events.map((e, i) => `export const d${i} = (e: E${i}) => e.detail;`),
    ];
    writeFileSync(join(dir, 'check.ts'), `${lines.join('\n')}\n`);
    const compilerOptions = {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: 'es2022',
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'dom.iterable'],
      types: [],
    };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['check.ts'] }),
    );
    try {
      execFileSync(
        process.execPath,
        [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir],
        { stdio: 'pipe', encoding: 'utf8' },
      );
    } catch (error) {
      assert.fail(`the typings name types that do not exist:\n${error.stdout}${error.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are entries of the package, with the editor data', () => {
    for (const entry of ['react', 'vue', 'svelte']) {
      assert.deepEqual(packageJson.exports[`./${entry}`], {
        types: `./dist/${entry}/index.d.ts`,
        default: `./dist/${entry}/index.js`,
      });
      assert.ok(packageJson.files.includes(`dist/${entry}`), entry);
    }
    assert.ok(packageJson.files.includes('dist/editor'));
    assert.equal(packageJson['web-types'], './dist/editor/web-types.json');
  });
});

describe('Editor data', () => {
  it('VS Code custom data lists every attribute, with values for the enumerated ones', () => {
    assertBuilt();
    const data = JSON.parse(read('editor', 'vscode.html-custom-data.json'));
    assert.equal(data.version, 1.1);
    const [tag] = data.tags;
    assert.equal(tag.name, 'tavus-conversation');
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      api.attributes.map((a) => a.name),
    );
    const variant = tag.attributes.find((a) => a.name === 'variant');
    assert.deepEqual(
      variant.values.map((v) => v.name),
      ['inline', 'floating'],
    );
    assert.equal(tag.attributes.find((a) => a.name === 'auto-start').valueSet, 'v');
  });

  it('web-types lists attributes, properties, events, slots and CSS parts and properties', () => {
    assertBuilt();
    const data = JSON.parse(read('editor', 'web-types.json'));
    assert.equal(data.name, packageJson.name);
    assert.equal(data.version, packageJson.version);
    const [element] = data.contributions.html.elements;
    assert.equal(element.name, 'tavus-conversation');
    const names = (list) => list.map((item) => item.name);
    assert.deepEqual(names(element.attributes), names(api.attributes));
    assert.deepEqual(names(element.js.properties), names(api.properties));
    assert.deepEqual(names(element.js.events), names(api.events));
    assert.deepEqual(names(element.events), names(api.events));
    assert.deepEqual(names(element.slots), names(api.slots));
    assert.deepEqual(names(element.css.parts), names(api.cssParts));
    assert.deepEqual(names(element.css.properties), names(api.cssProperties));
  });
});
