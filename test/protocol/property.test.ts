import { expect } from '@open-wc/testing';

import {
  ManualClock,
  Sequencer,
  Transcript,
  createEventPipeline,
  domEventName,
  readToolCall,
  validateMessage,
  type Clock,
} from '../../src/protocol/index.js';
import { createRandom, type Random } from '../support/random.js';

const WINDOW_MS = 300;

const EVENT_TYPES = [
  'conversation.utterance',
  'conversation.utterance.streaming',
  'conversation.tool_call',
  'conversation.perception_tool_call',
  'conversation.replica.stopped_speaking',
  'conversation.stopped_speaking',
  'conversation.replica_interrupted',
  'system.replica_present',
  'conversation.whatever',
];

interface Sent {
  id: number;
  seq?: number;
  key: string;
}

/** A manual clock that records how many timers were ever pending at once. */
function watchedClock(): { clock: Clock & ManualClock; maxTimers: () => number } {
  const clock = new ManualClock();
  let max = 0;
  const setTimeout = clock.setTimeout.bind(clock);
  clock.setTimeout = (callback, ms) => {
    const handle = setTimeout(callback, ms);
    max = Math.max(max, clock.pendingTimers);
    return handle;
  };
  return { clock, maxTimers: () => max };
}

/**
 * A random stream: a run of seqs from a random start, some seqs carrying a second distinct
 * event (a twin), some never sent (gaps), some unsequenced events (heartbeats, possibly
 * identical), each emitted 0–30 ms after the previous one.
 */
function generate(random: Random, twins: boolean) {
  const start = random.int(0, 1_000_000);
  const count = random.int(5, 150);
  const events: Array<Sent & { emittedAt: number }> = [];
  let time = 0;
  let id = 0;
  for (let seq = start; seq < start + count; seq++) {
    time += random.int(0, 30);
    if (random.next() < 0.05) continue; // a gap that never fills
    events.push({ id: id++, seq, key: `e${seq}`, emittedAt: time });
    if (twins && random.next() < 0.3) {
      events.push({ id: id++, seq, key: `e${seq}-twin`, emittedAt: time });
    }
    if (random.next() < 0.1) {
      const key = random.next() < 0.5 ? 'heartbeat' : `free${id}`;
      events.push({ id: id++, key, emittedAt: time });
    }
  }
  return events;
}

function run(random: Random, options: { twins: boolean; maxJitter: number }) {
  const sent = generate(random, options.twins);
  const arrivals: Array<{ at: number; event: Sent }> = [];
  for (const event of sent) {
    const at = event.emittedAt + random.int(0, options.maxJitter);
    arrivals.push({ at, event });
    // Duplicates, anywhere from at once to long after the window.
    if (event.seq !== undefined && random.next() < 0.15) {
      arrivals.push({ at: at + random.int(0, 5 * WINDOW_MS), event });
    }
  }
  arrivals.sort((a, b) => a.at - b.at);

  const { clock, maxTimers } = watchedClock();
  const delivered: Array<{ event: Sent; at: number }> = [];
  const arrivedAt = new Map<number, number>();
  const sequencer = new Sequencer<Sent>({
    clock,
    windowMs: WINDOW_MS,
    deliver: (event) => delivered.push({ event, at: clock.now() }),
  });
  for (const arrival of arrivals) {
    clock.advance(arrival.at - clock.now());
    if (!arrivedAt.has(arrival.event.id)) arrivedAt.set(arrival.event.id, arrival.at);
    sequencer.push(arrival.event, arrival.event.key);
  }
  clock.advance(10 * WINDOW_MS);
  return { sent, delivered, arrivedAt, sequencer, clock, maxTimers };
}

function expectExactlyOnce(sent: Sent[], delivered: Array<{ event: Sent }>, label: string): void {
  const counts = new Map<number, number>();
  for (const { event } of delivered) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  for (const event of sent) {
    expect(counts.get(event.id), `${label}: event ${event.id} (${event.key})`).to.equal(1);
  }
  expect(delivered.length, label).to.equal(sent.length);
}

