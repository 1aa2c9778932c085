import { expect } from '@open-wc/testing';

import type { TavusEvent } from '../../src/protocol/types.js';
import { followSpeaking } from '../../src/session/speaking-tracker.js';
import { NOBODY_SPEAKING, type Speaking } from '../../src/state/speaking.js';
import { tavusEvent } from '../support/fake-call.js';

const event = (type: string, role?: string): TavusEvent =>
  tavusEvent(type, role ? { properties: { role } } : {}) as TavusEvent;

/** Who speaks after each event in turn, starting from nobody. */
function follow(...events: TavusEvent[]): Speaking[] {
  const states: Speaking[] = [];
  let current = NOBODY_SPEAKING;
  for (const each of events) {
    current = followSpeaking(current, each);
    states.push(current);
  }
  return states;
}

describe('followSpeaking', () => {
  it('follows the replica and the user through their own speaking events', () => {
    expect(
      follow(
        event('conversation.replica.started_speaking'),
        event('conversation.user.started_speaking'),
        event('conversation.replica.stopped_speaking'),
        event('conversation.user.stopped_speaking'),
      ),
    ).to.deep.equal([
      { replica: true, user: false },
      { replica: true, user: true },
      { replica: false, user: true },
      { replica: false, user: false },
    ]);
  });

  it('reads the role of the role-agnostic events; the PAL speaks for the replica', () => {
    expect(
      follow(
        event('conversation.started_speaking', 'pal'),
        event('conversation.started_speaking', 'user'),
        event('conversation.stopped_speaking', 'replica'),
        event('conversation.stopped_speaking', 'user'),
      ),
    ).to.deep.equal([
      { replica: true, user: false },
      { replica: true, user: true },
      { replica: false, user: true },
      { replica: false, user: false },
    ]);
  });

  it('returns the same object when nothing changed, so a render can be skipped', () => {
    const speaking = followSpeaking(
      NOBODY_SPEAKING,
      event('conversation.replica.started_speaking'),
    );
    expect(speaking).to.not.equal(NOBODY_SPEAKING);
    for (const unchanged of [
      event('conversation.replica.started_speaking'),
      event('conversation.utterance', 'replica'),
      event('conversation.started_speaking'),
      event('conversation.started_speaking', 'stranger'),
      event('conversation.user.stopped_speaking'),
    ]) {
      expect(followSpeaking(speaking, unchanged), unchanged.event_type).to.equal(speaking);
    }
  });
});
