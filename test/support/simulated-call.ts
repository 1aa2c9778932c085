/**
 * Simulated calls for tests: virtual time for a simulated call, a joined call in fast mode, and
 * a recorder of what the client would see. Calls run on `VirtualTime`, so a test takes
 * the same steps however slow or busy the machine is: it waits for conditions, never durations.
 */
import { waitUntil } from '@open-wc/testing';
import { DAILY_EVENTS_USED } from '../../src/call/daily-like.js';
import { ManualClock, type Clock } from '../../src/protocol/index.js';
import {
  SimulatedCall,
  type SimulatorOptions,
  type TavusServerEvent,
} from '../../src/simulator/index.js';

export const ROOM_URL = 'https://tavus.daily.co/c7f3a91b2e';
export const CONVERSATION_ID = 'c7f3a91b2e';

/**
 * How long a test on the browser's clock waits for a condition before it fails. Only a guard
 * against hanging: a passing test goes on as soon as the condition holds.
 */
export const REAL_TIME_GUARD_MS = 20_000;

/** Waits for `count` animation frames: the page went on, whatever the machine's speed. */
export async function animationFrames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
}

/** A task of the browser's own (not a microtask): lets getUserMedia and media events settle. */
function browserTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A `ManualClock` for a simulated call that a test drives from timer to timer. Between two
 * steps the browser runs its own tasks, so real asynchronous work (getUserMedia, promise chains)
 * finishes before virtual time moves on.
 */
export class VirtualTime implements Clock {
  private readonly manual = new ManualClock();
  private readonly dues = new Map<unknown, number>();

  now(): number {
    return this.manual.now();
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.manual.setTimeout(() => {
      this.dues.delete(handle);
      callback();
    }, ms);
    this.dues.set(handle, this.manual.now() + Math.max(0, ms));
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.dues.delete(handle);
    this.manual.clearTimeout(handle);
  }

  /**
   * Moves virtual time from one timer to the next until `done()` holds. While no timer is
   * pending, real work is under way (the browser asking for devices): it waits for that, up to
   * `realLimitMs` of real time, a guard for a test that would otherwise hang.
   */
  async until(
    done: () => boolean,
    what = 'the expected condition',
    { virtualLimitMs = 120_000, realLimitMs = REAL_TIME_GUARD_MS } = {},
  ): Promise<void> {
    const virtualEnd = this.now() + virtualLimitMs;
    const realEnd = performance.now() + realLimitMs;
    for (;;) {
      await browserTask();
      if (done()) return;
      const next = this.nextDue();
      if (next === undefined) {
        // Nothing to run in virtual time: poll while the browser works.
        if (performance.now() > realEnd) {
          throw new Error(`${what}: nothing left to run, and not after ${realLimitMs} real ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      if (next > virtualEnd) throw new Error(`${what}: not after ${virtualLimitMs} virtual ms`);
      this.manual.advance(next - this.now());
    }
  }

  /** Runs `ms` of virtual time, every timer on the way included. */
  async advance(ms: number): Promise<void> {
    const end = this.now() + ms;
    for (let next = this.nextDue(); next !== undefined && next <= end; next = this.nextDue()) {
      await browserTask();
      this.manual.advance(next - this.now());
    }
    this.manual.advance(end - this.now());
    await browserTask();
  }

  /** Runs virtual time until `promise` settles, and returns what it gives. */
  async settle<T>(promise: Promise<T>, what = 'the promise to settle'): Promise<T> {
    let settled = false;
    const observed = promise.finally(() => {
      settled = true;
    });
    // The caller's own handler reports a rejection; this only must not be left unhandled.
    observed.catch(() => {});
    await this.until(() => settled, what);
    return promise;
  }

  private nextDue(): number | undefined {
    let next: number | undefined;
    for (const due of this.dues.values()) if (next === undefined || due < next) next = due;
    return next;
  }
}

/** Records every daily event of a call object, in order. */
export class Recorder {
  readonly events: { name: string; payload: any }[] = [];

  /** `time`: the call's virtual time; without it the call runs on the browser's clock. */
  constructor(
    call: SimulatedCall,
    names: readonly string[],
    private readonly time?: VirtualTime,
  ) {
    for (const name of names) {
      call.on(name as never, (payload: unknown) => this.events.push({ name, payload }));
    }
  }

  names(): string[] {
    return this.events.map((event) => event.name);
  }

  /** Tavus events from `app-message`, JSON strings parsed. */
  messages(): TavusServerEvent[] {
    return this.events
      .filter((event) => event.name === 'app-message')
      .map((event) =>
        typeof event.payload.data === 'string'
          ? (JSON.parse(event.payload.data) as TavusServerEvent)
          : (event.payload.data as TavusServerEvent),
      );
  }

  of(eventType: string): TavusServerEvent[] {
    return this.messages().filter((message) => message.event_type === eventType);
  }

  /** Runs the call's time until `predicate` holds for the Tavus events so far. */
  async until(
    predicate: (messages: TavusServerEvent[]) => boolean,
    message = 'expected events did not arrive',
  ): Promise<void> {
    const done = (): boolean => predicate(this.messages());
    if (this.time) await this.time.until(done, message);
    else await waitUntil(done, message, { timeout: REAL_TIME_GUARD_MS });
  }

  /** Waits for the replica to stop speaking `count` times in total (pal role). */
  async stoppedSpeaking(count: number): Promise<void> {
    await this.until(
      (messages) =>
        messages.filter((m) => m.event_type === 'conversation.replica.stopped_speaking').length >=
        count,
      `replica did not stop speaking ${count} time(s)`,
    );
  }
}

/** Every event the simulator emits: those the element listens to, and those it does not. */
export const ALL_DAILY_EVENTS = [
  ...DAILY_EVENTS_USED,
  'joining-meeting',
  'selected-devices-updated',
  'available-devices-updated',
  'call-instance-destroyed',
] as const;

export interface TestCall {
  call: SimulatedCall;
  recorder: Recorder;
  time: VirtualTime;
}

/** A fast, seeded, media-free call on virtual time, not joined yet. */
export function newCall(options: SimulatorOptions = {}): TestCall {
  const time = new VirtualTime();
  const call = new SimulatedCall({
    fast: true,
    seed: 7,
    syntheticMedia: false,
    clock: time,
    ...options,
  });
  return { call, recorder: new Recorder(call, ALL_DAILY_EVENTS, time), time };
}

/** A fast, seeded, media-free call on virtual time, joined to the test room. */
export async function joinedCall(options: SimulatorOptions = {}): Promise<TestCall> {
  const result = newCall(options);
  await result.time.settle(result.call.join({ url: ROOM_URL, userName: 'Tester' }), 'the join');
  return result;
}

/** A joined call whose greeting is over, so the replica is idle. */
export async function idleCall(options: SimulatorOptions = {}): Promise<TestCall> {
  const result = await joinedCall(options);
  if (options.greeting === false) {
    await result.recorder.until((m) => m.some((e) => e.event_type === 'system.replica_joined'));
  } else {
    await result.recorder.stoppedSpeaking(1);
  }
  return result;
}

/** An interaction as the element sends it. */
export function interaction(
  eventType: string,
  properties?: Record<string, unknown>,
  conversationId = CONVERSATION_ID,
): Record<string, unknown> {
  const message: Record<string, unknown> = {
    message_type: 'conversation',
    event_type: eventType,
    conversation_id: conversationId,
  };
  if (properties) message['properties'] = properties;
  return message;
}
