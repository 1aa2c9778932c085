/**
 * Tool calls lose nothing and run nothing twice: every distinct call runs its handler once, with
 * whatever arguments came, and duplicates of a call do not run it again.
 */
import { expect } from '@open-wc/testing';

import { tavusEvent } from '../support/fake-call.js';
import { afterReorderWindow, connectedElement } from '../support/element.js';

const toolCall = (properties: Record<string, unknown>, fields: Record<string, unknown> = {}) =>
  tavusEvent('conversation.tool_call', { inference_id: 'i-1', ...fields, properties });

describe('<tavus-conversation> reliability', () => {
  describe('tool calls', () => {
    it('runs two legacy calls of one tool in one inference with different object arguments, each once', async () => {
      const { el, call, clock } = await connectedElement();
      const ran: unknown[] = [];
      el.tools = { add_to_cart: (args) => (ran.push(args), 'ok') };
      const coffee = toolCall({ name: 'add_to_cart', arguments: { item: 'coffee' } }, { seq: 1 });
      const tea = toolCall({ name: 'add_to_cart', arguments: { item: 'tea' } }, { seq: 2 });
      call.message(coffee);
      call.message(tea);
      // The same calls again, as Tavus has been seen to send them (without seq: not deduplicated
      // by the sequencer, so only the tool memory can catch them).
      call.message({ ...coffee, seq: undefined });
      call.message(JSON.stringify({ ...tea, seq: undefined }));
      await afterReorderWindow(clock);
      expect(ran).to.deep.equal([{ item: 'coffee' }, { item: 'tea' }]);
      const results = call.interactions.filter(
        (message) => message.event_type === 'conversation.append_llm_context',
      );
      expect(results).to.have.length(2);
    });

    it('keeps registry calls apart by tool_call_id, whatever their arguments', async () => {
      const { el, call, clock } = await connectedElement();
      const ran: unknown[] = [];
      el.tools = { lookup: (args) => (ran.push(args), { found: true }) };
      for (const [id, args] of [
        ['tc-1', '{"q":"a"}'],
        ['tc-2', '{"q":"a"}'],
        ['tc-1', '{"q":"a"}'],
        ['tc-3', { q: 'b' }],
        ['tc-3', { q: 'b' }],
      ] as const) {
        call.message(toolCall({ name: 'lookup', arguments: args, tool_call_id: id }));
      }
      await afterReorderWindow(clock);
      expect(ran).to.deep.equal([{ q: 'a' }, { q: 'a' }, { q: 'b' }]);
      const ids = call.interactions
        .filter((message) => message.event_type === 'conversation.tool_result')
        .map((message) => message.properties.tool_call_id);
      expect(ids).to.deep.equal(['tc-1', 'tc-2', 'tc-3']);
    });
  });
});
