import { expect } from '@open-wc/testing';

import type { ParticipantLike } from '../../src/call/daily-like.js';
import { findReplica, isMarkedReplica, playableTrack } from '../../src/call/replica.js';
import { canvasVideoTrack } from '../support/media-tracks.js';

const participant = (sessionId: string, userId: string, local = false): ParticipantLike => ({
  session_id: sessionId,
  user_id: userId,
  user_name: 'Anna',
  local,
  tracks: {},
});

describe('findReplica', () => {
  it('takes the participant Tavus marked, and counts everyone else who is not us', () => {
    const room = {
      local: participant('me', 'tavus-replica-looking-local', true),
      a: participant('a', 'anna'),
      r: participant('r', 'tavus-replica-r123'),
      b: participant('b', 'guest'),
    };
    const { replica, unmarked } = findReplica(room);
    expect(replica?.session_id).to.equal('r');
    expect(unmarked).to.equal(2);
  });

  it('finds no replica in a room of strangers, even alone and named like one', () => {
    expect(findReplica({ a: participant('a', 'Anna') })).to.deep.equal({
      replica: null,
      unmarked: 1,
    });
    expect(findReplica({})).to.deep.equal({ replica: null, unmarked: 0 });
  });

  it('counts a second marked participant as unmarked: there is one replica', () => {
    const { replica, unmarked } = findReplica({
      r1: participant('r1', 'tavus-replica-1'),
      r2: participant('r2', 'tavus-replica-2'),
    });
    expect(replica?.session_id).to.equal('r1');
    expect(unmarked).to.equal(1);
  });

  it('reads the marker from the user id only', () => {
    expect(isMarkedReplica(participant('x', 'tavus-replica-x'))).to.equal(true);
    expect(isMarkedReplica({ ...participant('x', 'guest'), user_name: 'tavus-replica' })).to.equal(
      false,
    );
    expect(isMarkedReplica({ ...participant('x', ''), user_id: undefined as never })).to.equal(
      false,
    );
  });
});

describe('playableTrack', () => {
  it('gives the track only while it plays, preferring the persistent one', () => {
    const track = canvasVideoTrack();
    const other = canvasVideoTrack();
    expect(playableTrack({ state: 'playable', track, persistentTrack: other })).to.equal(other);
    expect(playableTrack({ state: 'playable', track })).to.equal(track);
    expect(playableTrack({ state: 'loading', persistentTrack: other })).to.equal(null);
    expect(playableTrack(undefined)).to.equal(null);
    track.stop();
    other.stop();
  });
});
