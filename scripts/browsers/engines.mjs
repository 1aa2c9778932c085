// One test-runner launcher for each engine the browser tests run in (picked in selection.mjs).
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from '../find-chromium.mjs';
import { firefoxLauncher } from './firefox-launcher.mjs';
import { webkitLauncher } from './webkit-launcher.mjs';

export { ENGINES, selectedEngines } from './selection.mjs';

/** Test-runner launchers for `engines`; Chromium gets `chromiumArgs`. */
export function launchersFor(engines, { chromiumArgs }) {
  const make = {
    chromium: () => {
      const launcher = chromeLauncher({
        launchOptions: { executablePath: findChromium(), headless: true, args: chromiumArgs },
      });
      // Its default label is "Chrome"; the browser is Debian's Chromium.
      launcher.name = 'Chromium';
      return launcher;
    },
    firefox: () => firefoxLauncher(),
    webkit: () => webkitLauncher(),
  };
  return engines.map((engine) => make[engine]());
}
