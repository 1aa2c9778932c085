// Fast start's promise to the page, checked on the built CDN files in headless Chromium: until
// the visitor shows intent, the entry is the only script the element fetches; intent (a pointer
// over or focus on the start button, the floating launcher opened) fetches the session code and
// daily-js but creates no conversation; the click creates it; `preload="none"` waits for the
// click. Nothing leaves the machine: every request to another host is answered 404 here (daily-js'
// load() asks Daily's servers for its call bundle).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';

import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';
import { REPO_ROOT, WAIT_MS, assertBuilt } from '../e2e/support.mjs';

const CDN = join(REPO_ROOT, 'dist', 'cdn');
const ENTRY = '/cdn/tavus-conversation.js';
const ENDPOINT = '/api/conversations';
const START_BUTTON = 'tavus-conversation >>> [part="start-button"]';
const LAUNCHER = 'tavus-conversation >>> [part="launcher"]';
const SESSION_CHUNK = /\/cdn\/conversation-attempt-[\w-]+\.js$/;
const DAILY_CHUNK = /\/cdn\/daily-[\w-]+\.js$/;

/** One page per case: the one-tag embed as the README shows it, with an endpoint. */
const PAGES = {
  '/inline.html': '<tavus-conversation conversation-endpoint="/api/conversations">',
  '/none.html': '<tavus-conversation conversation-endpoint="/api/conversations" preload="none">',
  '/floating.html':
    '<tavus-conversation variant="floating" conversation-endpoint="/api/conversations">',
};

const html = (element) => `<!doctype html>
<html><head><meta charset="utf-8"><title>intent</title>
<link rel="icon" href="data:,">
<script type="module" src="${ENTRY}"></script></head>
<body>${element}</tavus-conversation>
<script>
  // Event time stamps share the resource timings' origin.
  addEventListener('click', (event) => (window.clickedAt ??= event.timeStamp), true);
</script></body></html>`;

