// The user's side of the transcript: transcript-user-turns.ts and transcript-typed-echo.ts.
import { expect } from '@open-wc/testing';

import { TYPED_ECHO_WINDOW_MS, Transcript } from '../../src/protocol/index.js';
import { NOW, streaming, texts, utterance } from '../support/transcript-events.js';

describe('Transcript: user turns', () => {
  let now: number;
  let transcript: Transcript;
  beforeEach(() => {
    now = NOW;
    transcript = new Transcript({ now: () => now });
  });

  describe('user turns', () => {
    it('shows streaming user text live under its turn_idx and lets the utterance finalise it', () => {
      const turn = (inference: string) => ({ inference_id: inference, turn_idx: 3 });
      transcript.apply(
        streaming('user', 'What time', { content_index: 0, final: true }, turn('u-1')),
      );
      expect(texts(transcript)).to.deep.equal(['user…: What time']);
      transcript.apply(streaming('user', 'What time does it open', {}, turn('u-2')));
      expect(texts(transcript)).to.deep.equal(['user…: What time does it open']);
      transcript.apply(utterance('user', 'What time does it open?', turn('r-9')));
      expect(texts(transcript)).to.deep.equal(['user: What time does it open?']);
      expect(transcript.messages[0]).to.include({ inference_id: 'r-9', turn_idx: 3 });
    });

    it('does not reopen a finalised user turn with late streaming', () => {
      transcript.apply(utterance('user', 'Hello.', { turn_idx: 2 }));
      expect(transcript.apply(streaming('user', 'Hel', {}, { turn_idx: 2 }))).to.equal(false);
      expect(texts(transcript)).to.deep.equal(['user: Hello.']);
    });

    it('follows user streaming without turn_idx with the latest live row', () => {
      transcript.apply(streaming('user', 'Hi', {}, {}));
      transcript.apply(streaming('user', 'Hi there', {}, {}));
      expect(transcript.apply(streaming('user', 'Hi there', {}, {}))).to.equal(false);
      transcript.apply(utterance('user', 'Hi there!', {}));
      expect(texts(transcript)).to.deep.equal(['user: Hi there!']);
    });

    it('ignores a repeated user utterance (same inference and text)', () => {
      transcript.apply(utterance('user', 'Yes please', { inference_id: 'r-5', turn_idx: 5 }));
      expect(
        transcript.apply(utterance('user', 'yes  please', { inference_id: 'r-5', turn_idx: 5 })),
      ).to.equal(false);
      expect(transcript.messages).to.have.length(1);
    });

    it('ignores empty user text', () => {
      expect(transcript.apply(utterance('user', '   '))).to.equal(false);
      expect(transcript.apply(streaming('user', ''))).to.equal(false);
    });
  });

  describe('typed messages', () => {
    it('shows a typed message at once, final and marked typed', () => {
      const message = transcript.addTypedUserMessage('Add coffee');
      expect(message).to.include({ role: 'user', text: 'Add coffee', final: true, typed: true });
      expect(message.timestamp).to.equal(NOW);
      expect(transcript.messages).to.deep.equal([message]);
    });

    it('merges Tavus’ echo of the typed text into the same message', () => {
      const typed = transcript.addTypedUserMessage('Add  two bags of Coffee ');
      const changed = transcript.apply(
        utterance('user', 'add two bags of coffee', {
          inference_id: 'r-31aa',
          turn_idx: 4,
          timestamp: 1746002000.5,
        }),
      );
      expect(changed).to.equal(true);
      expect(transcript.messages).to.have.length(1);
      expect(transcript.messages[0]).to.deep.equal({
        ...typed,
        inference_id: 'r-31aa',
        turn_idx: 4,
        timestamp: 1746002000500,
      });
      // A second copy of the echo is a duplicate.
      expect(
        transcript.apply(utterance('user', 'add two bags of coffee', { inference_id: 'r-31aa' })),
      ).to.equal(false);
    });

    it('keeps the typed timestamp when the echo has none', () => {
      transcript.addTypedUserMessage('Hi');
      transcript.apply(utterance('user', 'Hi', { inference_id: 'x' }));
      expect(transcript.messages[0]!.timestamp).to.equal(NOW);
    });

    it('matches each echo with one typed message, oldest first', () => {
      transcript.addTypedUserMessage('yes');
      transcript.addTypedUserMessage('yes');
      transcript.apply(utterance('user', 'yes', { inference_id: 'a' }));
      transcript.apply(utterance('user', 'yes', { inference_id: 'b' }));
      transcript.apply(utterance('user', 'yes', { inference_id: 'c' }));
      expect(transcript.messages.map((m) => [m.inference_id, m.typed])).to.deep.equal([
        ['a', true],
        ['b', true],
        ['c', undefined],
      ]);
    });

    it('does not merge a different text, nor an echo that comes too late', () => {
      transcript.addTypedUserMessage('first');
      transcript.apply(utterance('user', 'something else', { inference_id: 'a' }));
      now += TYPED_ECHO_WINDOW_MS + 1;
      transcript.apply(utterance('user', 'first', { inference_id: 'b' }));
      expect(transcript.messages).to.have.length(3);
    });

    it('rejects empty typed text', () => {
      expect(() => transcript.addTypedUserMessage('  ')).to.throw(
        TypeError,
        'addTypedUserMessage(text): text must be a non-empty string',
      );
      expect(() => transcript.addTypedUserMessage(42 as unknown as string)).to.throw(TypeError);
    });
  });
});
