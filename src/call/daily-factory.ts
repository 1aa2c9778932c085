import type { CallFactory } from './daily-like.js';

/**
 * The default `callFactory`: loads daily-js on first use (so a page pays for ~70 KB only when a
 * conversation starts) and creates a call object with the options the element chose.
 */
export const createDailyCall: CallFactory = async (options) => {
  const { default: Daily } = await import('@daily-co/daily-js');
  return Daily.createCallObject(options);
};
