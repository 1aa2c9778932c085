/**
 * The real element, driven through its `callFactory` seam by the simulator, with delivery
 * faults on: the end-to-end check that both sides agree on daily's and Tavus' contracts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import { createSimulatedCallFactory } from '../../src/simulator/index.js';
import { REAL_TIME_GUARD_MS } from '../support/simulated-call.js';

/**
 * Both sides run on the browser's clock here (the element's reorder window and the simulator's
 * timers), as on a page. Every wait is for a condition; the guard only stops a test that hangs.
 */
const GUARD = { timeout: REAL_TIME_GUARD_MS };

const replicaSaid = (el: TavusConversation, text: string): boolean =>
  el.transcript.some((m) => m.role === 'replica' && m.final && m.text.includes(text));

describe('<tavus-conversation> with the simulator', () => {
  it('greets, answers typed text, runs a tool once though every message arrives twice, cleans up', async () => {
    const factory = createSimulatedCallFactory({
      fast: true,
      seed: 21,
      latencyMs: [0, 15],
      reorderProbability: 0.2,
      duplicateProbability: 1, // every message arrives twice
      deliverAs: 'mixed',
    });
    const el = await fixture<TavusConversation>(html`
      <tavus-conversation
        conversation-url="https://tavus.daily.co/c-int-1"
        .callFactory=${factory}
      ></tavus-conversation>
    `);
    el.tools = { add_to_cart: (args) => ({ added: (args as { quantity: number }).quantity }) };
    await el.start();
    const call = factory.lastCall;
    expect(call).to.not.equal(undefined);
    await waitUntil(() => el.state === 'connected', `state stayed ${el.state}`, GUARD);
    await waitUntil(() => replicaSaid(el, "I'm Anna"), 'no greeting', GUARD);

    await el.respond('What can you do?');
    await waitUntil(() => replicaSaid(el, 'add coffee to your cart'), 'no reply', GUARD);
    // The typed message and its echo from Tavus are one message, and each reply shows once.
    expect(el.transcript.filter((m) => m.role === 'user').map((m) => m.text)).to.deep.equal([
      'What can you do?',
    ]);
    expect(el.transcript.filter((m) => m.role === 'replica')).to.have.length(2);

    await el.respond('Add two coffees to my cart');
    await waitUntil(() => replicaSaid(el, 'Done! I added 2 coffees'), 'no tool reply', GUARD);
    const results = call?.sent.filter((m) => m.event_type === 'conversation.tool_result') ?? [];
    expect(results).to.have.length(1, 'the duplicated tool call ran once');
    expect(results[0]?.properties).to.deep.include({ output: { added: 2 } });
    expect(call?.ignored).to.deep.equal([]);

    el.remove();
    await waitUntil(() => call?.isDestroyed() === true, 'the call object was not destroyed', GUARD);
  });
});
