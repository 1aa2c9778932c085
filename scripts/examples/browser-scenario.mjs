// What every example app must do in headless Chromium, from its production build: the element
// renders with the app's `strings`, has the app's attribute and `callFactory`, holds a
// conversation with the simulated replica, the app's `tavus-utterance` listener hears it, the
// app calls `respond()` through its ref, and removing the element from the app ends the call.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

import puppeteer from 'puppeteer-core';

import { findChromium } from '../find-chromium.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Nothing leaves the machine: every name but localhost fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
/** Generous: the machine is shared and slow; the steps wait for conditions, not for time. */
const STEP_TIMEOUT_MS = 60_000;

/** Serves a built app: its files, and index.html for any other path (client-side routing). */
function serveApp(root) {
  const base = normalize(root) + sep;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    const file = normalize(join(base, path));
    const target = file.startsWith(base) && extname(file) ? file : join(base, 'index.html');
    try {
      const body = await readFile(target);
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://localhost:${server.address().port}/`, close: () => server.close() }),
    ),
  );
}

/**
 * @param {{ name: string, framework: string }} app
 * @param {string} distDir the app's production build
 * @param {(step: string) => void} log
 */
export async function runBrowserScenario(app, distDir, log) {
  const server = await serveApp(distDir);
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (!/^(http:\/\/localhost:|data:|blob:)/.test(request.url())) {
        problems.push(`request off the machine: ${request.url()}`);
      }
    });
    await page.goto(server.url);

    const startLabel = `Start talking (${app.framework})`;
    log(`the element shows the app's strings ("${startLabel}")`);
    await page.waitForFunction(
      (label) =>
        document
          .querySelector('tavus-conversation')
          ?.shadowRoot?.querySelector('[part~="start-button"]')
          ?.textContent?.includes(label),
      {},
      startLabel,
    );

    log("the element has the app's conversation-url attribute and callFactory property");
    const bound = await page.evaluate(() => {
      const el = document.querySelector('tavus-conversation');
      return {
        conversationUrl: el.conversationUrl,
        callFactory: el.callFactory === window.tavusExample?.callFactory,
      };
    });
    expect(bound, {
      conversationUrl: `https://tavus.daily.co/example-${app.name}`,
      callFactory: true,
    });

    log('start: the simulated replica greets, the app hears tavus-utterance');
    await page.evaluate(() =>
      document
        .querySelector('tavus-conversation')
        .shadowRoot.querySelector('[part~="start-button"]')
        .click(),
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#utterances li')].some((li) =>
        li.textContent.startsWith('replica: '),
      ),
    );

    const hello = `Hello from ${app.framework}`;
    log(`the app calls respond("${hello}") through its ref; the replica answers`);
    await page.click('#say-hello');
    await page.waitForFunction(
      (userLine) => {
        const lines = [...document.querySelectorAll('#utterances li')].map((li) => li.textContent);
        const said = lines.indexOf(userLine);
        return said >= 0 && lines.slice(said + 1).some((line) => line.startsWith('replica: '));
      },
      {},
      `user: ${hello}`,
    );

    log('the app removes the element: the call is left and destroyed');
    await page.click('#unmount');
    await page.waitForFunction(() => {
      const calls = window.tavusExample?.callFactory.calls ?? [];
      return (
        !document.querySelector('tavus-conversation') &&
        calls.length === 1 &&
        calls[0].isDestroyed()
      );
    });
    if (problems.length > 0) throw new Error(problems.join('\n'));
  } catch (error) {
    if (problems.length > 0 && !String(error.message).includes(problems[0])) {
      error.message += `\nin the page:\n${problems.join('\n')}`;
    }
    throw error;
  } finally {
    await browser.close();
    server.close();
  }
}

function expect(actual, expected) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`expected ${e}, got ${a}`);
}
