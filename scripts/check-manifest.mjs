// Fails when custom-elements.json no longer matches the source: regenerates it into a scratch
// folder and compares, so a stale manifest never ships. (The analyzer resolves --outdir against
// the working directory, so the scratch folder lives inside node_modules/.cache.)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = join('node_modules', '.cache', 'cem-check');
rmSync(dir, { recursive: true, force: true });
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', dir], { stdio: 'pipe' });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run "npm run analyze" and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
