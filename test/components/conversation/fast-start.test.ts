import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import '../../../src/index.js';
import type { TavusConversation } from '../../../src/index.js';
import { createFakeFactory } from '../../support/fake-call.js';

/** The parts of the start that do not need the room run before it is known, or on intent. */
describe('<tavus-conversation>', () => {
  describe('fast start', () => {
    afterEach(() => sinon.restore());

    async function element(preload?: 'none') {
      const { factory, calls } = createFakeFactory();
      const spy = sinon.spy(factory);
      const el = await fixture<TavusConversation>(html`
        <tavus-conversation
          conversation-endpoint="/api/conversations"
          preload=${preload ?? 'intent'}
          .callFactory=${spy}
        ></tavus-conversation>
      `);
      const startButton = el.shadowRoot!.querySelector<HTMLElement>('[part="start-button"]')!;
      return { el, factory: spy, calls, startButton };
    }

    /** An endpoint that answers when the test says so. */
    function pendingEndpoint() {
      let answer!: () => void;
      const answered = new Promise<void>((resolve) => (answer = resolve));
      const fetch = sinon.stub(window, 'fetch').callsFake(async () => {
        await answered;
        return new Response(
          JSON.stringify({
            conversation_url: 'https://tavus.daily.co/c-fast',
            conversation_id: 'c-fast',
          }),
          { headers: { 'content-type': 'application/json' } },
        );
      });
      return { fetch, answer };
    }

    it('makes the call object and loads Daily’s bundle while the endpoint is still answering', async () => {
      const { el, factory, calls } = await element();
      const { fetch, answer } = pendingEndpoint();
      const started = el.start();
      await waitUntil(() => factory.callCount === 1, 'the call object waited for the endpoint');
      expect(fetch.callCount).to.equal(1);
      await waitUntil(() => calls[0]!.loads === 1, 'Daily’s bundle was not loaded ahead');
      expect(calls[0]!.joinOptions).to.equal(undefined);
      answer();
      await started;
      expect(calls[0]!.joinOptions?.['url']).to.equal('https://tavus.daily.co/c-fast');
      expect(factory.callCount).to.equal(1);
    });

    it('warms up on a pointer over the start button, and the click joins with that call', async () => {
      const { el, factory, calls, startButton } = await element();
      expect(factory.callCount).to.equal(0);
      startButton.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await waitUntil(() => calls[0]?.loads === 1, 'no warm-up on intent');
      expect(el.state).to.equal('idle');
      // Intent creates no conversation.
      const { fetch, answer } = pendingEndpoint();
      expect(fetch.callCount).to.equal(0);
      answer();
      startButton.click();
      await waitUntil(() => el.state === 'waiting', 'the click did not join');
      expect(factory.callCount).to.equal(1);
      expect(fetch.callCount).to.equal(1);
    });

    it('warms up when the start button gets focus', async () => {
      const { factory, startButton } = await element();
      startButton.focus();
      await waitUntil(() => factory.callCount === 1, 'no warm-up on focus');
    });

    it('does not warm up on intent with preload="none"', async () => {
      const { el, factory, startButton } = await element('none');
      startButton.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      startButton.focus();
      // A warm-up would have run by now: the code it loads is loaded, and a task has passed.
      await import('../../../src/session/conversation-attempt.js');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(factory.callCount).to.equal(0);
      // Positive control on the same element: a start does make the call.
      const { answer } = pendingEndpoint();
      answer();
      await el.start();
      expect(factory.callCount).to.equal(1);
    });

    it('destroys a warmed-up call when the element leaves the page without starting', async () => {
      const { el, calls, startButton } = await element();
      startButton.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await waitUntil(() => calls[0]?.loads === 1);
      el.remove();
      await waitUntil(() => calls[0]!.destroyed === 1, 'the warmed-up call was left behind');
    });
  });
});
