// `npm run screenshots`: PNGs of every state a visitor can see, on the built CDN files with the
// offline simulator, at desktop (1280×800) and phone (375×700) sizes, light and dark, plus
// right-to-left. Written to screenshots/ (git-ignored) for review; nothing is asserted.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';
import { findChromium } from './find-chromium.mjs';
import { screenshotPage } from './screenshot-page.mjs';
import { serveBuild } from './static-server.mjs';

const OUT = 'screenshots';
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 700 },
];
const SCHEMES = ['light', 'dark'];

const PAGE = screenshotPage({
  style: `
  .box { block-size: min(100% - 32px, 640px); }
  tavus-conversation[variant=inline] { block-size: 100%; }`,
  script: `
const denied = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));

// Builds the element for one scenario and drives it into the state to photograph.
window.scenario = async (name, dir) => {
  document.documentElement.dir = dir;
  const box = document.querySelector('.box');
  box.replaceChildren();
  const el = document.createElement('tavus-conversation');
  el.setAttribute('conversation-url', 'https://tavus.daily.co/screenshots');
  el.setAttribute('variant', name.startsWith('floating') ? 'floating' : 'inline');
  const sim = (options = {}) => createSimulatedCallFactory({ seed: 7, replicaName: 'Anna', ...options });
  const until = async (test) => { for (let i = 0; i < 400 && !test(); i++) await new Promise((r) => setTimeout(r, 25)); };
  if (name.startsWith('header')) {
    const brand = document.createElement('strong');
    brand.slot = 'header';
    brand.textContent = 'Acme support';
    brand.style.cssText = 'padding: 6px 12px; border-radius: 999px; background: #fff; color: #17181c';
    el.append(brand);
  }
  switch (name) {
    case 'idle':
    case 'header-idle':
    case 'floating-closed':
      break;
    case 'connecting':
      el.callFactory = stalledCall;
      break;
    case 'waiting':
      el.callFactory = sim({ timing: { replicaJoinMs: 600000 } });
      break;
    case 'error':
      el.callFactory = () => failingCall('Failed to load call object bundle: TypeError: Failed to fetch');
      break;
    case 'devices-denied':
      el.callFactory = sim({ fast: true, getUserMedia: denied });
      break;
    default:
      el.callFactory = sim({ fast: name !== 'captions' });
  }
  if (name === 'captions') el.captions = true;
  box.append(el);
  await el.updateComplete;
  if (name === 'idle' || name === 'floating-closed' || name === 'header-idle') return;
  if (name === 'floating-open') el.open = true;
  el.start().catch(() => {});
  if (name === 'connecting' || name === 'waiting') { await until(() => el.state === name); return; }
  if (name === 'error') { await until(() => el.state === 'error'); return; }
  await until(() => el.state === 'connected' && el.transcript.length > 0);
  if (name === 'chat' || name === 'floating-open') {
    el.chatOpen = true;
    await el.respond('What can you do for me?');
    await until(() => el.transcript.filter((m) => m.role === 'replica').length > 1 && el.transcript.at(-1).final);
  }
  if (name === 'header') {
    await el.respond('Tell me about your plans.');
    await until(() => el.transcript.at(-1)?.role === 'replica' && !el.transcript.at(-1).final);
  }
  if (name === 'captions') { await el.respond('Tell me about your plans.'); await until(() => el.transcript.at(-1)?.role === 'replica' && !el.transcript.at(-1).final); }
  if (name === 'ended') await el.end();
  await new Promise((r) => setTimeout(r, 400));
};`,
});

const SCENARIOS = [
  'idle',
  'connecting',
  'waiting',
  'connected',
  'chat',
  'captions',
  'devices-denied',
  'header',
  'header-idle',
  'ended',
  'error',
  'floating-closed',
  'floating-open',
];

mkdirSync(OUT, { recursive: true });
const server = await serveBuild(PAGE);
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
let count = 0;
try {
  for (const viewport of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      for (const dir of ['ltr', 'rtl']) {
        // Right-to-left once per viewport is enough to see the mirroring.
        if (dir === 'rtl' && scheme === 'dark') continue;
        const page = await browser.newPage();
        page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
        await page.setViewport({ width: viewport.width, height: viewport.height });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(server.url);
        await page.waitForFunction('window.ready === true');
        for (const name of SCENARIOS) {
          await page.evaluate((n, d) => window.scenario(n, d), name, dir);
          // Let entrance transitions finish.
          await new Promise((resolve) => setTimeout(resolve, 500));
          const file = `${OUT}/${name}-${viewport.name}-${scheme}${dir === 'rtl' ? '-rtl' : ''}.png`;
          await page.screenshot({ path: file });
          count++;
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${count} screenshots written to ${OUT}/`);