/** Serves dist/cdn/ under /cdn/, the pages, and an endpoint that records its calls. */
function serve() {
  const endpointCalls = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (PAGES[path]) {
      return void response.writeHead(200, { 'content-type': 'text/html' }).end(html(PAGES[path]));
    }
    if (path.startsWith(ENDPOINT)) {
      endpointCalls.push(`${request.method} ${path}`);
      // The call itself is what the tests look for; no conversation is made here.
      return void response
        .writeHead(503, { 'content-type': 'application/json' })
        .end('{"error":"not in this test"}');
    }
    const name = path.startsWith('/cdn/') ? path.slice('/cdn/'.length) : '';
    const file = join(CDN, name);
    if (!/^[\w.-]+\.js$/.test(name) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://localhost:${server.address().port}`,
        endpointCalls,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

const isLocal = (url) => ['localhost', '127.0.0.1'].includes(new URL(url).hostname);

describe('fetches before intent (built CDN entry, Chromium)', () => {
  let server;
  let browser;

  before(async () => {
    assertBuilt();
    server = await serve();
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens `path` in a fresh context (nothing cached) and waits until it is idle: loaded, the
   * element rendered, the network quiet, the main thread idle. `requested` lists every request
   * the page made, local ones as paths; others are answered 404 and listed as `blocked`.
   */
  async function openIdle(path, readySelector, { holdSessionChunk } = {}) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const requested = [];
    const blocked = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
      if (!isLocal(url)) {
        blocked.push(url);
        return void request.respond({ status: 404, body: '' });
      }
      requested.push(new URL(url).pathname);
      if (holdSessionChunk && SESSION_CHUNK.test(new URL(url).pathname)) {
        return void holdSessionChunk.then(() => request.continue());
      }
      void request.continue();
    });
    await page.goto(server.origin + path, { waitUntil: 'load' });
    await page.waitForSelector(readySelector);
    await page.evaluate(() => customElements.whenDefined('tavus-conversation'));
    await page.evaluate(() => document.querySelector('tavus-conversation').updateComplete);
    await page.waitForNetworkIdle({ idleTime: 300, timeout: WAIT_MS });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    return { context, page, requested, blocked };
  }

  /** Resolves with the request for `pattern` (made from now on). */
  const nextRequest = (page, pattern) =>
    page.waitForRequest((request) => pattern.test(new URL(request.url()).pathname));

  it('fetches only the page and the entry until intent; hover warms up without creating a conversation; the click creates it', async () => {
    const calls = server.endpointCalls.length;
    const { context, page, requested, blocked } = await openIdle('/inline.html', START_BUTTON);
    try {
      assert.deepEqual(requested, ['/inline.html', ENTRY], 'requests before intent');
      assert.deepEqual(blocked, []);

      const session = nextRequest(page, SESSION_CHUNK);
      const daily = nextRequest(page, DAILY_CHUNK);
      // The warm-up's last step: the call object made, daily-js' load() asks for its bundle.
      const bundle = page.waitForRequest((request) => !isLocal(request.url()));
      await page.hover(START_BUTTON);
      await Promise.all([session, daily, bundle]);
      assert.equal(server.endpointCalls.length, calls, 'intent creates no conversation');
      assert.ok(!requested.some((path) => path.startsWith(ENDPOINT)), 'no endpoint request');

      const endpoint = nextRequest(page, new RegExp(`^${ENDPOINT}$`));
      // The page sees its request leave before the server has it: the answer means it has.
      const answered = page.waitForResponse((response) =>
        response.request().url().endsWith(ENDPOINT),
      );
      await page.click(START_BUTTON);
      const request = await endpoint;
      assert.equal(request.method(), 'POST');
      await answered;
      assert.ok(server.endpointCalls.slice(calls).includes(`POST ${ENDPOINT}`));
    } finally {
      await context.close();
    }
  });

  it('warms up on keyboard focus on the start button', async () => {
    const { context, page, requested } = await openIdle('/inline.html', START_BUTTON);
    try {
      assert.deepEqual(requested, ['/inline.html', ENTRY]);
      const session = nextRequest(page, SESSION_CHUNK);
      const daily = nextRequest(page, DAILY_CHUNK);
      await page.focus(START_BUTTON);
      await Promise.all([session, daily]);
      assert.ok(!requested.some((path) => path.startsWith(ENDPOINT)), 'no endpoint request');
    } finally {
      await context.close();
    }
  });

  it('warms up when the floating launcher opens, without creating a conversation', async () => {
    const calls = server.endpointCalls.length;
    const { context, page, requested } = await openIdle('/floating.html', LAUNCHER);
    try {
      assert.deepEqual(requested, ['/floating.html', ENTRY], 'requests before intent');
      const session = nextRequest(page, SESSION_CHUNK);
      const daily = nextRequest(page, DAILY_CHUNK);
      const bundle = page.waitForRequest((request) => !isLocal(request.url()));
      await page.click(LAUNCHER);
      await Promise.all([session, daily, bundle]);
      assert.equal(server.endpointCalls.length, calls, 'opening creates no conversation');
    } finally {
      await context.close();
    }
  });

  it('sends the endpoint request on the click without waiting for the session code', async () => {
    // The session chunk is held back until the endpoint request arrives: were the request made
    // by that code, neither would ever come and the test would fail waiting.
    let release;
    const holdSessionChunk = new Promise((resolve) => (release = resolve));
    const { context, page } = await openIdle('/none.html', START_BUTTON, { holdSessionChunk });
    try {
      const session = nextRequest(page, SESSION_CHUNK);
      const endpoint = nextRequest(page, new RegExp(`^${ENDPOINT}$`));
      await page.click(START_BUTTON);
      await session;
      assert.equal((await endpoint).method(), 'POST');
      release();
      // The held code then runs the start, and reports the endpoint's refusal.
      await page.waitForFunction(
        () => document.querySelector('tavus-conversation').state === 'error',
      );
      const code = await page.evaluate(
        () => document.querySelector('tavus-conversation').error.code,
      );
      assert.equal(code, 'endpoint-failed');
    } finally {
      release();
      await context.close();
    }
  });

  it('with preload="none", fetches the session code on the click, not on hover', async () => {
    const { context, page, requested } = await openIdle('/none.html', START_BUTTON);
    try {
      assert.deepEqual(requested, ['/none.html', ENTRY]);
      await page.hover(START_BUTTON);
      const session = nextRequest(page, SESSION_CHUNK);
      const endpoint = nextRequest(page, new RegExp(`^${ENDPOINT}$`));
      await page.click(START_BUTTON);
      await Promise.all([session, endpoint]);
      // Had the hover fetched it, its request would have begun before the click.
      const timing = await page.waitForFunction(() => {
        const entry = performance
          .getEntriesByType('resource')
          .find((candidate) => /\/conversation-attempt-[\w-]+\.js$/.test(candidate.name));
        return entry && { startedAt: entry.startTime, clickedAt: window.clickedAt };
      });
      const { startedAt, clickedAt } = await timing.jsonValue();
      assert.ok(
        startedAt >= clickedAt,
        `fetched at ${startedAt}, before the click at ${clickedAt}`,
      );
    } finally {
      await context.close();
    }
  });
});
