/**
 * A seeded generator of app-message `data` for fuzzing `<tavus-conversation>`: valid Tavus
 * envelopes whose properties are wrong in every way the transcript, tools and speaking state
 * read them, mixed with envelopes that must be rejected and with values that are not messages
 * at all. Every generated message says whether the element must dispatch it, and how often.
 *
 * Messages are built as JSON text, so that `__proto__` and `constructor` arrive as own keys (as
 * they would from the network), and delivered either as that text or as its `JSON.parse` result.
 */
import type { Random } from './random.js';

export interface FuzzMessage {
  /** What the call seam delivers as `data`. */
  data: unknown;
  /** The `fuzz_id` this message carries when the element must dispatch it. */
  id?: number;
}

export interface FuzzStats {
  /** fuzz_id → how many DOM dispatches it must cause. */
  readonly expected: Map<number, number>;
  /** Total dispatches expected. */
  dispatches: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  bigStrings: number;
  deep: number;
  pollution: number;
  strings: number;
}

/** Event types a valid envelope may carry (`system.shutdown` would end the call, so not here). */
const EVENT_TYPES = [
  'conversation.utterance',
  'conversation.utterance.streaming',
  'conversation.tool_call',
  'conversation.perception_tool_call',
  'conversation.perception_analysis',
  'conversation.replica.started_speaking',
  'conversation.replica.stopped_speaking',
  'conversation.user.started_speaking',
  'conversation.user.stopped_speaking',
  'conversation.started_speaking',
  'conversation.stopped_speaking',
  'conversation.replica_interrupted',
  'conversation.objective.pending',
  'system.replica_joined',
  'system.replica_present',
  // Names that must not collide with the element's own events or with Object.prototype.
  'conversation.error',
  'system.state_change',
  'conversation.event',
  'conversation.send',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'conversation.__proto__.polluted',
  'conversation.future.thing_2',
  '<img src=x onerror=window.__xss()>',
  '会話.発話',
  'x'.repeat(256),
];

const ROLES = ['"user"', '"pal"', '"replica"', '"system"', '5', 'null', '{}', '[]', '""'];

/** JSON texts of values with the wrong type for any field. */
const JUNK_VALUES = [
  '{}',
  '[]',
  '[1,2,3]',
  'null',
  'true',
  'false',
  '0',
  '-1',
  '1.5',
  '1e308',
  '-1e308',
  '9007199254740993',
  '""',
  '"x"',
  '"true"',
  '"NaN"',
  '"\\u0000\\ud800"',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[{"__proto__":[]}]',
];

/** JSON texts of envelope fields that must make a message rejected. */
const BAD_ENVELOPES: [string, string][] = [
  ['event_type', '5'],
  ['event_type', 'null'],
  ['event_type', '{}'],
  ['event_type', '[]'],
  ['event_type', '""'],
  ['event_type', JSON.stringify('y'.repeat(257))],
  ['message_type', '"application"'],
  ['message_type', '"Conversation"'],
  ['message_type', '"webhook"'],
  ['message_type', 'null'],
  ['message_type', '5'],
  ['message_type', '{"__proto__":"conversation"}'],
  ['conversation_id', '"c999"'],
  ['conversation_id', '5'],
  ['conversation_id', 'null'],
  ['conversation_id', '["c123"]'],
  ['seq', '-1'],
  ['seq', '1.5'],
  ['seq', '9007199254740992'],
  ['seq', '1e21'],
  ['seq', '"5"'],
  ['seq', 'null'],
  ['seq', '[]'],
  ['seq', '-0.5'],
  ['turn_idx', '-3'],
  ['turn_idx', '0.25'],
  ['turn_idx', '"1"'],
  ['inference_id', '5'],
  ['inference_id', '{}'],
  ['inference_id', 'null'],
  ['timestamp', 'null'],
  ['timestamp', '{}'],
  ['timestamp', 'true'],
  ['properties', '[]'],
  ['properties', '"speech"'],
  ['properties', '5'],
  ['properties', 'null'],
  ['properties', 'true'],
];

