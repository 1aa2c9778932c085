// The theming gallery and the real-service page (demo/theming.html, demo/real.html), and what
// every demo page promises: local assets only, no inline event handlers, no page errors.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';

import {
  REPO_ROOT,
  animationsSettled,
  demoReady,
  launch,
  openPage,
  waitForState,
} from './support.mjs';

const TEST_TIMEOUT = 30000;
/** axe-core, the accessibility engine @open-wc/testing uses, injected into the demo pages. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = ['index.html', 'marketing.html', 'theming.html', 'real.html'];

describe('every demo page', () => {
  let app;

  before(async () => {
    app = await launch();
  });

  after(async () => {
    await app?.close();
  });

  for (const name of PAGES) {
    it(`${name} loads from localhost only, with no errors and no inline handlers`, async () => {
      const html = await readFile(join(REPO_ROOT, 'demo', name), 'utf8');
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
      assert.doesNotMatch(html, /\sstyle\s*=/i, 'no inline style attributes');
      assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, 'no remote src or href');

      const { page, problems } = await openPage(app.browser, app.url(name));
      await demoReady(page);
      const handlers = await page.evaluate(() =>
        [...document.querySelectorAll('*')].flatMap((node) =>
          [...node.attributes].filter((attr) => /^on/i.test(attr.name)).map((attr) => attr.name),
        ),
      );
      assert.deepEqual(handlers, []);
      assert.deepEqual(problems.errors, []);
      // real.html asks the server whether it can create conversations: offline, it answers 501.
      const expected = name === 'real.html' ? [/501 \(Not Implemented\)/] : [];
      assert.equal(
        problems.consoleErrors.length,
        expected.length,
        problems.consoleErrors.join('\n'),
      );
      problems.consoleErrors.forEach((message, i) => assert.match(message, expected[i]));
      assert.deepEqual(problems.remoteRequests, []);
      await page.close();
    });

    for (const scheme of ['light', 'dark']) {
      it(`${name} has no axe violations in ${scheme} mode`, { timeout: TEST_TIMEOUT }, async () => {
        const { page } = await openPage(app.browser, 'about:blank');
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(app.url(name));
        await demoReady(page);
        await animationsSettled(page);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document);
          return result.violations.map(
            (v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        });
        assert.deepEqual(violations, []);
        await page.close();
      });
    }
  }
});

describe('theming gallery (theming.html)', () => {
  let app;

  before(async () => {
    app = await launch();
  });

  after(async () => {
    await app?.close();
  });

  it(
    'styles each example from outside: tokens, parts, dark theme, right-to-left Arabic',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await openPage(app.browser, app.url('theming.html?fast'));
      await demoReady(page);
      const ids = await page.$$eval('tavus-conversation', (els) => els.map((el) => el.id));
      assert.deepEqual(ids, ['default', 'brand', 'parts', 'dark', 'rtl', 'poster']);

      const looks = await page.evaluate(() => {
        const part = (id, name) =>
          document.getElementById(id).shadowRoot.querySelector(`[part~="${name}"]`);
        const style = (id, name) => getComputedStyle(part(id, name));
        return {
          brandButton: style('brand', 'start-button').backgroundColor,
          brandFont: style('brand', 'start-button').fontFamily,
          defaultButton: style('default', 'start-button').backgroundColor,
          partsButton: style('parts', 'start-button').backgroundImage,
          partsTransform: style('parts', 'start-button').textTransform,
          darkSurface: style('dark', 'chat').backgroundColor,
          rtlDirection: style('rtl', 'panel').direction,
          rtlStart: part('rtl', 'start-button').textContent.trim(),
          rtlPlaceholder: part('rtl', 'chat').shadowRoot.querySelector('[part~="composer-input"]')
            .placeholder,
          posterImage: part('poster', 'poster')?.getAttribute('src'),
        };
      });
      assert.equal(looks.brandButton, 'rgb(15, 118, 110)', '--tavus-accent reaches the button');
      assert.match(looks.brandFont, /Georgia/, '--tavus-font-family applies');
      assert.notEqual(looks.defaultButton, looks.brandButton);
      assert.match(looks.partsButton, /linear-gradient/, '::part(start-button) applies');
      assert.equal(looks.partsTransform, 'uppercase');
      assert.equal(looks.darkSurface, 'rgb(22, 23, 28)', 'theme="dark" surfaces');
      assert.equal(looks.rtlDirection, 'rtl');
      assert.equal(looks.rtlStart, 'ابدأ المحادثة');
      assert.equal(looks.rtlPlaceholder, 'اكتب رسالة…');
      assert.equal(looks.posterImage, 'assets/anna.svg');

      // The CSS shown under each example is the CSS that applies to it.
      const sources = await page.$$eval('pre[data-source]', (pres) =>
        pres.map((pre) => {
          const style = document.querySelector(`style[data-example="${pre.dataset.source}"]`);
          const squash = (text) => text.replace(/\s+/g, ' ').trim();
          return squash(pre.textContent) === squash(style.textContent);
        }),
      );
      assert.deepEqual(sources, [true, true, true, true, true]);

      // Six simulated replicas at once; the Arabic one speaks Arabic.
      await page.click('#start-all');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('tavus-conversation')].every(
          (el) => el.state === 'connected' && el.transcript.length > 0,
        ),
      );
      const rtlGreeting = await page.$eval('#rtl', (el) => el.transcript[0].text);
      assert.match(rtlGreeting, /^مرحبًا! أنا سامي/);
      await page.click('#end-all');
      for (const id of ids) await waitForState(page, 'ended', `#${id}`);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.remoteRequests, []);
      await page.close();
    },
  );
});

describe('real-service page (real.html)', () => {
  it('says clearly that this server cannot create conversations without TAVUS_API_KEY', async () => {
    const app = await launch();
    try {
      const { page } = await openPage(app.browser, app.url('real.html'));
      await demoReady(page);
      const status = await page.$eval('#endpoint-status', (box) => ({
        status: box.dataset.status,
        text: box.textContent.replace(/\s+/g, ' '),
      }));
      assert.equal(status.status, 'not-configured');
      assert.match(status.text, /Not configured \(501 tavus-not-configured\)/);
      assert.match(status.text, /TAVUS_API_KEY/);
      assert.equal(await page.$eval('#create-button', (button) => button.disabled), true);
      const note = await page.$eval('.network-note', (box) => box.textContent);
      assert.match(note, /needs the internet/);
      await page.close();
    } finally {
      await app.close();
    }
  });

  it(
    'creates a conversation through /api/conversations, joins with daily-js, and ends it when the join fails',
    { timeout: 45000 },
    async () => {
      // A stand-in for the Tavus API, so that the server's endpoint has something to talk to.
      const requests = [];
      const tavus = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          requests.push({ method: req.method, url: req.url, key: req.headers['x-api-key'], body });
          res.setHeader('content-type', 'application/json');
          if (req.url === '/v2/conversations') {
            res.end(
              JSON.stringify({
                conversation_id: 'c0ffee42',
                conversation_url: 'https://tavus.daily.co/c0ffee42',
                status: 'active',
              }),
            );
          } else {
            res.end(JSON.stringify({ conversation_id: 'c0ffee42', status: 'ended' }));
          }
        });
      });
      await new Promise((resolve) => tavus.listen(0, '127.0.0.1', resolve));
      const app = await launch({
        env: {
          TAVUS_API_KEY: 'test-key',
          TAVUS_REPLICA_ID: 'r-test',
          TAVUS_API_URL: `http://127.0.0.1:${tavus.address().port}`,
        },
      });
      try {
        const { page } = await openPage(app.browser, app.url('real.html'));
        await demoReady(page);
        assert.equal(await page.$eval('#endpoint-status', (box) => box.dataset.status), 'ready');

        await page.click('#create-button');
        // daily-js loads its call bundle from Daily's CDN, which this browser cannot reach.
        await page.waitForFunction(
          () => document.querySelector('#conversation').state === 'error',
          { timeout: 30000 },
        );
        const error = await page.$eval('#conversation', (el) => el.error);
        assert.ok(['join-failed', 'call-unavailable'].includes(error.code), error.message);
        assert.match(
          await page.$eval('#state-detail', (p) => p.textContent),
          /join-failed|call-unavailable/,
        );

        // The server created the conversation with its key, then ended it so billing stops.
        await waitUntil(() => requests.some((r) => r.url === '/v2/conversations/c0ffee42/end'));
        assert.deepEqual(
          requests.map((r) => [r.method, r.url, r.key]),
          [
            ['POST', '/v2/conversations', 'test-key'],
            ['POST', '/v2/conversations/c0ffee42/end', 'test-key'],
          ],
        );
        assert.equal(JSON.parse(requests[0].body).replica_id, 'r-test');
        // The element never saw the key.
        assert.equal(await page.content().then((html) => html.includes('test-key')), false);
        await page.close();
      } finally {
        await app.close();
        await new Promise((resolve) => tavus.close(resolve));
      }
    },
  );
});

async function waitUntil(test, timeout = 10000) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
