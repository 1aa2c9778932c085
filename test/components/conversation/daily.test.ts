import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import '../../../src/index.js';
import type { TavusConversation } from '../../../src/index.js';
import { createDailyCall } from '../../../src/call/daily-factory.js';
import type { CallFactory } from '../../../src/call/daily-like.js';
import { ManualClock } from '../../../src/protocol/manual-clock.js';
import { DEFAULT_REORDER_WINDOW_MS } from '../../../src/protocol/sequencer.js';
import { DailyRetryClock } from '../../support/daily-retries.js';
import { waitFor } from '../../support/wait.js';

/**
 * The real daily-js call object, with only the network-bound parts replaced: load() and preAuth()
 * do nothing, join() resolves at once and the room holds a replica. Events go through daily-js' own emitter.
 */
async function joinableDailyCall(options: Parameters<CallFactory>[0]): Promise<any> {
  const real: any = await createDailyCall(options);
  let state = 'new';
  real.load = async () => {};
  real.preAuth = async () => ({});
  real.join = async () => {
    state = 'joined-meeting';
  };
  real.meetingState = () => state;
  real.participants = () => ({
    local: { session_id: 'me', user_id: 'me', user_name: '', local: true, tracks: {} },
    r1: {
      session_id: 'r1',
      user_id: 'tavus-replica-x',
      user_name: 'Anna',
      local: false,
      tracks: {},
    },
  });
  return real;
}

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

  it('a failed join (call bundle not found) ends in error with the reason, and start() again connects', async () => {
    let attempts = 0;
    let second: any;
    // The test server answers 404 at once; daily-js' pauses between its retries are skipped.
    const retries = new DailyRetryClock();
    const factory: CallFactory = async (options) => {
      attempts += 1;
      if (attempts > 1) return (second = await joinableDailyCall(options));
      const call = await createDailyCall({
        ...options,
        dailyConfig: {
          ...options.dailyConfig,
          bundlePathOverride: `${location.origin}/no-such-daily-bundle/`,
        } as never,
      });
      retries.follow(call);
      return call;
    };
    const el = await fixture<TavusConversation>(
      html`<tavus-conversation
        conversation-url="https://tavus.daily.co/c123"
        .callFactory=${factory}
      ></tavus-conversation>`,
    );
    const failed = oneEvent(el, 'tavus-error');
    try {
      await el.start().catch(() => {});
    } finally {
      retries.restore();
    }
    const event = await failed;
    // Three passes over the one bundle URL, each answered 404.
    expect(retries.failures).to.be.at.least(3);
    // A bundle daily-js cannot load is Daily out of reach: the visitor is told to check the
    // connection, and the bundle's URL stays out of the message.
    expect(event.detail.code).to.equal('call-unavailable');
    expect(event.detail.message).to.equal(
      'Could not reach the video service. Check your connection and try again.',
    );
    expect(el.state).to.equal('error');
    // The failed call object was destroyed: daily-js allows a new single instance.
    const probe = await createDailyCall({});
    await probe.destroy();

    await el.start();
    second.emit('participant-joined', {
      action: 'participant-joined',
      participant: second.participants().r1,
    });
    await waitFor(() => el.state === 'connected', `state ${el.state}`);
    expect(el.error).to.equal(null);
    expect(attempts).to.equal(2);
    await el.end();
    expect(second.isDestroyed()).to.equal(true);
  });

  it("listens on the real call object's event emitter, and stops listening when removed", async () => {
    let real: any;
    const factory: CallFactory = async (options) => (real = await joinableDailyCall(options));
    const clock = new ManualClock();
    const el = await fixture<TavusConversation>(
      html`<tavus-conversation
        conversation-url="https://tavus.daily.co/c123"
        .callFactory=${factory}
        .clock=${clock}
      ></tavus-conversation>`,
    );
    await el.start();
    real.emit('participant-joined', {
      action: 'participant-joined',
      participant: real.participants().r1,
    });
    await waitFor(() => el.state === 'connected', 'not connected');
    expect(real.listenerCount('app-message')).to.equal(1);

    const heard = oneEvent(el, 'tavus-utterance');
    real.emit('app-message', {
      action: 'app-message',
      fromId: 'r1',
      data: {
        message_type: 'conversation',
        event_type: 'conversation.utterance',
        conversation_id: 'c123',
        seq: 1,
        properties: { role: 'replica', speech: 'Hello from the real emitter' },
      },
    });
    // The first sequenced event waits one reorder window.
    clock.advance(DEFAULT_REORDER_WINDOW_MS);
    expect((await heard).detail.properties.speech).to.equal('Hello from the real emitter');

    el.remove();
    await waitFor(() => real.listenerCount('app-message') === 0, 'listeners left on the call');
    await waitFor(() => real.isDestroyed(), 'the call object was not destroyed');
  });
});
