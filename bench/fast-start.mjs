// Fast-start report: the time from the click on the start button to the moment the element
// begins Daily's join, for the element built for the CDN in headless Chromium, under modelled
// delays. Side by side:
// - sequential: the order the element used before fast start (session code, then the endpoint,
//   and only once it answered daily-js and its call bundle);
// - fast start without intent (preload="none"): daily-js and the call object are made while the
//   endpoint answers;
// - fast start with intent: the pointer rests on the start button 300 ms before the click, so the
//   session code and daily-js are warming up when the click comes.
// Delays: the endpoint answers after ENDPOINT_MS (this script's HTTP server holds the response);
// daily-js' chunk and its call bundle take DAILY_MS (a callFactory that waits before returning a
// call object; there is no Daily to reach here, and the join itself is not part of the figure);
// the session chunk is the real file, from loopback, after each delay of BENCH_CHUNK_MS
// (comma-separated, default "0,150"; 150 ms is a slow network's fetch of it).
// Figures only: nothing here passes or fails.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

import { findChromium } from '../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';

const ENDPOINT_MS = 600;
const DAILY_MS = 400;
const INTENT_LEAD_MS = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHUNK_DELAYS = (process.env.BENCH_CHUNK_MS ?? '0,150').split(',').map(Number);
const SLOWER_MS = Math.max(ENDPOINT_MS, DAILY_MS);
const CDN = join('dist', 'cdn');
const START_BUTTON = 'tavus-conversation >>> [part="start-button"]';

const SCENARIOS = [
  {
    id: 'sequential',
    label: 'sequential: session code, endpoint, then daily-js (the order before fast start)',
    preload: 'none',
  },
  { id: 'fast', label: 'fast start, no intent (`preload="none"`)', preload: 'none' },
  {
    id: 'intent',
    label: `fast start, pointer over the button ${INTENT_LEAD_MS} ms before the click`,
    preload: 'intent',
  },
];

/** The page of one run: the CDN entry, a Daily-shaped call whose join() marks the time. */
function pageFor(scenario) {
  return `<!doctype html>
<html><body style="margin:0">
<tavus-conversation conversation-endpoint="/api/conversations" preload="${scenario.preload}"
  style="width:640px;height:480px"></tavus-conversation>
<script type="module">
import '/cdn/tavus-conversation.js';

const marks = (window.marks = {});
// Event time stamps share performance.now()'s origin.
addEventListener('pointerover', (event) => (marks.intent ??= event.timeStamp), true);
addEventListener('click', (event) => (marks.click ??= event.timeStamp), true);

const sequential = ${JSON.stringify(scenario.id)} === 'sequential';
// Before fast start the endpoint request was made by the session code, once it had arrived.
const sessionCodeIn = new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name.includes('/conversation-attempt-'))) {
      observer.disconnect();
      resolve();
    }
  });
  observer.observe({ type: 'resource', buffered: true });
});
// The endpoint's answer, seen from the page: the sequential start waits for it.
let answered;
const endpointAnswered = new Promise((resolve) => (answered = resolve));
const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input.url;
  const toEndpoint = url.endsWith('/api/conversations');
  if (toEndpoint && sequential) await sessionCodeIn;
  const response = await realFetch(input, init);
  if (toEndpoint) answered();
  return response;
};

class BenchCall {
  handlers = new Map();
  state = 'new';
  on(name, fn) { (this.handlers.get(name) ?? this.handlers.set(name, new Set()).get(name)).add(fn); }
  off(name, fn) { this.handlers.get(name)?.delete(fn); }
  emit(name, payload) { for (const fn of this.handlers.get(name) ?? []) fn({ action: name, ...payload }); }
  participants() { return { local: { session_id: 'me', user_id: 'me', user_name: '', local: true, tracks: {} } }; }
  async load() {} async preAuth() {}
  async join() {
    marks.joinBegun ??= performance.now();
    this.state = 'joined-meeting';
    this.emit('joined-meeting', {});
  }
  async leave() { this.state = 'left-meeting'; } async destroy() {}
  sendAppMessage() {} setLocalAudio() {} setLocalVideo() {}
  localAudio() { return false; } localVideo() { return false; }
  meetingState() { return this.state; }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const element = document.querySelector('tavus-conversation');
element.callFactory = async () => {
  marks.factory ??= performance.now();
  // Before fast start, daily-js was imported only once the endpoint had answered.
  if (sequential) await endpointAnswered;
  await sleep(${DAILY_MS});
  return new BenchCall();
};
window.benchReady = true;
</script></body></html>`;
}

