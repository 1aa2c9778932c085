// Screenshots of the demo pages, for review: `node test/e2e/demo-screenshots.mjs` after
// `npm run build`. Each page at desktop (1280×800) and phone (375×700) size, light and dark,
// once at rest and once with a conversation under way (simulator in its fast profile).
// Written to screenshots/demo-*.png (git-ignored); nothing is asserted.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { demoReady, launch, openPage, REPO_ROOT, waitForState } from './support.mjs';

// Not a test: when the test runner picks up every file in this folder, do nothing.
if (!process.env.NODE_TEST_CONTEXT) await main();

async function main() {
  const out = join(REPO_ROOT, 'screenshots');
  mkdirSync(out, { recursive: true });
  const only = process.argv.slice(2);
  const app = await launch();
  const viewports = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 700 },
  ];
  const pages = {
    index: {
      path: 'index.html?fast&wps=6',
      async live(page) {
        await page.click('#start-button');
        await waitForState(page, 'connected');
        await page.waitForFunction(
          () => document.querySelector('#conversation').transcript.length > 0,
        );
        await page.click('[data-say="Add two coffees to my cart"]');
        await page.waitForFunction(
          () => document.querySelector('#conversation').transcript.at(-1)?.text.startsWith('Done'),
          { timeout: 15000 },
        );
        await sleep(1200);
      },
    },
    marketing: {
      path: 'marketing.html?fast&wps=6',
      async live(page) {
        await page.click('pierce/[part~="launcher"]');
        await sleep(400);
        await page.click('pierce/[part~="start-button"]');
        await waitForState(page, 'connected');
        await page.evaluate(() => {
          const el = document.querySelector('tavus-conversation');
          el.chatOpen = true;
          return el.respond('What can you do?');
        });
        await sleep(2500);
      },
    },
    theming: {
      path: 'theming.html?fast&wps=6',
      async live(page) {
        await page.click('#start-all');
        await page.waitForFunction(() =>
          [...document.querySelectorAll('tavus-conversation')].every(
            (el) => el.state === 'connected' && el.transcript.length > 0,
          ),
        );
        await sleep(1500);
      },
    },
    real: {
      path: 'real.html',
      async live(page) {
        await page.type('#url', 'https://tavus.daily.co/c0ffee123');
        await page.click('#join-button');
        await page.waitForFunction(
          () =>
            ['error', 'connected'].includes(document.querySelector('tavus-conversation')?.state),
          { timeout: 20000 },
        );
        await sleep(500);
      },
    },
  };
  let count = 0;
  try {
    for (const [name, spec] of Object.entries(pages)) {
      if (only.length > 0 && !only.includes(name)) continue;
      for (const viewport of viewports) {
        for (const scheme of ['light', 'dark']) {
          for (const phase of ['rest', 'live']) {
            const { page, problems } = await openPage(app.browser, 'about:blank', viewport);
            await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
            await page.goto(app.url(spec.path), { waitUntil: 'load' });
            await demoReady(page);
            if (phase === 'live') await spec.live(page);
            else await sleep(300);
            const file = join(out, `demo-${name}-${phase}-${viewport.name}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
            if (scheme === 'light')
              await fullPageSlices(
                page,
                join(out, `demo-${name}-${phase}-${viewport.name}-${scheme}-full`),
              );
            count++;
            for (const message of [...problems.errors, ...problems.consoleErrors]) {
              console.error(`${name} ${viewport.name} ${scheme} ${phase}: ${message}`);
            }
            for (const request of problems.remoteRequests) {
              console.error(`${name}: remote request ${request}`);
            }
            await page.close();
          }
        }
      }
    }
  } finally {
    await app.close();
  }
  console.log(`${count} screenshots written to screenshots/`);
}

/** The whole page in slices of 1400 CSS pixels, readable at phone width. */
async function fullPageSlices(page, prefix) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  const slice = 1400;
  for (let index = 0; index * slice < height; index++) {
    await page.screenshot({
      path: `${prefix}-${index}.png`,
      captureBeyondViewport: true,
      clip: { x: 0, y: index * slice, width, height: Math.min(slice, height - index * slice) },
    });
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
