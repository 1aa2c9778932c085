import { expect, waitUntil } from '@open-wc/testing';

import { tavusEvent } from '../../support/fake-call.js';
import { afterReorderWindow, connectedElement, recordEvents } from '../../support/element.js';
import { settled } from '../../support/wait.js';

const toolCall = (seq: number, args: unknown, id = 'tc_1', name = 'add_to_cart') =>
  tavusEvent('conversation.tool_call', {
    seq,
    turn_idx: 4,
    inference_id: 'r-31aa',
    properties: { name, arguments: args, tool_call_id: id },
  });

const toolResults = (interactions: any[]) =>
  interactions.filter((i) => i.event_type === 'conversation.tool_result');

describe('<tavus-conversation>', () => {
  describe('tools', () => {
    it('runs a registered tool with parsed arguments and returns its result', async () => {
      const { el, call, clock } = await connectedElement();
      const received: unknown[] = [];
      el.tools = {
        add_to_cart: async (args) => {
          received.push(args);
          return { added: 2 };
        },
      };
      call.message(toolCall(1, '{"item_name":"coffee","quantity":2}'));
      await afterReorderWindow(clock);
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(received).to.deep.equal([{ item_name: 'coffee', quantity: 2 }]);
      expect(toolResults(call.interactions)[0].properties).to.deep.equal({
        tool_call_id: 'tc_1',
        output: { added: 2 },
        status: 'success',
      });
    });

    it('accepts arguments given as an object', async () => {
      const { el, call, clock } = await connectedElement();
      const received: unknown[] = [];
      el.tools = { add_to_cart: (args) => void received.push(args) };
      call.message(toolCall(1, { quantity: 1 }));
      await afterReorderWindow(clock);
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(received).to.deep.equal([{ quantity: 1 }]);
    });

    it('runs the handler once when the same tool call is delivered twice', async () => {
      const { el, call, clock } = await connectedElement();
      let runs = 0;
      el.tools = { add_to_cart: () => ++runs };
      call.message(toolCall(1, '{}'));
      call.message(toolCall(1, '{}'));
      call.message(toolCall(2, '{}')); // same tool_call_id, redelivered with another seq
      await afterReorderWindow(clock);
      expect(runs).to.equal(1);
      expect(toolResults(call.interactions)).to.have.length(1);
    });

    it('returns status error with the message when the handler throws', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = {
        add_to_cart: () => {
          throw new Error('Out of stock');
        },
      };
      call.message(toolCall(1, '{}'));
      await afterReorderWindow(clock);
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(toolResults(call.interactions)[0].properties).to.deep.equal({
        tool_call_id: 'tc_1',
        output: 'Out of stock',
        status: 'error',
      });
    });

    it('returns status error when the arguments are not JSON', async () => {
      const { el, call, clock } = await connectedElement();
      let runs = 0;
      el.tools = { add_to_cart: () => ++runs };
      call.message(toolCall(1, '{broken'));
      await afterReorderWindow(clock);
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(runs).to.equal(0);
      expect(toolResults(call.interactions)[0].properties.status).to.equal('error');
    });

    it('lets a tavus-tool-call listener take over with preventDefault()', async () => {
      const { el, call, clock } = await connectedElement();
      let runs = 0;
      el.tools = { add_to_cart: () => ++runs };
      const cancelable: boolean[] = [];
      el.addEventListener('tavus-tool-call', (event) => {
        cancelable.push(event.cancelable);
        event.preventDefault();
      });
      call.message(toolCall(1, '{}'));
      await afterReorderWindow(clock);
      // The listener was asked (once), and took over: the handler did not run, nothing was sent.
      expect(cancelable).to.deep.equal([true]);
      expect(runs).to.equal(0);
      expect(toolResults(call.interactions)).to.have.length(0);
      // It answers through the element itself.
      await el.sendToolResult('tc_1', 'handled by the page');
      expect(toolResults(call.interactions).map((r) => r.properties.output)).to.deep.equal([
        'handled by the page',
      ]);
    });

    it('ignores tool calls for names it has no handler for', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { something_else: () => 1 };
      const heard = recordEvents(el, ['tavus-tool-call']);
      call.message(toolCall(1, '{}'));
      await afterReorderWindow(clock);
      expect(heard, 'the tool call reached the page').to.have.length(1);
      expect(toolResults(call.interactions)).to.have.length(0);
      // Positive control: a tool it has a handler for is answered.
      call.message(toolCall(2, '{}', 'tc_2', 'something_else'));
      await afterReorderWindow(clock);
      expect(toolResults(call.interactions).map((r) => r.properties.tool_call_id)).to.deep.equal([
        'tc_2',
      ]);
    });

    it('does not treat inherited object keys as tools', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { own: () => 'ran' };
      const heard = recordEvents(el, ['tavus-tool-call']);
      call.message(toolCall(1, '{}', 'tc_9', 'toString'));
      call.message(toolCall(2, '{}', 'tc_8', '__proto__'));
      call.message(toolCall(3, '{}', 'tc_7', 'own'));
      await afterReorderWindow(clock);
      expect(heard, 'the tool calls reached the page').to.have.length(3);
      // Only the tools object's own key ran.
      expect(toolResults(call.interactions).map((r) => r.properties.tool_call_id)).to.deep.equal([
        'tc_7',
      ]);
    });

    it('feeds the result of a legacy tool (no tool_call_id) into the LLM context', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { add_to_cart: () => ({ added: 1 }) };
      call.message(
        tavusEvent('conversation.tool_call', {
          seq: 1,
          inference_id: 'x',
          properties: { name: 'add_to_cart', arguments: '{}' },
        }),
      );
      await afterReorderWindow(clock);
      await waitUntil(() =>
        call.interactions.some((i) => i.event_type === 'conversation.append_llm_context'),
      );
      const append = call.interactions.find(
        (i) => i.event_type === 'conversation.append_llm_context',
      );
      expect(append.properties.context).to.contain('add_to_cart').and.to.contain('"added":1');
    });

    it('answers with status error when the result cannot be sent as JSON', async () => {
      const { el, call, clock } = await connectedElement();
      el.tools = { add_to_cart: () => 10n };
      call.message(toolCall(1, '{}'));
      await afterReorderWindow(clock);
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(toolResults(call.interactions)[0].properties.status).to.equal('error');
    });

    it('sends a result that was ready during a network drop once the connection returns', async () => {
      const { el, call, clock } = await connectedElement();
      let finish!: (value: unknown) => void;
      el.tools = { add_to_cart: () => new Promise((resolve) => (finish = resolve)) };
      call.message(toolCall(1, '{}'));
      await afterReorderWindow(clock);
      await waitUntil(() => typeof finish === 'function');
      call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
      finish({ added: 1 });
      await settled();
      expect(toolResults(call.interactions)).to.have.length(0);
      call.emit('network-connection', { type: 'signaling', event: 'connected' });
      await waitUntil(() => toolResults(call.interactions).length === 1);
      expect(toolResults(call.interactions)[0].properties.output).to.deep.equal({ added: 1 });
    });
  });
});
