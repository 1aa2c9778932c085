// Makes sure a Chromium is available for the browser tests. On Debian/Ubuntu as root it installs
// the distribution's package (the test runner never downloads a browser of its own); elsewhere it
// explains what to do and fails.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const path = findChromium();
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt && !process.env.CHROME_PATH) {
  console.log('Chromium not found: installing Debian package "chromium" with apt-get ...');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (existsSync(findChromium())) process.exit(0);
}
console.error(
  `No Chromium at ${path}. Install Chromium (Debian/Ubuntu: "apt-get install chromium") or set ` +
    'CHROME_PATH to a Chrome or Chromium executable.',
);
process.exit(1);
