import { fixture, html } from '@open-wc/testing';

import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import { ManualClock } from '../../src/protocol/manual-clock.js';
import { DEFAULT_REORDER_WINDOW_MS } from '../../src/protocol/sequencer.js';
import { createFakeFactory, type FakeCall, type JoinBehaviour } from './fake-call.js';
import { settled, waitFor } from './wait.js';

export const CONVERSATION_URL = 'https://tavus.daily.co/c123';

/**
 * A `<tavus-conversation>` on fake calls (one per join, scripted by `behaviours`), not started.
 * Its reorder window and tool timeouts run on `clock`, which moves only when the test says so.
 */
export async function idleElement(
  behaviours: JoinBehaviour[] = [],
  url = CONVERSATION_URL,
): Promise<{ el: TavusConversation; calls: FakeCall[]; clock: ManualClock }> {
  const { factory, calls } = createFakeFactory(behaviours);
  const clock = new ManualClock();
  const el = await fixture<TavusConversation>(
    html`<tavus-conversation
      conversation-url=${url}
      .callFactory=${factory}
      .clock=${clock}
    ></tavus-conversation>`,
  );
  return { el, calls, clock };
}

/** A `<tavus-conversation>` on a fake call, started and with the replica in the room. */
export async function connectedElement(
  options: { behaviours?: JoinBehaviour[]; url?: string } = {},
): Promise<{ el: TavusConversation; call: FakeCall; calls: FakeCall[]; clock: ManualClock }> {
  const { el, calls, clock } = await idleElement(options.behaviours, options.url);
  await el.start();
  const call = calls[calls.length - 1]!;
  call.addReplica();
  await waitFor(() => el.state === 'connected', 'the element did not connect');
  await partsDefined();
  return { el, call, calls, clock };
}

/**
 * Resolves once the sub-elements a started element loads (the video stage and the chat drawer)
 * are defined: until then they render as empty unknown elements.
 */
export async function partsDefined(): Promise<void> {
  await Promise.all([
    customElements.whenDefined('tavus-chat-drawer'),
    customElements.whenDefined('tavus-video-stage'),
  ]);
}

/** Collects the names of the events an element fires, in order. */
export function recordEvents(
  target: EventTarget,
  names: string[],
): { type: string; detail: any }[] {
  const seen: { type: string; detail: any }[] = [];
  for (const name of names) {
    target.addEventListener(name, (event) =>
      seen.push({ type: event.type, detail: (event as CustomEvent).detail }),
    );
  }
  return seen;
}

/**
 * Lets the reorder window pass on the element's clock, then lets every promise that the released
 * events started (tool handlers, their results) settle.
 */
export async function afterReorderWindow(clock: ManualClock): Promise<void> {
  clock.advance(DEFAULT_REORDER_WINDOW_MS);
  await settled();
}
