// Where the browsers and helper programs of the three test engines live. Environment variables
// win (CHROME_PATH, FIREFOX_PATH, MINIBROWSER_PATH, WEBKIT_WEBDRIVER_PATH), then the paths of
// Debian's packages: chromium, firefox-esr, webkit2gtk-driver (WebKitWebDriver; MiniBrowser comes
// with libwebkit2gtk), xvfb and pulseaudio.
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const first = (variable, candidates) =>
  process.env[variable] || (candidates.find((path) => existsSync(path)) ?? candidates[0]);

const LIB_DIRS = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'arm-linux-gnueabihf', 'i386-linux-gnu'];

export const findFirefox = () =>
  first('FIREFOX_PATH', [
    '/usr/bin/firefox-esr',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox',
  ]);

export const findMiniBrowser = () =>
  first(
    'MINIBROWSER_PATH',
    LIB_DIRS.flatMap((dir) => [
      `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`,
      `/usr/lib/${dir}/webkit2gtk-4.0/MiniBrowser`,
      `/usr/lib/${dir}/webkitgtk-6.0/MiniBrowser`,
    ]),
  );

export const findWebKitWebDriver = () =>
  first('WEBKIT_WEBDRIVER_PATH', ['/usr/bin/WebKitWebDriver']);

export const findXvfb = () => first('XVFB_PATH', ['/usr/bin/Xvfb']);

export const findPulseAudio = () => first('PULSEAUDIO_PATH', ['/usr/bin/pulseaudio']);

/**
 * Each engine: what it needs on disk, and the Debian packages that provide it. The test runner
 * picks engines with TAVUS_BROWSERS (see browsers/engines.mjs).
 */
export const ENGINE_REQUIREMENTS = {
  chromium: { programs: () => [findChromium()], packages: ['chromium'] },
  firefox: {
    programs: () => [findFirefox(), findPulseAudio()],
    packages: ['firefox-esr', 'pulseaudio'],
  },
  webkit: {
    programs: () => [findMiniBrowser(), findWebKitWebDriver(), findXvfb()],
    packages: ['webkit2gtk-driver', 'xvfb'],
  },
};

export { findChromium };
