import { expect } from '@open-wc/testing';

import {
  ConversationError,
  asSentence,
  describeFailure,
  explainFailure,
  failureCause,
  notConnectedError,
} from '../../src/state/errors.js';

describe('failure words', () => {
  it("finds the failure's own words in whatever daily-js rejects with", () => {
    const cases: [unknown, string][] = [
      ['  Room not found ', 'Room not found'],
      [new Error('Join timed out'), 'Join timed out'],
      [new DOMException('blocked', 'NotAllowedError'), 'blocked'],
      [new DOMException('', 'NotAllowedError'), 'NotAllowedError'],
      [{ errorMsg: 'Meeting has ended' }, 'Meeting has ended'],
      [{ error: { type: 'no-room', msg: 'Room not found' } }, 'Room not found'],
      [{ message: 'plain object' }, 'plain object'],
    ];
    for (const [reason, words] of cases) expect(failureCause(reason), words).to.equal(words);
  });

  it('says nothing for a failure without words, and never throws', () => {
    const throwing = Object.defineProperty({}, 'errorMsg', {
      get() {
        throw new Error('getter');
      },
    });
    const deep = { error: { error: { error: { error: { error: 'too deep' } } } } };
    for (const reason of ['', '   ', new Error(''), {}, null, undefined, 42, throwing, deep]) {
      expect(failureCause(reason)).to.equal('');
    }
    expect(describeFailure(null)).to.equal('unknown error');
    expect(describeFailure('Room not found')).to.equal('Room not found');
  });

  it('makes one sentence for a person, with or without a cause', () => {
    expect(explainFailure('Could not join', 'Room not found')).to.equal(
      'Could not join: Room not found.',
    );
    expect(explainFailure('Could not join', 'Is the room open?')).to.equal(
      'Could not join: Is the room open?',
    );
    expect(explainFailure('Could not join', {})).to.equal('Could not join.');
    expect(asSentence('Done…')).to.equal('Done…');
    expect(asSentence('Done')).to.equal('Done.');
  });

  it('carries a stable code on ConversationError', () => {
    const error = new ConversationError('join-failed', 'Could not join.');
    expect(error).to.be.instanceOf(Error);
    expect([error.name, error.code, error.message]).to.deep.equal([
      'ConversationError',
      'join-failed',
      'Could not join.',
    ]);
  });

  it('tells a developer what to do when not connected', () => {
    const error = notConnectedError('waiting');
    expect(error.message).to.include('state is "waiting"');
    expect(error.message).to.include('start()');
  });
});
