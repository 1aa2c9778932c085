import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import '../../../src/index.js';
import type { TavusConversation } from '../../../src/index.js';
import { createFakeFactory } from '../../support/fake-call.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('<tavus-conversation>', () => {
  describe('conversation-endpoint', () => {
    let fetchStub: sinon.SinonStub;
    afterEach(() => fetchStub?.restore());

    async function element() {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-endpoint="/api/conversations"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      return { el, calls };
    }

    it('creates the conversation through the endpoint and joins with its URL and token', async () => {
      fetchStub = sinon.stub(window, 'fetch').resolves(
        json({
          conversation_url: 'https://tavus.daily.co/abc',
          conversation_id: 'abc',
          meeting_token: 'tok',
        }),
      );
      const { el, calls } = await element();
      await el.start();
      const [url, init] = fetchStub.firstCall.args as [string, RequestInit];
      expect(url).to.equal('/api/conversations');
      expect(init.method).to.equal('POST');
      expect(new Headers(init.headers).get('content-type')).to.equal('application/json');
      expect(JSON.parse(String(init.body))).to.be.an('object');
      expect(calls[0]!.joinOptions).to.include({ url: 'https://tavus.daily.co/abc', token: 'tok' });
      calls[0]!.addReplica();
      await el.interrupt();
      expect(calls[0]!.interactions.at(-1).conversation_id).to.equal('abc');
    });

    it('end() also asks the endpoint to end the conversation', async () => {
      fetchStub = sinon
        .stub(window, 'fetch')
        .callsFake(async (url) =>
          String(url).endsWith('/end')
            ? json({ ok: true })
            : json({ conversation_url: 'https://tavus.daily.co/c-end', conversation_id: 'c-end' }),
        );
      const { el } = await element();
      await el.start();
      await el.end();
      const ends = fetchStub
        .getCalls()
        .filter((call) => String(call.args[0]).endsWith('/c-end/end'));
      expect(ends).to.have.length(1);
      const [url, init] = ends[0]!.args as [string, RequestInit];
      expect(url).to.equal('/api/conversations/c-end/end');
      expect(init.method).to.equal('POST');
    });

    it('ends the conversation it created when the page is left', async () => {
      fetchStub = sinon.stub(window, 'fetch').callsFake(async (url) =>
        String(url).endsWith('/end')
          ? json({ ok: true })
          : json({
              conversation_url: 'https://tavus.daily.co/c-hide',
              conversation_id: 'c-hide',
            }),
      );
      const { el } = await element();
      await el.start();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      const ends = fetchStub
        .getCalls()
        .filter((call) => String(call.args[0]).endsWith('/c-hide/end'));
      expect(ends, 'one end request, sent synchronously from pagehide').to.have.length(1);
      expect((ends[0]!.args[1] as RequestInit).keepalive).to.equal(true);
      expect(el.state).to.equal('ended');
    });

    it('an HTTP error ends in state error with the status and the server message', async () => {
      fetchStub = sinon.stub(window, 'fetch').resolves(
        json(
          {
            error: { code: 'tavus_refused', message: 'Maximum concurrent conversations reached' },
          },
          500,
        ),
      );
      const { el, calls } = await element();
      await el.start().catch(() => {});
      expect(el.state).to.equal('error');
      expect(el.error).to.deep.equal({
        code: 'endpoint-failed',
        message: 'The conversation service answered 500: Maximum concurrent conversations reached.',
      });
      // The call object was made while the endpoint answered, and is gone with the failure.
      expect(calls).to.have.length(1);
      await waitUntil(() => calls[0]!.destroyed === 1, 'the call object was left behind');
      expect(calls[0]!.joinOptions).to.equal(undefined);
    });

    it('an answer that is not JSON ends in state error', async () => {
      fetchStub = sinon
        .stub(window, 'fetch')
        .resolves(new Response('<html>oops</html>', { status: 200 }));
      const { el } = await element();
      await el.start().catch(() => {});
      expect(el.error).to.deep.equal({
        code: 'endpoint-failed',
        message: 'The conversation service did not answer with JSON.',
      });
    });

    it('an answer without conversation_url ends in state error', async () => {
      fetchStub = sinon.stub(window, 'fetch').resolves(json({ conversation_id: 'x' }));
      const { el } = await element();
      await el.start().catch(() => {});
      expect(el.error!.message).to.contain('without a conversation_url');
    });

    it('an unreachable endpoint ends in state error, and a retry can succeed', async () => {
      fetchStub = sinon.stub(window, 'fetch');
      fetchStub.onFirstCall().rejects(new TypeError('Failed to fetch'));
      fetchStub.onSecondCall().resolves(json({ conversation_url: 'https://tavus.daily.co/abc' }));
      const { el } = await element();
      await el.start().catch(() => {});
      expect(el.error!.message).to.equal(
        'The conversation service could not be reached (Failed to fetch).',
      );
      await el.start();
      expect(el.state).to.equal('waiting');
    });
  });
});
