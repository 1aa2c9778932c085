// Makes sure the browsers of the selected test engines (TAVUS_BROWSERS, default all three; see
// browsers/selection.mjs) and their helper programs are installed. On Debian/Ubuntu as root it
// installs the distribution's packages (the test runner never downloads a browser of its own);
// elsewhere it says what is missing and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { selectedEngines } from './browsers/selection.mjs';
import { ENGINE_REQUIREMENTS } from './find-browsers.mjs';

const missingIn = (engine) => ENGINE_REQUIREMENTS[engine].programs().filter((p) => !existsSync(p));

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env });
  run(['update', '-qq']);
  // PulseAudio's recommended packages (a session bus, realtime scheduling) are not needed for
  // a private null sink.
  const plain = packages.filter((name) => name !== 'pulseaudio');
  if (plain.length > 0) run(['install', '-y', '-qq', ...plain]);
  if (packages.includes('pulseaudio')) {
    run(['install', '-y', '-qq', '--no-install-recommends', 'pulseaudio']);
  }
}

/** Installs what `engines` lack when it can; returns the programs still missing. */
export function ensureEngines(engines) {
  const lacking = engines.filter((engine) => missingIn(engine).length > 0);
  if (lacking.length === 0) return [];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    const packages = [...new Set(lacking.flatMap((e) => ENGINE_REQUIREMENTS[e].packages))];
    console.log(`Installing Debian packages for ${lacking.join(', ')}: ${packages.join(' ')}`);
    try {
      aptInstall(packages);
    } catch (error) {
      console.error(`apt-get failed: ${error.message}`);
    }
  }
  return engines.flatMap(missingIn);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const engines = selectedEngines();
  const missing = ensureEngines(engines);
  if (missing.length > 0) {
    const packages = [...new Set(engines.flatMap((e) => ENGINE_REQUIREMENTS[e].packages))];
    console.error(
      `Missing for the browser tests: ${missing.join(', ')}.\n` +
        `Debian/Ubuntu: apt-get install ${packages.join(' ')} (pulseaudio with ` +
        '--no-install-recommends), or set CHROME_PATH, FIREFOX_PATH, MINIBROWSER_PATH, ' +
        'WEBKIT_WEBDRIVER_PATH, XVFB_PATH or PULSEAUDIO_PATH, or pick engines with ' +
        'TAVUS_BROWSERS=chromium,firefox,webkit.',
    );
    process.exit(1);
  }
}
