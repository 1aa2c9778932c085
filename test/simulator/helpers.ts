/**
 * Helpers shared by the simulator tests: a joined call in fast mode, and a recorder of what the
 * client would see.
 */
import { waitUntil } from '@open-wc/testing';
import {
  SimulatedCall,
  type SimulatorOptions,
  type TavusServerEvent,
} from '../../src/simulator/index.js';

export const ROOM_URL = 'https://tavus.daily.co/c7f3a91b2e';
export const CONVERSATION_ID = 'c7f3a91b2e';

/** Records every daily event of a call object, in order. */
export class Recorder {
  readonly events: { name: string; payload: any }[] = [];

  constructor(call: SimulatedCall, names: readonly string[]) {
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

  async until(
    predicate: (messages: TavusServerEvent[]) => boolean,
    message = 'expected events did not arrive',
    timeout = 4000,
  ): Promise<void> {
    await waitUntil(() => predicate(this.messages()), message, { timeout, interval: 5 });
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

export const ALL_DAILY_EVENTS = [
  'joining-meeting',
  'joined-meeting',
  'left-meeting',
  'participant-joined',
  'participant-updated',
  'participant-left',
  'track-started',
  'track-stopped',
  'app-message',
  'network-connection',
  'camera-error',
  'error',
  'nonfatal-error',
  'call-instance-destroyed',
] as const;

/** A fast, seeded, media-free call joined to the test room. */
export async function joinedCall(
  options: SimulatorOptions = {},
): Promise<{ call: SimulatedCall; recorder: Recorder }> {
  const call = new SimulatedCall({ fast: true, seed: 7, syntheticMedia: false, ...options });
  const recorder = new Recorder(call, ALL_DAILY_EVENTS);
  await call.join({ url: ROOM_URL, userName: 'Tester' });
  return { call, recorder };
}

/** A joined call whose greeting is over, so the replica is idle. */
export async function idleCall(
  options: SimulatorOptions = {},
): Promise<{ call: SimulatedCall; recorder: Recorder }> {
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
