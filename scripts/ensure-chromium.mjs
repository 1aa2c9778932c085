// Makes sure a Chromium is available (screenshots, benchmarks): on Debian/Ubuntu as root it
// installs the distribution's package; elsewhere it explains what to do and fails. The browser
// tests use ensure-browsers.mjs, which covers all three engines.
import { ensureEngines } from './ensure-browsers.mjs';
import { findChromium } from './find-chromium.mjs';

if (ensureEngines(['chromium']).length > 0) {
  console.error(
    `No Chromium at ${findChromium()}. Install Chromium (Debian/Ubuntu: "apt-get install ` +
      'chromium") or set CHROME_PATH to a Chrome or Chromium executable.',
  );
  process.exit(1);
}
