import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import { createConversation, endConversation } from '../../src/call/conversation-endpoint.js';
import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import { createFakeFactory } from '../support/fake-call.js';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const CREATED = {
  conversation_url: 'https://tavus.daily.co/c-tok',
  conversation_id: 'c-tok',
  meeting_token: 'meeting-secret',
  end_token: 'A'.repeat(42) + 'E',
  max_call_duration: 600,
};

/** The JSON bodies of the end requests fetch was asked to send for `id`. */
function endRequests(fetchStub: sinon.SinonStub, id: string) {
  return fetchStub
    .getCalls()
    .filter((call) => String(call.args[0]).endsWith(`/${id}/end`))
    .map((call) => call.args[1] as RequestInit);
}

describe('conversation endpoint client', () => {
  let fetchStub: sinon.SinonStub;
  afterEach(() => fetchStub?.restore());

  it('reads the meeting token, end token and call limit from the create answer', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(json(CREATED));
    const created = await createConversation(
      '/api/conversations',
      {},
      new AbortController().signal,
    );
    expect(created).to.deep.equal({
      conversationUrl: CREATED.conversation_url,
      conversationId: 'c-tok',
      meetingToken: 'meeting-secret',
      endToken: CREATED.end_token,
      maxCallDuration: 600,
    });
  });

  it('leaves out an end token or call limit of the wrong type', async () => {
    fetchStub = sinon
      .stub(window, 'fetch')
      .resolves(json({ ...CREATED, end_token: 42, max_call_duration: '600' }));
    const created = await createConversation(
      '/api/conversations',
      {},
      new AbortController().signal,
    );
    expect(created).to.not.have.property('endToken');
    expect(created).to.not.have.property('maxCallDuration');
  });

  it('sends the end token as JSON, with keepalive, to <endpoint>/<id>/end', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(json({ status: 'ended' }));
    await endConversation('/api/conversations/', 'c-tok', 'the-token');
    const [url, init] = fetchStub.firstCall.args as [string, RequestInit];
    expect(url).to.equal('/api/conversations/c-tok/end');
    expect(init.method).to.equal('POST');
    expect(init.keepalive).to.equal(true);
    expect(new Headers(init.headers).get('content-type')).to.equal('application/json');
    expect(JSON.parse(String(init.body))).to.deep.equal({ end_token: 'the-token' });
  });

  it('sends an empty object when it has no end token', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(json({ status: 'ended' }));
    await endConversation('/api/conversations', 'c-tok');
    expect(JSON.parse(String((fetchStub.firstCall.args[1] as RequestInit).body))).to.deep.equal({});
  });

  it('says the backend refused an end, without repeating the token', async () => {
    fetchStub = sinon
      .stub(window, 'fetch')
      .resolves(
        json({ error: { code: 'forbidden', message: 'This request is not allowed.' } }, 403),
      );
    const failure = await endConversation('/api/conversations', 'c-tok', 'secret-end-token').then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).to.equal(
      'Ending the conversation failed with 403: This request is not allowed.',
    );
    expect(failure?.message).to.not.contain('secret-end-token');
  });
});

describe('<tavus-conversation> ends what it created with the end token', () => {
  let fetchStub: sinon.SinonStub;
  afterEach(() => fetchStub?.restore());

  async function started() {
    fetchStub = sinon
      .stub(window, 'fetch')
      .callsFake(async (url) =>
        String(url).endsWith('/end') ? json({ status: 'ended' }) : json(CREATED),
      );
    const { factory } = createFakeFactory();
    const el = await fixture<TavusConversation>(
      html`<tavus-conversation
        conversation-endpoint="/api/conversations"
        .callFactory=${factory}
      ></tavus-conversation>`,
    );
    await el.start();
    return el;
  }

  const expectOneEndWithToken = () => {
    const ends = endRequests(fetchStub, 'c-tok');
    expect(ends, 'one end request').to.have.length(1);
    expect(JSON.parse(String(ends[0]!.body))).to.deep.equal({ end_token: CREATED.end_token });
    expect(ends[0]!.keepalive).to.equal(true);
  };

  it('on end()', async () => {
    const el = await started();
    await el.end();
    expectOneEndWithToken();
  });

  it('on removal', async () => {
    const el = await started();
    el.remove();
    // The element waits a moment on removal, in case it is only being moved.
    await waitUntil(() => endRequests(fetchStub, 'c-tok').length > 0, 'no end request');
    expectOneEndWithToken();
  });

  it('on pagehide', async () => {
    await started();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expectOneEndWithToken();
  });
});
