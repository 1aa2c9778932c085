// The marketing page (demo/marketing.html): a shop page where one script tag and the element
// add the floating launcher; a visitor opens it, talks, and the agent fills the shop's cart.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { REPO_ROOT, demoReady, launch, openPage, transcriptOf, waitForState } from './support.mjs';

const TEST_TIMEOUT = 30000;

describe('marketing page (marketing.html)', () => {
  let app;

  before(async () => {
    app = await launch();
  });

  after(async () => {
    await app?.close();
  });

  async function openShop(viewport) {
    const opened = await openPage(app.browser, app.url('marketing.html?fast'), viewport);
    await demoReady(opened.page);
    return opened;
  }

  /** Whether the floating panel is on screen. */
  function panelShown(page) {
    return page.evaluate(() =>
      document
        .querySelector('tavus-conversation')
        .shadowRoot.querySelector('[part~="panel"]')
        .checkVisibility(),
    );
  }

  it('adds the launcher with one script tag and the element', async () => {
    const html = await readFile(join(REPO_ROOT, 'demo', 'marketing.html'), 'utf8');
    const elementScripts = html.match(/<script[^>]*src="[^"]*tavus-conversation\.js"[^>]*>/g);
    assert.equal(elementScripts?.length, 1, 'one script tag loads the element');
    assert.match(html, /<tavus-conversation\s+variant="floating"[^>]*><\/tavus-conversation>/);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
  });

  it(
    'opens the panel from the launcher and starts a conversation',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await openShop();
      assert.equal(await panelShown(page), false, 'the panel starts closed');
      assert.equal(await page.$eval('tavus-conversation', (el) => el.state), 'idle');

      await page.click('pierce/button[part~="launcher"]');
      await page.waitForFunction(() => document.querySelector('tavus-conversation').open);
      assert.equal(await panelShown(page), true, 'the launcher opened the panel');

      await page.click('pierce/button[part~="start-button"]');
      await waitForState(page, 'connected');
      await page.waitForFunction(() => {
        const stage = document
          .querySelector('tavus-conversation')
          .shadowRoot.querySelector('tavus-video-stage');
        return stage?.shadowRoot?.querySelector('video[part~="video"]')?.videoWidth > 0;
      });
      await page.waitForFunction(
        () => document.querySelector('tavus-conversation').transcript.length > 0,
      );
      const [greeting] = await transcriptOf(page);
      assert.match(greeting.text, /I'm Mia, Kettle and Crane's virtual barista/);

      // Closing the panel keeps the conversation; the launcher shows that it is live.
      await page.click('pierce/button[part~="minimize-button"]');
      await page.waitForFunction(() => !document.querySelector('tavus-conversation').open);
      assert.equal(await page.$eval('tavus-conversation', (el) => el.state), 'connected');

      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.consoleErrors, []);
      assert.deepEqual(problems.remoteRequests, [], 'nothing is loaded from outside localhost');
      await page.close();
    },
  );

  it(
    'lets the barista put coffee in the shop cart through the add_to_cart tool',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await openShop({ width: 375, height: 700 });
      await page.click('#ask-barista');
      await page.waitForFunction(() => document.querySelector('tavus-conversation').open);
      await page.click('pierce/button[part~="start-button"]');
      await waitForState(page, 'connected');
      assert.equal(await page.$eval('#cart-count', (count) => count.textContent), '0');

      await page.$eval('tavus-conversation', (el) =>
        el.respond('Please add two coffees to my cart'),
      );
      await page.waitForFunction(() => document.querySelector('#cart-count').textContent === '2');
      await page.waitForFunction(() =>
        document
          .querySelector('tavus-conversation')
          .transcript.some((m) => m.role === 'replica' && m.text.startsWith('Done! I added 2')),
      );
      const lines = await page.$$eval('#cart-lines li', (items) =>
        items.map((item) => [...item.children].map((cell) => cell.textContent).join(' | ')),
      );
      assert.deepEqual(lines, ['2 × House blend coffee beans, 250 g | $24.00']);

      // The shop's own buttons use the same cart (on a phone the panel covers the page: close it).
      await page.click('pierce/button[part~="minimize-button"]');
      await page.waitForFunction(() => !document.querySelector('tavus-conversation').open);
      await page.click('[data-add="decaf"]');
      assert.equal(await page.$eval('#cart-count', (count) => count.textContent), '3');

      // The barista answers shop questions from the page's script, panel open or not.
      await page.$eval('tavus-conversation', (el) => el.respond('When will my order arrive?'));
      await page.waitForFunction(() =>
        document
          .querySelector('tavus-conversation')
          .transcript.some((m) => m.role === 'replica' && m.text.includes('roast every Monday')),
      );
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.remoteRequests, []);
      await page.close();
    },
  );
});
