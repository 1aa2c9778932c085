import { expect } from '@open-wc/testing';
import sinon from 'sinon';

import {
  requestConversation,
  requestConversationFor,
} from '../../src/session/conversation-request.js';
import type { SessionConfig } from '../../src/session/session-config.js';
import { waitFor } from '../support/wait.js';

const ENDPOINT = '/api/conversations';
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const CREATED = {
  conversation_url: 'https://tavus.daily.co/c-early',
  conversation_id: 'c-early',
  end_token: 'E'.repeat(43),
};

const config = (conversationUrl: string, conversationEndpoint: string) =>
  ({ conversationUrl, conversationEndpoint }) as SessionConfig;

describe('conversation request (sent on the click, before the call code loads)', () => {
  let fetchStub: sinon.SinonStub;
  afterEach(() => fetchStub?.restore());

  it('is sent only when there is an endpoint and no conversation URL', () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(json(CREATED));
    expect(requestConversationFor(config('https://tavus.daily.co/c1', ENDPOINT))).to.equal(null);
    expect(requestConversationFor(config('', '  '))).to.equal(null);
    expect(fetchStub.called).to.equal(false);
    const request = requestConversationFor(config('', ` ${ENDPOINT} `));
    expect(request?.endpoint).to.equal(ENDPOINT);
    expect(fetchStub.calledOnceWith(ENDPOINT)).to.equal(true);
  });

  it('hands over what the endpoint created', async () => {
    fetchStub = sinon.stub(window, 'fetch').resolves(json(CREATED));
    const created = await requestConversation(ENDPOINT).created;
    expect(created.conversationId).to.equal('c-early');
    expect(created.endToken).to.equal(CREATED.end_token);
  });

  it('abandoned while the endpoint works: the request is aborted (the backend ends what it made)', async () => {
    let signal: AbortSignal | undefined;
    fetchStub = sinon.stub(window, 'fetch').callsFake((_url, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal?.reason)),
      );
    });
    const request = requestConversation(ENDPOINT);
    request.abandon();
    expect(signal?.aborted).to.equal(true);
    let failed = false;
    await request.created.catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(fetchStub.callCount).to.equal(1);
  });

  it('abandoned after the endpoint answered: the conversation is ended once, with its end token', async () => {
    fetchStub = sinon.stub(window, 'fetch');
    fetchStub.withArgs(ENDPOINT).resolves(json(CREATED));
    fetchStub.withArgs(`${ENDPOINT}/c-early/end`).resolves(json({ status: 'ended' }));
    const request = requestConversation(ENDPOINT);
    await request.created;
    request.abandon();
    request.abandon();
    await waitFor(() => fetchStub.callCount === 2, 'the end request was not sent');
    const [url, init] = fetchStub.secondCall.args as [string, RequestInit];
    expect(url).to.equal(`${ENDPOINT}/c-early/end`);
    expect(JSON.parse(String(init.body))).to.deep.equal({ end_token: CREATED.end_token });
    // Once only: a further abandon sends nothing.
    await request.created;
    expect(fetchStub.callCount).to.equal(2);
  });
});
