// `npm run bench`: every benchmark report in one run (after a fresh build). Figures only;
// nothing here passes or fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const reports = [
  'bench/size.mjs',
  'bench/protocol.mjs',
  'bench/transcript-ui.mjs',
  'bench/fast-start.mjs',
];
let failed = false;
for (const script of reports) {
  if (!existsSync(script)) continue;
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${script} exited with ${result.status}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
