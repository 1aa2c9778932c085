/**
 * 100,000 seeded random and malformed app-messages through a connected element, delivered at
 * the call seam like Daily delivers them. The element must dispatch exactly the valid ones (each
 * once, duplicates of sequenced ones not again), drop the rest, keep the call, keep rendering, and
 * leave the page's built-in prototypes alone.
 */
import { expect } from '@open-wc/testing';

import { REPLICA_SESSION, tavusEvent } from '../support/fake-call.js';
import { afterReorderWindow, connectedElement } from '../support/element.js';
import { createRandom } from '../support/random.js';
import { FuzzMessages } from '../support/fuzz-messages.js';
import { snapshotPrototypes, watchPageErrors } from '../support/page-integrity.js';
import { deepQuery, shadowElements } from '../support/shadow-dom.js';
import { nextFrame, waitFor } from '../support/wait.js';

const MESSAGES = 100_000;
const SEED = 0x7a5e;
/** Messages delivered between two animation frames, so the element renders along the way. */
const CHUNK = 2_500;
const DOM_NAME = /^tavus-[a-z0-9]+(-[a-z0-9]+)*$/;
const OWN_EVENTS = new Set(['tavus-state-change', 'tavus-error', 'tavus-send']);

describe('<tavus-conversation> reliability', () => {
  describe('fuzzed app-messages', () => {
    it(`dispatches exactly the valid ones of ${MESSAGES.toLocaleString('en')} random and malformed messages, and keeps working`, async function () {
      // A fixed amount of work: how long it takes says how busy the machine is, not whether the
      // element is right, so no time limit (the test runner's own limit on a file still holds).
      this.timeout(0);
      const random = createRandom(SEED);
      const { el, call, clock } = await connectedElement();
      el.chatOpen = true;
      el.captions = true;

      // Every event the element dispatches, in order.
      const dispatched: { type: string; detail: unknown }[] = [];
      const dispatch = el.dispatchEvent.bind(el);
      el.dispatchEvent = (event: Event) => {
        dispatched.push({ type: event.type, detail: (event as CustomEvent).detail });
        return dispatch(event);
      };

      // The first sequenced event always waits one reorder window; let it set the cursor.
      call.message(tavusEvent('system.replica_present', { seq: 1, fuzz_id: 0 }));
      await afterReorderWindow(clock);

      const bigAt = new Set<number>();
      while (bigAt.size < 5) bigAt.add(random.int(0, MESSAGES - 1));
      const fuzz = new FuzzMessages(random, 'c123', 2, bigAt);
      const errors = watchPageErrors();
      const prototypesChanged = snapshotPrototypes();
      const started = performance.now();
      try {
        for (let i = 0; i < MESSAGES; i++) {
          call.message(fuzz.message(i).data);
          if (i % CHUNK === CHUNK - 1) {
            // Daily-level oddities: no data, or a sender that is nobody.
            call.emit('app-message', {});
            call.emit('app-message', { fromId: REPLICA_SESSION });
            call.emit('app-message', {
              data: tavusEvent('system.replica_present', { fuzz_id: -1 }),
              fromId: 42,
            });
            await nextFrame();
          }
        }
        await afterReorderWindow(clock);
        await el.updateComplete;
      } finally {
        errors.stop();
      }
      const elapsed = performance.now() - started;

      expect(errors.errors, 'errors that escaped to the page').to.deep.equal([]);
      expect(prototypesChanged(), 'built-in prototypes changed').to.deep.equal([]);
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect(([] as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);

      // Exactly the valid events went out, each as its named event and then as tavus-event.
      const seen = new Map<number, number>();
      let unpaired = 0;
      let badNames = 0;
      for (let i = 0; i < dispatched.length; i++) {
        const { type, detail } = dispatched[i]!;
        if (type !== 'tavus-event') continue;
        const named = dispatched[i - 1];
        if (!named || named.detail !== detail || named.type === 'tavus-event') unpaired++;
        else if (!DOM_NAME.test(named.type) || OWN_EVENTS.has(named.type)) badNames++;
        const id = (detail as { fuzz_id?: unknown }).fuzz_id;
        if (typeof id === 'number') seen.set(id, (seen.get(id) ?? 0) + 1);
        else seen.set(NaN, (seen.get(NaN) ?? 0) + 1);
      }
      const expected = new Map(fuzz.stats.expected);
      expected.set(0, 1);
      const lost = [...expected].filter(([id, count]) => (seen.get(id) ?? 0) < count);
      const extra = [...seen].filter(([id, count]) => count > (expected.get(id) ?? 0));
      expect(lost.length, `valid events lost, e.g. ${JSON.stringify(lost.slice(0, 5))}`).to.equal(
        0,
      );
      expect(
        extra.length,
        `events dispatched too often or not valid: ${JSON.stringify(extra.slice(0, 5))}`,
      ).to.equal(0);
      expect(unpaired, 'tavus-event without its named event just before').to.equal(0);
      expect(badNames, 'named events outside the naming rule or shadowing the element').to.equal(0);
      const total = [...seen.values()].reduce((sum, count) => sum + count, 0);
      expect(total).to.equal(fuzz.stats.dispatches + 1);
      expect(
        dispatched.filter((event) => OWN_EVENTS.has(event.type)).map((event) => event.type),
        'the element announced a change it did not make',
      ).to.deep.equal([]);

      // The call goes on and the UI still renders.
      expect(el.state).to.equal('connected');
      expect(call.left + call.destroyed).to.equal(0);
      expect(el.shadowRoot!.querySelector('[part~="panel"]')).to.not.equal(null);
      const marker = `still talking after ${MESSAGES} messages`;
      call.message(
        tavusEvent('conversation.utterance', {
          seq: 10_000_000,
          inference_id: 'final-check',
          properties: { role: 'user', speech: marker },
        }),
      );
      await waitFor(
        () =>
          shadowElements(el).some(
            (node) => node.matches('[part~="message"]') && node.textContent?.includes(marker),
          ),
        'the transcript did not render a message after the fuzz',
      );
      expect(el.transcript.at(-1)?.text).to.equal(marker);
      expect(deepQuery(el, '[part~="transcript"]')).to.not.equal(null);

      // Not a performance test, but the suite must stay fast: log what it took.
      const { accepted, rejected, duplicates, strings, bigStrings, deep, pollution } = fuzz.stats;
      console.log(
        `fuzz: ${MESSAGES} messages in ${Math.round(elapsed)} ms: ${accepted} valid, ` +
          `${rejected} rejected, ${duplicates} exact duplicates, ${strings} as JSON text, ` +
          `${bigStrings} of 1 MB, ${deep} deeply nested, ${pollution} with __proto__/constructor; ` +
          `${total} dispatched`,
      );
    });

    it('copes with values only in-page code can hand the seam: cycles, BigInt, getters that throw, proxies', async () => {
      const { el, call, clock } = await connectedElement();
      const seen: unknown[] = [];
      el.addEventListener('tavus-event', (event) => seen.push(event.detail));
      const throwing = (fields: Record<string, unknown>, name: string) =>
        Object.defineProperty({ ...fields }, name, {
          enumerable: true,
          get() {
            throw new Error(`getter ${name}`);
          },
        });
      const cycle: Record<string, unknown> = { role: 'user', speech: 'a cycle' };
      cycle['self'] = cycle;
      const accepted = [
        tavusEvent('conversation.utterance', { inference_id: 'c', properties: cycle }),
        tavusEvent('conversation.utterance', {
          properties: { role: 'user', speech: 'a BigInt', n: 10n },
        }),
        tavusEvent('conversation.started_speaking', {
          properties: throwing({ speech: 'x' }, 'role'),
        }),
        tavusEvent('conversation.utterance.streaming', {
          properties: throwing({ role: 'pal' }, 'speech'),
        }),
        tavusEvent('conversation.tool_call', {
          properties: throwing({ name: 'lookup' }, 'arguments'),
        }),
        tavusEvent('conversation.utterance', {
          properties: new Proxy(
            { role: 'user', speech: 'proxy' },
            {
              get(target, key) {
                if (key === 'speech') throw new Error('proxy get');
                return Reflect.get(target, key);
              },
            },
          ),
        }),
      ];
      const rejected = [
        throwing(tavusEvent('conversation.utterance'), 'event_type'),
        throwing(tavusEvent('conversation.utterance'), 'properties'),
        new Proxy(tavusEvent('conversation.utterance'), {
          getPrototypeOf() {
            throw new Error('proxy prototype');
          },
        }),
        { ...tavusEvent('conversation.utterance'), seq: NaN },
        { ...tavusEvent('conversation.utterance'), seq: 10n },
        { ...tavusEvent('conversation.utterance'), properties: () => ({}) },
        { ...tavusEvent('conversation.utterance'), event_type: Symbol('conversation.utterance') },
        Object.create(tavusEvent('conversation.utterance')),
      ];
      el.tools = { lookup: () => 'ran' };
      const errors = watchPageErrors();
      try {
        for (const data of [...accepted, ...rejected]) call.message(data);
        await afterReorderWindow(clock);
      } finally {
        errors.stop();
      }
      expect(errors.errors).to.deep.equal([]);
      expect(seen).to.have.length(accepted.length);
      expect(seen.every((detail, i) => detail === accepted[i])).to.equal(true);
      expect(el.state).to.equal('connected');
    });
  });
});
