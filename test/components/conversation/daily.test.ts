import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../../src/index.js';
import type { TavusConversation } from '../../../src/index.js';
import { createDailyCall } from '../../../src/call/daily-factory.js';
import type { CallFactory } from '../../../src/call/daily-like.js';

/**
 * With the real daily-js: it constructs offline, and its join fails fast when its call bundle is
 * redirected to a local 404 (no DNS involved). The element must say why and stay retryable.
 */
describe('<tavus-conversation> with the real daily-js', () => {
  it('creates a real call object through the default factory and destroys it', async () => {
    const call = await createDailyCall({ allowMultipleCallInstances: true });
    expect(call.meetingState()).to.equal('new');
    await call.destroy();
  });

  it('a failed join (call bundle not found) ends in error with the reason and can be retried', async function () {
    this.timeout(30000);
    const factory: CallFactory = (options) =>
      createDailyCall({
        ...options,
        dailyConfig: {
          ...options.dailyConfig,
          bundlePathOverride: `${location.origin}/no-such-daily-bundle/`,
        } as never,
      });
    const el = await fixture<TavusConversation>(
      html`<tavus-conversation
        conversation-url="https://tavus.daily.co/c123"
        .callFactory=${factory}
      ></tavus-conversation>`,
    );
    const failed = oneEvent(el, 'tavus-error');
    await el.start().catch(() => {});
    const event = await failed;
    expect(event.detail.code).to.equal('join-failed');
    expect(event.detail.message).to.match(/^Could not join the conversation: .+/);
    expect(el.state).to.equal('error');
    // The failed call object was destroyed, so a new one can be created for the retry.
    const again = await createDailyCall({});
    await again.destroy();
  });
});
