import { expect } from '@open-wc/testing';

import { ManualClock } from '../../src/protocol/index.js';

describe('ManualClock', () => {
  it('starts where told and moves only on advance', () => {
    const clock = new ManualClock(500);
    expect(clock.now()).to.equal(500);
    clock.advance(20);
    expect(clock.now()).to.equal(520);
    clock.advance(-5);
    expect(clock.now()).to.equal(520);
  });

  it('fires timers in due order, at their due time, ties in creation order', () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 20);
    clock.setTimeout(() => fired.push(`late@${clock.now()}`), 100);
    clock.advance(50);
    expect(fired).to.deep.equal(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).to.equal(50);
    expect(clock.pendingTimers).to.equal(1);
  });

  it('cancels timers and fires timers scheduled by timers', () => {
    const clock = new ManualClock();
    const fired: number[] = [];
    const handle = clock.setTimeout(() => fired.push(-1), 5);
    clock.clearTimeout(handle);
    clock.setTimeout(() => clock.setTimeout(() => fired.push(clock.now()), 10), 10);
    clock.runAll();
    expect(fired).to.deep.equal([20]);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('runAll stops a timer that reschedules itself forever', () => {
    const clock = new ManualClock();
    const again = (): void => {
      clock.setTimeout(again, 1);
    };
    again();
    expect(() => clock.runAll()).to.throw('timers keep rescheduling');
  });
});
