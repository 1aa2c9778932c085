// The transcript as a whole: immutable updates, timestamps, the window (transcript-store.ts).
import { expect } from '@open-wc/testing';

import { Transcript, type TranscriptMessage } from '../../src/protocol/index.js';
import { NOW, event, streaming, texts, utterance } from '../support/transcript-events.js';

describe('Transcript', () => {
  let now: number;
  let transcript: Transcript;
  beforeEach(() => {
    now = NOW;
    transcript = new Transcript({ now: () => now });
  });

  describe('immutability', () => {
    it('makes a new array and a new object for a change and keeps untouched messages', () => {
      transcript.apply(utterance('user', 'Hello', { inference_id: 'u', turn_idx: 1 }));
      transcript.apply(streaming('pal', 'Hi', { content_index: 0 }, { inference_id: 'r' }));
      const before = transcript.messages;
      const [user, reply] = before;
      transcript.apply(streaming('pal', 'Hi there', { content_index: 1 }, { inference_id: 'r' }));
      const after = transcript.messages;
      expect(after).not.to.equal(before);
      expect(after[0]).to.equal(user);
      expect(after[1]).not.to.equal(reply);
      expect(after[1]!.id).to.equal(reply!.id);
      expect(reply!.text).to.equal('Hi');
    });

    it('keeps the same array when nothing changed', () => {
      transcript.apply(streaming('pal', 'Hi', { content_index: 0 }));
      const before = transcript.messages;
      transcript.apply(streaming('replica', 'Hi', { content_index: 0 }));
      transcript.apply(event('conversation.user.started_speaking'));
      expect(transcript.messages).to.equal(before);
    });

    it('ignores an event whose properties throw when read', () => {
      const hostile = event('conversation.utterance.streaming', {}, { inference_id: 'r' });
      Object.defineProperty(hostile.properties, 'speech', {
        get() {
          throw new Error('getter');
        },
      });
      (hostile.properties as Record<string, unknown>)['role'] = 'pal';
      expect(transcript.apply(hostile)).to.equal(false);
      expect(transcript.messages).to.have.length(0);
    });
  });

  describe('timestamps', () => {
    it('turns Tavus seconds into milliseconds', () => {
      transcript.apply(utterance('user', 'a', { timestamp: 1746001000.1 }));
      expect(transcript.messages[0]!.timestamp).to.equal(1746001000100);
    });

    it('accepts milliseconds and ISO strings, and falls back to now()', () => {
      transcript.apply(utterance('user', 'a', { inference_id: 'a', timestamp: 1746001000100 }));
      transcript.apply(
        utterance('user', 'b', { inference_id: 'b', timestamp: '2025-07-11T06:45:47.472Z' }),
      );
      transcript.apply(utterance('user', 'c', { inference_id: 'c', timestamp: 'not a date' }));
      transcript.apply(utterance('user', 'd', { inference_id: 'd' }));
      expect(transcript.messages.map((m) => m.timestamp)).to.deep.equal([
        1746001000100,
        Date.parse('2025-07-11T06:45:47.472Z'),
        NOW,
        NOW,
      ]);
    });
  });

  describe('limits and clear', () => {
    it('drops the oldest messages beyond maxMessages and forgets them', () => {
      const capped = new Transcript({ maxMessages: 2, now: () => NOW });
      capped.apply(streaming('pal', 'one', {}, { inference_id: '1' }));
      capped.apply(streaming('pal', 'two', {}, { inference_id: '2' }));
      capped.apply(streaming('pal', 'three', {}, { inference_id: '3' }));
      expect(capped.messages.map((m) => m.text)).to.deep.equal(['two', 'three']);
      // Updates still reach the right messages after the shift.
      capped.apply(streaming('pal', 'two!', { content_index: 1 }, { inference_id: '2' }));
      expect(capped.messages.map((m) => m.text)).to.deep.equal(['two!', 'three']);
      // A dropped reply that keeps streaming comes back as a new message.
      capped.apply(streaming('pal', 'one again', { content_index: 1 }, { inference_id: '1' }));
      expect(capped.messages.map((m) => m.text)).to.deep.equal(['three', 'one again']);
    });

    it('stays correct over thousands of drops', () => {
      const capped = new Transcript({ maxMessages: 10, now: () => NOW });
      for (let i = 0; i < 3000; i++) {
        capped.apply(
          streaming('pal', `reply ${i}`, { content_index: 0 }, { inference_id: `${i}` }),
        );
      }
      expect(capped.messages.map((m) => m.text)).to.deep.equal(
        Array.from({ length: 10 }, (_, i) => `reply ${2990 + i}`),
      );
      capped.apply(streaming('pal', 'updated', { content_index: 1 }, { inference_id: '2995' }));
      expect(capped.messages[5]!.text).to.equal('updated');
      expect(capped.messages).to.have.length(10);
    });

    it('forgets a typed message that was dropped before its echo', () => {
      const capped = new Transcript({ maxMessages: 1, now: () => NOW });
      capped.addTypedUserMessage('typed');
      capped.apply(streaming('pal', 'reply', {}, { inference_id: 'r' }));
      capped.apply(utterance('user', 'typed', { inference_id: 'e' }));
      expect(capped.messages.map((m) => [m.text, m.typed])).to.deep.equal([['typed', undefined]]);
    });

    it('does not find a reply or a live caption without ids once it was dropped', () => {
      const capped = new Transcript({ maxMessages: 1, now: () => NOW });
      const none = {};
      capped.apply(streaming('pal', 'reply', {}, none));
      capped.apply(streaming('user', 'caption', {}, none));
      expect(texts(capped)).to.deep.equal(['user…: caption']);
      // The reply it dropped would have taken this chunk: it starts a new reply instead.
      capped.apply(streaming('pal', 'reply, more', {}, none));
      expect(texts(capped)).to.deep.equal(['replica…: reply, more']);
      // The same for the live caption: the user's next words are a new message, finalised here.
      capped.apply(utterance('user', 'caption, done', none));
      expect(texts(capped)).to.deep.equal(['user: caption, done']);
      // Control: while they are in the window, both are found and updated in place.
      const roomy = new Transcript({ maxMessages: 5, now: () => NOW });
      roomy.apply(streaming('pal', 'reply', {}, none));
      roomy.apply(streaming('pal', 'reply, more', {}, none));
      roomy.apply(streaming('user', 'caption', {}, none));
      roomy.apply(utterance('user', 'caption, done', none));
      expect(texts(roomy)).to.deep.equal(['replica: reply, more', 'user: caption, done']);
    });

    it('rejects a maxMessages below 1', () => {
      expect(() => new Transcript({ maxMessages: 0 })).to.throw(RangeError);
    });

    it('clear empties the transcript and keeps ids unique afterwards', () => {
      transcript.apply(streaming('pal', 'Hi', {}, { inference_id: 'r' }));
      const firstId = transcript.messages[0]!.id;
      transcript.clear();
      expect(transcript.messages).to.deep.equal([]);
      transcript.apply(streaming('pal', 'Hi', {}, { inference_id: 'r' }));
      expect(transcript.messages).to.have.length(1);
      expect(transcript.messages[0]!.id).not.to.equal(firstId);
    });

    it('uses Date.now without a now option', () => {
      const plain = new Transcript();
      const before = Date.now();
      const message: TranscriptMessage = plain.addTypedUserMessage('x');
      expect(message.timestamp).to.be.within(before, Date.now());
    });
  });
});
