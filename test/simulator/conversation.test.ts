import { expect } from '@open-wc/testing';
import type { SimulatedCall, TavusServerEvent } from '../../src/simulator/index.js';
import {
  CONVERSATION_ID,
  idleCall,
  interaction,
  joinedCall,
  type Recorder,
  type VirtualTime,
} from '../support/simulated-call.js';
import { FAST_TIMING } from '../../src/simulator/index.js';

const LONG_REPLY =
  'There are three plans. The starter plan includes five seats and email support, the team plan adds ' +
  'shared workspaces and priority support, and the enterprise plan adds single sign-on and audit logs.';

function props(event: TavusServerEvent | undefined): Record<string, unknown> {
  return event?.properties ?? {};
}

/** Events of one inference, pal role only (twins dropped). */
function palStream(recorder: Recorder, inferenceId: string): TavusServerEvent[] {
  return recorder
    .of('conversation.utterance.streaming')
    .filter((e) => e.inference_id === inferenceId && props(e)['role'] === 'pal');
}

describe('simulated replica: event stream', () => {
  let call: SimulatedCall | undefined;
  let time: VirtualTime;
  afterEach(async () => {
    await call?.destroy();
    call = undefined;
  });

  it('announces itself with system.replica_joined, then greets with a one-shot utterance', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await joinedCall());
    await recorder.stoppedSpeaking(1);
    const [joined] = recorder.messages();
    expect(joined).to.include({
      message_type: 'system',
      event_type: 'system.replica_joined',
      conversation_id: CONVERSATION_ID,
      seq: 1,
    });
    expect(joined?.properties).to.deep.equal({ replica_id: 'r-simulated' });
    expect(joined).to.not.have.property('turn_idx');

    const greeting = recorder.of('conversation.utterance');
    expect(greeting.map((e) => props(e)['role'])).to.deep.equal(['pal', 'replica']);
    expect(props(greeting[0])['speech']).to.contain("I'm Anna");
    expect(greeting[0]?.turn_idx).to.equal(0);
    // The greeting arrives only as an utterance: no streaming counterpart (protocol.md §4.1).
    expect(recorder.of('conversation.utterance.streaming')).to.have.length(0);
    expect(recorder.of('conversation.replica.started_speaking')).to.have.length(1);
    expect(props(recorder.of('conversation.replica.stopped_speaking')[0])).to.include({
      interrupted: false,
    });
  });

  it('stamps conversation_id, seq, turn_idx, inference_id and timestamp on conversation events', async () => {
    let recorder: Recorder;
    const wall = 1_746_000_000_000;
    ({ call, recorder, time } = await idleCall({ now: () => wall }));
    call.sendAppMessage(interaction('conversation.respond', { text: 'Hello there' }), '*');
    await recorder.stoppedSpeaking(2);
    // Unix seconds, moving with the call's time from the wall clock at the join.
    let previous = wall / 1000;
    for (const event of recorder.messages()) {
      expect(event.conversation_id).to.equal(CONVERSATION_ID);
      expect(event.seq).to.be.a('number');
      expect(event.timestamp).to.be.within(previous, (wall + time.now() + 1) / 1000);
      previous = event.timestamp as number;
      if (event.message_type === 'conversation') {
        expect(event.turn_idx, event.event_type).to.be.a('number');
        expect(event.inference_id, event.event_type).to.be.a('string');
      }
    }
  });

  it('answers conversation.respond with the echoed user utterance, twins, streaming and stops', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    const before = recorder.messages().length;
    call.sendAppMessage(interaction('conversation.respond', { text: 'What can you do?' }), '*');
    await recorder.stoppedSpeaking(2);
    const turn = recorder.messages().slice(before);

    const user = turn[0];
    expect(user?.event_type).to.equal('conversation.utterance');
    expect(props(user)).to.deep.equal({ role: 'user', speech: 'What can you do?' });
    expect(user?.turn_idx).to.equal(1);

    const inferenceId = user?.inference_id as string;
    const types = turn
      .slice(1)
      .map((e) => `${e.event_type}${props(e)['role'] ? `:${props(e)['role']}` : ''}`);
    expect(types.slice(0, 6)).to.deep.equal([
      'conversation.utterance:pal',
      'conversation.utterance:replica',
      'conversation.replica.started_speaking',
      'conversation.started_speaking:pal',
      'conversation.started_speaking:replica',
      'conversation.utterance.streaming:pal',
    ]);
    expect(types.slice(-3)).to.deep.equal([
      'conversation.replica.stopped_speaking',
      'conversation.stopped_speaking:pal',
      'conversation.stopped_speaking:replica',
    ]);
    for (const event of turn) {
      expect(event.inference_id, event.event_type).to.equal(inferenceId);
      expect(event.turn_idx).to.equal(1);
    }

    const full = props(turn[1])['speech'] as string;
    expect(full).to.contain('add coffee to your cart');
    const stream = palStream(recorder, inferenceId);
    expect(stream.length).to.be.greaterThan(2);
    stream.forEach((event, index) => {
      expect(props(event)['content_index']).to.equal(index);
      expect(props(event)['final']).to.equal(index === stream.length - 1);
      expect(full.startsWith(props(event)['speech'] as string)).to.equal(true);
      if (index > 0) {
        expect((props(event)['speech'] as string).length).to.be.greaterThan(
          (props(stream[index - 1])['speech'] as string).length,
        );
      }
    });
    expect(props(stream.at(-1))['speech']).to.equal(full);
    const stopped = props(recorder.of('conversation.replica.stopped_speaking').at(-1));
    expect(stopped['interrupted']).to.equal(false);
    expect(stopped['duration']).to.be.greaterThan(0);
  });

  it('keeps seq monotonic, with each pal/replica twin pair sharing one seq', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    call.sendAppMessage(interaction('conversation.respond', { text: 'Tell me a story' }), '*');
    await recorder.stoppedSpeaking(2);
    const messages = recorder.messages();
    for (let i = 1; i < messages.length; i++) {
      const previous = messages[i - 1] as TavusServerEvent;
      const current = messages[i] as TavusServerEvent;
      if (current.seq === previous.seq) {
        expect([props(previous)['role'], props(current)['role']]).to.deep.equal(['pal', 'replica']);
        expect(current.event_type).to.equal(previous.event_type);
      } else {
        expect(current.seq).to.equal((previous.seq as number) + 1);
      }
    }
  });

  it('gives every event its own seq when twins are configured not to share', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({ twinsShareSeq: false }));
    const seqs = recorder.messages().map((e) => e.seq as number);
    expect(seqs).to.deep.equal(seqs.map((_, i) => i + 1));
  });

  it('sends no legacy twins when only the pal role is configured', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({ replicaRoles: ['pal'] }));
    expect(recorder.of('conversation.utterance').map((e) => props(e)['role'])).to.deep.equal([
      'pal',
    ]);
  });

  it('cuts the reply on conversation.interrupt with only the words spoken so far', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({
      greeting: false,
      script: [{ match: 'plans', reply: LONG_REPLY }],
      wordsPerSecond: 12,
    }));
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'What plans are there?' }),
      '*',
    );
    await recorder.until((m) =>
      m.some(
        (e) =>
          e.event_type === 'conversation.utterance.streaming' && props(e)['content_index'] === 1,
      ),
    );
    expect(call.speaking).to.equal(true);
    call.sendAppMessage(interaction('conversation.interrupt'), '*');
    await recorder.stoppedSpeaking(1);
    expect(call.speaking).to.equal(false);

    const inferenceId = recorder.of('conversation.replica.started_speaking')[0]
      ?.inference_id as string;
    const interrupted = recorder.of('conversation.replica_interrupted');
    expect(interrupted).to.have.length(1);
    expect(interrupted[0]?.inference_id).to.equal(inferenceId);

    const stream = palStream(recorder, inferenceId);
    const last = props(stream.at(-1));
    expect(last['final']).to.equal(true);
    expect(last['is_interrupted']).to.equal(true);
    expect(last['content_index']).to.equal(stream.length - 1);
    const spoken = last['speech'] as string;
    expect(spoken.length).to.be.lessThan(LONG_REPLY.length);
    expect(LONG_REPLY.startsWith(spoken)).to.equal(true);
    expect(spoken.length).to.be.at.least((props(stream.at(-2))['speech'] as string).length);

    expect(props(recorder.of('conversation.replica.stopped_speaking')[0])['interrupted']).to.equal(
      true,
    );
    const agnostic = recorder.of('conversation.stopped_speaking');
    expect(agnostic.map((e) => props(e)['interrupted'])).to.deep.equal([true, true]);
    // Nothing more of that reply arrives afterwards, however long the call goes on.
    const count = recorder.messages().length;
    await time.advance(60_000);
    expect(recorder.messages().length).to.equal(count);
  });

  it('speaks conversation.echo text verbatim under the given inference_id', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    call.sendAppMessage(
      interaction('conversation.echo', {
        modality: 'text',
        text: 'I added two bags of coffee.',
        inference_id: 'echo-1',
        done: true,
      }),
      '*',
    );
    await recorder.stoppedSpeaking(2);
    const utterance = recorder
      .of('conversation.utterance')
      .filter((e) => e.inference_id === 'echo-1');
    expect(utterance.map((e) => props(e)['speech'])).to.deep.equal([
      'I added two bags of coffee.',
      'I added two bags of coffee.',
    ]);
    expect(props(palStream(recorder, 'echo-1').at(-1))['speech']).to.equal(
      'I added two bags of coffee.',
    );
    // Echo bypasses the LLM: no user utterance.
    expect(
      recorder.of('conversation.utterance').filter((e) => props(e)['role'] === 'user'),
    ).to.have.length(0);
  });

  it('speaks an audio echo once its last chunk arrives, for as long as the audio lasts', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    // 0.5 s of 16 kHz 16-bit mono: 10 chunks of 800 samples (1600 bytes, 50 ms).
    const chunk = btoa(String.fromCharCode(...new Uint8Array(1600)));
    for (let i = 0; i < 10; i++) {
      call.sendAppMessage(
        interaction('conversation.echo', {
          modality: 'audio',
          audio: chunk,
          sample_rate: 16000,
          inference_id: 'audio-1',
          done: i === 9,
        }),
        '*',
      );
    }
    await recorder.stoppedSpeaking(2);
    const spoken = recorder
      .of('conversation.utterance')
      .filter((e) => e.inference_id === 'audio-1');
    expect(spoken.map((e) => props(e)['speech'])).to.deep.equal(['(audio)', '(audio)']);
    const stopped = recorder.of('conversation.replica.stopped_speaking').at(-1);
    expect(stopped?.inference_id).to.equal('audio-1');
    expect(props(stopped)['duration']).to.equal(0.5);
  });

  it('calls add_to_cart and waits for the tool result before answering', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'Add two coffees to my cart' }),
      '*',
    );
    await recorder.until((m) => m.some((e) => e.event_type === 'conversation.tool_call'));
    const toolCall = recorder.of('conversation.tool_call')[0] as TavusServerEvent;
    const user = recorder.of('conversation.utterance').find((e) => props(e)['role'] === 'user');
    expect(toolCall.inference_id).to.equal(user?.inference_id);
    expect(toolCall.turn_idx).to.equal(1);
    expect(props(toolCall)['name']).to.equal('add_to_cart');
    expect(typeof props(toolCall)['arguments']).to.equal('string');
    expect(JSON.parse(props(toolCall)['arguments'] as string)).to.deep.equal({
      item_name: 'coffee',
      quantity: 2,
    });
    const toolCallId = props(toolCall)['tool_call_id'] as string;
    expect(toolCallId).to.match(/^tc_[0-9a-f]{8}$/);

    // It waits for the result (up to the tool timeout) and says nothing meanwhile.
    await time.advance(FAST_TIMING.toolResultTimeoutMs - 1);
    expect(recorder.of('conversation.replica.started_speaking')).to.have.length(
      1,
      'only the greeting',
    );

    call.sendAppMessage(
      interaction('conversation.tool_result', {
        tool_call_id: toolCallId,
        output: { added: 2, item: 'Coffee beans 250g' },
        status: 'success',
      }),
      '*',
    );
    await recorder.stoppedSpeaking(2);
    const reply = recorder.of('conversation.utterance').at(-1) as TavusServerEvent;
    expect(props(reply)['speech']).to.match(/^Done! I added 2 coffees to your cart/);
    expect(reply.turn_idx).to.equal(1);
    expect(reply.inference_id).to.not.equal(toolCall.inference_id);
  });

  it('apologises when the tool result is an error', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'add 3 coffees to the cart' }),
      '*',
    );
    await recorder.until((m) => m.some((e) => e.event_type === 'conversation.tool_call'));
    const toolCallId = props(recorder.of('conversation.tool_call')[0])['tool_call_id'];
    call.sendAppMessage(
      interaction('conversation.tool_result', {
        tool_call_id: toolCallId,
        output: 'The cart is full',
        status: 'error',
      }),
      '*',
    );
    await recorder.stoppedSpeaking(2);
    expect(props(recorder.of('conversation.utterance').at(-1))['speech']).to.equal(
      "I'm sorry, that didn't work. The page said: The cart is full",
    );
  });

  it('says so when no tool result arrives in time', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({ timing: { toolResultTimeoutMs: 100 } }));
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'add a coffee to my cart' }),
      '*',
    );
    await recorder.stoppedSpeaking(2);
    expect(props(recorder.of('conversation.utterance').at(-1))['speech']).to.contain(
      'never heard back',
    );
    // A late result for the expired call is ignored.
    const toolCallId = props(recorder.of('conversation.tool_call')[0])['tool_call_id'];
    call.sendAppMessage(
      interaction('conversation.tool_result', { tool_call_id: toolCallId, output: 'ok' }),
      '*',
    );
    const target = call;
    await time.until(() => target.ignored.length > 0, 'the late result was not seen');
    expect(call.ignored.at(-1)?.reason).to.contain('no pending tool call');
  });

  it('stores overwritten and appended context and answers from it', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({ context: 'initial' }));
    expect(call.context).to.equal('initial');
    call.sendAppMessage(
      interaction('conversation.overwrite_llm_context', { context: 'The store opens at nine.' }),
      '*',
    );
    call.sendAppMessage(
      interaction('conversation.append_llm_context', { context: 'Parking is free.' }),
      '*',
    );
    call.sendAppMessage(interaction('conversation.respond', { text: 'What do you know?' }), '*');
    await recorder.stoppedSpeaking(2);
    expect(call.context).to.equal('The store opens at nine.\nParking is free.');
    expect(props(recorder.of('conversation.utterance').at(-1))['speech']).to.equal(
      'Here is what I have been told: The store opens at nine. Parking is free.',
    );
  });

  it('stores sensitivity settings and says them when asked', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    call.sendAppMessage(
      interaction('conversation.sensitivity', { participant_pause_sensitivity: 'low' }),
      '*',
    );
    call.sendAppMessage(
      interaction('conversation.sensitivity', { participant_interrupt_sensitivity: 'high' }),
      '*',
    );
    const target = call;
    await time.until(
      () => Object.keys(target.sensitivity).length === 2,
      'the settings did not arrive',
    );
    expect(target.sensitivity).to.deep.equal({
      participant_pause_sensitivity: 'low',
      participant_interrupt_sensitivity: 'high',
    });
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'What is your sensitivity?' }),
      '*',
    );
    await recorder.stoppedSpeaking(2);
    expect(props(recorder.of('conversation.utterance').at(-1))['speech']).to.equal(
      'My pause sensitivity is low, and my interrupt sensitivity is high.',
    );
  });

  it('simulates a spoken user turn as in protocol.md §7.1, then replies under the committed id', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall());
    const before = recorder.messages().length;
    await time.settle(call.simulateUserSpeech('What time does the store open tomorrow?'));
    await recorder.stoppedSpeaking(2);
    const turn = recorder.messages().slice(before);
    const userEvents = turn.filter(
      (e) => e.event_type.includes('.user.') || props(e)['role'] === 'user',
    );
    expect(userEvents.map((e) => e.event_type)).to.deep.equal([
      'conversation.user.started_speaking',
      'conversation.started_speaking',
      ...userEvents.slice(2, -3).map(() => 'conversation.utterance.streaming'),
      'conversation.user.stopped_speaking',
      'conversation.stopped_speaking',
      'conversation.utterance',
    ]);
    const streaming = userEvents.filter((e) => e.event_type === 'conversation.utterance.streaming');
    expect(streaming.length).to.be.greaterThan(1);
    expect(props(streaming.at(-1))['speech']).to.equal('What time does the store open tomorrow?');
    // Speculative ids change while the user talks.
    expect(new Set(streaming.map((e) => e.inference_id)).size).to.equal(streaming.length);
    expect(props(userEvents.at(-2))).to.include({ role: 'user', interrupted: false });
    for (const event of userEvents) expect(event.turn_idx).to.equal(1);

    const utterance = userEvents.at(-1) as TavusServerEvent;
    const reply = recorder.of('conversation.replica.started_speaking').at(-1);
    expect(reply?.inference_id).to.equal(utterance.inference_id);
    expect(reply?.turn_idx).to.equal(1);
  });

  it('lets the user barge in on a reply (§7.3)', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({
      greeting: false,
      script: [{ match: 'plans', reply: LONG_REPLY }],
      wordsPerSecond: 12,
    }));
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'What plans are there?' }),
      '*',
    );
    await recorder.until((m) => m.some((e) => e.event_type === 'conversation.utterance.streaming'));
    const speech = call.simulateUserSpeech('Sorry, which one is cheapest?');
    await recorder.until((m) => m.some((e) => e.event_type === 'conversation.replica_interrupted'));
    const types = recorder.messages().map((e) => e.event_type);
    const userStarted = types.indexOf('conversation.user.started_speaking');
    expect(userStarted).to.be.greaterThan(-1);
    expect(userStarted).to.be.lessThan(types.indexOf('conversation.replica_interrupted'));
    const cut = recorder.of('conversation.replica_interrupted')[0] as TavusServerEvent;
    expect(cut.turn_idx).to.equal(1);
    expect(recorder.of('conversation.user.started_speaking')[0]?.turn_idx).to.equal(2);
    const final = recorder
      .of('conversation.utterance.streaming')
      .filter((e) => e.inference_id === cut.inference_id && props(e)['final'] === true);
    expect(final.map((e) => props(e)['is_interrupted'])).to.deep.equal([true, true]);
    await time.settle(speech);
  });

  it('does not let the user interrupt the greeting', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await joinedCall({ wordsPerSecond: 25 }));
    await recorder.until((m) =>
      m.some((e) => e.event_type === 'conversation.replica.started_speaking'),
    );
    await time.settle(call.simulateUserSpeech('Hi'));
    await recorder.stoppedSpeaking(2);
    const stopped = recorder.of('conversation.replica.stopped_speaking');
    expect(props(stopped[0])['interrupted']).to.equal(false, 'greeting finished');
    expect(recorder.of('conversation.replica_interrupted')).to.have.length(0);
  });

  it('interrupts a reply when new text is typed, and answers the new text', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({
      greeting: false,
      script: [{ match: 'plans', reply: LONG_REPLY }],
      wordsPerSecond: 12,
    }));
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'What plans are there?' }),
      '*',
    );
    await recorder.until((m) => m.some((e) => e.event_type === 'conversation.utterance.streaming'));
    call.sendAppMessage(interaction('conversation.respond', { text: 'Thanks' }), '*');
    await recorder.stoppedSpeaking(2);
    const stopped = recorder.of('conversation.replica.stopped_speaking');
    expect(stopped.map((e) => props(e)['interrupted'])).to.deep.equal([true, false]);
    expect(props(recorder.of('conversation.utterance').at(-1))['speech']).to.contain(
      "You're welcome",
    );
  });

  it('sends system.replica_present heartbeats without seq when asked', async () => {
    let recorder: Recorder;
    ({ call, recorder, time } = await idleCall({ greeting: false, heartbeatMs: 20 }));
    await recorder.until(
      (m) => m.filter((e) => e.event_type === 'system.replica_present').length >= 3,
    );
    for (const beat of recorder.of('system.replica_present')) {
      expect(beat.message_type).to.equal('system');
      expect(beat.conversation_id).to.equal(CONVERSATION_ID);
      expect(beat).to.not.have.property('seq');
      expect(beat.timestamp).to.be.a('number');
    }
  });

  it('ignores interactions it cannot act on, and says why', async () => {
    ({ call, time } = await idleCall());
    call.sendAppMessage(
      interaction('conversation.respond', { text: 'hi' }, 'another-conversation'),
      '*',
    );
    call.sendAppMessage({ event_type: 'conversation.respond', properties: { text: 'hi' } }, '*');
    call.sendAppMessage(interaction('conversation.dance'), '*');
    call.sendAppMessage(interaction('conversation.respond', { text: '   ' }), '*');
    const target = call;
    await time.until(() => target.ignored.length === 4, 'not every interaction was read');
    expect(target.ignored.map((entry) => entry.reason)).to.deep.equal([
      'conversation_id "another-conversation" is not "c7f3a91b2e"',
      'message_type is not "conversation"',
      'unknown event_type "conversation.dance"',
      'conversation.respond without text',
    ]);
  });
});
