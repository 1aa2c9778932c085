/**
 * `tavus-conversation/simulator`: an offline simulated Tavus replica behind the element's
 * `callFactory` seam. Synthetic video and audio, scripted replies, protocol-faithful event
 * sequences, and seeded delivery faults. Loads neither lit nor daily-js.
 *
 * ```js
 * import { createSimulatedCallFactory } from 'tavus-conversation/simulator';
 * element.callFactory = createSimulatedCallFactory({ replicaName: 'Anna' });
 * element.conversationUrl = 'https://tavus.daily.co/demo-conversation';
 * await element.start();
 * ```
 */
export {
  SimulatedCall,
  MAX_APP_MESSAGE_SIZE,
  NO_ROOM_MESSAGE,
  conversationIdFromUrl,
  type AddParticipantOptions,
  type IgnoredInteraction,
  type SentInteraction,
} from './call.js';
export {
  createSimulatedCallFactory,
  type SimulatedCallFactory,
  type SimulatorFactoryOptions,
} from './factory.js';
export {
  DEFAULT_GREETING,
  FAST_TIMING,
  REALISTIC_TIMING,
  type SimulatorOptions,
  type SimulatorTiming,
} from './options.js';
export type { SimulatedParticipant } from './participants.js';
export { DEFAULT_DEVICES, type SimulatedDevice } from './devices.js';
export { ROOM_ENDED_MESSAGE } from './meeting.js';
export type { NetworkThreshold } from './network.js';
export type { SensitivitySettings } from './replica.js';
export type { BrainInput, ScriptRule } from './brain.js';
export type { ReplicaRole, TavusServerEvent } from './tavus-events.js';
