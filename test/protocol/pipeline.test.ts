import { expect } from '@open-wc/testing';

import { ManualClock, createEventPipeline, type TavusEvent } from '../../src/protocol/index.js';

const message = (seq: number | undefined, conversationId = 'c1') =>
  JSON.stringify({
    message_type: 'conversation',
    event_type: 'conversation.utterance',
    conversation_id: conversationId,
    ...(seq !== undefined && { seq }),
    properties: { role: 'user', speech: `m${seq}` },
  });

function setup(options: { conversationId?: string } = {}) {
  const clock = new ManualClock();
  const events: TavusEvent[] = [];
  const rejected: string[] = [];
  const pipeline = createEventPipeline({
    clock,
    windowMs: 100,
    onEvent: (event) => events.push(event),
    onRejected: (reason) => rejected.push(reason),
    ...options,
  });
  return { clock, events, rejected, pipeline };
}

describe('createEventPipeline', () => {
  it('validates, reorders and deduplicates', () => {
    const { clock, events, rejected, pipeline } = setup({ conversationId: 'c1' });
    pipeline.receive(message(2));
    pipeline.receive(message(1));
    pipeline.receive(message(1));
    pipeline.receive('not json');
    expect(pipeline.pending).to.equal(2);
    clock.advance(100);
    expect(events.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(rejected).to.deep.equal(['not valid JSON']);
  });

  it('rejects another conversation once the id is known, and accepts any before', () => {
    const { events, rejected, pipeline } = setup();
    pipeline.receive(message(undefined, 'other'));
    pipeline.setConversationId('c1');
    pipeline.receive(message(undefined, 'other'));
    pipeline.receive(message(undefined, 'c1'));
    pipeline.setConversationId(undefined);
    pipeline.receive(message(undefined, 'again'));
    expect(events.map((e) => e.conversation_id)).to.deep.equal(['other', 'c1', 'again']);
    expect(rejected).to.deep.equal(['other conversation_id']);
  });

  it('survives a throwing onRejected', () => {
    const events: TavusEvent[] = [];
    const pipeline = createEventPipeline({
      onEvent: (event) => events.push(event),
      onRejected: () => {
        throw new Error('logger');
      },
    });
    expect(() => pipeline.receive(42)).not.to.throw();
    pipeline.receive(message(undefined));
    expect(events).to.have.length(1);
  });

  it('passes sequencer options through, including onError and dedupeCapacity', () => {
    const errors: unknown[] = [];
    const seen: number[] = [];
    const pipeline = createEventPipeline({
      clock: new ManualClock(),
      windowMs: 0,
      dedupeCapacity: 1,
      onEvent: (event) => {
        seen.push(event.seq!);
        throw new Error('listener');
      },
      onError: (error) => errors.push(error),
    });
    pipeline.receive(message(1));
    pipeline.receive(message(2));
    pipeline.receive(message(1)); // forgotten with capacity 1: a straggler again
    expect(seen).to.deep.equal([1, 2, 1]);
    expect(errors).to.have.length(3);
  });

  it('flush delivers held events and dispose stops everything', () => {
    const { clock, events, pipeline } = setup();
    pipeline.receive(message(5));
    pipeline.flush();
    expect(events).to.have.length(1);
    pipeline.receive(message(7));
    pipeline.dispose();
    clock.advance(1000);
    pipeline.receive(message(8));
    expect(events).to.have.length(1);
    expect(pipeline.pending).to.equal(0);
  });
});
