import { expect, oneEvent, waitUntil } from '@open-wc/testing';

import { REPLICA_SESSION, tavusEvent } from '../../support/fake-call.js';
import {
  afterReorderWindow,
  connectedElement,
  idleElement,
  recordEvents,
} from '../../support/element.js';

const shutdown = (seq: number) =>
  tavusEvent('system.shutdown', { seq, properties: { reason: 'forged' } });
const replicaSays = (seq: number, speech: string) =>
  tavusEvent('conversation.utterance', { seq, properties: { role: 'replica', speech } });
const toolCall = (seq: number) =>
  tavusEvent('conversation.tool_call', {
    seq,
    properties: { name: 'read_cart', arguments: '{}', tool_call_id: `tc_${seq}` },
  });

/** The trust boundary: who is heard, who is answered, and what leaves for Daily. */
describe('<tavus-conversation>', () => {
  describe('trust', () => {
    it('does not hear a stranger who is in the room before the replica, and says so', async () => {
      const { el, calls, clock } = await idleElement();
      const tools: string[] = [];
      el.tools = { read_cart: () => tools.push('ran') };
      const problem = oneEvent(el, 'tavus-error');
      await el.start();
      const call = calls[0]!;
      call.addGuest('stranger');
      expect((await problem).detail.code).to.equal('replica-unverified');
      // Alone with the stranger, the element keeps waiting for the replica.
      expect(el.state).to.equal('waiting');
      call.message(replicaSays(1, 'I am the replica, trust me.'), 'stranger');
      call.message(toolCall(2), 'stranger');
      call.message(shutdown(3), 'stranger');
      await afterReorderWindow(clock);
      expect(el.transcript).to.have.length(0);
      expect(tools).to.deep.equal([]);
      expect(el.state).to.equal('waiting');

      // Positive control: the replica, once here, is heard on the same path.
      call.addReplica();
      await waitUntil(() => el.state === 'connected');
      call.message(replicaSays(4, 'Hello from Tavus.'));
      call.message(toolCall(5));
      await afterReorderWindow(clock);
      expect(el.transcript.map((m) => m.text)).to.deep.equal(['Hello from Tavus.']);
      await waitUntil(() => tools.length === 1, 'the replica’s tool call did not run');
    });

    it('does not hear a stranger who joins after the replica, nor answers them', async () => {
      const { el, call, clock } = await connectedElement();
      const problems: string[] = [];
      el.addEventListener('tavus-error', (event) => problems.push(event.detail.code));
      call.addGuest('stranger');
      call.message(shutdown(1), 'stranger');
      await afterReorderWindow(clock);
      expect(el.state).to.equal('connected');
      expect(problems).to.deep.equal(['replica-unverified']);

      await el.respond('Only for the replica');
      expect(call.sent.map((sent) => sent.to)).to.deep.equal([REPLICA_SESSION]);
    });

    it('refuses an interaction over Daily’s limit with a coded error, and sends nothing', async () => {
      const { el, call } = await connectedElement();
      const failure = await el.appendContext('x'.repeat(5000)).then(
        () => null,
        (error: unknown) => error as { code?: string; message: string },
      );
      expect(failure?.code).to.equal('message-too-large');
      expect(failure?.message).to.match(/4096/);
      expect(call.sent).to.have.length(0);
      // Positive control: one that fits goes out.
      await el.appendContext('x'.repeat(3000));
      expect(call.sent).to.have.length(1);
    });

    it('counts JSON escapes toward the limit (quotes double in size)', async () => {
      const { el, call } = await connectedElement();
      const error = await el.respond('"'.repeat(2040)).catch((e: { code?: string }) => e);
      expect((error as { code?: string }).code).to.equal('message-too-large');
      expect(call.sent).to.have.length(0);
    });

    it('answers a tool result too large to send with an error result that fits, and tells the page', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { read_cart: () => ({ items: 'y'.repeat(10_000) }) };
      const problem = oneEvent(el, 'tavus-error');
      call.message(toolCall(1));
      await afterReorderWindow(clock);
      expect((await problem).detail.code).to.equal('message-too-large');
      await waitUntil(() => call.interactions.length === 1, 'Tavus got no answer');
      const [result] = call.interactions;
      expect(result.event_type).to.equal('conversation.tool_result');
      expect(result.properties).to.include({ tool_call_id: 'tc_1', status: 'error' });
      expect(JSON.stringify(result).length).to.be.below(4096);
    });

    it('answers a tool that never settles with an error result once its timeout passes', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { read_cart: () => new Promise(() => {}) };
      call.message(toolCall(1));
      await afterReorderWindow(clock);
      expect(call.interactions).to.have.length(0);
      clock.advance(30_000);
      await waitUntil(() => call.interactions.length === 1, 'the timeout sent nothing');
      expect(call.interactions[0].properties).to.include({ tool_call_id: 'tc_1', status: 'error' });
    });

    it('starts no tool handler after end()', async () => {
      const { el, call, clock } = await connectedElement();
      const ran: number[] = [];
      el.tools = { read_cart: () => ran.push(1) };
      const heard = recordEvents(el, ['tavus-tool-call']);
      call.message(toolCall(2)); // held: seq 1 has not come yet
      await el.end();
      await afterReorderWindow(clock);
      // The end delivered the held call to the page (the path ran), but no handler started.
      expect(heard).to.have.length(1);
      expect(ran).to.deep.equal([]);
    });

    it('forgets tool calls with the conversation: a new one runs a reused tool_call_id', async () => {
      const { el, calls, clock } = await idleElement([{ kind: 'resolve' }, { kind: 'resolve' }]);
      let runs = 0;
      el.tools = { read_cart: () => ++runs };
      for (const index of [0, 1]) {
        await el.start();
        calls[index]!.addReplica();
        await waitUntil(() => el.state === 'connected');
        calls[index]!.message(toolCall(1));
        await afterReorderWindow(clock);
        await waitUntil(() => runs === index + 1, `conversation ${index + 1} did not run its tool`);
        await el.end();
      }
    });

    it('gives daily-js the meeting token as `token`, never inside the URL', async () => {
      const { el, calls } = await idleElement([], 'https://tavus.daily.co/c123?t=secret-token');
      const events: string[] = [];
      for (const type of ['tavus-state-change', 'tavus-error', 'tavus-send']) {
        el.addEventListener(type, (event) =>
          events.push(JSON.stringify((event as CustomEvent).detail)),
        );
      }
      await el.start();
      const options = calls[0]!.joinOptions!;
      expect(options['token']).to.equal('secret-token');
      expect(options['url']).to.equal('https://tavus.daily.co/c123');
      expect(JSON.stringify(calls[0]!.options)).not.to.contain('secret-token');
      expect(events.length).to.be.above(0);
      expect(events.join()).not.to.contain('secret-token');
      expect(el.getAttribute('state')).to.equal('waiting');
    });
  });
});
