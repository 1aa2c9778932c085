// Bundle-size report: what a page pays for the one-tag CDN embed before a conversation starts
// (the entry) and when it starts (the lazily fetched daily-js chunk), next to ElevenLabs' own
// embeddable conversational widget, fetched with `npm pack` into a temporary folder (not a
// dependency). A report, not a test: it prints figures and exits 0.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CDN = 'dist/cdn';
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function ours() {
  const files = readdirSync(CDN);
  const entry = readFileSync(join(CDN, 'tavus-conversation.js'));
  const dailyFile = files.find((name) => /^daily-.*\.js$/.test(name));
  const daily = dailyFile ? readFileSync(join(CDN, dailyFile)) : Buffer.alloc(0);
  return { entry, daily };
}

function elevenLabs() {
  const dir = mkdtempSync(join(tmpdir(), 'convai-embed-'));
  try {
    const name = execFileSync('npm', ['pack', '@elevenlabs/convai-widget-embed', '--silent'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['xzf', name], { cwd: dir });
    const pkg = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8'));
    const main = pkg.unpkg ?? pkg.main ?? 'dist/index.js';
    return { version: pkg.version, bundle: readFileSync(join(dir, 'package', main)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchSize() {
  const { entry, daily } = ours();
  const other = elevenLabs();
  const rows = [
    ['tavus-conversation CDN entry (page load)', entry.length, gzip(entry)],
    ['tavus-conversation daily-js chunk (on start)', daily.length, gzip(daily)],
  ];
  if (other.bundle) {
    rows.push([
      `@elevenlabs/convai-widget-embed ${other.version} (page load)`,
      other.bundle.length,
      gzip(other.bundle),
    ]);
  }
  console.log('\n## Bundle size (gzip -9)\n');
  console.log('| file | raw | gzip |');
  console.log('|---|---:|---:|');
  for (const [name, raw, gz] of rows) console.log(`| ${name} | ${kb(raw)} | ${kb(gz)} |`);
  const entryGzip = gzip(entry);
  console.log(`\nTarget: CDN entry ≤ 20 KB gzip → ${entryGzip <= 20 * 1024 ? 'met' : 'NOT met'}.`);
  if (other.bundle) {
    const theirs = gzip(other.bundle);
    console.log(
      `Ratio at page load, ElevenLabs embed / our entry: ${(theirs / entryGzip).toFixed(1)}×`,
    );
    console.log(
      `Ratio in a call, ElevenLabs embed / (our entry + daily-js chunk): ` +
        `${(theirs / (entryGzip + gzip(daily))).toFixed(2)}×`,
    );
  } else {
    console.log(`ElevenLabs embed not measured: ${other.error}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchSize();
