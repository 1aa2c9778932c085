// `npm run test:examples`: the example apps under examples/ (each with its own framework's
// tooling) install the packed package, type-check and build, report the misuses of
// misuse/ with their own type checker, import the package in Node as a server would, and pass
// the browser scenario (browser-scenario.mjs) in headless Chromium.
//
//   node scripts/examples/test.mjs [vue|svelte|react|react18|angular ...] [--update-locks]
//
// --update-locks runs `npm install` instead of `npm ci`, to refresh an example's lockfile after
// its package.json changed. Not part of `npm test`: installs and builds take minutes.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

import { APPS } from './apps.mjs';
import { runBrowserScenario } from './browser-scenario.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const TARBALL = join(EXAMPLES, 'tavus-conversation.tgz');

const args = process.argv.slice(2);
const updateLocks = args.includes('--update-locks');
const wanted = args.filter((arg) => !arg.startsWith('--'));
const unknown = wanted.filter((name) => !APPS.some((app) => app.name === name));
if (unknown.length > 0) throw new Error(`no example app named ${unknown.join(', ')}`);
const apps = wanted.length > 0 ? APPS.filter((app) => wanted.includes(app.name)) : APPS;

// The examples are projects of their own: npm must not see the variables `npm run` set for this
// repository (its package, its prefix).
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) || /^npm_config_(cache|userconfig|registry)$/i.test(key),
  ),
);

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', stdio: 'pipe' });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function mustRun(command, commandArgs, cwd) {
  const { status, output } = run(command, commandArgs, cwd);
  if (status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${tail(output)}`);
  return output;
}

const tail = (text, lines = 40) => text.trim().split('\n').slice(-lines).join('\n');

/** The package as npm would publish it, from a fresh build when there is none. */
function pack() {
  if (
    !existsSync(join(ROOT, 'dist', 'lib', 'index.js')) ||
    !existsSync(join(ROOT, 'dist', 'react'))
  ) {
    mustRun('npm', ['run', 'build'], ROOT);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tavus-pack-'));
  try {
    const [{ filename }] = JSON.parse(
      mustRun('npm', ['pack', '--json', '--pack-destination', dir], ROOT).replace(/^[^[]*/s, ''),
    );
    copyFileSync(join(dir, filename), TARBALL);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The lockfile keeps no integrity for the packed package, which changes with every build (npm
 * would install a stale copy from its cache), and no registry addresses.
 */
function checkLockfile(appDir) {
  const path = join(appDir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const entry = lock.packages?.['node_modules/tavus-conversation'];
  if (!entry) throw new Error('the lockfile has no tavus-conversation');
  if (updateLocks && entry.integrity) {
    delete entry.integrity;
    writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  }
  if (entry.integrity) throw new Error('the lockfile pins the integrity of the packed package');
  const remote = Object.entries(lock.packages).filter(([, p]) => /^https?:/.test(p.resolved ?? ''));
  if (remote.length > 0) {
    throw new Error(`the lockfile names where ${remote.length} packages came from; it must not`);
  }
}

/** Error locations (`file:line`) in the output of tsc, vue-tsc, ngc or svelte-check (machine). */
function errorLocations(output) {
  const found = new Set();
  const patterns = [
    /^(\S+?)\((\d+),\d+\): error/gm, // tsc, vue-tsc, ngc
    /^(\S+?):(\d+):\d+ - error/gm, // tsc --pretty
    /ERROR "([^"]+)" (\d+):\d+/g, // svelte-check --output machine
  ];
  for (const pattern of patterns) {
    for (const [, file, line] of output.matchAll(pattern)) {
      found.add(`${file.replace(/\\/g, '/')}:${line}`);
    }
  }
  return found;
}

function checkMisuses(app, appDir) {
  const result = run('npm', ['run', '--silent', 'check:misuse'], appDir);
  // ngc colours its output even into a pipe.
  const output = stripVTControlCharacters(result.output);
  const { status } = result;
  if (status === 0) throw new Error('the type checker accepted every misuse');
  const expected = app.misuses.map((m) => `${m.file}:${m.line}`).sort();
  const found = [...errorLocations(output)].sort();
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new Error(
      `errors expected at ${expected.join(', ')}; reported at ${found.join(', ') || 'none'}:\n${tail(output)}`,
    );
  }
  // svelte-check's machine output escapes the quotes inside its messages.
  const messages = output.replace(/\\"/g, '"');
  for (const misuse of app.misuses) {
    if (!messages.includes(misuse.message)) {
      throw new Error(`not reported: ${misuse.message}\n${tail(output)}`);
    }
  }
}

/** The README's snippet for this framework, type-checked by the app's own checker. */
function checkReadmeSnippets(app, appDir) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const dir = join(appDir, 'readme-snippet');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const snippet of app.readmeSnippets) {
    const from = readme.findIndex((line) => line.startsWith(snippet.after));
    const open = readme.findIndex((line, i) => i > from && line === '```' + snippet.lang);
    const close = readme.findIndex((line, i) => i > open && line === '```');
    if (from < 0 || open < 0 || close < 0) {
      throw new Error(`no \`\`\`${snippet.lang} block after "${snippet.after}" in README.md`);
    }
    writeFileSync(join(dir, snippet.file), `${readme.slice(open + 1, close).join('\n')}\n`);
  }
  try {
    const { status, output } = run('npm', ['run', '--silent', 'check:readme'], appDir);
    if (status !== 0) throw new Error(stripVTControlCharacters(tail(output)));
  } finally {
    // Copies only: the repository's linters must not see them.
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkServerImport(app, appDir) {
  const code = `for (const entry of ${JSON.stringify(app.serverImports)}) await import(entry);`;
  mustRun(process.execPath, ['--input-type=module', '-e', code], appDir);
}

const results = [];
async function step(app, name, action) {
  const started = Date.now();
  try {
    await action();
    results.push({ app: app.name, name, ok: true });
    console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    results.push({ app: app.name, name, ok: false });
    console.log(`  FAIL ${name}\n${String(error.message ?? error).replace(/^/gm, '       ')}`);
    return false;
  }
}

console.log('packing tavus-conversation');
pack();
for (const app of apps) {
  const appDir = join(EXAMPLES, app.name);
  console.log(`\nexamples/${app.name} (${app.framework})`);
  const installed = await step(app, updateLocks ? 'npm install' : 'npm ci', () => {
    mustRun('npm', [updateLocks ? 'install' : 'ci', '--no-audit', '--no-fund'], appDir);
    checkLockfile(appDir);
  });
  if (!installed) continue;
  const built = await step(app, 'type-check and build', () =>
    mustRun('npm', ['run', 'build'], appDir),
  );
  await step(app, 'misuses reported by the type checker', () => checkMisuses(app, appDir));
  await step(app, 'README snippets type-check', () => checkReadmeSnippets(app, appDir));
  await step(app, 'imports in Node (server-side rendering)', () => checkServerImport(app, appDir));
  if (built) {
    await step(app, 'browser scenario in headless Chromium', () =>
      runBrowserScenario(app, join(appDir, app.distDir ?? 'dist'), (line) =>
        console.log(`       - ${line}`),
      ),
    );
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
