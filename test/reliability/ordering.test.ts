/**
 * Ordering under a seeded storm of shuffles, duplicates and gaps, through the element: DOM
 * events come out in `seq` order, none lost, none twice.
 *
 * 1,000 short runs of consecutive seqs go through one connected element, in batches. Within a
 * batch every message arrives inside one reorder window (some at once, some up to 120 ms late),
 * so the contract is exact: whatever is dispatched is in ascending seq, each seq once; gaps that
 * never fill hold later events back for at most the window. Time is the element's ManualClock
 * (its reorder window, and the late arrivals scheduled here), so a loaded machine cannot stretch
 * a delay past the window: every batch is checked for exact order.
 */
import { expect } from '@open-wc/testing';

import { DEFAULT_REORDER_WINDOW_MS } from '../../src/protocol/sequencer.js';
import { tavusEvent } from '../support/fake-call.js';
import { afterReorderWindow, connectedElement } from '../support/element.js';
import { createRandom, type Random } from '../support/random.js';

const RUNS = 1_000;
/**
 * About 125 runs (600 messages) per batch: under the sequencer's duplicate memory (1,024 recent
 * keys), which bounds memory on purpose. A duplicate arriving more than 1,024 sequenced events
 * after its original is dispatched again (far beyond Tavus' rates, where twins arrive together).
 */
const BATCHES = 8;
const SEED = 0x0dde;
/** Latest arrival of a delayed message, well inside the 300 ms reorder window. */
const MAX_DELAY_MS = 120;
const TYPES = [
  'conversation.utterance',
  'conversation.replica.started_speaking',
  'conversation.replica.stopped_speaking',
  'conversation.ordering_probe',
];

interface Delivery {
  data: unknown;
  delayMs: number;
}

/** One run: consecutive seqs from `base`, shuffled, some duplicated, maybe one never sent. */
function run(
  random: Random,
  base: number,
  index: number,
): { deliveries: Delivery[]; sent: number[] } {
  const length = random.int(2, 8);
  const seqs = Array.from({ length }, (_, i) => base + i);
  const missing = random.next() < 0.3 ? random.pick(seqs) : undefined;
  const sent = seqs.filter((seq) => seq !== missing);
  const texts = new Map(
    sent.map((seq) => [
      seq,
      JSON.stringify(
        tavusEvent(random.pick(TYPES), {
          seq,
          turn_idx: index,
          inference_id: `run-${index}`,
          properties: { role: 'user', speech: `run ${index}, seq ${seq}` },
        }),
      ),
    ]),
  );
  const copies = [...sent];
  const duplicates = random.next() < 0.5 ? random.int(1, 3) : 0;
  for (let i = 0; i < duplicates; i++) copies.push(random.pick(sent));
  const deliveries = random.shuffle(copies).map((seq) => {
    const text = texts.get(seq)!;
    return {
      // Either form: the same JSON as text or as an object is one message.
      data: random.next() < 0.5 ? text : (JSON.parse(text) as unknown),
      delayMs: random.next() < 0.2 ? random.int(1, MAX_DELAY_MS) : 0,
    };
  });
  return { deliveries, sent };
}

