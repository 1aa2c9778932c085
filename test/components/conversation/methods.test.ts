import { expect, fixture, html, oneEvent } from '@open-wc/testing';

import type { TavusConversation } from '../../../src/index.js';
import { createFakeFactory, tavusEvent } from '../../support/fake-call.js';
import { afterReorderWindow, connectedElement } from '../../support/element.js';

describe('<tavus-conversation>', () => {
  describe('methods', () => {
    it('respond() sends conversation.respond and shows the text at once', async () => {
      const { el, call } = await connectedElement();
      await el.respond('What time is it?');
      expect(call.sent.at(-1)).to.deep.equal({
        data: {
          message_type: 'conversation',
          event_type: 'conversation.respond',
          conversation_id: 'c123',
          properties: { text: 'What time is it?' },
        },
        to: 'replica-session-1',
      });
      expect(el.transcript.map((m) => [m.role, m.text, m.final])).to.deep.equal([
        ['user', 'What time is it?', true],
      ]);
    });

    it("merges Tavus' echo of typed text into the same transcript message", async () => {
      const { el, call, clock } = await connectedElement();
      await el.respond('Add two coffees');
      call.message(
        tavusEvent('conversation.utterance', {
          seq: 5,
          turn_idx: 2,
          inference_id: 'r1',
          properties: { role: 'user', speech: 'Add two coffees' },
        }),
      );
      await afterReorderWindow(clock);
      expect(el.transcript).to.have.length(1);
      expect(el.transcript[0]!.inference_id).to.equal('r1');
    });

    it('echo() sends a text echo', async () => {
      const { el, call } = await connectedElement();
      await el.echo('Say this');
      expect(call.interactions.at(-1)).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.echo',
        conversation_id: 'c123',
        properties: { modality: 'text', text: 'Say this', done: true },
      });
    });

    it('echoAudio() sends chunks under 4 KB with one inference id and done on the last', async () => {
      const { el, call } = await connectedElement();
      const pcm = new Int16Array(24000).map((_, i) => (i * 37) % 2000);
      await el.echoAudio(pcm, { sampleRate: 24000 });
      const chunks = call.interactions.filter((i) => i.event_type === 'conversation.echo');
      expect(chunks.length).to.be.greaterThan(1);
      const inferenceId = chunks[0].properties.inference_id;
      expect(inferenceId).to.be.a('string').and.not.equal('');
      for (const [i, chunk] of chunks.entries()) {
        expect(new TextEncoder().encode(JSON.stringify(chunk)).length).to.be.at.most(4096);
        expect(chunk).to.deep.equal({
          message_type: 'conversation',
          event_type: 'conversation.echo',
          conversation_id: 'c123',
          properties: {
            modality: 'audio',
            audio: chunk.properties.audio,
            sample_rate: 24000,
            inference_id: inferenceId,
            done: i === chunks.length - 1,
          },
        });
      }
      // The base64 chunks decode, in order, to exactly the samples given.
      const bytes = chunks.flatMap((c) =>
        [...atob(c.properties.audio)].map((ch) => ch.charCodeAt(0)),
      );
      expect(new Int16Array(new Uint8Array(bytes).buffer)).to.deep.equal(pcm);
      expect(chunks.map((c) => c.properties.done)).to.deep.equal([
        ...Array(chunks.length - 1).fill(false),
        true,
      ]);
    });

    it('interrupt() sends conversation.interrupt without properties', async () => {
      const { el, call } = await connectedElement();
      await el.interrupt();
      expect(call.interactions.at(-1)).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.interrupt',
        conversation_id: 'c123',
      });
    });

    it('overwriteContext() and appendContext() send the LLM context interactions', async () => {
      const { el, call } = await connectedElement();
      await el.overwriteContext('The user is on the pricing page.');
      await el.appendContext('They chose the team plan.');
      expect(call.interactions.slice(-2)).to.deep.equal([
        {
          message_type: 'conversation',
          event_type: 'conversation.overwrite_llm_context',
          conversation_id: 'c123',
          properties: { context: 'The user is on the pricing page.' },
        },
        {
          message_type: 'conversation',
          event_type: 'conversation.append_llm_context',
          conversation_id: 'c123',
          properties: { context: 'They chose the team plan.' },
        },
      ]);
    });

    it('setSensitivity() sends one message per key', async () => {
      const { el, call } = await connectedElement();
      await el.setSensitivity({ pause: 'low', interrupt: 'high' });
      expect(call.interactions.slice(-2)).to.deep.equal(
        [
          { participant_pause_sensitivity: 'low' },
          { participant_interrupt_sensitivity: 'high' },
        ].map((properties) => ({
          message_type: 'conversation',
          event_type: 'conversation.sensitivity',
          conversation_id: 'c123',
          properties,
        })),
      );
    });

    it('sendToolResult() sends conversation.tool_result', async () => {
      const { el, call } = await connectedElement();
      await el.sendToolResult('tc_1', { added: 2 });
      expect(call.interactions.at(-1)).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.tool_result',
        conversation_id: 'c123',
        properties: { tool_call_id: 'tc_1', output: { added: 2 }, status: 'success' },
      });
    });

    it('send() fills in message_type and conversation_id', async () => {
      const { el, call } = await connectedElement();
      await el.send({
        event_type: 'conversation.objective.confirm',
        properties: { objective_name: 'x' },
      });
      expect(call.interactions.at(-1)).to.deep.equal({
        message_type: 'conversation',
        event_type: 'conversation.objective.confirm',
        conversation_id: 'c123',
        properties: { objective_name: 'x' },
      });
    });

    it('fires tavus-send with the interaction after sending', async () => {
      const { el, call } = await connectedElement();
      const sent = oneEvent(el, 'tavus-send');
      void el.interrupt();
      const event = await sent;
      expect(event.detail.interaction).to.deep.equal(call.interactions.at(-1));
    });

    it('stamps conversation-id, when set, instead of the id in the URL', async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url="https://tavus.daily.co/room-1"
          conversation-id="conv-9"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      await el.start();
      calls[0]!.addReplica();
      await el.interrupt();
      expect(calls[0]!.interactions.at(-1).conversation_id).to.equal('conv-9');
    });

    it('rejects interaction methods with a clear message when not connected', async () => {
      const { factory } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url="https://tavus.daily.co/c1"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      for (const attempt of [
        () => el.respond('hi'),
        () => el.echo('hi'),
        () => el.echoAudio(new Int16Array(480), { sampleRate: 24000 }),
        () => el.interrupt(),
        () => el.overwriteContext('x'),
        () => el.appendContext('x'),
        () => el.setSensitivity({ pause: 'low' }),
        () => el.sendToolResult('t', 1),
        () => el.send({ event_type: 'conversation.respond', properties: { text: 'hi' } }),
      ]) {
        let error: unknown;
        try {
          await attempt();
        } catch (failure) {
          error = failure;
        }
        expect(error).to.be.instanceOf(Error);
        expect((error as Error).message).to.contain('not connected');
      }
    });

    it('rejects bad arguments with a TypeError before sending anything', async () => {
      const { el, call } = await connectedElement();
      const before = call.sent.length;
      let error: unknown;
      try {
        await el.respond('');
      } catch (failure) {
        error = failure;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect(call.sent.length).to.equal(before);
    });
  });
});
