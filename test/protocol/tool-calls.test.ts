import { expect } from '@open-wc/testing';

import {
  BoundedSet,
  parseToolArguments,
  readToolCall,
  type TavusEvent,
} from '../../src/protocol/index.js';

function toolCall(properties: Record<string, unknown>, envelope: Record<string, unknown> = {}) {
  return {
    message_type: 'conversation',
    event_type: 'conversation.tool_call',
    inference_id: 'r-31aa',
    ...envelope,
    properties,
  } as TavusEvent;
}

describe('parseToolArguments', () => {
  it('parses a JSON string', () => {
    expect(parseToolArguments('{"item_name":"coffee","quantity":2}')).to.deep.equal({
      ok: true,
      value: { item_name: 'coffee', quantity: 2 },
    });
  });

  it('passes an object through as is', () => {
    const args = { frames: 2 };
    const result = parseToolArguments(args);
    expect(result.ok && result.value).to.equal(args);
  });

  it('treats undefined, null and blank strings as no arguments', () => {
    for (const empty of [undefined, null, '', '   ']) {
      expect(parseToolArguments(empty)).to.deep.equal({ ok: true, value: {} });
    }
  });

  it('reports invalid JSON and unexpected types', () => {
    expect(parseToolArguments('{oops')).to.deep.equal({
      ok: false,
      reason: 'arguments are not valid JSON',
    });
    expect(parseToolArguments(5)).to.deep.equal({
      ok: false,
      reason: 'arguments must be a JSON string or an object, not number',
    });
  });

  it('does not pollute Object.prototype with __proto__ keys', () => {
    const result = parseToolArguments('{"__proto__":{"polluted":true}}');
    expect(result.ok).to.equal(true);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });
});

describe('readToolCall', () => {
  it('reads a tools-registry call (§7.2)', () => {
    const call = readToolCall(
      toolCall({
        name: 'add_to_cart',
        arguments: '{"item_name":"coffee","quantity":2}',
        tool_call_id: 'tc_4f82',
      }),
    );
    expect(call).to.deep.equal({
      name: 'add_to_cart',
      toolCallId: 'tc_4f82',
      inferenceId: 'r-31aa',
      arguments: { item_name: 'coffee', quantity: 2 },
      rawArguments: '{"item_name":"coffee","quantity":2}',
      dedupeKey: 'id:tc_4f82',
    });
  });

  it('reads the drifted tool_name and a nested inference_id', () => {
    const call = readToolCall(
      toolCall(
        { tool_name: 'open_page', arguments: { url: '/' }, inference_id: 'x' },
        {
          inference_id: undefined,
        },
      ),
    );
    expect(call).to.include({ name: 'open_page', inferenceId: 'x' });
    expect(call!.arguments).to.deep.equal({ url: '/' });
    expect(call!.toolCallId).to.equal(undefined);
  });

  it('keys legacy calls without tool_call_id by inference, name and arguments', () => {
    const a = readToolCall(toolCall({ name: 'n', arguments: '{"a":1}' }));
    const b = readToolCall(toolCall({ name: 'n', arguments: '{"a":1}' }));
    const c = readToolCall(toolCall({ name: 'n', arguments: '{"a":2}' }));
    const d = readToolCall(toolCall({ name: 'n', arguments: { a: 1 } }));
    expect(a!.dedupeKey).to.equal(b!.dedupeKey);
    expect(a!.dedupeKey).not.to.equal(c!.dedupeKey);
    expect(d!.dedupeKey).to.equal('call:r-31aa:n:{"a":1}');
  });

  it('reads perception tool calls too', () => {
    const call = readToolCall({
      message_type: 'conversation',
      event_type: 'conversation.perception_tool_call',
      properties: { modality: 'audio', name: 'sigh_detected', arguments: '{"level":3}' },
    } as TavusEvent);
    expect(call).to.include({ name: 'sigh_detected' });
    expect(call!.arguments).to.deep.equal({ level: 3 });
  });

  it('reports arguments it cannot parse instead of guessing', () => {
    const call = readToolCall(toolCall({ name: 'n', arguments: '{broken' }));
    expect(call).to.include({ name: 'n', arguments: undefined, rawArguments: '{broken' });
    expect(call!.argumentsError).to.equal('arguments are not valid JSON');
  });

  it('returns null for other events, nameless calls and unreadable events', () => {
    expect(
      readToolCall({ message_type: 'conversation', event_type: 'conversation.utterance' }),
    ).to.equal(null);
    expect(readToolCall(toolCall({ arguments: '{}' }))).to.equal(null);
    expect(readToolCall(toolCall({ name: '' }))).to.equal(null);
    expect(
      readToolCall({ message_type: 'conversation', event_type: 'conversation.tool_call' }),
    ).to.equal(null);
    const hostile = toolCall({});
    Object.defineProperty(hostile.properties, 'name', {
      get() {
        throw new Error('getter');
      },
    });
    expect(readToolCall(hostile)).to.equal(null);
  });

  it('builds a key even from arguments JSON cannot serialise', () => {
    const args: Record<string, unknown> = {};
    args['self'] = args;
    expect(readToolCall(toolCall({ name: 'n', arguments: args }))!.dedupeKey).to.equal(
      'call:r-31aa:n:[unserialisable]',
    );
  });
});

describe('BoundedSet', () => {
  it('adds, reports duplicates and forgets the oldest beyond its capacity', () => {
    const set = new BoundedSet<string>(3);
    expect(set.add('a')).to.equal(true);
    expect(set.add('a')).to.equal(false);
    set.add('b');
    set.add('c');
    expect(set.size).to.equal(3);
    set.add('d');
    expect(set.has('a')).to.equal(false);
    expect(set.has('b') && set.has('c') && set.has('d')).to.equal(true);
    expect(set.size).to.equal(3);
  });

  it('keeps its size bounded over a long run', () => {
    const set = new BoundedSet<number>(100);
    for (let i = 0; i < 100_000; i++) set.add(i);
    expect(set.size).to.equal(100);
    expect(set.has(99_900)).to.equal(true);
    expect(set.has(99_899)).to.equal(false);
  });

  it('a re-added value does not refresh its age', () => {
    const set = new BoundedSet<string>(2);
    set.add('a');
    set.add('b');
    set.add('a');
    set.add('c');
    expect(set.has('a')).to.equal(false);
  });

  it('clear forgets everything', () => {
    const set = new BoundedSet<string>(2);
    set.add('a');
    set.clear();
    expect(set.size).to.equal(0);
    expect(set.add('a')).to.equal(true);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new BoundedSet(0)).to.throw(RangeError);
    expect(() => new BoundedSet(1.5)).to.throw(RangeError);
  });
});
