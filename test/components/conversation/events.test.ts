import { expect, oneEvent, waitUntil } from '@open-wc/testing';

import { REPLICA_SESSION, tavusEvent } from '../../support/fake-call.js';
import { afterReorderWindow, connectedElement, recordEvents } from '../../support/element.js';

const utterance = (seq: number, speech: string, role = 'user') =>
  tavusEvent('conversation.utterance', {
    seq,
    turn_idx: 1,
    inference_id: `i-${seq}`,
    properties: { role, speech },
  });

describe('<tavus-conversation>', () => {
  describe('events', () => {
    it('re-dispatches a Tavus event under its DOM name, then as tavus-event, with the payload as detail', async () => {
      const { el, call, clock } = await connectedElement();
      const seen = recordEvents(el, ['tavus-utterance', 'tavus-event']);
      const message = utterance(1, 'hello');
      call.message(message);
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.type)).to.deep.equal(['tavus-utterance', 'tavus-event']);
      expect(seen[0]!.detail).to.deep.equal(message);
    });

    it('names events by the rule: drop the prefix, dots and underscores become dashes', async () => {
      const { el, call, clock } = await connectedElement();
      const names = [
        'tavus-utterance-streaming',
        'tavus-replica-started-speaking',
        'tavus-replica-joined',
        'tavus-tool-call',
        'tavus-brand-new-thing',
      ];
      const seen = recordEvents(el, names);
      call.message(
        tavusEvent('conversation.utterance.streaming', {
          seq: 1,
          properties: { role: 'pal', speech: 'Hi', content_index: 0, final: false },
        }),
      );
      call.message(tavusEvent('conversation.replica.started_speaking', { seq: 2 }));
      call.message(tavusEvent('system.replica_joined', { seq: 3 }));
      call.message(
        tavusEvent('conversation.tool_call', {
          seq: 4,
          properties: { name: 'x', arguments: '{}' },
        }),
      );
      call.message(tavusEvent('conversation.brand_new.thing', { seq: 5 }));
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.type)).to.deep.equal(names);
    });

    it('dispatches events in seq order when they arrive shuffled, and duplicates once', async () => {
      const { el, call, clock } = await connectedElement();
      const seen = recordEvents(el, ['tavus-utterance']);
      for (const seq of [3, 1, 4, 2, 2, 5, 3]) call.message(utterance(seq, `m${seq}`));
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.detail.seq)).to.deep.equal([1, 2, 3, 4, 5]);
    });

    it('accepts app-message data as a JSON string', async () => {
      const { el, call, clock } = await connectedElement();
      const pending = oneEvent(el, 'tavus-utterance');
      call.message(JSON.stringify(utterance(1, 'from a string')));
      await afterReorderWindow(clock);
      const event = await pending;
      expect(event.detail.properties.speech).to.equal('from a string');
    });

    it('ignores messages from a participant that is not the replica', async () => {
      const { el, call, clock } = await connectedElement();
      const guest = call.addGuest();
      const seen = recordEvents(el, ['tavus-event']);
      call.message(utterance(1, 'spoofed'), guest.session_id);
      call.message(utterance(2, 'no sender'), '');
      await afterReorderWindow(clock);
      expect(seen).to.have.length(0);
      expect(el.transcript).to.have.length(0);
      // Positive control: the same message from the replica is heard.
      call.message(utterance(1, 'from the replica'));
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.detail.properties.speech)).to.deep.equal(['from the replica']);
      expect(el.transcript.map((m) => m.text)).to.deep.equal(['from the replica']);
    });

    it('ignores messages of another conversation and of a non-Tavus message_type', async () => {
      const { el, call, clock } = await connectedElement();
      const seen = recordEvents(el, ['tavus-event']);
      call.message(
        tavusEvent(
          'conversation.utterance',
          { seq: 1, properties: { role: 'user', speech: 'x' } },
          'other-conversation',
        ),
      );
      call.message({ ...utterance(2, 'y'), message_type: 'application' });
      await afterReorderWindow(clock);
      expect(seen).to.have.length(0);
      // Positive control: this conversation's Tavus message is heard.
      call.message(utterance(1, 'x'));
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.detail.conversation_id)).to.deep.equal(['c123']);
    });

    it('ignores malformed messages and keeps the call going', async () => {
      const { el, call, clock } = await connectedElement();
      const seen = recordEvents(el, ['tavus-event']);
      for (const junk of [
        '{not json',
        42,
        null,
        [],
        { event_type: 7 },
        { message_type: 'conversation' },
        'null',
      ]) {
        call.message(junk);
      }
      call.message(utterance(9, 'still here'));
      await afterReorderWindow(clock);
      expect(seen.map((e) => e.detail.seq)).to.deep.equal([9]);
      expect(el.state).to.equal('connected');
    });

    it('builds the transcript from utterance events', async () => {
      const { el, call, clock } = await connectedElement();
      call.message(
        tavusEvent('conversation.utterance', {
          seq: 1,
          inference_id: 'g',
          properties: { role: 'replica', speech: 'Hi, I am Anna.' },
        }),
      );
      call.message(utterance(2, 'Hello Anna'));
      await afterReorderWindow(clock);
      expect(el.transcript.map((m) => [m.role, m.text])).to.deep.equal([
        ['replica', 'Hi, I am Anna.'],
        ['user', 'Hello Anna'],
      ]);
    });

    it('fires tavus-state-change for each step, in order', async () => {
      const { factory, calls } = await import('../../support/fake-call.js').then((m) =>
        m.createFakeFactory(),
      );
      const { fixture, html } = await import('@open-wc/testing');
      const el = await fixture<HTMLElementTagNameMap['tavus-conversation']>(
        html`<tavus-conversation
          conversation-url="https://tavus.daily.co/c123"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      const seen = recordEvents(el, ['tavus-state-change']);
      await el.start();
      calls[0]!.addReplica();
      await el.end();
      expect(seen.map((e) => [e.detail.previousState, e.detail.state])).to.deep.equal([
        ['idle', 'connecting'],
        ['connecting', 'waiting'],
        ['waiting', 'connected'],
        ['connected', 'ended'],
      ]);
      expect(seen[3]!.detail.reason).to.equal('user-ended');
      expect(el.getAttribute('state')).to.equal('ended');
    });

    it('goes to reconnecting while Daily reports the network interrupted, and back', async () => {
      const { el, call } = await connectedElement();
      call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
      expect(el.state).to.equal('reconnecting');
      call.emit('network-connection', { type: 'signaling', event: 'connected' });
      expect(el.state).to.equal('connected');
    });

    it('ends with reason replica-left when the replica leaves, and leaves the call', async () => {
      const { el, call } = await connectedElement();
      const event = oneEvent(el, 'tavus-state-change');
      call.removeParticipant(REPLICA_SESSION);
      expect((await event).detail).to.include({ state: 'ended', reason: 'replica-left' });
      await waitUntil(() => call.destroyed === 1, 'the call was not destroyed');
    });

    it('keeps a reply that was announced but not yet streamed when the conversation ends', async () => {
      const { el, call, clock } = await connectedElement();
      call.message(utterance(1, 'Hi, I am Anna.', 'replica'));
      call.message(utterance(2, 'What do you sell?'));
      call.message(
        tavusEvent('conversation.utterance', {
          seq: 3,
          turn_idx: 2,
          inference_id: 'reply',
          properties: { role: 'replica', speech: 'Coffee, mostly.' },
        }),
      );
      await afterReorderWindow(clock);
      // Held until its words stream, so that the bubble grows with the speech.
      expect(el.transcript.map((m) => m.text)).to.deep.equal([
        'Hi, I am Anna.',
        'What do you sell?',
      ]);
      await el.end();
      expect(el.transcript.map((m) => `${m.text}${m.final ? '' : '…'}`)).to.deep.equal([
        'Hi, I am Anna.',
        'What do you sell?',
        'Coffee, mostly.',
      ]);
    });

    it('ends with reason shutdown on system.shutdown', async () => {
      const { el, call, clock } = await connectedElement();
      // Typed through HTMLElementEventMap: `shutdown_reason` is a string here, not unknown.
      const reasons: (string | undefined)[] = [];
      el.addEventListener('tavus-shutdown', (event) =>
        reasons.push(event.detail.properties?.shutdown_reason),
      );
      call.message(
        tavusEvent('system.shutdown', {
          properties: { shutdown_reason: 'max_call_duration reached' },
        }),
      );
      await afterReorderWindow(clock);
      expect(reasons).to.deep.equal(['max_call_duration reached']);
      expect(el.state).to.equal('ended');
      expect(call.destroyed).to.equal(1);
    });

    it('goes to error with a message on a fatal Daily error', async () => {
      const { el, call } = await connectedElement();
      const failed = oneEvent(el, 'tavus-error');
      call.emit('error', { errorMsg: 'Meeting has ended' });
      const event = await failed;
      expect(event.detail).to.deep.equal({ code: 'call-failed', message: 'Meeting has ended' });
      expect(el.state).to.equal('error');
    });
  });
});
