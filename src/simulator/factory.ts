/**
 * `createSimulatedCallFactory()`: the `callFactory` that makes `<tavus-conversation>` talk to
 * the simulated replica instead of daily-js.
 */
import type { CallFactory, CallFactoryOptions } from '../call/daily-like.js';
import { SimulatedCall } from './call.js';
import type { SimulatorOptions } from './options.js';

export interface SimulatorFactoryOptions extends SimulatorOptions {
  /** Called with each call object as it is made, e.g. to drive it from a demo's controls. */
  onCall?: (call: SimulatedCall) => void;
}

/** A `CallFactory` that also remembers the call objects it made. */
export interface SimulatedCallFactory extends CallFactory {
  (options: CallFactoryOptions): SimulatedCall;
  /** Every call object made so far, oldest first. */
  readonly calls: readonly SimulatedCall[];
  /** The most recent call object, if any. */
  readonly lastCall: SimulatedCall | undefined;
}

/**
 * Returns a factory for `element.callFactory`. Each call object gets the same options; when a
 * `seed` is given, the n-th call object uses `seed + n` so that a restarted conversation does
 * not repeat the first one's ids.
 */
export function createSimulatedCallFactory(
  options: SimulatorFactoryOptions = {},
): SimulatedCallFactory {
  const { onCall, ...simulatorOptions } = options;
  const calls: SimulatedCall[] = [];
  const factory = (factoryOptions: CallFactoryOptions = {}): SimulatedCall => {
    const seed =
      simulatorOptions.seed === undefined ? undefined : simulatorOptions.seed + calls.length;
    const call = new SimulatedCall({ ...simulatorOptions, seed }, factoryOptions);
    calls.push(call);
    onCall?.(call);
    return call;
  };
  Object.defineProperties(factory, {
    calls: { get: () => [...calls], enumerable: true },
    lastCall: { get: () => calls.at(-1), enumerable: true },
  });
  return factory as SimulatedCallFactory;
}
