/**
 * Options of the simulated replica, their defaults, and the `fast` profile for tests.
 */
import type { Clock } from '../protocol/index.js';
import type { ScriptRule } from './brain.js';
import { DEFAULT_DEVICES, type SimulatedDevice } from './devices.js';
import type { ReplicaRole } from './tavus-events.js';
import { randomSeed } from './random.js';

/** Delays of the simulated call, in milliseconds. */
export interface SimulatorTiming {
  /** `join()` until `joined-meeting`. */
  joinMs: number;
  /** `joined-meeting` until the replica's `participant-joined`. */
  replicaJoinMs: number;
  /** Replica `participant-joined` until the `system.replica_joined` app-message. */
  replicaReadyMs: number;
  /** `system.replica_joined` until the greeting starts. */
  greetingMs: number;
  /** A `conversation.respond`, or the end of simulated user speech, until the user utterance. */
  userUtteranceMs: number;
  /** The user utterance until the reply starts (the "LLM + TTS" time), fixed or [min, max]. */
  thinkMs: number | readonly [number, number];
  /** Pause between two queued utterances of the replica. */
  gapMs: number;
  /** How long a `conversation.tool_call` waits for its `conversation.tool_result`. */
  toolResultTimeoutMs: number;
  /** Extra delay of a message held back by `reorderProbability`, [min, max]. */
  reorderDelayMs: readonly [number, number];
  /** `system.shutdown` until the room closes (the replica leaves, the local user is ejected). */
  shutdownMs: number;
}

export interface SimulatorOptions {
  /** Display name of the replica participant (`user_name`). Default `'Anna'`. */
  replicaName?: string;
  /** Put in `system.replica_joined` and the replica's `user_id`. Default `'r-simulated'`. */
  replicaId?: string;
  /** Default: the last path segment of the joined URL. */
  conversationId?: string;
  /** First words of the replica, or `false` for none. */
  greeting?: string | false;
  /** Conversational context at creation (what `conversational_context` would hold). */
  context?: string;
  /** Rules checked before the built-in ones. */
  script?: readonly ScriptRule[];
  /** Speaking pace of the replica and of simulated user speech. Default 2.7 (fast: 80). */
  wordsPerSecond?: number;
  /** Test profile: everything happens within tens of milliseconds. */
  fast?: boolean;
  /** Overrides of single delays (applied after the `fast` profile). */
  timing?: Partial<SimulatorTiming>;
  /** Seed of every random choice (ids, faults, wording). Default: random per call. */
  seed?: number;
  /** App-message latency: fixed, or [min, max] drawn per message. Default 0 (fast) / [20, 90]. */
  latencyMs?: number | readonly [number, number];
  /** Chance that an app-message arrives late, after messages sent after it. Default 0. */
  reorderProbability?: number;
  /** Chance that an app-message arrives twice. Default 0. */
  duplicateProbability?: number;
  /** How app-message `data` is delivered: parsed objects, JSON strings, or a seeded mix. */
  deliverAs?: 'object' | 'string' | 'mixed';
  /** Roles of the replica's twin messages, in order. Default `['pal', 'replica']`. */
  replicaRoles?: readonly ReplicaRole[];
  /** Whether the twins share one `seq` (as protocol.md §7 shows) or get one each. Default true. */
  twinsShareSeq?: boolean;
  /** Emit the mid-era `conversation.replica_interrupted` on interruptions. Default true. */
  emitReplicaInterrupted?: boolean;
  /** Send `system.replica_present` (no `seq`) every so many ms. Default false. */
  heartbeatMs?: number | false;
  /**
   * Makes `join()` fail, like daily-js does for a room that does not exist: the join rejects with
   * a string and `error` is emitted. A join fails when its URL contains this string; `'*'` fails
   * every join. Default false.
   */
  failJoin?: string | false;
  /** Draw the replica's face and voice (needs a DOM and WebAudio). Default true. */
  syntheticMedia?: boolean;
  /** Where the local camera and microphone come from. Default `navigator.mediaDevices.getUserMedia`. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Wall clock for `timestamp` and the replica's sense of time. Default `Date.now`. */
  now?: () => number;
  /**
   * Where the call's virtual time comes from: `now()` and one timer at a time. Default:
   * `performance.now()` and `setTimeout`. Tests pass a `ManualClock` (from
   * `tavus-conversation/protocol`) to run a whole conversation without waiting for it.
   */
  clock?: Clock;
  /** Throw like daily-js when a second call object is made without `allowMultipleCallInstances`. */
  enforceSingleInstance?: boolean;
  /** The cameras, microphones and speakers `enumerateDevices()` lists. Default: two of each. */
  devices?: readonly SimulatedDevice[];
  /**
   * Tavus' `max_call_duration`, in seconds from the join: then the replica sends
   * `system.shutdown` (`max_call_duration reached`), leaves, and the room closes. Default: none.
   */
  maxCallDuration?: number;
}

