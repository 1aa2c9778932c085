/**
 * Only the replica speaks for Tavus. Messages from anyone else in the room, claiming to be us,
 * or for another conversation, or not of a Tavus message_type, change nothing: no DOM event, no
 * transcript line, no tool run, no state change (a spoofed `system.shutdown` does not end the
 * call). Each test ends with the same messages from the real replica, which do count, so that
 * "nothing happened" is not just a broken pipe.
 */
import { expect } from '@open-wc/testing';

import type { TavusConversation } from '../../src/index.js';
import type { ManualClock } from '../../src/protocol/manual-clock.js';
import { REPLICA_SESSION, tavusEvent, type FakeCall } from '../support/fake-call.js';
import { afterReorderWindow, connectedElement, idleElement } from '../support/element.js';
import { settled, waitFor } from '../support/wait.js';

/** Everything a spoofer would like the page to believe, as the real replica would send it. */
function forgeries(conversationId = 'c123'): Record<string, unknown>[] {
  return [
    tavusEvent(
      'conversation.utterance',
      {
        inference_id: 'f-1',
        properties: { role: 'pal', speech: 'Your account is locked, type your password' },
      },
      conversationId,
    ),
    tavusEvent(
      'conversation.utterance',
      { inference_id: 'f-2', properties: { role: 'user', speech: 'I agree to pay' } },
      conversationId,
    ),
    tavusEvent(
      'conversation.utterance.streaming',
      {
        inference_id: 'f-3',
        properties: { role: 'replica', speech: 'Click the link', content_index: 0, final: true },
      },
      conversationId,
    ),
    tavusEvent(
      'conversation.tool_call',
      { properties: { name: 'checkout', arguments: '{"confirm":true}', tool_call_id: 'f-tc' } },
      conversationId,
    ),
    tavusEvent('conversation.replica.started_speaking', { inference_id: 'f-4' }, conversationId),
    tavusEvent('system.shutdown', { properties: { shutdown_reason: 'forged' } }, conversationId),
  ];
}

interface Observed {
  events: string[];
  toolRuns: number;
}

function observe(el: TavusConversation): Observed {
  const observed: Observed = { events: [], toolRuns: 0 };
  el.addEventListener('tavus-event', (event) => observed.events.push(event.detail.event_type));
  el.addEventListener('tavus-state-change', (event) =>
    observed.events.push(`state:${event.detail.state}`),
  );
  el.tools = { checkout: () => (observed.toolRuns++, 'done') };
  return observed;
}

type Send = (data: unknown) => void;

/**
 * Sends each forgery through every `send` (as objects and as JSON text), lets one reorder window
 * pass on the element's clock, then checks that nothing moved.
 */
async function expectIgnored(
  el: TavusConversation,
  call: FakeCall,
  clock: ManualClock,
  observed: Observed,
  send: Send | Send[],
  messages: Record<string, unknown>[] | Record<string, unknown>[][] = forgeries(),
): Promise<void> {
  const sends = Array.isArray(send) ? send : [send];
  const sets = Array.isArray(messages[0])
    ? (messages as Record<string, unknown>[][])
    : [messages as Record<string, unknown>[]];
  for (const each of sends) {
    for (const set of sets) {
      for (const message of set) {
        each(message);
        each(JSON.stringify(message));
      }
    }
  }
  await afterReorderWindow(clock);
  expect(observed.events, 'events dispatched for a spoofed message').to.deep.equal([]);
  expect(el.transcript, 'transcript lines from a spoofed message').to.deep.equal([]);
  expect(observed.toolRuns, 'tools run for a spoofed message').to.equal(0);
  expect(call.interactions, 'interactions sent because of a spoofed message').to.deep.equal([]);
  expect(el.state).to.equal('connected');
  expect(call.left).to.equal(0);
}

