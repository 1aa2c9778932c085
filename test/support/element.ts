import { fixture, html, waitUntil } from '@open-wc/testing';

import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import { createFakeFactory, type FakeCall, type JoinBehaviour } from './fake-call.js';

export const CONVERSATION_URL = 'https://tavus.daily.co/c123';

/** A `<tavus-conversation>` on fake calls (one per join, scripted by `behaviours`), not started. */
export async function idleElement(
  behaviours: JoinBehaviour[] = [],
  url = CONVERSATION_URL,
): Promise<{ el: TavusConversation; calls: FakeCall[] }> {
  const { factory, calls } = createFakeFactory(behaviours);
  const el = await fixture<TavusConversation>(
    html`<tavus-conversation conversation-url=${url} .callFactory=${factory}></tavus-conversation>`,
  );
  return { el, calls };
}

/** A `<tavus-conversation>` on a fake call, started and with the replica in the room. */
export async function connectedElement(
  options: { behaviours?: JoinBehaviour[]; url?: string } = {},
): Promise<{ el: TavusConversation; call: FakeCall; calls: FakeCall[] }> {
  const { el, calls } = await idleElement(options.behaviours, options.url);
  await el.start();
  const call = calls[calls.length - 1]!;
  call.addReplica();
  await waitUntil(() => el.state === 'connected', 'the element did not connect');
  return { el, call, calls };
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

/** Lets the sequencer's reorder window pass. */
export function afterReorderWindow(ms = 400): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
