import { expect } from '@open-wc/testing';
import { settle } from './wait.js';

/**
 * axe's contrast check reads the colours painted now: during an entry animation (a card fading
 * in) text is still partly transparent and fails it. On a busy machine the animation may still be
 * running when the check starts, so the check first waits for finite animations to end.
 */
export async function expectAccessible(target: Element): Promise<void> {
  await settle();
  await expect(target).to.be.accessible();
}