describe('<tavus-conversation> reliability', () => {
  describe('ordering', () => {
    it(`dispatches ${RUNS.toLocaleString('en')} shuffled, duplicated and gapped runs in seq order, none lost, none twice`, async function () {
      // A fixed amount of work: how long it takes says how busy the machine is, not whether the
      // element is right, so no time limit (the test runner's own limit on a file still holds).
      this.timeout(0);
      const random = createRandom(SEED);
      const { el, call, clock } = await connectedElement();
      const dispatched: number[] = [];
      el.addEventListener('tavus-event', (event) => {
        dispatched.push((event.detail as { seq: number }).seq);
      });

      // The first sequenced event waits one window (no cursor yet); start the cursor at 1.
      call.message(tavusEvent('system.replica_present', { seq: 1 }));
      expect(dispatched, 'the first event was not held').to.deep.equal([]);
      await afterReorderWindow(clock);
      expect(dispatched, 'the first event was not dispatched').to.deep.equal([1]);

      let base = 2;
      let runs = 0;
      let duplicates = 0;
      const allSent: number[] = [1];
      for (let batch = 0; batch < BATCHES; batch++) {
        const before = dispatched.length;
        const batchSent: number[] = [];
        const runsInBatch = Math.round(RUNS / BATCHES);
        for (let r = 0; r < runsInBatch; r++, runs++) {
          const { deliveries, sent } = run(random, base, runs);
          duplicates += deliveries.length - sent.length;
          // A run may leave a gap inside it, and the next run may start after one more gap.
          base = Math.max(...sent) + 1 + (random.next() < 0.15 ? 1 : 0);
          batchSent.push(...sent);
          for (const { data, delayMs } of deliveries) {
            if (delayMs === 0) call.message(data);
            else clock.setTimeout(() => call.message(data), delayMs);
          }
        }
        // Every delayed message arrives, then every gap that never fills is released.
        clock.advance(MAX_DELAY_MS);
        clock.advance(DEFAULT_REORDER_WINDOW_MS);
        expect(clock.pendingTimers, `batch ${batch}: timers left`).to.equal(0);
        const expected = [...batchSent].sort((a, b) => a - b);
        expect(dispatched.slice(before), `batch ${batch}`).to.deep.equal(expected);
        allSent.push(...batchSent);
      }
      await afterReorderWindow(clock);

      const gaps = base - 2 - (allSent.length - 1);
      expect(runs).to.equal(RUNS);
      expect([...dispatched].sort((a, b) => a - b)).to.deep.equal(
        [...allSent].sort((a, b) => a - b),
      );
      expect(new Set(dispatched).size).to.equal(dispatched.length);
      expect(el.state).to.equal('connected');
      console.log(
        `ordering: ${runs} runs, ${allSent.length} seqs, ${duplicates} duplicates, ${gaps} gaps ` +
          `that never filled, every batch in exact seq order`,
      );
    });

    it('dispatches a straggler that arrives after its window, late but not dropped', async () => {
      const { el, call, clock } = await connectedElement();
      const dispatched: number[] = [];
      el.addEventListener('tavus-event', (event) => dispatched.push(event.detail.seq ?? -1));
      call.message(tavusEvent('conversation.ordering_probe', { seq: 1 }));
      await afterReorderWindow(clock);
      expect(dispatched, 'seq 1 was held').to.deep.equal([1]);
      call.message(tavusEvent('conversation.ordering_probe', { seq: 3 }));
      // The gap (seq 2) does not fill: seq 3 waits for it, and goes out when its window is over.
      clock.advance(DEFAULT_REORDER_WINDOW_MS - 1);
      expect(dispatched, 'seq 3 did not wait for seq 2').to.deep.equal([1]);
      clock.advance(1);
      expect(dispatched, 'seq 3 was held past its window').to.deep.equal([1, 3]);
      call.message(tavusEvent('conversation.ordering_probe', { seq: 2 }));
      // An event without seq is not held behind anything.
      call.message(tavusEvent('system.replica_present'));
      expect(dispatched).to.deep.equal([1, 3, 2, -1]);
    });

    it('dispatches both PAL and replica twins that share one seq, and an exact duplicate once', async () => {
      const { el, call, clock } = await connectedElement();
      const roles: string[] = [];
      el.addEventListener('tavus-utterance-streaming', (event) =>
        roles.push(`${event.detail.seq}:${event.detail.properties?.role}`),
      );
      const twin = (seq: number, role: string) =>
        tavusEvent('conversation.utterance.streaming', {
          seq,
          inference_id: 'r-1',
          properties: { role, speech: 'Hello there', content_index: 0, final: true },
        });
      for (const message of [
        twin(2, 'replica'),
        twin(1, 'pal'),
        twin(2, 'pal'),
        twin(1, 'replica'),
        twin(1, 'pal'),
      ]) {
        call.message(message);
      }
      await afterReorderWindow(clock);
      expect(roles).to.deep.equal(['1:pal', '1:replica', '2:replica', '2:pal']);
      expect(el.transcript.filter((message) => message.role === 'replica')).to.have.length(1);
    });
  });
});
