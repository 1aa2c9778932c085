/**
 * What the simulator gives a call experience to build on: media devices to pick and switch,
 * network quality as daily-js reports it, and a maximum call duration that ends the call the way
 * Tavus does (`system.shutdown`, the replica leaves, the room closes).
 */
import { expect } from '@open-wc/testing';
import {
  DEFAULT_DEVICES,
  ROOM_ENDED_MESSAGE,
  SimulatedCall,
  type SimulatedDevice,
  type SimulatorOptions,
} from '../../src/simulator/index.js';
import {
  ROOM_URL,
  idleCall,
  interaction,
  joinedCall,
  newCall,
  type TestCall,
} from '../support/simulated-call.js';

/** The browser's getUserMedia, with every request it gets written down. */
function recordingGetUserMedia(): {
  asked: MediaStreamConstraints[];
  getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
} {
  const asked: MediaStreamConstraints[] = [];
  return {
    asked,
    getUserMedia: (constraints) => {
      asked.push(constraints);
      return navigator.mediaDevices.getUserMedia(constraints);
    },
  };
}

describe('simulated call: devices, network quality and time limits', () => {
  const made: TestCall[] = [];
  const track = <T extends TestCall>(result: T): T => {
    made.push(result);
    return result;
  };
  afterEach(async () => {
    await Promise.all(made.splice(0).map(({ call }) => call.destroy()));
  });

  describe('devices', () => {
    it('lists two cameras, two microphones and two speakers, or the devices it was given', async () => {
      const { call } = track(newCall());
      const { devices } = await call.enumerateDevices();
      expect(devices.map((d) => d.kind)).to.deep.equal([
        'videoinput',
        'videoinput',
        'audioinput',
        'audioinput',
        'audiooutput',
        'audiooutput',
      ]);
      expect(devices.map((d) => d.deviceId)).to.deep.equal(DEFAULT_DEVICES.map((d) => d.deviceId));
      for (const device of devices) {
        expect(device.label).to.contain('(simulated)');
        expect(device.groupId).to.be.a('string').and.not.equal('');
        expect(device.toJSON()).to.include({ deviceId: device.deviceId, kind: device.kind });
      }
      const one: SimulatedDevice = { kind: 'videoinput', deviceId: 'only', label: 'Only camera' };
      const { call: other } = track(newCall({ devices: [one] }));
      const listed = (await other.enumerateDevices()).devices;
      expect(listed.map((d) => [d.deviceId, d.label, d.groupId])).to.deep.equal([
        ['only', 'Only camera', 'only'],
      ]);
    });

    it('reports no device before any is used, then the ones in use and the ones chosen', async () => {
      const { call, time } = track(newCall());
      expect(await call.getInputDevices()).to.deep.equal({ camera: {}, mic: {}, speaker: {} });
      await time.settle(call.join({ url: ROOM_URL }));
      const inUse = await call.getInputDevices();
      expect(inUse.camera).to.include({ deviceId: 'sim-camera-front', kind: 'videoinput' });
      expect(inUse.mic).to.include({ deviceId: 'sim-mic-built-in', kind: 'audioinput' });
      expect(inUse.speaker).to.deep.equal({});
      const chosen = await call.setOutputDeviceAsync({ outputDeviceId: 'sim-speaker-headset' });
      expect(chosen.speaker).to.include({ deviceId: 'sim-speaker-headset', kind: 'audiooutput' });
      expect((await call.getInputDevices()).speaker).to.include({
        deviceId: 'sim-speaker-headset',
      });
    });

    it('switches the camera in a call: the old track ends, the new one starts, and the selection is announced', async () => {
      const media = recordingGetUserMedia();
      const { call, recorder, time } = track(
        await joinedCall({ getUserMedia: media.getUserMedia }),
      );
      const before = call.participants()['local']?.tracks.video.track as MediaStreamTrack;
      const mark = recorder.events.length;
      const infos = await time.settle(
        call.setInputDevicesAsync({ videoDeviceId: 'sim-camera-usb' }),
      );
      expect(infos.camera).to.include({ deviceId: 'sim-camera-usb' });
      expect(media.asked.at(-1)).to.deep.equal({
        audio: false,
        video: { deviceId: 'sim-camera-usb' },
      });
      const after = call.participants()['local']?.tracks.video.track;
      expect(after).to.be.instanceOf(MediaStreamTrack);
      expect(after).to.not.equal(before);
      expect(before.readyState).to.equal('ended');
      await time.until(() => recorder.names().slice(mark).includes('participant-updated'));
      const deviceEvents = ['track-stopped', 'track-started', 'selected-devices-updated'];
      const tail = recorder.events.slice(mark).filter((e) => deviceEvents.includes(e.name));
      expect(tail.map((e) => e.name)).to.deep.equal([
        'track-stopped',
        'track-started',
        'selected-devices-updated',
      ]);
      expect(tail[0]?.payload).to.include({ type: 'video', track: before });
      expect(tail[1]?.payload).to.include({ type: 'video', track: after });
      expect(tail[2]?.payload.devices.camera.deviceId).to.equal('sim-camera-usb');
      // The microphone was not touched.
      expect(media.asked.filter((c) => c.audio)).to.have.length(1);
    });

    it('opens the chosen devices at the join, and takes device ids the browser listed', async () => {
      const media = recordingGetUserMedia();
      const { call, time } = track(newCall({ getUserMedia: media.getUserMedia }));
      await call.setInputDevicesAsync({ audioDeviceId: 'sim-mic-headset', videoDeviceId: null });
      await time.settle(call.join({ url: ROOM_URL }));
      expect(media.asked[0]).to.deep.equal({ audio: { deviceId: 'sim-mic-headset' }, video: true });
      expect(call.localAudio()).to.equal(true);
      // An id from navigator.mediaDevices.enumerateDevices() is passed on to the browser as it is.
      const browserId = 'a-browser-device-id';
      const infos = await time.settle(call.setInputDevicesAsync({ audioDeviceId: browserId }));
      expect(media.asked.at(-1)).to.deep.equal({ audio: { deviceId: browserId }, video: false });
      expect(infos.mic).to.include({ deviceId: browserId, label: '' });
      expect(call.localAudio()).to.equal(true);
    });

    it('lets a muted microphone go when switched, and opens the new one on unmute', async () => {
      const media = recordingGetUserMedia();
      const { call, time } = track(await joinedCall({ getUserMedia: media.getUserMedia }));
      call.setLocalAudio(false);
      const kept = call.participants()['local']?.tracks.audio.persistentTrack as MediaStreamTrack;
      expect(kept.readyState).to.equal('live');
      await time.settle(call.setInputDevicesAsync({ audioDeviceId: 'sim-mic-headset' }));
      expect(kept.readyState).to.equal('ended');
      expect(call.localAudio()).to.equal(false);
      call.setLocalAudio(true);
      await time.until(() => call.localAudio(), 'the microphone did not come back');
      expect(media.asked.at(-1)).to.deep.equal({
        audio: { deviceId: 'sim-mic-headset' },
        video: false,
      });
    });

    it('reports a camera that is in use elsewhere with camera-error, and marks it blocked', async () => {
      const busy: SimulatedDevice = {
        kind: 'videoinput',
        deviceId: 'busy-camera',
        label: 'Busy camera',
        fails: 'NotReadableError',
      };
      const { call, recorder, time } = track(
        await joinedCall({ devices: [...DEFAULT_DEVICES, busy] }),
      );
      await time.settle(call.setInputDevicesAsync({ videoDeviceId: 'busy-camera' }));
      const error = recorder.events.find((e) => e.name === 'camera-error')?.payload;
      expect(error?.error.type).to.equal('cam-in-use');
      expect(call.participants()['local']?.tracks.video).to.deep.include({ state: 'blocked' });
      expect(call.localVideo()).to.equal(false);
      // Back on a working camera, it plays again.
      await time.settle(call.setInputDevicesAsync({ videoDeviceId: 'sim-camera-front' }));
      call.setLocalVideo(true);
      await time.until(() => call.localVideo(), 'the camera did not come back');
    });

    it('announces plugged and unplugged devices, and moves off an unplugged camera', async () => {
      const media = recordingGetUserMedia();
      const { call, recorder, time } = track(
        await joinedCall({ getUserMedia: media.getUserMedia }),
      );
      await time.settle(call.setInputDevicesAsync({ videoDeviceId: 'sim-camera-usb' }));
      const remaining = DEFAULT_DEVICES.filter((d) => d.deviceId !== 'sim-camera-usb');
      const mark = recorder.events.length;
      await time.settle(call.simulateDeviceChange(remaining));
      const events = recorder.events.slice(mark);
      const names = events.map((e) => e.name);
      const plugged = events.find((e) => e.name === 'available-devices-updated');
      const available = plugged?.payload.availableDevices as MediaDeviceInfo[];
      expect(available.map((d) => d.deviceId)).to.include('sim-camera-front');
      expect(available.map((d) => d.deviceId)).to.not.include('sim-camera-usb');
      expect(names.indexOf('selected-devices-updated')).to.be.greaterThan(
        names.indexOf('available-devices-updated'),
      );
      expect((await call.getInputDevices()).camera).to.include({ deviceId: 'sim-camera-front' });
      expect(media.asked.at(-1)).to.deep.equal({ audio: false, video: true });
      expect(call.localVideo()).to.equal(true);
    });
  });

  describe('network quality', () => {
    it('reports unknown before the join, good in the call, and each change as daily-js does', async () => {
      const { call, recorder, time } = track(newCall());
      expect((await call.getNetworkStats()).networkState).to.equal('unknown');
      await time.settle(call.join({ url: ROOM_URL }));
      expect(await call.getNetworkStats()).to.deep.include({
        threshold: 'good',
        quality: 100,
        networkState: 'good',
      });
      call.simulateNetworkQuality('low');
      call.simulateNetworkQuality('very-low', 8);
      const changes = recorder.events.filter((e) => e.name === 'network-quality-change');
      expect(changes.map((e) => e.payload)).to.deep.equal([
        {
          action: 'network-quality-change',
          callClientId: call.callClientId,
          threshold: 'low',
          quality: 55,
          networkState: 'warning',
          networkStateReasons: ['roundTripTime'],
          stats: {},
        },
        {
          action: 'network-quality-change',
          callClientId: call.callClientId,
          threshold: 'very-low',
          quality: 8,
          networkState: 'bad',
          networkStateReasons: ['recvPacketLoss', 'roundTripTime'],
          stats: {},
        },
      ]);
      expect(await call.getNetworkStats()).to.deep.include({ threshold: 'very-low', quality: 8 });
      call.simulateNetworkQuality('good');
      expect((await call.getNetworkStats()).networkState).to.equal('good');
    });

    it('needs a joined call', () => {
      const { call } = track(newCall());
      expect(() => call.simulateNetworkQuality('low')).to.throw('needs a joined call');
    });
  });

  describe('time limits', () => {
    const shutdowns = (result: TestCall) => result.recorder.of('system.shutdown');

    it('shuts the conversation down when maxCallDuration has passed since the join, not before', async () => {
      const result = track(await joinedCall({ maxCallDuration: 60 }));
      const { call, recorder, time } = result;
      const joinedAt = time.now();
      await time.advance(60_000 - 1);
      expect(shutdowns(result)).to.have.length(0);
      await recorder.until((m) => m.some((e) => e.event_type === 'system.shutdown'));
      expect(time.now() - joinedAt).to.equal(60_000);
      const [shutdown] = shutdowns(result);
      expect(shutdown).to.include({ message_type: 'system', conversation_id: 'c7f3a91b2e' });
      expect(shutdown?.seq).to.be.a('number');
      expect(shutdown?.properties).to.deep.equal({ shutdown_reason: 'max_call_duration reached' });
      // Then the replica leaves and the room closes under a client that stayed.
      await time.until(() => call.meetingState() === 'error', 'the room did not close');
      const names = recorder.names();
      expect(names.indexOf('participant-left')).to.be.lessThan(names.indexOf('error'));
      expect(recorder.events.find((e) => e.name === 'error')?.payload).to.deep.include({
        errorMsg: ROOM_ENDED_MESSAGE,
        error: { type: 'ejected', msg: ROOM_ENDED_MESSAGE },
      });
      expect(call.participants()).to.deep.equal({});
    });

    it('leaves a client that ends the call on system.shutdown to leave by itself', async () => {
      const { call, recorder, time } = track(await idleCall({ maxCallDuration: 5 }));
      call.on('app-message', (event: { data: { event_type?: string } }) => {
        if (event.data.event_type === 'system.shutdown') void call.leave();
      });
      await time.until(() => call.meetingState() === 'left-meeting', 'the client did not leave');
      await time.advance(60_000);
      expect(recorder.names()).to.not.include('error');
      expect(recorder.of('system.shutdown')).to.have.length(1);
    });

    it('shuts down on request with the end endpoint reason, silencing a reply mid-sentence', async () => {
      const { call, recorder, time } = track(
        await idleCall({
          greeting: false,
          wordsPerSecond: 4,
          script: [
            { match: 'story', reply: 'Once upon a time there was a very long story indeed.' },
          ],
        }),
      );
      call.sendAppMessage(interaction('conversation.respond', { text: 'Tell me a story' }), '*');
      await recorder.until((m) =>
        m.some((e) => e.event_type === 'conversation.utterance.streaming'),
      );
      call.simulateShutdown();
      call.simulateShutdown('ignored: already shutting down');
      await recorder.until((m) => m.some((e) => e.event_type === 'system.shutdown'));
      const after = recorder.messages().length;
      await time.until(() => call.meetingState() === 'error', 'the room did not close');
      expect(recorder.messages().length).to.equal(after, 'nothing is said after the shutdown');
      expect(recorder.of('system.shutdown').map((e) => e.properties)).to.deep.equal([
        { shutdown_reason: 'end_conversation_endpoint_hit' },
      ]);
    });

    it('refuses a maxCallDuration that is not positive', () => {
      for (const maxCallDuration of [0, -1, Number.NaN]) {
        const options: SimulatorOptions = { maxCallDuration };
        expect(() => new SimulatedCall(options), String(maxCallDuration)).to.throw(RangeError);
      }
    });
  });
});