function serve() {
  let chunkDelay = 0;
  let page = '';
  let created = 0;
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      return void response.end(page);
    }
    if (request.method === 'POST' && path === '/api/conversations') {
      const id = `bench-${++created}`;
      const body = JSON.stringify({
        conversation_url: `https://tavus.daily.co/${id}`,
        conversation_id: id,
      });
      return void setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      }, ENDPOINT_MS);
    }
    if (request.method === 'POST' && /^\/api\/conversations\/[^/]+\/end$/.test(path)) {
      return void response.writeHead(204).end();
    }
    const name = path.startsWith('/cdn/') ? path.slice('/cdn/'.length) : '';
    if (!/^[\w.-]+\.js$/.test(name)) return void response.writeHead(404).end();
    let body;
    try {
      body = readFileSync(join(CDN, name));
    } catch {
      return void response.writeHead(404).end();
    }
    const send = () =>
      response
        .writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' })
        .end(body);
    // The entry is what the page pays for up front; the chunks come over the modelled network.
    if (name === 'tavus-conversation.js' || chunkDelay === 0) send();
    else setTimeout(send, chunkDelay);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://localhost:${server.address().port}/`,
        setPage: (html) => (page = html),
        setChunkDelay: (ms) => (chunkDelay = ms),
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

/** One start in a fresh browser context (nothing cached); times relative to the click. */
async function runOnce(browser, server, scenario) {
  server.setPage(pageFor(scenario));
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(server.url);
    await page.waitForFunction('window.benchReady === true', { timeout: 30000 });
    await page.waitForSelector(START_BUTTON, { timeout: 30000 });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    if (scenario.id === 'intent') {
      await page.hover(START_BUTTON);
      await page.waitForFunction('window.marks.intent !== undefined', { timeout: 30000 });
      await page.evaluate(
        (lead) =>
          new Promise((resolve) =>
            setTimeout(resolve, Math.max(0, window.marks.intent + lead - performance.now())),
          ),
        INTENT_LEAD_MS,
      );
    }
    await page.click(START_BUTTON);
    await page.waitForFunction('window.marks.joinBegun !== undefined', { timeout: 30000 });
    return await page.evaluate((intent) => {
      const { marks } = window;
      const resource = (test) =>
        performance.getEntriesByType('resource').find((entry) => test(entry.name));
      const session = resource((name) => /\/conversation-attempt-[\w-]+\.js$/.test(name));
      const endpoint = resource((name) => name.endsWith('/api/conversations'));
      return {
        join: marks.joinBegun - marks.click,
        intentLead: intent ? marks.click - marks.intent : undefined,
        // Fetched before the click (on intent) shows as a negative time.
        sessionCode: session ? session.responseEnd - marks.click : undefined,
        endpointSent: endpoint ? endpoint.startTime - marks.click : undefined,
      };
    }, scenario.id === 'intent');
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value === undefined ? '–' : `${Math.round(value).toLocaleString('en')} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const sessionFile = readdirSync(CDN).find((name) => /^conversation-attempt-.*\.js$/.test(name));
if (!sessionFile) throw new Error(`No session chunk in ${CDN}: run npm run build first.`);
const sessionBytes = readFileSync(join(CDN, sessionFile));

const server = await serve();
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  console.log(`\n## Fast start: click → join begun (median of ${RUNS} runs)\n`);
  console.log(
    `Endpoint answers in ${ENDPOINT_MS} ms; daily-js chunk and call bundle ${DAILY_MS} ms ` +
      `(a callFactory that waits); session chunk ${kb(sessionBytes.length)} ` +
      `(${kb(gzipSync(sessionBytes, { level: 9 }).length)} gzip) from loopback. ` +
      `Ratio: to the slower delay, ${SLOWER_MS} ms (target ≤ 1.2×).\n`,
  );
  console.log(
    '| start | chunk delay | click → join begun | min – max | ratio | session chunk in | endpoint request sent |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const chunkDelay of CHUNK_DELAYS) {
    server.setChunkDelay(chunkDelay);
    const results = new Map(SCENARIOS.map((scenario) => [scenario.id, []]));
    // Round-robin, so that the machine's slow moments spread over every scenario.
    for (let run = 0; run < RUNS; run++) {
      for (const scenario of SCENARIOS) {
        results.get(scenario.id).push(await runOnce(browser, server, scenario));
      }
    }
    for (const scenario of SCENARIOS) {
      const runs = results.get(scenario.id);
      const joins = runs.map((run) => run.join);
      const middle = median(joins);
      const lead = median(runs.map((run) => run.intentLead));
      const label =
        lead === undefined ? scenario.label : `${scenario.label} (measured ${ms(lead)})`;
      console.log(
        `| ${label} | ${chunkDelay} ms | ${ms(middle)} | ${ms(Math.min(...joins))} – ` +
          `${ms(Math.max(...joins))} | ${(middle / SLOWER_MS).toFixed(2)}× | ` +
          `${ms(median(runs.map((run) => run.sessionCode)))} | ` +
          `${ms(median(runs.map((run) => run.endpointSent)))} |`,
      );
    }
  }
  console.log(
    '\nTimes are from the click; a negative "session chunk in" was fetched on intent, before it.',
  );
} finally {
  await browser.close();
  await server.close();
}