describe('protocol properties (seeded)', () => {
  it('1,000 shuffles with duplicates and gaps: seq order, nothing lost, nothing twice', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = createRandom(seed);
      // Jitter below the window: every gap that will fill does so before it expires.
      const result = run(random, { twins: false, maxJitter: WINDOW_MS - 1 });
      const label = `seed ${seed}`;
      expectExactlyOnce(result.sent, result.delivered, label);
      const seqs = result.delivered.flatMap(({ event }) =>
        event.seq === undefined ? [] : [event.seq],
      );
      for (let i = 1; i < seqs.length; i++) {
        expect(seqs[i]!, `${label} at ${i}`).to.be.greaterThan(seqs[i - 1]!);
      }
      expect(result.sequencer.pending, label).to.equal(0);
      expect(result.maxTimers(), label).to.be.at.most(1);
      expect(result.clock.pendingTimers, label).to.equal(0);
    }
  });

  it('1,000 runs with twins and stragglers: nothing lost, nothing twice, bounded delay', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = createRandom(seed + 50_000);
      // Jitter up to three windows: some events arrive after their window (stragglers).
      const result = run(random, { twins: true, maxJitter: 3 * WINDOW_MS });
      const label = `seed ${seed}`;
      expectExactlyOnce(result.sent, result.delivered, label);
      for (const { event, at } of result.delivered) {
        const arrived = result.arrivedAt.get(event.id)!;
        expect(at - arrived, `${label}: event ${event.id} waited`).to.be.at.most(WINDOW_MS);
        // Unsequenced events never wait.
        if (event.seq === undefined) expect(at, label).to.equal(arrived);
      }
      expect(result.maxTimers(), label).to.be.at.most(1);
    }
  });

  it('10,000 malformed inputs: no throw, Object.prototype untouched', function () {
    // Seeded and bounded, not timed: give a slow or loaded machine room.
    this.timeout(60_000);
    const random = createRandom(424242);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const transcript = new Transcript({ maxMessages: 50, now: () => 0 });
    const clock = new ManualClock();
    const pipeline = createEventPipeline({
      conversationId: 'c1',
      clock,
      windowMs: 10,
      onEvent: (event) => {
        transcript.apply(event);
        readToolCall(event);
        domEventName(event.event_type);
      },
      onRejected: () => undefined,
    });
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const input = malformed(random);
      expect(() => {
        const result = validateMessage(input, { conversationId: 'c1' });
        if (result.ok) {
          accepted++;
          expect(result.key).to.be.a('string');
        }
        pipeline.receive(input);
        if (i % 50 === 0) clock.advance(20);
      }, `input ${i}`).not.to.throw();
    }
    pipeline.flush();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).to.deep.equal(prototypeKeys);
    const probe: Record<string, unknown> = {};
    for (const name of ['polluted', 'isAdmin', 'event_type', 'seq']) {
      expect(probe[name], name).to.equal(undefined);
    }
    // The generator must exercise the accepting path as well, or this proves little.
    expect(accepted).to.be.greaterThan(1000);
    expect(accepted).to.be.lessThan(9000);
  });
});