export interface ResolvedOptions {
  replicaName: string;
  replicaId: string;
  conversationId: string | undefined;
  greeting: string | false;
  context: string;
  script: readonly ScriptRule[];
  wordsPerSecond: number;
  timing: SimulatorTiming;
  seed: number;
  latencyMs: number | readonly [number, number];
  reorderProbability: number;
  duplicateProbability: number;
  deliverAs: 'object' | 'string' | 'mixed';
  replicaRoles: readonly ReplicaRole[];
  twinsShareSeq: boolean;
  emitReplicaInterrupted: boolean;
  heartbeatMs: number | false;
  failJoin: string | false;
  syntheticMedia: boolean;
  getUserMedia: ((constraints: MediaStreamConstraints) => Promise<MediaStream>) | undefined;
  now: () => number;
  clock: Clock | undefined;
  enforceSingleInstance: boolean;
  devices: readonly SimulatedDevice[];
  maxCallDuration: number | undefined;
}

/** Delays close to a real Tavus call (§7 of the protocol notes). */
export const REALISTIC_TIMING: Readonly<SimulatorTiming> = {
  joinMs: 700,
  replicaJoinMs: 1500,
  replicaReadyMs: 300,
  greetingMs: 700,
  userUtteranceMs: 250,
  thinkMs: [700, 1300],
  gapMs: 300,
  toolResultTimeoutMs: 15000,
  reorderDelayMs: [60, 250],
  shutdownMs: 1000,
};

/** Delays for tests: a whole exchange takes well under a second. */
export const FAST_TIMING: Readonly<SimulatorTiming> = {
  joinMs: 5,
  replicaJoinMs: 10,
  replicaReadyMs: 5,
  greetingMs: 5,
  userUtteranceMs: 5,
  thinkMs: [10, 20],
  gapMs: 5,
  toolResultTimeoutMs: 1000,
  reorderDelayMs: [15, 40],
  shutdownMs: 10,
};

export const DEFAULT_GREETING = (name: string): string =>
  `Hi there! I'm ${name}, a simulated replica running right here in your browser. Type a message or ask me what I can do.`;

function probability(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be between 0 and 1`);
  return value;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(value > 0)) throw new RangeError(`${name} must be positive`);
  return value;
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const fast = options.fast === true;
  const replicaName = options.replicaName ?? 'Anna';
  const wordsPerSecond = options.wordsPerSecond ?? (fast ? 80 : 2.7);
  if (!(wordsPerSecond > 0)) throw new RangeError('wordsPerSecond must be positive');
  return {
    replicaName,
    replicaId: options.replicaId ?? 'r-simulated',
    conversationId: options.conversationId,
    greeting: options.greeting === undefined ? DEFAULT_GREETING(replicaName) : options.greeting,
    context: options.context ?? '',
    script: options.script ?? [],
    wordsPerSecond,
    timing: { ...(fast ? FAST_TIMING : REALISTIC_TIMING), ...options.timing },
    seed: options.seed ?? randomSeed(),
    latencyMs: options.latencyMs ?? (fast ? 0 : [20, 90]),
    reorderProbability: probability(options.reorderProbability, 'reorderProbability'),
    duplicateProbability: probability(options.duplicateProbability, 'duplicateProbability'),
    deliverAs: options.deliverAs ?? 'object',
    replicaRoles: options.replicaRoles ?? ['pal', 'replica'],
    twinsShareSeq: options.twinsShareSeq ?? true,
    emitReplicaInterrupted: options.emitReplicaInterrupted ?? true,
    heartbeatMs: options.heartbeatMs ?? false,
    failJoin: options.failJoin ?? false,
    syntheticMedia: options.syntheticMedia ?? true,
    getUserMedia: options.getUserMedia,
    now: options.now ?? (() => Date.now()),
    clock: options.clock,
    enforceSingleInstance: options.enforceSingleInstance ?? false,
    devices: options.devices ?? DEFAULT_DEVICES,
    maxCallDuration: positive(options.maxCallDuration, 'maxCallDuration'),
  };
}
