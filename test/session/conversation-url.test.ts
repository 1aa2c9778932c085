import { expect } from '@open-wc/testing';

import { parseConversationUrl } from '../../src/session/conversation-url.js';
import { ConversationError } from '../../src/state/errors.js';

/** The ConversationError `value` is refused with. */
function refusal(value: string): ConversationError {
  try {
    parseConversationUrl(value);
  } catch (error) {
    expect(error).to.be.instanceOf(ConversationError);
    return error as ConversationError;
  }
  throw new Error(`${value} was accepted`);
}

describe('parseConversationUrl', () => {
  it("takes the conversation id from the URL's last path segment", () => {
    expect(parseConversationUrl('https://tavus.daily.co/c123')).to.deep.equal({
      url: 'https://tavus.daily.co/c123',
      id: 'c123',
    });
    expect(parseConversationUrl('https://tavus.daily.co/rooms/c%20456/').id).to.equal('c 456');
    // A segment that is not valid percent-encoding is kept as written.
    expect(parseConversationUrl('https://tavus.daily.co/c%E0%A4%A').id).to.equal('c%E0%A4%A');
  });

  it('takes the meeting token out of the URL: daily-js gets it as `token`', () => {
    const room = parseConversationUrl('https://tavus.daily.co/c123?t=SECRET-TOKEN&lang=de');
    expect(room).to.deep.equal({
      url: 'https://tavus.daily.co/c123?lang=de',
      id: 'c123',
      token: 'SECRET-TOKEN',
    });
    expect(room.url).to.not.include('SECRET');
    expect(parseConversationUrl('https://tavus.daily.co/c123?t=').token).to.equal(undefined);
  });

  it('accepts http only for the local machine', () => {
    expect(parseConversationUrl('http://localhost:8000/c1').id).to.equal('c1');
    expect(parseConversationUrl('http://127.0.0.1/c2').id).to.equal('c2');
    expect(refusal('http://tavus.daily.co/c3').code).to.equal('invalid-url');
  });

  it('refuses what is not an https URL, without quoting it (it may carry a token)', () => {
    for (const value of [
      'tavus.daily.co/c1?t=SECRET-TOKEN',
      'javascript:alert(1)',
      'ftp://tavus.daily.co/c1?t=SECRET-TOKEN',
      '',
    ]) {
      const error = refusal(value);
      expect(error.code, value).to.equal('invalid-url');
      expect(error.message, value).to.not.include('SECRET');
    }
  });
});
