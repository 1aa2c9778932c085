// Shared set-up of the end-to-end tests: the real demo server (in-process, on a free port)
// serving the built dist/, and Debian's Chromium driven by puppeteer-core with fake media
// devices and no network beyond localhost.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

import { startServer } from '../../demo/server/serve.mjs';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How long one wait may take before a test fails (the fast simulator needs far less). */
export const WAIT_MS = 8000;

const BUILT_FILES = ['dist/cdn/tavus-conversation.js', 'dist/cdn/tavus-simulator.js'];

/** Fails with a message a person can act on when the build is missing. */
export function assertBuilt() {
  const missing = BUILT_FILES.filter((file) => !existsSync(join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests run against the built files, and ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} missing. Run \`npm run build\` first ` +
        '(`npm test` builds before testing).',
    );
  }
}

/**
 * Starts the demo server and Chromium. `env` is the server's environment (by default none, so
 * the Tavus endpoint is not mounted, like `npm start` without TAVUS_API_KEY).
 *
 * @param {{ env?: Record<string, string>, fetch?: typeof fetch }} [options]
 */
export async function launch(options = {}) {
  assertBuilt();
  const chromium = findChromium();
  if (!existsSync(chromium)) {
    throw new Error(
      `No Chromium at ${chromium}. Install Debian's chromium package or set CHROME_PATH.`,
    );
  }
  const server = await startServer({
    port: 0,
    root: REPO_ROOT,
    env: options.env ?? {},
    fetch: options.fetch,
    log: () => {},
  });
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    url: (path) => new URL(path, server.url).href,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a page and records what goes wrong in it: uncaught errors, console errors, and requests
 * that leave localhost (the demo must load nothing remote).
 *
 * @param {import('puppeteer-core').Browser} browser
 */
export async function openPage(browser, url, { width = 1280, height = 800 } = {}) {
  const page = await browser.newPage();
  const problems = { errors: [], consoleErrors: [], remoteRequests: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
    if (!local && !['data:', 'blob:', 'about:'].includes(protocol)) {
      problems.remoteRequests.push(request.url());
    }
  });
  page.setDefaultTimeout(WAIT_MS);
  await page.setViewport({ width, height });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Waits until the demo page's module has run (it sets `<html data-ready>`). */
export async function demoReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

/**
 * Waits until every entrance animation and transition on the page has finished, shadow roots
 * included (a drawer sliding in is half transparent; axe would judge its colours mid-fade).
 * Endless animations (spinners, pulses) are left running.
 */
export async function animationsSettled(page) {
  await page.evaluate(async () => {
    const animations = [];
    const collect = (root) => {
      animations.push(...root.getAnimations());
      for (const node of root.querySelectorAll('*')) if (node.shadowRoot) collect(node.shadowRoot);
    };
    collect(document);
    const finite = animations.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Waits until `selector`'s `<tavus-conversation>` is in `state`, and fails with the last state. */
export async function waitForState(page, state, selector = 'tavus-conversation') {
  try {
    await page.waitForFunction(
      (sel, wanted) => document.querySelector(sel)?.state === wanted,
      {},
      selector,
      state,
    );
  } catch (error) {
    const actual = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return el
        ? `${el.state}${el.error ? ` (${el.error.code}: ${el.error.message})` : ''}`
        : 'no element';
    }, selector);
    throw new Error(`expected state "${state}", still "${actual}": ${error.message}`);
  }
}

/** The transcript of the page's (first) element, as plain data. */
export function transcriptOf(page, selector = 'tavus-conversation') {
  return page.evaluate(
    (sel) => document.querySelector(sel).transcript.map((message) => ({ ...message })),
    selector,
  );
}
