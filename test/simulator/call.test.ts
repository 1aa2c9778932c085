import { expect } from '@open-wc/testing';
import {
  NO_ROOM_MESSAGE,
  SimulatedCall,
  conversationIdFromUrl,
  createSimulatedCallFactory,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import {
  CONVERSATION_ID,
  ROOM_URL,
  VirtualTime,
  idleCall,
  interaction,
  joinedCall,
  newCall as newTestCall,
  type TestCall,
} from '../support/simulated-call.js';

function failingGetUserMedia(
  fails: (constraints: MediaStreamConstraints) => string | null,
): (constraints: MediaStreamConstraints) => Promise<MediaStream> {
  return (constraints) => {
    const name = fails(constraints);
    if (name) return Promise.reject(new DOMException(`${name} (simulated)`, name));
    return navigator.mediaDevices.getUserMedia(constraints);
  };
}

function newCall(options: SimulatorOptions = {}): TestCall {
  return newTestCall({ seed: 3, ...options });
}

describe('SimulatedCall: daily-js behaviour', () => {
  const calls: SimulatedCall[] = [];
  const track = <T extends { call: SimulatedCall }>(result: T): T => {
    calls.push(result.call);
    return result;
  };
  afterEach(async () => {
    await Promise.all(calls.splice(0).map((call) => call.destroy()));
  });

  describe('join', () => {
    it('starts new, joins through joining-meeting and resolves with the local participant', async () => {
      const { call, recorder, time } = track(newCall());
      expect(call.meetingState()).to.equal('new');
      expect(call.participants()).to.deep.equal({});
      const joining = call.join({ url: ROOM_URL, userName: 'Ada' });
      expect(call.meetingState()).to.equal('joining-meeting');
      const participants = await time.settle(joining);
      expect(call.meetingState()).to.equal('joined-meeting');
      expect(recorder.names().slice(0, 2)).to.deep.equal(['joining-meeting', 'joined-meeting']);

      const joined = recorder.events[1]?.payload;
      expect(joined.action).to.equal('joined-meeting');
      expect(joined.callClientId).to.equal(call.callClientId);
      expect(joined.participants.local.session_id).to.equal(participants['local']?.session_id);

      const local = call.participants()['local'];
      expect(local).to.include({ local: true, user_name: 'Ada' });
      expect(local?.session_id).to.match(/^[0-9a-f-]{36}$/);
      expect(call.conversationId).to.equal(CONVERSATION_ID);
    });

    it('opens the camera and microphone through getUserMedia and reports them playable', async () => {
      const { call, recorder, time } = track(newCall());
      await time.settle(call.join({ url: ROOM_URL }));
      const local = call.participants()['local'];
      for (const kind of ['audio', 'video'] as const) {
        const state = local?.tracks[kind];
        expect(state?.state).to.equal('playable');
        expect(state?.track).to.be.instanceOf(MediaStreamTrack);
        expect(state?.track?.kind).to.equal(kind);
        expect(state?.track?.readyState).to.equal('live');
        expect(state?.persistentTrack).to.equal(state?.track);
      }
      const started = recorder.events.filter((e) => e.name === 'track-started');
      expect(started.map((e) => e.payload.type).sort()).to.deep.equal(['audio', 'video']);
      expect(started.every((e) => e.payload.participant.local)).to.equal(true);
      expect(call.localAudio()).to.equal(true);
      expect(call.localVideo()).to.equal(true);
    });

    it('does not ask for devices that start off', async () => {
      const asked: MediaStreamConstraints[] = [];
      const { call, time } = track(
        newCall({
          getUserMedia: (constraints) => {
            asked.push(constraints);
            return navigator.mediaDevices.getUserMedia(constraints);
          },
        }),
      );
      await time.settle(call.join({ url: ROOM_URL, startVideoOff: true }));
      expect(asked).to.deep.equal([{ audio: true, video: false }]);
      const local = call.participants()['local'];
      expect(local?.tracks.video).to.deep.equal({ state: 'off', off: { byUser: true } });
      expect(call.localVideo()).to.equal(false);
      expect(call.localAudio()).to.equal(true);
    });

    it('emits a daily-shaped camera-error when permission is denied, and joins anyway', async () => {
      const { call, recorder, time } = track(
        newCall({ getUserMedia: failingGetUserMedia(() => 'NotAllowedError') }),
      );
      await time.settle(call.join({ url: ROOM_URL }));
      expect(call.meetingState()).to.equal('joined-meeting');
      const error = recorder.events.find((e) => e.name === 'camera-error')?.payload;
      expect(error.action).to.equal('camera-error');
      expect(error.errorMsg).to.deep.equal({
        errorMsg: 'NotAllowedError: NotAllowedError (simulated)',
        audioOk: false,
        videoOk: false,
      });
      expect(error.error).to.deep.include({ type: 'permissions', blockedBy: 'user' });
      expect(error.error.blockedMedia).to.have.members(['audio', 'video']);
      const local = call.participants()['local'];
      expect(local?.tracks.video).to.deep.equal({
        state: 'blocked',
        blocked: { byPermissions: true },
      });
      expect(call.localAudio()).to.equal(false);
      // Text chat still works.
      expect(() =>
        call.sendAppMessage(interaction('conversation.respond', { text: 'hi' }), '*'),
      ).to.not.throw();
    });

    it('reports cam-in-use and keeps the microphone when only the camera is busy', async () => {
      const { call, recorder, time } = track(
        newCall({
          getUserMedia: failingGetUserMedia((c) => (c.video ? 'NotReadableError' : null)),
        }),
      );
      await time.settle(call.join({ url: ROOM_URL }));
      const error = recorder.events.find((e) => e.name === 'camera-error')?.payload;
      expect(error.error.type).to.equal('cam-in-use');
      expect(error.errorMsg).to.include({ audioOk: true, videoOk: false });
      const local = call.participants()['local'];
      expect(local?.tracks.audio.state).to.equal('playable');
      expect(local?.tracks.video.blocked).to.deep.equal({ byDeviceInUse: true });
    });

    it('reports not-found when there is no device', async () => {
      const { call, recorder, time } = track(
        newCall({ getUserMedia: failingGetUserMedia(() => 'NotFoundError') }),
      );
      await time.settle(call.join({ url: ROOM_URL }));
      const error = recorder.events.find((e) => e.name === 'camera-error')?.payload;
      expect(error.error.type).to.equal('not-found');
      expect(error.error.missingMedia).to.have.members(['audio', 'video']);
    });

    it('rejects a second join while joined', async () => {
      const { call, time } = track(newCall());
      await time.settle(call.join({ url: ROOM_URL }));
      const second = await time.settle(call.join({ url: ROOM_URL })).then(
        () => 'resolved',
        (reason: unknown) => reason,
      );
      expect(second).to.be.a('string').and.contain('Already joined');
    });

    it('rejects with a string and emits error when the URL is marked failing, and can join again', async () => {
      const { call, recorder, time } = track(newCall({ failJoin: 'no-such-room' }));
      const joining = call.join({ url: 'https://tavus.daily.co/no-such-room' });
      const reason = await time.settle(joining).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      expect(reason).to.equal(NO_ROOM_MESSAGE);
      expect(call.meetingState()).to.equal('error');
      const error = recorder.events.find((e) => e.name === 'error')?.payload;
      expect(error).to.deep.equal({
        action: 'error',
        callClientId: call.callClientId,
        errorMsg: NO_ROOM_MESSAGE,
        error: { type: 'no-room', msg: NO_ROOM_MESSAGE },
      });
      expect(recorder.names()).to.not.include('joined-meeting');
      await time.settle(call.join({ url: ROOM_URL }));
      expect(call.meetingState()).to.equal('joined-meeting');
    });

    it('fails every join with failJoin "*"', async () => {
      const { call, time } = track(newCall({ failJoin: '*' }));
      const reason = await time
        .settle(call.join({ url: ROOM_URL }))
        .catch((error: unknown) => error);
      expect(typeof reason).to.equal('string');
    });

    it('takes the conversation id from the last path segment of the URL', () => {
      expect(conversationIdFromUrl('https://tavus.daily.co/c123456?t=token')).to.equal('c123456');
      expect(conversationIdFromUrl('https://tavus.daily.co/c123456/')).to.equal('c123456');
    });

    it('rejects the join when the call is left during joining', async () => {
      const { call } = track(newCall());
      const joining = call.join({ url: ROOM_URL });
      await call.leave();
      const reason = await joining.catch((error: unknown) => error);
      expect(reason).to.be.a('string');
      expect(call.meetingState()).to.equal('left-meeting');
    });
  });

  describe('replica participant', () => {
    it('joins after the local user, with a tavus-replica user_id and the replica name', async () => {
      const { call, recorder, time } = track(await joinedCall({ replicaName: 'Mia' }));
      await time.until(() => recorder.names().includes('participant-joined'));
      const participant = recorder.events.find((e) => e.name === 'participant-joined')?.payload
        .participant;
      expect(participant).to.include({ local: false, user_name: 'Mia' });
      expect(participant.user_id).to.contain('tavus-replica');
      expect(participant.session_id).to.equal(call.replicaSessionId);
      expect(call.participants()[participant.session_id]?.user_name).to.equal('Mia');
    });

    it('sends its app-messages from its session_id', async () => {
      const { call, recorder } = track(await idleCall());
      const fromIds = new Set(
        recorder.events.filter((e) => e.name === 'app-message').map((e) => e.payload.fromId),
      );
      expect([...fromIds]).to.deep.equal([call.replicaSessionId]);
    });

    it('leaves with participant-left on simulateReplicaLeave and goes quiet', async () => {
      const { call, recorder, time } = track(await idleCall());
      call.sendAppMessage(interaction('conversation.respond', { text: 'Tell me more' }), '*');
      const id = call.replicaSessionId;
      expect(call.simulateReplicaLeave()).to.equal(true);
      const left = recorder.events.find((e) => e.name === 'participant-left')?.payload;
      expect(left.participant.session_id).to.equal(id);
      expect(call.participants()[id as string]).to.equal(undefined);
      // The question sent before it left is never answered, however long the call goes on.
      const count = recorder.messages().length;
      await time.advance(60_000);
      expect(recorder.messages().length).to.equal(count);
      expect(call.simulateReplicaLeave()).to.equal(false);
    });
  });

  describe('local devices', () => {
    it('mutes and unmutes the microphone with participant-updated', async () => {
      const { call, recorder, time } = track(await joinedCall());
      const mic = call.participants()['local']?.tracks.audio.track as MediaStreamTrack;
      call.setLocalAudio(false);
      expect(call.localAudio()).to.equal(false);
      expect(mic.enabled).to.equal(false);
      await time.until(() => recorder.names().includes('participant-updated'));
      const updated = recorder.events.find((e) => e.name === 'participant-updated')?.payload;
      expect(updated.participant.local).to.equal(true);
      expect(updated.participant.tracks.audio.state).to.equal('off');
      call.setLocalAudio(true);
      expect(call.localAudio()).to.equal(true);
      expect(mic.enabled).to.equal(true);
    });

    it('releases the camera when turned off and opens it again when turned on', async () => {
      const { call, recorder, time } = track(await joinedCall());
      const camera = call.participants()['local']?.tracks.video.track as MediaStreamTrack;
      call.setLocalVideo(false);
      expect(camera.readyState).to.equal('ended');
      expect(call.localVideo()).to.equal(false);
      const stopped = recorder.events.find((e) => e.name === 'track-stopped')?.payload;
      expect(stopped).to.include({ type: 'video', track: camera });
      call.setLocalVideo(true);
      await time.until(() => call.localVideo(), 'camera did not come back');
      const again = call.participants()['local']?.tracks.video.track;
      expect(again).to.not.equal(camera);
      expect(again?.readyState).to.equal('live');
      const started = recorder.events.filter((e) => e.name === 'track-started').at(-1)?.payload;
      expect(started).to.include({ type: 'video', track: again });
    });

    it('honours a toggle made while joining, before the devices are known', async () => {
      const { call, time } = track(newCall());
      const joining = call.join({ url: ROOM_URL });
      call.setLocalVideo(false);
      call.setLocalAudio(false);
      await time.settle(joining);
      const local = call.participants()['local'];
      expect(local?.tracks.video).to.deep.equal({ state: 'off', off: { byUser: true } });
      expect(local?.tracks.audio.state).to.equal('off');
      expect(local?.tracks.audio.persistentTrack?.enabled).to.equal(false);
      expect(call.localVideo()).to.equal(false);
      expect(call.localAudio()).to.equal(false);
      // The preference was used up: the next join follows its own options.
      await call.leave();
      await time.settle(call.join({ url: ROOM_URL }));
      expect(call.localVideo()).to.equal(true);
    });

    it('emits camera-error when the camera cannot be turned back on', async () => {
      let deny = false;
      const { call, recorder, time } = track(
        await joinedCall({
          getUserMedia: failingGetUserMedia(() => (deny ? 'NotAllowedError' : null)),
        }),
      );
      call.setLocalVideo(false);
      deny = true;
      call.setLocalVideo(true);
      await time.until(() => recorder.names().includes('camera-error'));
      expect(call.participants()['local']?.tracks.video.state).to.equal('blocked');
    });
  });

  describe('app messages', () => {
    it('throws like daily-js before join and over 4096 characters', async () => {
      const { call, time } = track(newCall());
      expect(() => call.sendAppMessage({ a: 1 }, '*')).to.throw(
        'sendAppMessage() only supported after join.',
      );
      await time.settle(call.join({ url: ROOM_URL }));
      expect(() => call.sendAppMessage({ text: 'x'.repeat(4100) }, '*')).to.throw(
        'Message data too large. Max size is 4096',
      );
      expect(call.sent).to.have.length(0);
    });

    it('records what the client sent, JSON strings parsed', async () => {
      const { call } = track(await joinedCall());
      call.sendAppMessage(JSON.stringify(interaction('conversation.interrupt')), '*');
      call.sendAppMessage(interaction('conversation.respond', { text: 'hi' }));
      expect(call.sent.map((m) => m.event_type)).to.deep.equal([
        'conversation.interrupt',
        'conversation.respond',
      ]);
    });

    it('does not hand messages addressed to someone else to the replica', async () => {
      const { call, recorder, time } = track(await idleCall());
      const guest = call.addParticipant({ userName: 'Guest' });
      const count = recorder.messages().length;
      call.sendAppMessage(interaction('conversation.respond', { text: 'hello' }), guest.session_id);
      await time.advance(60_000);
      expect(recorder.messages().length).to.equal(count);
      call.sendAppMessage(interaction('conversation.respond', { text: 'hello' }), [
        call.replicaSessionId as string,
      ]);
      await recorder.until((m) => m.length > count);
    });

    it('injects app-messages synchronously, from the replica or from someone else', async () => {
      const { call, recorder, time } = track(await joinedCall());
      await time.until(() => call.replicaSessionId !== null);
      call.injectAppMessage('not json');
      const last = recorder.events.at(-1)?.payload;
      expect(last).to.include({
        action: 'app-message',
        data: 'not json',
        fromId: call.replicaSessionId,
      });
      call.injectAppMessage({ event_type: 'conversation.utterance' }, 'someone-else');
      expect(recorder.events.at(-1)?.payload.fromId).to.equal('someone-else');
    });

    it('adds and removes a participant that is not the replica', async () => {
      const { call, recorder } = track(await joinedCall());
      const guest = call.addParticipant({ userName: 'Bob' });
      expect(guest).to.include({ local: false, user_name: 'Bob' });
      expect(guest.user_id).to.not.contain('tavus-replica');
      expect(recorder.events.at(-1)).to.deep.include({ name: 'participant-joined' });
      expect(call.removeParticipant(guest.session_id)).to.equal(true);
      expect(recorder.events.at(-1)?.name).to.equal('participant-left');
    });
  });

  describe('network and errors', () => {
    it('holds messages during a network interruption and delivers them after reconnection', async () => {
      const { call, recorder, time } = track(await idleCall());
      const interruption = call.simulateNetworkInterruption(200);
      const network = recorder.events.filter((e) => e.name === 'network-connection');
      expect(network.map((e) => e.payload)).to.deep.equal([
        {
          action: 'network-connection',
          callClientId: call.callClientId,
          type: 'signaling',
          event: 'interrupted',
        },
      ]);
      const count = recorder.messages().length;
      call.sendAppMessage(interaction('conversation.respond', { text: 'hello' }), '*');
      // Held for the whole outage: not even the user's utterance comes back before it ends.
      await time.advance(199);
      expect(recorder.messages().length).to.equal(count);
      await time.settle(interruption);
      const names = recorder.names();
      expect(
        recorder.events.filter((e) => e.name === 'network-connection').at(-1)?.payload.event,
      ).to.equal('connected');
      await recorder.stoppedSpeaking(2);
      expect(names.lastIndexOf('network-connection')).to.be.lessThan(recorder.names().length - 1);
    });

    it('emits error and enters state error on a fatal error', async () => {
      const { call, recorder } = track(await idleCall());
      let stateDuringEvent = '';
      call.on('error', () => {
        stateDuringEvent = call.meetingState();
      });
      call.simulateFatalError('Connection lost');
      expect(stateDuringEvent).to.equal('error');
      const error = recorder.events.find((e) => e.name === 'error')?.payload;
      expect(error).to.deep.include({ action: 'error', errorMsg: 'Connection lost' });
      expect(error.error).to.include({ type: 'connection-error', msg: 'Connection lost' });
      expect(call.participants()).to.deep.equal({});
    });

    it('emits nonfatal-error and carries on', async () => {
      const { call, recorder } = track(await joinedCall());
      call.simulateNonFatalError('input-settings-error', 'Noise cancellation failed');
      expect(recorder.events.at(-1)?.payload).to.deep.equal({
        action: 'nonfatal-error',
        callClientId: call.callClientId,
        type: 'input-settings-error',
        errorMsg: 'Noise cancellation failed',
      });
      expect(call.meetingState()).to.equal('joined-meeting');
    });
  });

  describe('leave and destroy', () => {
    it('leaves with left-meeting, stops local tracks, and can join again', async () => {
      const { call, recorder, time } = track(await idleCall());
      const tracks = Object.values(call.participants()['local']?.tracks ?? {}).map((t) => t.track);
      await call.leave();
      expect(recorder.names().at(-1)).to.equal('left-meeting');
      expect(call.meetingState()).to.equal('left-meeting');
      expect(tracks.every((t) => t?.readyState === 'ended')).to.equal(true);
      expect(call.participants()).to.deep.equal({});
      await time.settle(call.join({ url: ROOM_URL }));
      await recorder.stoppedSpeaking(2);
    });

    it('makes later calls inert after destroy', async () => {
      const { call } = track(await joinedCall());
      let events = 0;
      await call.destroy();
      expect(call.isDestroyed()).to.equal(true);
      call.on('joined-meeting', () => events++);
      expect(await call.join({ url: ROOM_URL }).catch((e: unknown) => e)).to.equal(
        'Use after destroy',
      );
      expect(() => call.sendAppMessage({}, '*')).to.not.throw();
      call.setLocalAudio(true);
      expect(call.participants()).to.deep.equal({});
      expect(events).to.equal(0);
      await call.destroy();
    });
  });

  describe('createSimulatedCallFactory', () => {
    it('makes SimulatedCalls from the factory options and remembers them', async () => {
      const seen: SimulatedCall[] = [];
      const time = new VirtualTime();
      const factory = createSimulatedCallFactory({
        fast: true,
        seed: 10,
        syntheticMedia: false,
        clock: time,
        onCall: (call) => seen.push(call),
      });
      const first = await factory({ url: ROOM_URL });
      calls.push(first);
      expect(first).to.be.instanceOf(SimulatedCall);
      expect(factory.lastCall).to.equal(first);
      expect(seen).to.deep.equal([first]);
      // The url given to the factory is used by join().
      await time.settle(first.join());
      expect(first.conversationId).to.equal(CONVERSATION_ID);
      const second = factory({});
      calls.push(second);
      expect(factory.calls).to.deep.equal([first, second]);
      expect(second.callClientId).to.not.equal(first.callClientId);
    });

    it('refuses a second live instance like daily-js when asked to', async () => {
      const factory = createSimulatedCallFactory({ fast: true, enforceSingleInstance: true });
      const first = factory({});
      calls.push(first);
      expect(() => factory({})).to.throw('Duplicate DailyIframe instances are not allowed');
      const parallel = factory({ allowMultipleCallInstances: true });
      calls.push(parallel);
      await first.destroy();
      calls.push(factory({}));
    });
  });
});