/** Values that are not JSON objects at all, delivered as they are. */
const NOT_MESSAGES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  Infinity,
  true,
  false,
  '',
  ' ',
  'null',
  'true',
  '42',
  '"a string"',
  '[]',
  '[{"event_type":"conversation.utterance","message_type":"conversation"}]',
  '{',
  '{"event_type":',
  '{"event_type":"conversation.utterance","message_type":"conversation"',
  "{'event_type':'conversation.utterance'}",
  '{"event_type":"conversation.utterance",}',
  'undefined',
  'NaN',
  '\u0000',
  '\ufeff{}',
  [],
  [1, 2],
  Symbol('message'),
  () => 'message',
  10n,
  new Date(0),
  new Map([['event_type', 'conversation.utterance']]),
  /event_type/,
  new ArrayBuffer(8),
  new Uint8Array([123, 125]),
];

const MB = 1024 * 1024;

/** Text of a JSON object from `[key, jsonText]` pairs (keys may repeat or be `__proto__`). */
function object(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}

function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

export class FuzzMessages {
  readonly stats: FuzzStats = {
    expected: new Map(),
    dispatches: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
    bigStrings: 0,
    deep: 0,
    pollution: 0,
    strings: 0,
  };
  private nextId = 1;
  /** Recent accepted messages with a seq, as [text, delivered as text], for exact duplicates. */
  private readonly recentSequenced: [string, boolean][] = [];

  /**
   * @param nextSeq first `seq` for valid sequenced events; they go up by one, so none is held
   *   back for long (the element's reorder window is tested elsewhere).
   * @param bigStringAt indices at which a 1 MB string is used (a few: they are slow to copy).
   */
  constructor(
    private readonly random: Random,
    private readonly conversationId: string,
    private nextSeq: number,
    private readonly bigStringAt: ReadonlySet<number>,
  ) {}

  /** The `index`-th message of the run. */
  message(index: number): FuzzMessage {
    const random = this.random;
    const big = this.bigStringAt.has(index);
    if (big) this.stats.bigStrings++;
    const roll = random.next();
    if (!big && roll < 0.1) return this.reject(this.notMessage());
    if (!big && roll < 0.13 && this.recentSequenced.length > 0) return this.duplicate();
    if (!big && roll < 0.15) return this.reject(this.numbersJsonCannotCarry());
    if (roll < 0.55) return this.valid(big);
    return this.reject(this.deliver(this.badEnvelope(big)));
  }

  private notMessage(): unknown {
    const random = this.random;
    if (random.next() < 0.2) {
      // Broken JSON of a real-looking message, cut at a random point.
      const text = this.envelope('conversation.utterance', [
        [
          'properties',
          object([
            ['speech', '"cut"'],
            ['role', '"user"'],
          ]),
        ],
      ]);
      return text.slice(0, random.int(0, text.length - 1));
    }
    return random.pick(NOT_MESSAGES);
  }

  /** A valid envelope whose seq or turn_idx is a number JSON cannot carry (NaN, ±Infinity). */
  private numbersJsonCannotCarry(): unknown {
    const message = JSON.parse(
      this.envelope(this.random.pick(EVENT_TYPES), [['properties', this.properties(false)]]),
    ) as Record<string, unknown>;
    message[this.random.pick(['seq', 'turn_idx', 'timestamp'])] = this.random.pick([
      NaN,
      Infinity,
      -Infinity,
    ]);
    return message;
  }

  private valid(big: boolean): FuzzMessage {
    const random = this.random;
    const id = this.nextId++;
    const eventType = random.pick(EVENT_TYPES);
    const extra: [string, string][] = [['fuzz_id', String(id)]];
    const sequenced = random.next() < 0.6;
    if (sequenced) extra.push(['seq', String(this.nextSeq++)]);
    if (random.next() < 0.5) extra.push(['turn_idx', String(random.int(0, 50))]);
    if (random.next() < 0.5) extra.push(['inference_id', JSON.stringify(`i-${random.int(0, 30)}`)]);
    if (random.next() < 0.3) {
      extra.push([
        'timestamp',
        random.pick(['1746000000.123', '0', '"2025-07-11T06:45:47.472Z"', '"not a date"']),
      ]);
    }
    if (random.next() < 0.9) extra.push(['properties', this.properties(big)]);
    if (random.next() < 0.05) {
      this.stats.pollution++;
      extra.push(['__proto__', '{"polluted":"yes"}'], ['constructor', JUNK_VALUES[18]!]);
    }
    const idChoice = random.next();
    const text = this.envelope(
      eventType,
      extra,
      idChoice < 0.7 ? 'same' : idChoice < 0.85 ? 'empty' : 'absent',
    );
    this.stats.accepted++;
    this.expect(id, 1);
    const data = this.deliver(text, big);
    if (sequenced && !big) {
      this.recentSequenced.push([text, typeof data === 'string']);
      if (this.recentSequenced.length > 100) this.recentSequenced.shift();
    }
    return { data, id };
  }

