import { expect } from '@open-wc/testing';
import {
  MAX_WINDOWS,
  MESSAGE_WINDOW,
  keepReaderInPlace,
  latestWindow,
  maxWindowLength,
  readOn,
  showEarlier,
  windowBounds,
  windowStep,
} from '../../../src/components/chat-drawer/message-window.js';
import type { MessageWindow } from '../../../src/components/chat-drawer/message-window.js';
import { createRandom } from '../../support/random.js';

const at = (count: number, end: number | null = null): MessageWindow => ({ count, end });

describe('message window', () => {
  describe('windowStep and maxWindowLength', () => {
    it('use the size as a whole number of at least one message', () => {
      expect(windowStep(60)).to.equal(60);
      expect(windowStep(10.9)).to.equal(10);
      expect(windowStep(0)).to.equal(1);
      expect(windowStep(-5)).to.equal(1);
      expect(windowStep(Number.NaN)).to.equal(MESSAGE_WINDOW);
      expect(windowStep(Number.POSITIVE_INFINITY)).to.equal(MESSAGE_WINDOW);
      expect(maxWindowLength(10)).to.equal(10 * MAX_WINDOWS);
      expect(maxWindowLength(0)).to.equal(MAX_WINDOWS);
    });
  });

  describe('latestWindow and windowBounds', () => {
    it('render the last step of messages, following new ones', () => {
      const window = latestWindow(60);
      expect(window).to.deep.equal({ count: 60, end: null });
      expect(windowBounds(window, 2000)).to.deep.equal([1940, 2000]);
      expect(windowBounds(window, 2001)).to.deep.equal([1941, 2001]);
    });

    it('render everything in a transcript shorter than the window', () => {
      expect(windowBounds(latestWindow(60), 0)).to.deep.equal([0, 0]);
      expect(windowBounds(latestWindow(60), 25)).to.deep.equal([0, 25]);
    });

    it('end a window that stops short of the latest where it says, whatever arrives', () => {
      expect(windowBounds(at(50, 300), 1000)).to.deep.equal([250, 300]);
      expect(windowBounds(at(50, 300), 5000)).to.deep.equal([250, 300]);
    });

    it('clip a window to a transcript that got shorter', () => {
      expect(windowBounds(at(50, 300), 120)).to.deep.equal([70, 120]);
    });
  });

  describe('keepReaderInPlace', () => {
    it('keeps the start and takes in what arrives, up to the limit', () => {
      // Rendered [40, 100); 30 arrive: [40, 130), still following.
      expect(keepReaderInPlace(at(60), 100, 130, 60)).to.deep.equal({ count: 90, end: null });
      // 900 arrive: the window fills up to 300 messages and stops following at 340.
      expect(keepReaderInPlace(at(60), 100, 1000, 60)).to.deep.equal({ count: 300, end: 340 });
    });

    it('stops following exactly when the limit is passed', () => {
      // [40, 100) grows to [40, 340): 300 messages, the limit, ending at the latest.
      expect(keepReaderInPlace(at(60), 100, 340, 60)).to.deep.equal({ count: 300, end: null });
      expect(keepReaderInPlace(at(60), 100, 341, 60)).to.deep.equal({ count: 300, end: 340 });
    });

    it('leaves a window alone that already stopped following, or when nothing arrived', () => {
      const stopped = at(300, 340);
      expect(keepReaderInPlace(stopped, 1000, 1100, 60)).to.equal(stopped);
      const following = at(60);
      expect(keepReaderInPlace(following, 100, 100, 60)).to.equal(following);
      expect(keepReaderInPlace(following, 100, 80, 60)).to.equal(following);
    });
  });

  describe('showEarlier', () => {
    it('adds one step before the window', () => {
      expect(showEarlier(at(60), 150, 60)).to.deep.equal({ count: 120, end: null });
      expect(windowBounds(showEarlier(at(120), 150, 60), 150)).to.deep.equal([0, 150]);
    });

    it('drops the latest messages beyond the limit, and stops following them', () => {
      // [700, 1000) is full: one step earlier is [640, 940).
      expect(showEarlier(at(300), 1000, 60)).to.deep.equal({ count: 300, end: 940 });
    });

    it('returns the same window when there is nothing earlier', () => {
      const all = at(150);
      expect(showEarlier(all, 150, 60)).to.equal(all);
    });
  });

  describe('readOn', () => {
    it('slides a window that stops short of the latest one step on, bounded', () => {
      // [340, 640) of 1000: [400, 700).
      expect(readOn(at(300, 640), 1000, 60)).to.deep.equal({ count: 300, end: 700 });
      // Not yet full: it grows instead of dropping the oldest.
      expect(readOn(at(100, 200), 1000, 60)).to.deep.equal({ count: 160, end: 260 });
    });

    it('follows again once the slide reaches the latest message', () => {
      expect(readOn(at(300, 980), 1000, 60)).to.deep.equal({ count: 300, end: null });
    });

    it('shrinks a window that ends at the latest back to one step', () => {
      expect(readOn(at(240), 1000, 60)).to.deep.equal({ count: 60, end: null });
    });

    it('returns the same window when a reader at the latest reads on', () => {
      const latest = latestWindow(60);
      expect(readOn(latest, 1000, 60)).to.equal(latest);
    });
  });

  it('keeps every window within the transcript and the limit, whatever happens', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = createRandom(seed);
      const size = random.int(1, 12);
      let length = random.int(0, 40);
      let window = latestWindow(size);
      for (let step = 0; step < 400; step += 1) {
        const action = random.int(0, 3);
        if (action === 0) {
          const previous = length;
          length += random.int(0, 3 * size);
          window = keepReaderInPlace(window, previous, length, size);
        } else if (action === 1) {
          window = showEarlier(window, length, size);
        } else if (action === 2) {
          window = readOn(window, length, size);
        } else {
          window = latestWindow(size);
        }
        const [start, end] = windowBounds(window, length);
        const where = `seed ${seed}, step ${step}`;
        expect(start, where).to.be.at.least(0);
        expect(end, where).to.be.at.most(length);
        expect(end - start, where).to.be.at.most(maxWindowLength(size));
        expect(window.count, where).to.be.at.most(maxWindowLength(size));
        if (window.end !== null) {
          expect(window.end, where).to.be.below(length);
        }
      }
    }
  });
});
