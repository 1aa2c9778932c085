// The three engines behind one small interface, for the scripts that photograph pages
// (engine-screenshots.mjs, state-screenshots.mjs): Chromium and Firefox through puppeteer (Firefox
// over WebDriver BiDi, with its private PulseAudio), WebKitGTK's MiniBrowser through
// WebKitWebDriver on a private Xvfb display. Each open* function resolves a driver:
//   setViewport({ width, height }) → the inner size reached (MiniBrowser stops at about 447 px),
//   goto(url), run(source) → the value of an async function body run in the page (it must be
//   JSON), press(key) (a key name: 'Tab', 'Enter', 'Shift+Tab', …), screenshot(path, clip?) (the
//   viewport, or its part `{ x, y, width, height }` in CSS pixels) and close().
import { writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { Key, remote } from 'webdriverio';

import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';
import { findChromium } from '../find-chromium.mjs';
import { findFirefox, findMiniBrowser } from '../find-browsers.mjs';
import { FIREFOX_PREFS } from './firefox-launcher.mjs';
import { cropPng } from './png-crop.mjs';
import { startPulseNullSink } from './pulse-null-sink.mjs';
import { MINIBROWSER_ARGS } from './webkit-launcher.mjs';
import { startWebKitWebDriver } from './webkit-webdriver.mjs';
import { startXvfb } from './xvfb.mjs';

/** 'Shift+Tab' → ['Shift', 'Tab']: modifiers first, the key last. */
const chord = (key) => key.split('+');

function puppeteerDriver(engine, page, stop) {
  page.on('pageerror', (error) => console.error(`${engine} page error: ${error.message}`));
  return {
    engine,
    setViewport: (size) => page.setViewport(size).then(() => size),
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    run: (source) => page.evaluate(`(async () => { ${source} })()`),
    async press(key) {
      // Firefox's BiDi input knows the space bar by its character only.
      const [last, ...modifiers] = chord(key === 'Space' ? ' ' : key).reverse();
      for (const modifier of modifiers) await page.keyboard.down(modifier);
      await page.keyboard.press(last);
      for (const modifier of modifiers) await page.keyboard.up(modifier);
    },
    screenshot: (path, clip) => page.screenshot({ path, clip }),
    close: stop,
  };
}

export async function openChromium() {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  return puppeteerDriver('chromium', page, () => browser.close());
}

export async function openFirefox() {
  const pulse = await startPulseNullSink();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
    env: { ...process.env, ...pulse.env },
  });
  const page = await browser.newPage();
  return puppeteerDriver('firefox', page, async () => {
    await browser.close();
    await pulse.stop();
  });
}

export async function openWebKit() {
  const xvfb = await startXvfb();
  // Screenshots need compositing (the tests turn it off: the software renderer crashed once).
  const driver = await startWebKitWebDriver({ env: { DISPLAY: xvfb.display, GDK_BACKEND: 'x11' } });
  const browser = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: MINIBROWSER_ARGS },
    },
  });
  await browser.setTimeout({ script: 120000, pageLoad: 120000 });
  return {
    engine: 'webkit',
    async setViewport({ width, height }) {
      const [dw, dh] = await browser.execute(() => [
        window.outerWidth - window.innerWidth,
        window.outerHeight - window.innerHeight,
      ]);
      await browser.setWindowRect(null, null, width + dw, height + dh);
      return browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
    },
    goto: (url) => browser.url(url),
    async run(source) {
      const outcome = await browser.executeAsync(
        `const done = arguments[arguments.length - 1];
         (async () => { ${source} })().then((value) => done({ value }), (e) => done({ error: String(e) }));`,
      );
      if (outcome.error) throw new Error(outcome.error);
      return outcome.value;
    },
    async press(key) {
      const keys = chord(key).map((name) => Key[name] ?? name);
      let action = browser.action('key');
      for (const value of keys) action = action.down(value);
      for (const value of keys.reverse()) action = action.up(value);
      await action.perform();
    },
    // The window at one device pixel per CSS pixel (Xvfb), cropped here: WebKitWebDriver's element
    // screenshots take in what overflows the element.
    async screenshot(path, clip) {
      const png = Buffer.from(await browser.takeScreenshot(), 'base64');
      writeFileSync(path, clip ? cropPng(png, clip) : png);
    },
    async close() {
      await browser.deleteSession().catch(() => {});
      await driver.stop();
      await xvfb.stop();
    },
  };
}

export const OPEN_DRIVER = { chromium: openChromium, firefox: openFirefox, webkit: openWebKit };
