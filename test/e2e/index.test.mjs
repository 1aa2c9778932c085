// The playground (demo/index.html) in Chromium, against the real demo server and the built
// CDN files: a whole conversation with the simulated replica, driven the way a person would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { demoReady, launch, openPage, transcriptOf, waitForState } from './support.mjs';

/** Per test: the fast simulator makes a whole exchange take well under a second. */
const TEST_TIMEOUT = 30000;

describe('playground (index.html)', () => {
  let app;

  before(async () => {
    app = await launch();
  });

  after(async () => {
    await app?.close();
  });

  /** Opens the playground with `query` and starts the conversation with the page's button. */
  async function startPlayground(query = 'fast') {
    const opened = await openPage(app.browser, app.url(`index.html?${query}`));
    await demoReady(opened.page);
    await trackSpeech(opened.page);
    await opened.page.click('#start-button');
    await waitForState(opened.page, 'connected');
    return opened;
  }

  /** Remembers which replica replies have finished being spoken (by inference id). */
  async function trackSpeech(page) {
    await page.evaluate(() => {
      window.spoken = new Set();
      document
        .querySelector('#conversation')
        .addEventListener('tavus-replica-stopped-speaking', (event) => {
          window.spoken.add(event.detail.inference_id);
        });
    });
  }

  /**
   * Waits until the replica has finished saying a reply that matches `pattern`, and returns that
   * transcript message. (A reply's `conversation.utterance` carries the whole text before it is
   * spoken, so the text alone does not say that it was.)
   */
  async function replicaSaid(page, pattern) {
    await page.waitForFunction(
      (source) => {
        const last = document.querySelector('#conversation').transcript.at(-1);
        return (
          last?.role === 'replica' &&
          last.final &&
          window.spoken.has(last.inference_id) &&
          new RegExp(source).test(last.text)
        );
      },
      {},
      pattern.source,
    );
    return (await transcriptOf(page)).at(-1);
  }

  /** Nothing went wrong in the page and nothing was loaded from outside localhost. */
  function assertClean(problems) {
    assert.deepEqual(problems.errors, [], 'uncaught errors in the page');
    assert.deepEqual(problems.consoleErrors, [], 'console errors in the page');
    assert.deepEqual(problems.remoteRequests, [], 'requests that left localhost');
  }

  it(
    'connects: the replica video has frames, the greeting is in the transcript and the chat',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();

      // The replica's <video>, two shadow roots down (element → video stage).
      const video = await page.waitForFunction(() => {
        const stage = document
          .querySelector('#conversation')
          .shadowRoot.querySelector('tavus-video-stage');
        const element = stage?.shadowRoot?.querySelector('video[part~="video"]');
        return element && element.videoWidth > 0 && element.readyState >= 2 ? element : null;
      });
      const firstTime = await video.evaluate((element) => element.currentTime);
      await page.waitForFunction((element, t) => element.currentTime > t, {}, video, firstTime);
      const size = await video.evaluate((element) => [element.videoWidth, element.videoHeight]);
      assert.ok(size[0] > 0 && size[1] > 0, `video frames of ${size.join('×')}`);

      const greeting = await replicaSaid(page, /^Hi there!/);
      assert.equal(greeting.role, 'replica');
      assert.match(greeting.text, /I'm Anna, a simulated replica/);

      // The chat drawer is open on this page and shows the greeting as text.
      await page.waitForFunction(
        (text) => {
          const drawer = document
            .querySelector('#conversation')
            .shadowRoot.querySelector('tavus-chat-drawer');
          const bubble = drawer.shadowRoot.querySelector('li[part~="message-replica"] .text');
          return bubble?.checkVisibility() && bubble.textContent.trim() === text;
        },
        {},
        greeting.text,
      );

      assert.equal(await page.$eval('#state-badge', (badge) => badge.textContent), 'connected');
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'answers a question typed in the composer and sent with Enter',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();
      const question = 'What time is it?';
      // Like a person, wait for the greeting before typing.
      await replicaSaid(page, /^Hi there!/);

      await page.click('pierce/textarea[part~="composer-input"]');
      await page.keyboard.type(question);
      await page.keyboard.press('Enter');

      const answer = await replicaSaid(page, /^It is \d{1,2}:\d{2}/);
      const messages = await transcriptOf(page);
      assert.deepEqual(
        messages.map((m) => [m.role, m.role === 'user' ? m.text : m.id === answer.id]),
        [
          ['replica', false],
          ['user', question],
          ['replica', true],
        ],
        'greeting, the typed question once, then the answer',
      );

      const composer = await page.$eval('pierce/textarea[part~="composer-input"]', (t) => t.value);
      assert.equal(composer, '', 'the composer is emptied once sent');
      // The chat shows both (it renders a moment after the transcript changes).
      await page.waitForFunction(
        (wanted) => {
          const drawer = document
            .querySelector('#conversation')
            .shadowRoot.querySelector('tavus-chat-drawer');
          const texts = [...drawer.shadowRoot.querySelectorAll('li[part~="message"] .text')].map(
            (t) => t.textContent.trim(),
          );
          return wanted.every((text) => texts.includes(text));
        },
        {},
        [question, answer.text],
      );
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'interrupt() cuts the reply: marked interrupted, its text a prefix of the full reply',
    { timeout: TEST_TIMEOUT },
    async () => {
      // A slower voice, so that there is a moment to interrupt in.
      const { page, problems } = await startPlayground('fast&wps=10');
      await page.evaluate(() => {
        window.fullReplies = {};
        document.querySelector('#conversation').addEventListener('tavus-utterance', (event) => {
          const { inference_id: id, properties } = event.detail;
          if (properties.role !== 'user') window.fullReplies[id] = properties.speech;
        });
      });

      await page.click('[data-say="What can you do?"]');
      // The reply is streaming: some words spoken (fewer than the announced reply), not final.
      await page.waitForFunction(() => {
        const last = document.querySelector('#conversation').transcript.at(-1);
        return (
          last?.role === 'replica' &&
          !last.final &&
          last.text.split(' ').length >= 3 &&
          last.text !== window.fullReplies[last.inference_id]
        );
      });
      await page.click('#interrupt-button');

      await page.waitForFunction(
        () => document.querySelector('#conversation').transcript.at(-1)?.final,
      );
      const last = (await transcriptOf(page)).at(-1);
      const full = await page.evaluate((id) => window.fullReplies[id], last.inference_id);
      assert.equal(last.role, 'replica');
      assert.equal(last.interrupted, true, 'the reply is marked interrupted');
      assert.ok(full, 'the replica announced its full reply in conversation.utterance');
      assert.ok(
        last.text.length > 0 && last.text.length < full.length,
        `"${last.text}" is shorter than the full reply`,
      );
      assert.ok(full.startsWith(last.text), `"${last.text}" is a prefix of "${full}"`);

      const mark = await page.evaluate(() => {
        const drawer = document
          .querySelector('#conversation')
          .shadowRoot.querySelector('tavus-chat-drawer');
        const items = drawer.shadowRoot.querySelectorAll('li[part~="message-replica"]');
        const item = items[items.length - 1];
        return {
          text: item.querySelector('.text').textContent.trim(),
          interrupted: Boolean(item.querySelector('[part~="interrupted"]')?.checkVisibility()),
        };
      });
      assert.deepEqual(mark, { text: last.text, interrupted: true });

      const sent = await page.evaluate(() => window.tavusDemo.call.sent.map((m) => m.event_type));
      assert.ok(sent.includes('conversation.interrupt'), 'conversation.interrupt was sent');
      await page.waitForFunction(
        () => document.querySelector('#speaking').dataset.speaking === 'false',
      );
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'runs the add_to_cart tool: the cart updates and the replica speaks the result',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();

      await page.click('[data-say="Add two coffees to my cart"]');
      await page.waitForFunction(() => document.querySelectorAll('#cart .cart-line').length === 1);
      const line = await page.$eval('#cart .cart-line', (item) =>
        item.innerText.replace(/\s+/g, ' ').trim(),
      );
      assert.match(line, /^2 × House blend coffee beans, 250 g \$24\.00$/);
      assert.equal(await page.$eval('#cart-count', (count) => count.textContent), '2 items');

      const last = await replicaSaid(page, /^Done!/);
      assert.match(
        last.text,
        /^Done! I added 2 coffees to your cart\. The page said: The cart now holds 2 × House blend/,
      );

      const results = await page.evaluate(() =>
        window.tavusDemo.call.sent
          .filter((m) => m.event_type === 'conversation.tool_result')
          .map((m) => m.properties),
      );
      assert.equal(results.length, 1, 'one tool_result for one tool_call');
      assert.equal(results[0].status, 'success');
      assert.equal(results[0].output.added, 2);
      assert.match(results[0].tool_call_id, /^tc_/);
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'end() leaves the call: state ended, every call object destroyed',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();

      await page.click('#end-button');
      await waitForState(page, 'ended');
      const calls = await page.evaluate(() =>
        window.tavusDemo.calls.map((call) => ({
          destroyed: call.isDestroyed(),
          speaking: call.speaking,
        })),
      );
      assert.equal(calls.length, 1);
      assert.deepEqual(calls, [{ destroyed: true, speaking: false }]);
      await page.waitForSelector('pierce/[part~="ended-screen"]', { visible: true });
      const video = await page.evaluate(() => {
        const stage = document
          .querySelector('#conversation')
          .shadowRoot.querySelector('tavus-video-stage');
        return stage.shadowRoot.querySelector('video[part~="video"]').srcObject;
      });
      assert.equal(video, null, 'the replica video is detached');
      assert.equal(await page.$eval('#end-button', (button) => button.disabled), true);

      // Starting again makes a fresh call object.
      await page.click('#start-button');
      await waitForState(page, 'connected');
      const after = await page.evaluate(() =>
        window.tavusDemo.calls.map((call) => call.isDestroyed()),
      );
      assert.deepEqual(after, [true, false]);
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'logs every event once and in seq order while delivery reorders and duplicates them',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await openPage(
        app.browser,
        app.url('index.html?fast&reorder=0.5&duplicates=0.4&seed=11'),
      );
      await demoReady(page);
      // Record the raw arrival order at the call object, before the element's sequencer.
      await page.evaluate(() => {
        window.arrivals = [];
        const el = document.querySelector('#conversation');
        const make = el.callFactory;
        el.callFactory = (options) => {
          const call = make(options);
          call.on('app-message', ({ data }) => {
            const event = typeof data === 'string' ? JSON.parse(data) : data;
            if (typeof event.seq === 'number')
              window.arrivals.push(`${event.seq}/${event.properties?.role ?? ''}`);
          });
          return call;
        };
      });
      await page.click('#start-button');
      await waitForState(page, 'connected');
      await page.click('[data-say="What can you do?"]');
      await page.waitForFunction(() => {
        const messages = document.querySelector('#conversation').transcript;
        return messages.length >= 3 && messages.at(-1).role === 'replica' && messages.at(-1).final;
      });
      // Let the reorder window (300 ms) release anything still held.
      await new Promise((resolve) => setTimeout(resolve, 500));

      const entries = await page.$$eval('#log .log-entry', (items) =>
        items.map((item) => ({
          seq: item.dataset.seq === undefined ? null : Number(item.dataset.seq),
          name: item.dataset.name,
          late: item.dataset.late === 'true',
          summary: item.querySelector('.log-summary').textContent.replace(/^late/, ''),
        })),
      );
      const sequenced = entries.filter((entry) => entry.seq !== null);
      assert.ok(sequenced.length >= 20, `${sequenced.length} Tavus events logged`);
      // Each seq goes out in ascending order. Twins (the PAL event and its legacy replica copy)
      // share a seq: a twin that arrives after later events is delivered late and marked so in
      // the log; only then may a lower seq follow a higher one.
      let highest = -1;
      const dispatched = new Set();
      for (const entry of sequenced) {
        if (entry.seq < highest) {
          assert.ok(
            dispatched.has(`${entry.seq} ${entry.name}`),
            `seq ${entry.seq} after ${highest} is a late twin`,
          );
          assert.equal(entry.late, true, `late twin ${entry.seq} is marked late`);
        } else {
          assert.equal(entry.late, false, `seq ${entry.seq} in order is not marked late`);
        }
        highest = Math.max(highest, entry.seq);
        dispatched.add(`${entry.seq} ${entry.name}`);
      }
      const keys = sequenced.map((entry) => `${entry.seq} ${entry.name} ${entry.summary}`);
      assert.equal(new Set(keys).size, keys.length, 'no event is logged twice');
      assert.ok(
        entries.some((entry) => entry.name === 'tavus-state-change'),
        'element events are logged',
      );
      assert.ok(
        entries.some((entry) => entry.name === 'tavus-send'),
        'interactions sent are logged',
      );

      // The faults really happened: the raw arrivals were out of order or repeated.
      const arrivals = await page.evaluate(() => window.arrivals);
      const seqs = arrivals.map((key) => Number(key.split('/')[0]));
      const reordered = seqs.some((seq, i) => i > 0 && seq < seqs[i - 1]);
      const repeated = new Set(arrivals).size < arrivals.length;
      assert.ok(
        reordered && repeated,
        `arrivals were reordered (${reordered}) and duplicated (${repeated})`,
      );
      // And nothing that arrived was dropped.
      const logged = new Set(sequenced.map((entry) => entry.seq));
      const missing = [...new Set(seqs)].filter((seq) => !logged.has(seq));
      assert.deepEqual(missing, [], 'every seq that arrived is in the log');
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'filters and clears the log, and shows event details as text, never as HTML',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();
      await replicaSaid(page, /^Hi there!/);

      // An utterance whose text looks like HTML, straight from the "replica".
      const payload = '<img src=x onerror="window.injected=1"><b>bold</b>';
      await page.evaluate((speech) => {
        window.tavusDemo.call.injectAppMessage({
          message_type: 'conversation',
          event_type: 'conversation.utterance',
          conversation_id: 'demo-offline',
          properties: { role: 'replica', speech },
        });
      }, payload);
      await page.click('#log-expand');
      const entry = await page.waitForFunction(() =>
        [...document.querySelectorAll('#log .log-entry[data-name="tavus-utterance"] pre')].find(
          (pre) => pre.textContent.includes('onerror'),
        ),
      );
      const shown = await entry.evaluate((pre) => ({
        text: pre.textContent,
        elements: pre.querySelectorAll('*').length,
      }));
      assert.equal(shown.elements, 0, 'the detail is plain text');
      assert.ok(
        shown.text.includes(JSON.stringify(payload).slice(1, -1)),
        'the detail shows the payload',
      );
      assert.equal(await page.$$eval('#log img, #log b', (found) => found.length), 0);
      assert.equal(await page.evaluate(() => window.injected), undefined);

      await page.type('#log-filter', 'replica-started');
      const visible = await page.$$eval('#log .log-entry:not([hidden])', (items) =>
        items.map((item) => item.dataset.name),
      );
      assert.ok(visible.length > 0, 'some entries match');
      assert.ok(
        visible.every((name) => name === 'tavus-replica-started-speaking'),
        visible.join(', '),
      );
      assert.match(
        await page.$eval('#log-count', (count) => count.textContent),
        /^\d+ of \d+ shown$/,
      );

      await page.click('#log-clear');
      assert.equal(await page.$$eval('#log .log-entry', (items) => items.length), 0);
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'sends echo, context and sensitivity from the panels, and the replica receives them',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();
      await replicaSaid(page, /^Hi there!/);

      await page.type('#echo-text', 'Welcome to the demo!');
      await page.click('#echo-form button[type="submit"]');
      const echoed = await replicaSaid(page, /^Welcome to the demo!$/);
      assert.equal(echoed.interrupted, false);

      await page.click('#context-form button[value="overwrite"]');
      await page.waitForFunction(() =>
        document.querySelector('#replica-knows').textContent.includes('oat-milk flat whites'),
      );
      await page.$eval('#context-text', (area) => (area.value = 'They also buy decaf for Dad.'));
      await page.click('#context-form button[value="append"]');
      await page.waitForFunction(() =>
        document.querySelector('#replica-knows').textContent.includes('decaf for Dad'),
      );
      await page.click('[data-say="What do you know?"]');
      const known = await replicaSaid(page, /^Here is what I have been told/);
      assert.match(known.text, /oat-milk flat whites\. They also buy decaf for Dad\./);

      await page.select('#sensitivity-form select[name="pause"]', 'high');
      await page.select('#sensitivity-form select[name="interrupt"]', 'low');
      await page.click('#sensitivity-form button[type="submit"]');
      await page.waitForFunction(() => {
        const text = document.querySelector('#replica-knows').textContent;
        return /pause:\s+high/.test(text) && /interrupt:\s+low/.test(text);
      });
      assert.match(
        await page.$eval('#context-output', (output) => output.textContent),
        /^setSensitivity\(\{"pause":"high","interrupt":"low"\}\): sent\.$/,
      );
      assertClean(problems);
      await page.close();
    },
  );

  it(
    'simulates user speech, a network drop, the replica leaving and a fatal error',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await startPlayground();
      await replicaSaid(page, /^Hi there!/);

      // Speech "into the microphone" (the field's default text).
      await page.click('#speech-form button[type="submit"]');
      await replicaSaid(page, /^I'm Anna, a simulated replica/);
      const said = (await transcriptOf(page)).find((m) => m.role === 'user');
      assert.equal(said.text, 'Hello, who are you?');
      assert.equal(said.typed, undefined, 'spoken, not typed');

      await page.click('#network-button');
      await waitForState(page, 'reconnecting');
      assert.equal(await page.$eval('#state-badge', (badge) => badge.textContent), 'reconnecting');
      await waitForState(page, 'connected');

      await page.click('#leave-button');
      await waitForState(page, 'ended');
      assert.equal(
        await page.$eval('#state-detail', (detail) => detail.textContent),
        'The replica left.',
      );

      await page.click('#start-button');
      await waitForState(page, 'connected');
      await page.click('#fatal-button');
      await waitForState(page, 'error');
      assert.match(
        await page.$eval('#state-detail', (detail) => detail.textContent),
        /^call-failed: .*Simulated fatal error/,
      );
      assert.equal(await page.$eval('#respond-text', (input) => input.disabled), true);
      assert.deepEqual(
        await page.evaluate(() => window.tavusDemo.calls.map((call) => call.isDestroyed())),
        [true, true],
      );
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.remoteRequests, []);
      await page.close();
    },
  );

  it(
    'applies attribute toggles and simulator settings from the panels',
    { timeout: TEST_TIMEOUT },
    async () => {
      const { page, problems } = await openPage(app.browser, app.url('index.html?fast&wps=12'));
      await demoReady(page);
      assert.equal(await page.$eval('#faults select[name="wps"]', (select) => select.value), '12');
      assert.equal(await page.$eval('#faults input[name="fast"]', (box) => box.checked), true);

      await page.click('#options [data-attribute="captions"]');
      await page.click('#options [data-attribute="camera-off"]');
      await page.select('#theme-select', 'dark');
      const attributes = await page.$eval('#conversation', (el) => ({
        captions: el.captions,
        cameraOff: el.cameraOff,
        theme: el.getAttribute('theme'),
      }));
      assert.deepEqual(attributes, { captions: true, cameraOff: true, theme: 'dark' });

      await page.click('#start-button');
      await waitForState(page, 'connected');
      assert.equal(await page.evaluate(() => window.tavusDemo.call.localVideo()), false);

      // The element's own chat button and the page's checkbox stay in step.
      assert.equal(await page.$eval('[data-attribute="chat-open"]', (box) => box.checked), true);
      await page.click('pierce/button[part~="chat-button"]');
      await page.waitForFunction(
        () => !document.querySelector('[data-attribute="chat-open"]').checked,
      );

      // A fault setting changed during a call waits for the next one.
      await page.select('#faults select[name="duplicates"]', '0.3');
      assert.match(await page.$eval('#faults-note', (note) => note.textContent), /next/);
      assertClean(problems);
      await page.close();
    },
  );
});
