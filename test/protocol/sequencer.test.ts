import { expect } from '@open-wc/testing';

import { MAX_SEQ_JUMP, ManualClock, SYSTEM_CLOCK, Sequencer } from '../../src/protocol/index.js';

interface Item {
  seq?: number;
  name: string;
}

function setup(options: { windowMs?: number; dedupeCapacity?: number } = {}) {
  const clock = new ManualClock();
  const out: string[] = [];
  const errors: unknown[] = [];
  const sequencer = new Sequencer<Item>({
    deliver: (item) => out.push(item.name),
    clock,
    onError: (error) => errors.push(error),
    ...options,
  });
  const push = (seq: number | undefined, name = `s${seq}`, key = name) =>
    sequencer.push(seq === undefined ? { name } : { seq, name }, key);
  return { clock, out, errors, sequencer, push };
}

describe('Sequencer', () => {
  describe('order', () => {
    it('holds the first sequenced event for the window, since an earlier one may be on its way', () => {
      const { clock, out, push, sequencer } = setup();
      push(57);
      expect(out).to.deep.equal([]);
      expect(sequencer.pending).to.equal(1);
      clock.advance(299);
      expect(out).to.deep.equal([]);
      clock.advance(1);
      expect(out).to.deep.equal(['s57']);
      expect(sequencer.pending).to.equal(0);
    });

    it('puts an earlier event that arrives within the first window before the first one', () => {
      const { clock, out, push } = setup();
      push(5);
      clock.advance(100);
      push(4);
      push(6);
      clock.advance(200);
      expect(out).to.deep.equal(['s4', 's5', 's6']);
    });

    it('delivers the successor of the last delivered seq at once', () => {
      const { clock, out, push } = setup();
      push(10);
      clock.advance(300);
      push(11);
      push(12);
      expect(out).to.deep.equal(['s10', 's11', 's12']);
    });

    it('holds an out-of-order event until the gap fills, then releases both in order', () => {
      const { clock, out, push, sequencer } = setup();
      push(1);
      clock.advance(300);
      push(3);
      expect(out).to.deep.equal(['s1']);
      expect(sequencer.pending).to.equal(1);
      clock.advance(50);
      push(2);
      expect(out).to.deep.equal(['s1', 's2', 's3']);
      expect(sequencer.pending).to.equal(0);
      expect(clock.pendingTimers).to.equal(0);
    });

    it('releases a held event when its window expires although the gap never filled', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(3);
      push(4);
      clock.advance(299);
      expect(out).to.deep.equal(['s1']);
      clock.advance(1);
      expect(out).to.deep.equal(['s1', 's3', 's4']);
      push(5);
      expect(out).to.deep.equal(['s1', 's3', 's4', 's5']);
    });

    it('waits for each gap from the held event’s own arrival, not longer', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(3);
      clock.advance(200);
      push(5);
      clock.advance(100);
      expect(out).to.deep.equal(['s1', 's3']);
      clock.advance(199);
      expect(out).to.deep.equal(['s1', 's3']);
      clock.advance(1);
      expect(out).to.deep.equal(['s1', 's3', 's5']);
    });

    it('releases a lower held event with an expired higher one that arrived earlier', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(5);
      clock.advance(250);
      push(3);
      clock.advance(50);
      // s5 has waited its window; s3 is lower, so it goes first although it waited only 50 ms.
      expect(out).to.deep.equal(['s1', 's3', 's5']);
    });

    it('delivers a straggler at once, late, and never moves the cursor back', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(3);
      clock.advance(300);
      push(2);
      push(4);
      expect(out).to.deep.equal(['s1', 's3', 's2', 's4']);
    });

    it('passes events without seq immediately, even while others are held', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(3);
      push(undefined, 'heartbeat');
      expect(out).to.deep.equal(['s1', 'heartbeat']);
      clock.advance(300);
      expect(out).to.deep.equal(['s1', 'heartbeat', 's3']);
    });

    it('delivers a seq absurdly far ahead at once, and keeps ordering the real ones', () => {
      const { clock, out, push } = setup();
      push(1);
      clock.advance(300);
      push(2 ** 50, 'bogus');
      push(1 + MAX_SEQ_JUMP + 1, 'too far');
      expect(out).to.deep.equal(['s1', 'bogus', 'too far']);
      // The cursor did not move: a gap after it is still waited for, and filled in order.
      push(3);
      expect(out).to.have.length(3);
      push(2);
      expect(out.slice(3)).to.deep.equal(['s2', 's3']);
    });

    it('does not let an absurd seq in the first window set the cursor', () => {
      const { clock, out, push } = setup();
      push(2 ** 50, 'bogus');
      push(1);
      clock.advance(300);
      expect(out).to.deep.equal(['s1', 'bogus']);
      push(3);
      expect(out).to.have.length(2);
      push(2);
      expect(out.slice(2)).to.deep.equal(['s2', 's3']);
    });

    it('treats a seq that is not a non-negative integer as no seq', () => {
      const { out, sequencer } = setup();
      sequencer.push({ seq: -1, name: 'negative' }, 'a');
      sequencer.push({ seq: 1.5, name: 'fraction' }, 'b');
      sequencer.push({ seq: Number.NaN, name: 'nan' }, 'c');
      sequencer.push({ seq: '7' as unknown as number, name: 'string' }, 'd');
      expect(out).to.deep.equal(['negative', 'fraction', 'nan', 'string']);
    });

    it('orders held events by seq and keeps arrival order between equal seqs', () => {
      const { out, push, sequencer } = setup();
      push(9, 'nine');
      push(7, 'seven-pal');
      push(8, 'eight');
      push(7, 'seven-replica');
      sequencer.flush();
      expect(out).to.deep.equal(['seven-pal', 'seven-replica', 'eight', 'nine']);
    });

    it('accepts a first seq of 0', () => {
      const { out, push, sequencer } = setup();
      push(0);
      push(1);
      sequencer.flush();
      expect(out).to.deep.equal(['s0', 's1']);
    });

    it('releases everything at once with a zero window', () => {
      const { out, push } = setup({ windowMs: 0 });
      push(4);
      push(2);
      expect(out).to.deep.equal(['s4', 's2']);
    });
  });

  describe('duplicates', () => {
    it('delivers an exact duplicate once, held or already delivered', () => {
      const { clock, out, push } = setup();
      push(1, 'one', 'k1');
      push(1, 'one again', 'k1');
      clock.advance(300);
      push(1, 'one late', 'k1');
      push(2, 'two', 'k2');
      push(2, 'two again', 'k2');
      expect(out).to.deep.equal(['one', 'two']);
    });

    it('lets distinct events that share one seq (PAL/replica twins) both pass', () => {
      const { clock, out, push } = setup();
      push(1, 'first', 'k1');
      clock.advance(300);
      push(2, 'pal', 'k2-pal');
      push(2, 'replica', 'k2-replica');
      expect(out).to.deep.equal(['first', 'pal', 'replica']);
    });

    it('never deduplicates events without seq (repeating heartbeats are separate events)', () => {
      const { out, push } = setup();
      push(undefined, 'present', 'same');
      push(undefined, 'present', 'same');
      expect(out).to.deep.equal(['present', 'present']);
    });

    it('remembers only the most recent keys (bounded memory)', () => {
      const { clock, out, push } = setup({ dedupeCapacity: 2 });
      push(1, 'a', 'a');
      clock.advance(300);
      push(2, 'b', 'b');
      push(3, 'c', 'c');
      push(1, 'a', 'a'); // forgotten: a straggler again
      push(3, 'c', 'c'); // remembered
      expect(out).to.deep.equal(['a', 'b', 'c', 'a']);
    });
  });

  describe('timers', () => {
    it('keeps at most one timer, re-armed for the earliest deadline', () => {
      const { clock, push } = setup();
      push(1);
      clock.advance(300);
      for (let seq = 3; seq < 40; seq += 2) {
        push(seq);
        expect(clock.pendingTimers).to.equal(1);
        clock.advance(10);
      }
      clock.advance(1000);
      expect(clock.pendingTimers).to.equal(0);
    });

    it('re-arms when a timer fires before anything expired', () => {
      const clock = new ManualClock();
      const early: Array<() => void> = [];
      const out: number[] = [];
      const sequencer = new Sequencer<{ seq: number }>({
        deliver: (item) => out.push(item.seq),
        clock: {
          now: () => clock.now(),
          // A timer that fires early, as a coarse platform timer might.
          setTimeout: (callback) => early.push(callback),
          clearTimeout: () => undefined,
        },
      });
      sequencer.push({ seq: 3 }, '3');
      early.shift()!();
      expect(out).to.deep.equal([]);
      expect(early).to.have.length(1);
      clock.advance(300);
      early.shift()!();
      expect(out).to.deep.equal([3]);
    });

    it('uses SYSTEM_CLOCK by default and releases after the real window', async () => {
      const out: number[] = [];
      const sequencer = new Sequencer<{ seq: number }>({
        deliver: (item) => out.push(item.seq),
        windowMs: 20,
      });
      sequencer.push({ seq: 2 }, '2');
      expect(out).to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(out).to.deep.equal([2]);
      expect(SYSTEM_CLOCK.now()).to.be.a('number');
    });
  });

  describe('flush and dispose', () => {
    it('flush delivers everything held, in order, and cancels the timer', () => {
      const { clock, out, push, sequencer } = setup();
      push(8);
      push(6);
      push(7);
      sequencer.flush();
      expect(out).to.deep.equal(['s6', 's7', 's8']);
      expect(clock.pendingTimers).to.equal(0);
      push(9);
      expect(out).to.deep.equal(['s6', 's7', 's8', 's9']);
    });

    it('dispose drops held events, cancels the timer and delivers nothing more', () => {
      const { clock, out, push, sequencer } = setup();
      push(1);
      push(undefined, 'x');
      sequencer.dispose();
      expect(clock.pendingTimers).to.equal(0);
      expect(sequencer.pending).to.equal(0);
      push(2);
      push(undefined, 'y');
      sequencer.flush();
      clock.advance(1000);
      expect(out).to.deep.equal(['x']);
    });
  });

  describe('errors and re-entrancy', () => {
    it('reports what deliver throws and goes on delivering the rest in order', () => {
      const clock = new ManualClock();
      const out: number[] = [];
      const errors: unknown[] = [];
      const sequencer = new Sequencer<{ seq: number }>({
        clock,
        deliver: (item) => {
          out.push(item.seq);
          if (item.seq === 2) throw new Error('listener failed');
        },
        onError: (error) => errors.push(error),
      });
      sequencer.push({ seq: 3 }, '3');
      sequencer.push({ seq: 2 }, '2');
      sequencer.push({ seq: 1 }, '1');
      clock.advance(300);
      sequencer.push({ seq: 4 }, '4');
      expect(out).to.deep.equal([1, 2, 3, 4]);
      expect(errors).to.have.length(1);
      expect((errors[0] as Error).message).to.equal('listener failed');
    });

    it('survives an onError handler that throws', () => {
      const out: number[] = [];
      const sequencer = new Sequencer<{ seq?: number }>({
        deliver: (item) => {
          out.push(item.seq ?? -1);
          throw new Error('deliver');
        },
        onError: () => {
          throw new Error('handler');
        },
      });
      sequencer.push({}, 'a');
      sequencer.push({}, 'b');
      expect(out).to.deep.equal([-1, -1]);
    });

    it('by default hands the error to reportError without throwing to the pusher', () => {
      const original = globalThis.reportError;
      const reported: unknown[] = [];
      globalThis.reportError = (error: unknown) => reported.push(error);
      try {
        const sequencer = new Sequencer<{ seq?: number }>({
          deliver: () => {
            throw new Error('boom');
          },
        });
        expect(() => sequencer.push({}, 'a')).not.to.throw();
      } finally {
        globalThis.reportError = original;
      }
      expect(reported).to.have.length(1);
    });

    it('delivers events pushed from inside deliver after the current one, in order', () => {
      const clock = new ManualClock();
      const out: string[] = [];
      const sequencer: Sequencer<Item> = new Sequencer<Item>({
        clock,
        deliver: (item) => {
          out.push(`start ${item.name}`);
          if (item.name === 's1') sequencer.push({ seq: 2, name: 's2' }, 's2');
          out.push(`end ${item.name}`);
        },
      });
      sequencer.push({ seq: 1, name: 's1' }, 's1');
      clock.advance(300);
      expect(out).to.deep.equal(['start s1', 'end s1', 'start s2', 'end s2']);
    });

    it('stops delivering when deliver disposes the sequencer', () => {
      const out: number[] = [];
      const sequencer: Sequencer<{ seq: number }> = new Sequencer<{ seq: number }>({
        clock: new ManualClock(),
        deliver: (item) => {
          out.push(item.seq);
          sequencer.dispose();
        },
      });
      sequencer.push({ seq: 1 }, '1');
      sequencer.push({ seq: 2 }, '2');
      sequencer.flush();
      expect(out).to.deep.equal([1]);
    });
  });
});
