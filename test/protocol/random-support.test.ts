import { expect } from '@open-wc/testing';

import { createRandom } from '../support/random.js';

describe('createRandom (test support)', () => {
  it('repeats the same sequence for the same seed, and differs across seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).to.deep.equal(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.to.deep.equal(first);
    for (const value of first) expect(value).to.be.within(0, 0.9999999999);
  });

  it('int covers both bounds and nothing outside them', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(random.int(-2, 3));
    expect([...seen].sort((x, y) => x - y)).to.deep.equal([-2, -1, 0, 1, 2, 3]);
    expect(() => random.int(2, 1)).to.throw(RangeError);
  });

  it('pick and shuffle draw from the array without changing it', () => {
    const random = createRandom(3);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = random.shuffle(items);
    expect(items).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).to.deep.equal(items);
    expect(shuffled).not.to.deep.equal(items);
    expect(items).to.include(random.pick(items));
    expect(() => random.pick([])).to.throw(RangeError);
  });
});
