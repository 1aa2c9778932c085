import { expect, waitUntil } from '@open-wc/testing';
import { ManualClock, type Clock } from '../../src/protocol/index.js';
import { decide, parseAddCoffee, toolReply } from '../../src/simulator/brain.js';
import { Random } from '../../src/simulator/random.js';
import { Scheduler } from '../../src/simulator/scheduler.js';
import { planSpeech, textOf, wordsSpokenBy } from '../../src/simulator/speech.js';

const NOW = new Date(2026, 10, 24, 15, 42);

describe('simulator building blocks', () => {
  describe('Random', () => {
    it('repeats its stream for the same seed and differs for another', () => {
      const a = new Random(42);
      const b = new Random(42);
      const c = new Random(43);
      const draw = (r: Random) => Array.from({ length: 8 }, () => r.next());
      const first = draw(a);
      expect(draw(b)).to.deep.equal(first);
      expect(draw(c)).to.not.deep.equal(first);
      for (const value of first) expect(value).to.be.within(0, 1);
    });

    it('makes version-4 shaped uuids', () => {
      const id = new Random(1).uuid();
      expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('does not draw for a probability of 0, so disabled faults keep the stream', () => {
      const a = new Random(5);
      const b = new Random(5);
      expect(a.chance(0)).to.equal(false);
      expect(a.next()).to.equal(b.next());
    });
  });

  describe('Scheduler', () => {
    /** A ManualClock as an engine's clock and timers look: coarse, or firing timers early. */
    function engineClock(manual: ManualClock, { quantumMs = 0, earlyMs = 0 } = {}): Clock {
      return {
        // A coarse clock, like Firefox's reduced timer precision (privacy.resistFingerprinting).
        now: () => (quantumMs ? Math.floor(manual.now() / quantumMs) * quantumMs : manual.now()),
        // A timer that fires a little before its delay by this clock (rounding differs per engine).
        setTimeout: (callback, ms) => manual.setTimeout(callback, ms >= 2 ? ms - earlyMs : ms),
        clearTimeout: (handle) => manual.clearTimeout(handle),
      };
    }

    /** The issue 12 scenario; `stall` runs between two calls of one synchronous block. */
    function siblingsAndChild(scheduler: Scheduler, stall: () => void): string[] {
      const order: string[] = [];
      scheduler.after(30, () => order.push('c'));
      stall();
      scheduler.after(10, () => {
        order.push('a');
        // Due at 10 + 15 = 25, before c, however late this task ran.
        scheduler.after(15, () => order.push('b'));
      });
      stall();
      scheduler.after(30, () => order.push('d'));
      return order;
    }

    it('runs tasks in due order, ties in insertion order, nested tasks relative to their parent', () => {
      const clock = new ManualClock();
      const scheduler = new Scheduler(clock);
      const order = siblingsAndChild(scheduler, () => {});
      clock.advance(24);
      expect(order).to.deep.equal(['a']);
      clock.advance(1);
      expect(order).to.deep.equal(['a', 'b']);
      clock.advance(5);
      expect(order).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(scheduler.pending).to.equal(0);
      expect(clock.pendingTimers).to.equal(0);
    });

    it('gives tasks scheduled in one synchronous run one instant, however slow the engine is between the calls', async () => {
      // Firefox ran ['a', 'c', 'b', 'd'] (issue 12): each call read the clock again, so a stall
      // of more than 5 ms between the first two calls put b (10 + 15 after the stall) after c.
      const clock = new ManualClock();
      const scheduler = new Scheduler(clock);
      const order = siblingsAndChild(scheduler, () => clock.advance(8));
      clock.advance(100);
      expect(order).to.deep.equal(['a', 'b', 'c', 'd']);
      // The next synchronous run reads the clock again: time did not stop for good.
      await Promise.resolve();
      const later: number[] = [];
      scheduler.after(0, () => later.push(scheduler.now()));
      clock.advance(1);
      expect(later).to.deep.equal([116]);
    });

    it('keeps the same order with a coarse clock and timers that fire early', () => {
      for (const options of [
        { quantumMs: 100 / 6 },
        { earlyMs: 1 },
        { quantumMs: 1, earlyMs: 1 },
      ]) {
        const manual = new ManualClock();
        const clock = engineClock(manual, options);
        const scheduler = new Scheduler(clock);
        const order = siblingsAndChild(scheduler, () => manual.advance(7));
        manual.advance(200);
        expect(order, JSON.stringify(options)).to.deep.equal(['a', 'b', 'c', 'd']);
        expect(manual.pendingTimers).to.equal(0);
      }
    });

    it('never runs a task before its due time by the clock, even when timers fire early', () => {
      const manual = new ManualClock();
      const scheduler = new Scheduler(engineClock(manual, { earlyMs: 1 }));
      const ranAt: number[] = [];
      for (const ms of [3, 10, 10, 40]) scheduler.after(ms, () => ranAt.push(manual.now()));
      manual.advance(100);
      expect(ranAt).to.deep.equal([3, 10, 10, 40]);
    });

    it('keeps the virtual order when the browser is late', () => {
      const clock = new ManualClock();
      const scheduler = new Scheduler(clock);
      const order: number[] = [];
      for (let i = 0; i < 5; i++) {
        scheduler.after(5 + i * 2, () => {
          order.push(i);
          scheduler.after(1, () => order.push(10 + i));
        });
      }
      // The browser runs nothing for 40 ms: everything is due at once when the timer fires.
      clock.advance(40);
      expect(order).to.deep.equal([0, 10, 1, 11, 2, 12, 3, 13, 4, 14]);
    });

    it('cancels a task and drops everything on dispose', () => {
      const clock = new ManualClock();
      const scheduler = new Scheduler(clock);
      const ran: string[] = [];
      const cancel = scheduler.after(5, () => ran.push('cancelled'));
      scheduler.after(10, () => ran.push('disposed'));
      cancel();
      expect(scheduler.pending).to.equal(1);
      expect(clock.pendingTimers).to.equal(1);
      scheduler.dispose();
      scheduler.after(1, () => ran.push('after dispose'));
      expect(clock.pendingTimers, 'the real timer is cleared').to.equal(0);
      clock.advance(30);
      expect(ran).to.deep.equal([]);
      expect(scheduler.pending).to.equal(0);
    });

    it('runs on the browser clock by default', async () => {
      const scheduler = new Scheduler();
      const order = siblingsAndChild(scheduler, () => {});
      await waitUntil(() => scheduler.pending === 0, 'the scheduled tasks did not run', {
        timeout: 10000,
      });
      expect(order).to.deep.equal(['a', 'b', 'c', 'd']);
    });
  });

  describe('speech planning', () => {
    it('ends every word later than the previous one and batches words into chunks', () => {
      const plan = planSpeech(
        'There are three plans. The starter plan includes five seats.',
        3,
        new Random(1),
      );
      expect(plan.words).to.have.length(10);
      for (let i = 1; i < plan.wordEnds.length; i++) {
        expect(plan.wordEnds[i]).to.be.greaterThan(plan.wordEnds[i - 1] as number);
      }
      expect(plan.chunkEnds).to.include(3, 'a sentence end closes a chunk');
      expect(plan.chunkEnds.at(-1)).to.equal(9);
      expect(plan.durationMs).to.equal(plan.wordEnds.at(-1));
      // About 3 words a second, plus a pause at the full stop.
      expect(plan.durationMs).to.be.within(2500, 5000);
    });

    it('counts the words spoken by a given time', () => {
      const plan = planSpeech('one two three four', 2, new Random(1));
      expect(wordsSpokenBy(plan, 0)).to.equal(0);
      expect(wordsSpokenBy(plan, plan.wordEnds[1] as number)).to.equal(2);
      expect(textOf(plan, wordsSpokenBy(plan, plan.durationMs))).to.equal('one two three four');
    });

    it('stretches to a known duration', () => {
      const plan = planSpeech('(audio)', 2, new Random(1), 1234);
      expect(plan.durationMs).to.equal(1234);
      expect(plan.wordEnds).to.deep.equal([1234]);
    });
  });

  describe('brain', () => {
    const input = (text: string, context = '') => ({
      text,
      context,
      sensitivity: {},
      replicaName: 'Anna',
      now: NOW,
    });

    it('asks for the add_to_cart tool with the quantity in words or digits', () => {
      expect(parseAddCoffee('Add two bags of coffee to my cart')).to.equal(2);
      expect(parseAddCoffee('please add 3 coffees to the cart')).to.equal(3);
      expect(parseAddCoffee('add a coffee to my cart')).to.equal(1);
      expect(parseAddCoffee('add coffee to my cart')).to.equal(null);
      expect(parseAddCoffee('add two teas to my cart')).to.equal(null);
      expect(decide(input('Add two coffees to my cart'), [], new Random(1))).to.deep.equal({
        kind: 'tool',
        name: 'add_to_cart',
        arguments: { item_name: 'coffee', quantity: 2 },
      });
    });

    it('answers the time, the date and what it can do', () => {
      const random = new Random(1);
      const time = decide(input('What time is it?'), [], random);
      expect(time).to.deep.equal({ kind: 'say', text: 'It is 3:42 PM where I am.' });
      const date = decide(input("What's the date today?"), [], random);
      expect(date.kind === 'say' && date.text).to.contain('November 24, 2026');
      const help = decide(input('What can you do?'), [], random);
      expect(help.kind === 'say' && help.text).to.contain('coffee');
    });

    it('answers "what do you know" from the context, or says it has none', () => {
      const random = new Random(1);
      const withContext = decide(
        input('What do you know?', 'The store opens at nine.'),
        [],
        random,
      );
      expect(withContext.kind === 'say' && withContext.text).to.contain('The store opens at nine.');
      const without = decide(input('What do you know?'), [], random);
      expect(without.kind === 'say' && without.text).to.contain('Nobody has given me');
    });

    it('falls back to repeating the question', () => {
      const reply = decide(input('Why is the sky blue?'), [], new Random(3));
      expect(reply.kind === 'say' && reply.text).to.contain('Why is the sky blue?');
    });

    it('puts page rules first', () => {
      const reply = decide(
        input('What time is it?'),
        [{ match: /time/i, reply: ({ replicaName }) => `${replicaName} has no watch.` }],
        new Random(1),
      );
      expect(reply).to.deep.equal({ kind: 'say', text: 'Anna has no watch.' });
    });

    it('phrases tool outcomes', () => {
      const args = { item_name: 'coffee', quantity: 2 };
      expect(toolReply('add_to_cart', args, { status: 'success', output: { added: 2 } })).to.match(
        /^Done! I added 2 coffees to your cart/,
      );
      expect(toolReply('add_to_cart', args, { status: 'error', output: 'out of stock' })).to.equal(
        "I'm sorry, that didn't work. The page said: out of stock",
      );
      expect(toolReply('add_to_cart', args, { status: 'timeout' })).to.contain('never heard back');
    });
  });
});
