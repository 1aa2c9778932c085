import { expect, waitUntil } from '@open-wc/testing';

/**
 * The built CDN files (npm test builds first): one self-registering module whose daily-js chunk
 * is fetched only when a conversation starts, and a classic-script loader. This file must not
 * import src/, so that the element registered here is the built one.
 */
const ENTRY = '/dist/cdn/tavus-conversation.js';
const dailyRequests = () =>
  performance
    .getEntriesByType('resource')
    .filter((entry) => /\/dist\/cdn\/daily-[^/]+\.js$/.test(new URL(entry.name).pathname));

describe('CDN build', () => {
  it('registers <tavus-conversation> from one module and fetches no daily-js until start()', async () => {
    await import(/* @vite-ignore */ ENTRY);
    expect(customElements.get('tavus-conversation')).to.be.a('function');

    const el = document.createElement('tavus-conversation') as HTMLElement & {
      start(): Promise<void>;
    };
    el.setAttribute('conversation-url', 'https://tavus.daily.co/c123');
    document.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dailyRequests(), 'daily-js requested before start()').to.have.length(0);

    el.start().catch(() => {});
    await waitUntil(() => dailyRequests().length === 1, 'daily-js chunk not requested on start()');
    el.remove();
  });

  it('keeps daily-js and the conversation engine out of the entry file', async () => {
    const source = await (await fetch(ENTRY)).text();
    // Assertions on booleans, so a failure does not print the whole bundle.
    expect(/conversation-attempt-[\w-]+\.js/.test(source), 'engine chunk imported lazily').to.equal(
      true,
    );
    expect(source.includes('call-machine-object-bundle'), 'daily-js code in the entry').to.equal(
      false,
    );
    expect(source.includes('DailyIframe'), 'daily-js code in the entry').to.equal(false);
  });

  it('loads from a plain <script src> through the classic loader', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script src="${location.origin}/dist/cdn/tavus-conversation.classic.js"></script><script src="${location.origin}/dist/cdn/tavus-conversation.classic.js"></script><tavus-conversation></tavus-conversation>`;
    document.body.append(frame);
    await waitUntil(
      () => Boolean(frame.contentWindow?.customElements.get('tavus-conversation')),
      'the classic loader did not register the element',
    );
    const el = frame.contentDocument!.querySelector('tavus-conversation')!;
    await waitUntil(() => el.shadowRoot !== null);
    frame.remove();
  });
});