/** Something between a plausible Tavus event and hostile garbage. */
function malformed(random: Random): unknown {
  const kind = random.int(0, 15);
  switch (kind) {
    case 0:
      return random.pick([
        null,
        undefined,
        0,
        -1,
        NaN,
        true,
        '',
        'null',
        '[]',
        '{}',
        10n,
        Symbol('s'),
      ]);
    case 1:
      return randomText(random, random.int(0, 200));
    case 2:
      return random.next() < 0.01 ? 'x'.repeat(5 * 1024 * 1024) : '{'.repeat(random.int(1, 5000));
    case 3:
      return `{"__proto__":{"polluted":true},"constructor":{"prototype":{"isAdmin":true}},"message_type":"conversation","event_type":"${random.pick(EVENT_TYPES)}","seq":${random.int(0, 50)},"properties":{"__proto__":{"polluted":1},"role":"pal","speech":"x"}}`;
    case 4: {
      const message: Record<string, unknown> = plausible(random);
      const properties = message['properties'] as Record<string, unknown>;
      // Chromium takes 10-40 ms to throw on a cycle (Node: microseconds), and only in-page code
      // can hand one over, so a few of these are cycles and the rest share references instead.
      if (random.next() < 0.02) {
        message['self'] = message;
        properties['loop'] = message;
      } else {
        const shared = { role: properties['role'] };
        properties['again'] = [shared, { shared }];
      }
      return random.next() < 0.8 ? message : [message];
    }
    case 5: {
      const hostile = plausible(random);
      Object.defineProperty(
        hostile,
        random.pick(['event_type', 'seq', 'properties', 'timestamp']),
        {
          enumerable: true,
          get() {
            throw new Error('hostile getter');
          },
        },
      );
      return hostile;
    }
    case 6: {
      const message = plausible(random);
      const properties = message['properties'] as Record<string, unknown>;
      Object.defineProperty(properties, random.pick(['speech', 'role', 'name', 'arguments']), {
        enumerable: true,
        get() {
          throw new Error('hostile getter');
        },
      });
      return message;
    }
    case 7: {
      let deep: unknown = plausible(random);
      for (let i = random.int(100, 3000); i > 0; i--) deep = { inner: deep };
      return { message_type: 'conversation', event_type: 'conversation.deep', properties: deep };
    }
    case 8:
      return {
        ...plausible(random),
        seq: random.pick([NaN, -1, 1.5, Infinity, '3', null, 2 ** 60, -0]),
      };
    case 9:
      return JSON.parse(
        `{"message_type":"conversation","event_type":"conversation.utterance","__proto__":{"seq":1},"properties":{"role":"user","speech":"hi"}}`,
      );
    case 10:
      return new Proxy(plausible(random), {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          return random.next() < 0.5 ? Object.prototype : null;
        },
      });
    case 11:
      return { ...plausible(random), properties: random.pick([null, 'x', [], 5, new Date()]) };
    case 12:
      return { ...plausible(random), conversation_id: random.pick(['c2', 5, null, '', 'c1']) };
    case 13:
      return JSON.stringify(plausible(random));
    default:
      return plausible(random);
  }
}

function plausible(random: Random): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    role: random.pick(['user', 'pal', 'replica', 'narrator', 5, undefined]),
    speech: random.pick(['hello', '', randomText(random, 20), 7, null, undefined]),
    content_index: random.pick([0, 1, 2, -1, 1.5, '1', undefined]),
    final: random.pick([true, false, 'true', undefined]),
    is_interrupted: random.pick([true, false, undefined]),
    name: random.pick(['add_to_cart', '', 3, undefined]),
    arguments: random.pick(['{"a":1}', '{bad', { a: 1 }, 5, undefined]),
    interrupted: random.pick([true, false, undefined]),
  };
  const message: Record<string, unknown> = {
    message_type: random.pick(['conversation', 'conversation', 'system', 'application']),
    event_type: random.pick(EVENT_TYPES),
    conversation_id: random.pick(['c1', 'c1', undefined]),
    properties,
  };
  if (random.next() < 0.8) message['seq'] = random.int(0, 60);
  if (random.next() < 0.5) message['turn_idx'] = random.int(0, 5);
  if (random.next() < 0.7) message['inference_id'] = random.pick(['r-1', 'r-2', 'u-1']);
  if (random.next() < 0.5)
    message['timestamp'] = random.pick([1746001000.5, '2025-01-01T00:00:00Z', 'bad']);
  return message;
}

function randomText(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(random.int(0, 0xffff));
  return text;
}