  /**
   * A sequenced message sent again in the form it first came in: dispatched once. (The same
   * content as text and as an object is not always one key: `1e308` is written `1e+308` again.)
   */
  private duplicate(): FuzzMessage {
    const [text, asText] = this.random.pick(this.recentSequenced);
    this.stats.duplicates++;
    return { data: asText ? text : JSON.parse(text) };
  }

  private properties(big: boolean): string {
    const random = this.random;
    const entries: [string, string][] = [];
    if (random.next() < 0.8) entries.push(['role', random.pick(ROLES)]);
    const speech = big
      ? JSON.stringify(random.next() < 0.5 ? 'a'.repeat(MB) : '😀 "quoted" <b>'.repeat(MB / 16))
      : random.next() < 0.7
        ? JSON.stringify(
            `fuzz speech ${random.int(0, 1e6)} <i>${'\u202e'.repeat(random.int(0, 2))}`,
          )
        : random.pick(JUNK_VALUES);
    entries.push([random.pick(['speech', 'speech', 'text', 'content']), speech]);
    const fields = ['content_index', 'final', 'is_interrupted', 'interrupted', 'name', 'tool_name'];
    for (const field of [...fields, 'arguments', 'tool_call_id', 'inference_id', 'duration']) {
      if (random.next() < 0.25) entries.push([field, random.pick(JUNK_VALUES)]);
    }
    if (random.next() < 0.2) entries.push(['content_index', String(random.int(0, 5))]);
    if (random.next() < 0.2) entries.push(['final', random.pick(['true', 'false'])]);
    if (random.next() < 0.1) entries.push(['arguments', JSON.stringify('{"a":1}')]);
    if (random.next() < 0.05) {
      this.stats.pollution++;
      entries.push(['__proto__', '{"polluted":"yes","role":"user"}']);
      entries.push(['constructor', JUNK_VALUES[18]!]);
    }
    if (random.next() < 0.01) {
      this.stats.deep++;
      const depth = random.pick([100, 5_000, 50_000]);
      entries.push(['nested', random.next() < 0.5 ? deepArray(depth) : deepObject(depth)]);
    }
    return object(entries);
  }

  private badEnvelope(big: boolean): string {
    const random = this.random;
    const [field, value] = random.pick(BAD_ENVELOPES);
    const entries: [string, string][] = [
      ['fuzz_rejected', 'true'],
      ['seq', String(random.int(0, 1e6))],
      [
        'properties',
        big ? object([['speech', JSON.stringify('b'.repeat(MB))]]) : this.properties(false),
      ],
    ];
    const text = this.envelope(random.pick(EVENT_TYPES), entries);
    // The bad field is written last, so it wins over a good value of the same key.
    return `${text.slice(0, -1)},${JSON.stringify(field)}:${value}}`;
  }

  private envelope(
    eventType: string,
    extra: readonly (readonly [string, string])[],
    id: 'same' | 'empty' | 'absent' = 'same',
  ): string {
    const entries: [string, string][] = [
      ['message_type', JSON.stringify(eventType.startsWith('system.') ? 'system' : 'conversation')],
      ['event_type', JSON.stringify(eventType)],
    ];
    if (id !== 'absent') {
      entries.push(['conversation_id', JSON.stringify(id === 'same' ? this.conversationId : '')]);
    }
    return object([...entries, ...extra]);
  }

  /** As JSON text or parsed, like Tavus' own apps have to accept. */
  private deliver(text: string, big = false): unknown {
    if (this.random.next() < 0.5) {
      this.stats.strings++;
      return text;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (big) throw error;
      return text;
    }
  }

  private reject(data: unknown): FuzzMessage {
    this.stats.rejected++;
    return { data };
  }

  private expect(id: number, count: number): void {
    this.stats.expected.set(id, (this.stats.expected.get(id) ?? 0) + count);
    this.stats.dispatches += count;
  }
}
