// The replica's side of the transcript: transcript-replies.ts and transcript-held-replies.ts.
import { expect } from '@open-wc/testing';

import { Transcript } from '../../src/protocol/index.js';
import { NOW, event, streaming, texts, utterance } from '../support/transcript-events.js';

describe('Transcript: replica replies', () => {
  let now: number;
  let transcript: Transcript;
  beforeEach(() => {
    now = NOW;
    transcript = new Transcript({ now: () => now });
  });

  describe('replica streaming', () => {
    it('replaces the accumulated text instead of appending it', () => {
      transcript.apply(streaming('pal', 'We open', { content_index: 0 }));
      transcript.apply(streaming('pal', 'We open at nine', { content_index: 1, final: true }));
      expect(texts(transcript)).to.deep.equal(['replica: We open at nine']);
    });

    it('shows a reply as not final while it streams', () => {
      transcript.apply(streaming('pal', 'We open', { content_index: 0, final: false }));
      expect(transcript.messages[0]!.final).to.equal(false);
    });

    it('ignores a lower content_index that arrives late', () => {
      transcript.apply(streaming('pal', 'One two three', { content_index: 2 }));
      expect(transcript.apply(streaming('pal', 'One', { content_index: 0 }))).to.equal(false);
      expect(texts(transcript)).to.deep.equal(['replica…: One two three']);
    });

    it('ignores every chunk after the final one', () => {
      transcript.apply(streaming('pal', 'Done.', { content_index: 1, final: true }));
      expect(transcript.apply(streaming('pal', 'Do', { final: false }))).to.equal(false);
      expect(transcript.apply(streaming('pal', 'Done. More', { content_index: 2 }))).to.equal(
        false,
      );
      expect(texts(transcript)).to.deep.equal(['replica: Done.']);
    });

    it('shows PAL and replica twins once', () => {
      expect(transcript.apply(streaming('pal', 'Hello', { content_index: 0 }))).to.equal(true);
      expect(transcript.apply(streaming('replica', 'Hello', { content_index: 0 }))).to.equal(false);
      expect(transcript.messages).to.have.length(1);
    });

    it('ends an interrupted reply with exactly the words spoken, marked interrupted', () => {
      transcript.apply(utterance('pal', 'Three plans. The starter plan includes five seats.'));
      transcript.apply(streaming('pal', 'Three plans.', { content_index: 0 }));
      transcript.apply(
        streaming('pal', 'Three plans. The starter', {
          content_index: 1,
          final: true,
          is_interrupted: true,
        }),
      );
      expect(transcript.messages).to.have.length(1);
      expect(transcript.messages[0]).to.include({
        text: 'Three plans. The starter',
        final: true,
        interrupted: true,
      });
    });

    it('empties the text of a reply interrupted before any word was said', () => {
      transcript.apply(utterance('pal', 'Never said.'));
      transcript.apply(streaming('pal', '', { final: true, is_interrupted: true }));
      expect(transcript.messages[0]).to.include({ text: '', interrupted: true, final: true });
    });

    it('keeps the shown text when a chunk has no text', () => {
      transcript.apply(streaming('pal', 'Hello', { content_index: 0 }));
      transcript.apply(streaming('pal', '', { content_index: 1 }));
      expect(texts(transcript)).to.deep.equal(['replica…: Hello']);
      transcript.apply(streaming('pal', undefined, { content_index: 2, final: true }));
      expect(texts(transcript)).to.deep.equal(['replica: Hello']);
    });

    it('does not create a bubble from an empty chunk', () => {
      expect(transcript.apply(streaming('pal', '', { content_index: 0 }))).to.equal(false);
      expect(transcript.apply(streaming('pal', undefined))).to.equal(false);
      expect(transcript.messages).to.have.length(0);
    });

    it('reads drifted text fields: text, then content', () => {
      transcript.apply(
        event(
          'conversation.utterance.streaming',
          { role: 'pal', text: 'A' },
          {
            inference_id: 'a',
          },
        ),
      );
      transcript.apply(
        event(
          'conversation.utterance.streaming',
          { role: 'pal', content: 'B' },
          {
            inference_id: 'b',
          },
        ),
      );
      expect(transcript.messages.map((m) => m.text)).to.deep.equal(['A', 'B']);
    });

    it('reads inference_id from properties when it is not at the top level', () => {
      transcript.apply(
        event('conversation.utterance.streaming', { role: 'pal', speech: 'Hi', inference_id: 'x' }),
      );
      transcript.apply(
        event('conversation.utterance.streaming', {
          role: 'replica',
          speech: 'Hi there',
          inference_id: 'x',
          content_index: 1,
        }),
      );
      expect(transcript.messages).to.have.length(1);
      expect(transcript.messages[0]).to.include({ inference_id: 'x', text: 'Hi there' });
    });

    it('groups replies without inference_id by turn_idx', () => {
      transcript.apply(streaming('pal', 'Hel', { content_index: 0 }, { turn_idx: 7 }));
      transcript.apply(streaming('pal', 'Hello', { content_index: 1 }, { turn_idx: 7 }));
      transcript.apply(streaming('pal', 'Other', { content_index: 0 }, { turn_idx: 8 }));
      // The next reply closes the previous one, whose final chunk never came.
      expect(texts(transcript)).to.deep.equal(['replica: Hello', 'replica…: Other']);
    });

    it('groups replies with no ids at all with the latest open reply', () => {
      transcript.apply(utterance('pal', 'Hi there, friend.', {}));
      transcript.apply(utterance('replica', 'Hi there, friend.', {}));
      transcript.apply(streaming('pal', 'Hi', { content_index: 0 }, {}));
      transcript.apply(streaming('replica', 'Hi', { content_index: 0 }, {}));
      transcript.apply(streaming('pal', 'Hi there.', { content_index: 1, final: true }, {}));
      transcript.apply(streaming('pal', 'Next reply', { content_index: 0 }, {}));
      transcript.apply(utterance('pal', 'Another one-shot.', {}));
      expect(texts(transcript)).to.deep.equal([
        'replica: Hi there.',
        'replica: Next reply',
        'replica…: Another one-shot.',
      ]);
    });

    it('ignores roles it does not know and events it does not read', () => {
      expect(transcript.apply(streaming('system', 'x'))).to.equal(false);
      expect(transcript.apply(utterance('narrator', 'x'))).to.equal(false);
      expect(transcript.apply(event('conversation.utterance', undefined))).to.equal(false);
      expect(transcript.apply(event('conversation.tool_call', { name: 'x' }))).to.equal(false);
      expect(transcript.apply(event('conversation.started_speaking', { role: 'pal' }))).to.equal(
        false,
      );
      expect(transcript.messages).to.have.length(0);
    });
  });

  describe('replica one-shot utterance', () => {
    it('creates the bubble when it arrives alone (the greeting)', () => {
      expect(transcript.apply(utterance('pal', 'Hi! How can I help?'))).to.equal(true);
      expect(transcript.apply(utterance('replica', 'Hi! How can I help?'))).to.equal(false);
      expect(transcript.messages).to.have.length(1);
      // Shown at once, but not final while it may still be spoken.
      expect(transcript.messages[0]).to.include({
        role: 'replica',
        text: 'Hi! How can I help?',
        final: false,
        interrupted: false,
      });
    });

    it('is final when the replica stops speaking, and never flips back', () => {
      transcript.apply(utterance('pal', 'We open at nine tomorrow.'));
      transcript.apply(streaming('pal', 'We open', { content_index: 0 }));
      const finals = [transcript.messages[0]!.final];
      transcript.apply(streaming('pal', 'We open at nine', { content_index: 1 }));
      finals.push(transcript.messages[0]!.final);
      transcript.apply(
        event(
          'conversation.replica.stopped_speaking',
          { duration: 2, interrupted: false },
          { inference_id: 'r-1', turn_idx: 1 },
        ),
      );
      finals.push(transcript.messages[0]!.final);
      expect(finals).to.deep.equal([false, false, true]);
    });

    it('is closed by the next user turn when its end never arrives', () => {
      transcript.apply(utterance('pal', 'Hi! How can I help?'));
      transcript.apply(utterance('user', 'What time is it?'));
      expect(transcript.messages.map((m) => m.final)).to.deep.equal([true, true]);
    });

    it('gives way to streaming text once it arrives', () => {
      transcript.apply(utterance('pal', 'We open at nine tomorrow.'));
      transcript.apply(streaming('pal', 'We open', { content_index: 0 }));
      expect(texts(transcript)).to.deep.equal(['replica…: We open']);
    });

    it('never overwrites text already streamed', () => {
      transcript.apply(streaming('pal', 'We open', { content_index: 0 }));
      expect(transcript.apply(utterance('pal', 'We open at nine, and words never said.'))).to.equal(
        false,
      );
      expect(texts(transcript)).to.deep.equal(['replica…: We open']);
    });

    it('marks the bubble interrupted when the utterance says so', () => {
      transcript.apply(utterance('pal', 'Cut', undefined, { interrupted: true }));
      expect(transcript.messages[0]!.interrupted).to.equal(true);
    });
  });

  describe('replica utterance after the greeting', () => {
    const stopped = (envelope: Record<string, unknown>, interrupted = false) =>
      event('conversation.replica.stopped_speaking', { duration: 2, interrupted }, envelope);
    const reply = { inference_id: 'r-2', turn_idx: 2, timestamp: 1_746_001_000.5 };

    beforeEach(() => {
      transcript.apply(utterance('pal', 'Hi! How can I help?'));
      transcript.apply(
        utterance('user', 'When do you open?', { inference_id: 'u-1', turn_idx: 2 }),
      );
    });

    it('is held back, so the bubble grows with the speech instead of shrinking', () => {
      expect(transcript.apply(utterance('pal', 'We open at nine. Anything else?', reply))).to.equal(
        false,
      );
      expect(
        transcript.apply(utterance('replica', 'We open at nine. Anything else?', reply)),
      ).to.equal(false);
      expect(transcript.messages).to.have.length(2);
      const shown: string[] = [];
      for (const [i, speech] of ['We open', 'We open at nine.'].entries()) {
        transcript.apply(
          streaming('pal', speech, { content_index: i }, { ...reply, timestamp: 1_746_001_001 }),
        );
        shown.push(transcript.messages[2]!.text);
      }
      expect(shown).to.deep.equal(['We open', 'We open at nine.']);
      expect(transcript.messages[2]).to.include({
        role: 'replica',
        final: false,
        inference_id: 'r-2',
        turn_idx: 2,
        // The reply began with its utterance, not with its first streamed words.
        timestamp: 1_746_001_000_500,
      });
    });

    it('keeps an interruption announced before the first streamed words', () => {
      transcript.apply(utterance('pal', 'There are three plans.', reply));
      transcript.apply(event('conversation.replica_interrupted', undefined, reply));
      transcript.apply(
        streaming('pal', '', { content_index: 0, final: true, is_interrupted: true }, reply),
      );
      expect(transcript.messages[2]).to.include({ text: '', final: true, interrupted: true });
    });

    it('shows the whole text when the reply ends with no streaming, then shows later ones at once', () => {
      transcript.apply(utterance('pal', 'We open at nine.', reply));
      expect(transcript.apply(stopped(reply))).to.equal(true);
      expect(transcript.messages[2]).to.include({
        text: 'We open at nine.',
        final: true,
        interrupted: false,
        timestamp: 1_746_001_000_500,
      });
      // That deployment does not stream: the next reply is shown as soon as it is announced.
      expect(
        transcript.apply(utterance('pal', 'Bye!', { inference_id: 'r-3', turn_idx: 3 })),
      ).to.equal(true);
      expect(texts(transcript).at(-1)).to.equal('replica…: Bye!');
    });

    it('learns nothing from a reply cut off before its first words', () => {
      transcript.apply(utterance('pal', 'We open at nine.', reply));
      transcript.apply(stopped(reply, true));
      expect(transcript.messages[2]).to.include({ final: true, interrupted: true });
      // Still a streaming deployment as far as anyone knows: the next reply is held too.
      expect(
        transcript.apply(utterance('pal', 'Sorry?', { inference_id: 'r-3', turn_idx: 3 })),
      ).to.equal(false);
    });

    it('is shown, open, above the user who speaks before its first words stream', () => {
      transcript.apply(utterance('pal', 'There are three plans.', reply));
      transcript.apply(streaming('user', 'Wait', {}, { inference_id: 'u-9', turn_idx: 3 }));
      expect(texts(transcript).slice(2)).to.deep.equal([
        'replica…: There are three plans.',
        'user…: Wait',
      ]);
      // Its streaming still lands on it: the words actually spoken replace the whole text.
      transcript.apply(
        streaming(
          'pal',
          'There are',
          { content_index: 0, final: true, is_interrupted: true },
          reply,
        ),
      );
      expect(texts(transcript).slice(2)).to.deep.equal(['replica: There are', 'user…: Wait']);
      expect(transcript.messages[2]!.interrupted).to.equal(true);
    });

    it('is shown by finish() when the conversation ends before its words stream', () => {
      transcript.apply(utterance('pal', 'We open at nine.', reply));
      expect(transcript.finish()).to.equal(true);
      expect(texts(transcript).at(-1)).to.equal('replica: We open at nine.');
      expect(transcript.finish()).to.equal(false);
    });

    it('is shown, final, when the next turn begins before its end is seen', () => {
      transcript.apply(utterance('pal', 'We open at nine.', reply));
      expect(
        transcript.apply(utterance('user', 'Thanks', { inference_id: 'u-3', turn_idx: 3 })),
      ).to.equal(true);
      expect(texts(transcript).slice(2)).to.deep.equal([
        'replica: We open at nine.',
        'user: Thanks',
      ]);
    });

    it('is forgotten by clear()', () => {
      transcript.apply(utterance('pal', 'We open at nine.', reply));
      transcript.clear();
      expect(transcript.apply(stopped(reply))).to.equal(false);
      expect(transcript.messages).to.deep.equal([]);
      // After clear() the next replica utterance is a greeting again, shown at once.
      expect(transcript.apply(utterance('pal', 'Hello again.', reply))).to.equal(true);
    });
  });

  describe('the greeting', () => {
    it('is shown at once even when the user spoke first', () => {
      transcript.apply(streaming('user', 'Hello?', {}, { inference_id: 'u-0', turn_idx: 0 }));
      transcript.apply(utterance('user', 'Hello?', { inference_id: 'u-0', turn_idx: 0 }));
      expect(transcript.apply(utterance('pal', 'Hi! I am Anna.', { inference_id: 'g' }))).to.equal(
        true,
      );
      expect(texts(transcript)).to.deep.equal(['user: Hello?', 'replica…: Hi! I am Anna.']);
    });
  });

  describe('speaking events', () => {
    it('finalises a reply whose final chunk was lost when the replica stops speaking', () => {
      transcript.apply(streaming('pal', 'We open', { content_index: 0 }));
      transcript.apply(
        event(
          'conversation.replica.stopped_speaking',
          { interrupted: false },
          { inference_id: 'r-1' },
        ),
      );
      expect(texts(transcript)).to.deep.equal(['replica: We open']);
      // A late non-final chunk cannot reopen it.
      transcript.apply(streaming('pal', 'We open at', { content_index: 1 }));
      expect(texts(transcript)).to.deep.equal(['replica: We open at']);
    });

    it('marks the reply interrupted from stopped_speaking and replica_interrupted', () => {
      transcript.apply(streaming('pal', 'A', { content_index: 0 }, { inference_id: 'a' }));
      transcript.apply(streaming('pal', 'B', { content_index: 0 }, { inference_id: 'b' }));
      transcript.apply(
        event(
          'conversation.stopped_speaking',
          { role: 'pal', interrupted: true },
          {
            inference_id: 'a',
          },
        ),
      );
      transcript.apply(event('conversation.replica_interrupted', undefined, { inference_id: 'b' }));
      expect(transcript.messages.map((m) => m.interrupted)).to.deep.equal([true, true]);
      expect(transcript.messages.map((m) => m.final)).to.deep.equal([true, false]);
    });

    it('ignores user stopped_speaking and speaking events of unknown replies', () => {
      transcript.apply(streaming('pal', 'A', { content_index: 0 }));
      expect(
        transcript.apply(
          event('conversation.stopped_speaking', { role: 'user' }, { inference_id: 'r-1' }),
        ),
      ).to.equal(false);
      expect(
        transcript.apply(
          event('conversation.replica.stopped_speaking', {}, { inference_id: 'zz' }),
        ),
      ).to.equal(false);
      expect(
        transcript.apply(
          event('conversation.replica_interrupted', undefined, { inference_id: 'zz' }),
        ),
      ).to.equal(false);
    });
  });
});
