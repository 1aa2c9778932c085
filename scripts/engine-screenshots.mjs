// Screenshots of the demo pages in Firefox and WebKitGTK, for review:
// `npm run build && node scripts/engine-screenshots.mjs [firefox|webkit ...] [--out DIR]`
// (both engines by default, into screenshots/engines/, git-ignored). Each page at desktop
// (1280×800) and phone (375×700; MiniBrowser stops at about 447 px) size, once at rest and once
// with a conversation under way on the simulated replica. Nothing is asserted. The demo server
// runs in-process on a free port. Chromium's screenshots: scripts/screenshots.mjs and
// test/e2e/demo-screenshots.mjs.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { startServer } from '../demo/server/serve.mjs';
import { openFirefox, openWebKit } from './browsers/screenshot-drivers.mjs';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 700 },
];

// In-page steps, as source text so that both drivers can run them. Each resolves once the page
// shows what is to be photographed. `until` polls a condition (the simulator's pace varies with
// the machine's load; nothing here waits for a fixed time except to let painting catch up).
const UNTIL = `const until = async (test, what, ms = 60000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
};`;

const PAGES = {
  index: {
    path: 'index.html?fast&wps=8',
    live: `${UNTIL}
      const el = document.querySelector('#conversation');
      document.querySelector('#start-button').click();
      await until(() => el.state === 'connected' && el.transcript.length > 0, 'the greeting');
      document.querySelector('[data-say="Add two coffees to my cart"]').click();
      await until(() => el.transcript.at(-1)?.role === 'replica' && el.transcript.length > 2 && el.transcript.at(-1).final, 'the reply');`,
  },
  marketing: {
    path: 'marketing.html?fast&wps=8',
    live: `${UNTIL}
      const el = document.querySelector('tavus-conversation');
      el.open = true;
      el.start().catch(() => {});
      await until(() => el.state === 'connected' && el.transcript.length > 0, 'the greeting');
      el.chatOpen = true;
      await el.respond('What can you do?');
      await until(() => el.transcript.filter((m) => m.role === 'replica').length > 1 && el.transcript.at(-1).final, 'the reply');`,
  },
  theming: {
    path: 'theming.html?fast&wps=8',
    live: `${UNTIL}
      document.querySelector('#start-all').click();
      const all = () => [...document.querySelectorAll('tavus-conversation')];
      await until(() => all().every((el) => el.state === 'connected' && el.transcript.length > 0), 'every greeting');`,
  },
};

// Two animation frames and a short pause: WebKitGTK paints 7–20 frames per second under Xvfb.
const PAINTED = `await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 700));`;

const DRIVERS = { firefox: openFirefox, webkit: openWebKit };

async function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 ? args[outAt + 1] : 'screenshots/engines');
  const engines = args.filter((arg, i) => arg in DRIVERS && !(outAt >= 0 && i === outAt + 1));
  mkdirSync(out, { recursive: true });
  const server = await startServer({ port: 0, log: () => {} });
  let count = 0;
  try {
    for (const engine of engines.length > 0 ? engines : Object.keys(DRIVERS)) {
      const browser = await DRIVERS[engine]();
      try {
        for (const viewport of VIEWPORTS) {
          const reached = await browser.setViewport(viewport);
          for (const [name, page] of Object.entries(PAGES)) {
            for (const state of ['rest', 'live']) {
              await browser.goto(new URL(page.path, server.url).href);
              try {
                if (state === 'live') await browser.run(page.live);
                await browser.run(PAINTED);
              } catch (error) {
                console.error(`${engine} ${name} ${state}: ${error.message}`);
              }
              const file = join(out, `${engine}-${name}-${viewport.name}-${state}.png`);
              await browser.screenshot(file);
              console.log(`${file} (${reached.width}×${reached.height})`);
              count++;
            }
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  console.log(`${count} screenshots written to ${out}`);
}

await main();
