import { expect } from '@open-wc/testing';

import {
  MAX_EVENT_TYPE_LENGTH,
  validateMessage,
  type ValidationResult,
} from '../../src/protocol/index.js';
import {
  digestKey,
  keyOfString,
  keyOfValue,
  MAX_RAW_KEY_LENGTH,
} from '../../src/protocol/message-key.js';

const base = {
  message_type: 'conversation',
  event_type: 'conversation.utterance',
  conversation_id: 'c1',
  seq: 3,
  turn_idx: 1,
  inference_id: 'r-1',
  timestamp: 1746001000.1,
  properties: { role: 'user', speech: 'hi' },
};

function reason(result: ValidationResult): string {
  return result.ok ? 'ok' : result.reason;
}

describe('validateMessage', () => {
  it('accepts a parsed object and returns that very object', () => {
    const message = { ...base };
    const result = validateMessage(message, { conversationId: 'c1' });
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.event).to.equal(message);
      expect(result.key).to.equal(JSON.stringify(message));
    }
  });

  it('accepts a JSON string, keyed by the string itself', () => {
    const text = JSON.stringify(base);
    const result = validateMessage(text);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.event).to.deep.equal(base);
      expect(result.key).to.equal(text);
    }
  });

  it('does not change the message it validates', () => {
    const message = structuredClone(base);
    Object.freeze(message);
    Object.freeze(message.properties);
    expect(validateMessage(message).ok).to.equal(true);
    expect(message).to.deep.equal(base);
  });

  it('accepts system messages, and minimal envelopes', () => {
    expect(
      reason(validateMessage({ message_type: 'system', event_type: 'system.replica_present' })),
    ).to.equal('ok');
  });

  it('accepts unknown event types (they are kept, never dropped)', () => {
    expect(reason(validateMessage({ ...base, event_type: 'conversation.something_new' }))).to.equal(
      'ok',
    );
  });

  it('accepts objects from another realm and with a null prototype', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    try {
      const foreign = (frame.contentWindow as unknown as { JSON: JSON }).JSON.parse(
        JSON.stringify(base),
      );
      expect(Object.getPrototypeOf(foreign)).not.to.equal(Object.prototype);
      expect(reason(validateMessage(foreign))).to.equal('ok');
    } finally {
      frame.remove();
    }
    const bare = Object.assign(Object.create(null), base);
    expect(reason(validateMessage(bare))).to.equal('ok');
  });

  it('gives each duplicate the same key and different events different keys', () => {
    const a = validateMessage(JSON.parse(JSON.stringify(base)));
    const b = validateMessage(JSON.parse(JSON.stringify(base)));
    const c = validateMessage({ ...base, properties: { role: 'pal', speech: 'hi' } });
    expect(a.ok && b.ok && c.ok).to.equal(true);
    if (a.ok && b.ok && c.ok) {
      expect(a.key).to.equal(b.key);
      expect(a.key).not.to.equal(c.key);
    }
  });

  describe('rejects', () => {
    const cases: Array<[string, unknown, string, { conversationId?: string }?]> = [
      ['invalid JSON', '{"event_type":', 'not valid JSON'],
      ['a JSON array', '[1,2]', 'not a JSON object'],
      ['a JSON string of a string', '"conversation.utterance"', 'not a JSON object'],
      ['null', null, 'not a JSON object'],
      ['undefined', undefined, 'not a JSON object'],
      ['a number', 42, 'not a JSON object'],
      ['an array', [base], 'not a JSON object'],
      ['a Date', new Date(), 'not a JSON object'],
      ['a Map', new Map(), 'not a JSON object'],
      ['a class instance', new (class Message {})(), 'not a JSON object'],
      ['a function', () => base, 'not a JSON object'],
      ['no event_type', { message_type: 'conversation' }, 'no event_type'],
      ['an empty event_type', { ...base, event_type: '' }, 'no event_type'],
      ['a numeric event_type', { ...base, event_type: 7 }, 'no event_type'],
      [
        'a huge event_type',
        { ...base, event_type: 'x'.repeat(MAX_EVENT_TYPE_LENGTH + 1) },
        'event_type too long',
      ],
      [
        'no message_type',
        { event_type: 'conversation.utterance' },
        'message_type is not conversation or system',
      ],
      [
        'a webhook message',
        { ...base, message_type: 'application' },
        'message_type is not conversation or system',
      ],
      ['another conversation', base, 'other conversation_id', { conversationId: 'c2' }],
      [
        'a numeric conversation_id',
        { ...base, conversation_id: 5 },
        'conversation_id is not a string',
      ],
      [
        'a null conversation_id',
        { ...base, conversation_id: null },
        'conversation_id is not a string',
      ],
      ['a negative seq', { ...base, seq: -1 }, 'seq is not a non-negative integer'],
      ['a fractional seq', { ...base, seq: 1.5 }, 'seq is not a non-negative integer'],
      ['a NaN seq', { ...base, seq: Number.NaN }, 'seq is not a non-negative integer'],
      ['an infinite seq', { ...base, seq: Infinity }, 'seq is not a non-negative integer'],
      ['a string seq', { ...base, seq: '3' }, 'seq is not a non-negative integer'],
      ['a null seq', { ...base, seq: null }, 'seq is not a non-negative integer'],
      ['an unsafe seq', { ...base, seq: 2 ** 60 }, 'seq is not a non-negative integer'],
      ['a bad turn_idx', { ...base, turn_idx: 'one' }, 'turn_idx is not a non-negative integer'],
      ['a bad inference_id', { ...base, inference_id: 12 }, 'inference_id is not a string'],
      ['a bad timestamp', { ...base, timestamp: {} }, 'timestamp is not a number or string'],
      [
        'a NaN timestamp',
        { ...base, timestamp: Number.NaN },
        'timestamp is not a number or string',
      ],
      ['properties that are a string', { ...base, properties: 'x' }, 'properties is not an object'],
      ['properties that are an array', { ...base, properties: [] }, 'properties is not an object'],
      ['null properties', { ...base, properties: null }, 'properties is not an object'],
    ];
    for (const [name, raw, expected, options] of cases) {
      it(name, () => {
        expect(reason(validateMessage(raw, options))).to.equal(expected);
      });
    }

    it('a string longer than the limit, without parsing it', () => {
      expect(reason(validateMessage('x'.repeat(101), { maxLength: 100 }))).to.equal(
        'message too large (101 characters)',
      );
    });

    it('anything whose reading throws', () => {
      const hostile = {
        message_type: 'conversation',
        get event_type(): string {
          throw new Error('getter');
        },
      };
      expect(reason(validateMessage(hostile))).to.equal('unreadable message');
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      expect(reason(validateMessage(revocable.proxy))).to.equal('unreadable message');
    });
  });

  describe('conversation_id', () => {
    it('matches the expected id', () => {
      expect(reason(validateMessage(base, { conversationId: 'c1' }))).to.equal('ok');
    });

    it('is not required, and an empty one makes no claim', () => {
      const { conversation_id: _, ...withoutId } = base;
      expect(reason(validateMessage(withoutId, { conversationId: 'c1' }))).to.equal('ok');
      expect(
        reason(validateMessage({ ...base, conversation_id: '' }, { conversationId: 'c1' })),
      ).to.equal('ok');
    });

    it('accepts any id when none is expected', () => {
      expect(reason(validateMessage({ ...base, conversation_id: 'zz' }))).to.equal('ok');
      expect(
        reason(validateMessage({ ...base, conversation_id: 'zz' }, { conversationId: '' })),
      ).to.equal('ok');
    });
  });

  describe('keys', () => {
    it('survives cycles, BigInt, throwing getters and deep nesting', () => {
      const cyclic: Record<string, unknown> = { ...base };
      cyclic['self'] = cyclic;
      const properties: Record<string, unknown> = { big: 10n, list: [1, undefined, () => 1] };
      Object.defineProperty(properties, 'bad', {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      });
      // Deep, and cyclic at the bottom, so that the native serialiser gives up on it.
      let deep: Record<string, unknown> = {};
      const root = deep;
      for (let i = 0; i < 10_000; i++) {
        const next = {};
        deep['d'] = next;
        deep = next;
      }
      deep['loop'] = root;
      for (const message of [cyclic, { ...base, properties }, { ...base, properties: root }]) {
        const result = validateMessage(message);
        expect(result.ok).to.equal(true);
        if (result.ok) expect(result.key).to.be.a('string');
      }
      const key = keyOfValue(cyclic);
      expect(key).to.contain('"self":"[cycle]"');
      expect(keyOfValue({ properties })).to.contain('"big":"10n"');
      expect(keyOfValue({ properties })).to.contain('"bad":"[unreadable]"');
      expect(keyOfValue({ properties })).to.contain('"list":[1,null,null]');
      expect(keyOfValue(root)).to.contain('"[deep]"');
    });

    it('keeps the rest of a message when one part cannot be serialised', () => {
      const cyclic: Record<string, unknown> = { a: 1, n: Number.NaN, t: true, f: false, s: 'x' };
      cyclic['self'] = [cyclic];
      expect(keyOfValue(cyclic)).to.equal(
        '{"a":1,"n":null,"t":true,"f":false,"s":"x","self":["[cycle]"]}',
      );
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      expect(keyOfValue({ ...base, self: undefined, p: revocable.proxy, c: cyclic })).to.contain(
        '"p":"[unreadable]"',
      );
      expect(keyOfValue(revocable.proxy)).to.equal('"[unreadable]"');
      expect(keyOfValue(undefined)).to.equal('undefined');
    });

    it('replaces long keys by a digest of fixed size', () => {
      const long = JSON.stringify({ ...base, properties: { frames: 'A'.repeat(100_000) } });
      const key = keyOfString(long);
      expect(key.length).to.be.lessThan(200);
      expect(keyOfString(long)).to.equal(key);
      const other = long.replace('AAAA', 'AAAB');
      expect(keyOfString(other)).not.to.equal(key);
      expect(keyOfString('short')).to.equal('short');
      expect(keyOfString('x'.repeat(MAX_RAW_KEY_LENGTH))).to.have.length(MAX_RAW_KEY_LENGTH);
      expect(digestKey('abc')).to.match(/^#3:[0-9a-z]+:[0-9a-z]+:abc$/);
      const result = validateMessage(JSON.parse(long));
      expect(result.ok && result.key.startsWith('#')).to.equal(true);
    });
  });
});