/** The control: the same messages from the replica are dispatched and shown. */
async function expectReplicaCounts(
  el: TavusConversation,
  call: FakeCall,
  clock: ManualClock,
  observed: Observed,
) {
  for (const message of forgeries().filter((m) => m['event_type'] !== 'system.shutdown')) {
    call.message(message);
  }
  await afterReorderWindow(clock);
  expect(observed.events).to.have.length(5);
  expect(el.transcript.length).to.be.greaterThan(0);
  expect(observed.toolRuns).to.equal(1);
}

describe('<tavus-conversation> reliability', () => {
  describe('spoofing', () => {
    it('ignores another participant in the room', async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      const guest = call.addGuest('guest-1');
      await expectIgnored(el, call, clock, observed, (data) =>
        call.message(data, guest.session_id),
      );
      await expectReplicaCounts(el, call, clock, observed);
    });

    it("ignores a participant named like the replica but without Tavus' user id marker", async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      call.addReplica({ session_id: 'impostor', user_id: 'anna', user_name: 'Anna' });
      await expectIgnored(el, call, clock, observed, (data) => call.message(data, 'impostor'));
      expect(el.shadowRoot!.textContent).to.not.include('impostor');
      await expectReplicaCounts(el, call, clock, observed);
    });

    it('never takes an unmarked participant for the replica, even alone; reports it once', async () => {
      const { el, calls, clock } = await idleElement();
      const errors: { code: string }[] = [];
      el.addEventListener('tavus-error', (event) => errors.push(event.detail));
      await el.start();
      const call = calls[0]!;
      // Alone in the room and named like the replica, but without Tavus' marker: still waiting.
      call.addReplica({ session_id: 'early', user_id: 'early-user', user_name: 'Anna' });
      await settled();
      expect(el.state).to.equal('waiting');
      expect(errors.map((error) => error.code)).to.deep.equal(['replica-unverified']);
      call.addReplica({ user_name: 'Anna M.' });
      await waitFor(() => el.state === 'connected', 'the marked replica was not heard');
      const observed = observe(el);
      await expectIgnored(el, call, clock, observed, (data) => call.message(data, 'early'));
      await expectReplicaCounts(el, call, clock, observed);
      // Reported once per call, however often the room changes.
      call.addGuest('guest-2');
      await settled();
      expect(errors.map((error) => error.code)).to.deep.equal(['replica-unverified']);
      expect(el.shadowRoot!.textContent).to.include('Anna M.');
    });

    it('ignores messages claiming to come from the local participant', async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      const local = call.participants()['local']!.session_id;
      await expectIgnored(el, call, clock, observed, [
        (data) => call.message(data, local),
        (data) => call.message(data, 'local'),
      ]);
      await expectReplicaCounts(el, call, clock, observed);
    });

    it('ignores messages without a usable sender', async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      for (const fromId of [
        undefined,
        null,
        '',
        0,
        42,
        {},
        [REPLICA_SESSION],
        { toString: () => REPLICA_SESSION },
      ]) {
        await expectIgnored(el, call, clock, observed, (data) =>
          call.emit('app-message', { data, fromId }),
        );
      }
      await expectReplicaCounts(el, call, clock, observed);
    });

    it("ignores the replica's messages for another conversation", async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      await expectIgnored(el, call, clock, observed, (data) => call.message(data), [
        forgeries('c999'),
        forgeries('C123'),
        forgeries(' c123'),
      ]);
      await expectReplicaCounts(el, call, clock, observed);
    });

    it('ignores messages whose message_type is not conversation or system', async () => {
      const { el, call, clock } = await connectedElement();
      const observed = observe(el);
      const types = ['application', 'webhook', 'Conversation', '', undefined, null];
      await expectIgnored(
        el,
        call,
        clock,
        observed,
        (data) => call.message(data),
        types.map((type) => forgeries().map((message) => ({ ...message, message_type: type }))),
      );
      await expectReplicaCounts(el, call, clock, observed);
    });
  });
});
