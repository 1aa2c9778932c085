import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import type { TavusMetricsDetail } from '../../src/events/metrics-event.js';
import { afterReorderWindow } from '../support/element.js';
import { REPLICA_SESSION, tavusEvent } from '../support/fake-call.js';
import { sessionHost, type SessionHost } from '../support/session-host.js';

const speaking = (
  seq: number,
  role: 'user' | 'replica',
  edge: 'started' | 'stopped',
  at?: number,
) =>
  tavusEvent(`conversation.${role}.${edge}_speaking`, {
    seq,
    ...(at === undefined ? {} : { timestamp: at }),
  });
const streaming = (seq: number, speech: string, at?: number) =>
  tavusEvent('conversation.utterance.streaming', {
    seq,
    inference_id: `r${seq}`,
    ...(at === undefined ? {} : { timestamp: at }),
    properties: { role: 'replica', speech, content_index: 0 },
  });

function metricsOf(host: HTMLElement): TavusMetricsDetail[] {
  const seen: TavusMetricsDetail[] = [];
  host.addEventListener('tavus-metrics', (event) => seen.push(event.detail));
  return seen;
}

/** A session in the room with the replica. */
async function connected(config: Parameters<typeof sessionHost>[0] = {}) {
  const made = sessionHost(config);
  await made.session.start();
  const call = made.calls[0]!;
  call.addReplica();
  await waitUntil(() => made.session.state === 'connected', 'the session did not connect');
  return { ...made, call };
}

afterEach(() => {
  sinon.restore();
  for (const host of document.querySelectorAll<SessionHost>('test-session-host')) host.remove();
});

describe('ConversationSession', () => {
  describe('call experience', () => {
    it('thinks from the end of the visitor’s turn to the replica’s first word, and times it', async () => {
      const { host, session, call, clock } = await connected();
      const metrics = metricsOf(host);
      call.message(speaking(1, 'user', 'started', 100));
      call.message(speaking(2, 'user', 'stopped', 101.5));
      await afterReorderWindow(clock);
      expect(session.thinking).to.equal(true);
      call.message(streaming(3, 'Sure,', 102.25));
      expect(session.thinking).to.equal(false);
      expect(metrics.filter((m) => m.metric === 'turn')).to.deep.equal([
        { metric: 'turn', ms: 750, turnIndex: 1, trigger: 'speech' },
      ]);
    });

    it('times a typed turn on the clock when the events carry no timestamp', async () => {
      const { host, session, call, clock } = await connected();
      const metrics = metricsOf(host);
      call.message(speaking(1, 'replica', 'stopped'));
      await afterReorderWindow(clock);
      await session.connected().respond('What does the team plan include?');
      expect(session.thinking).to.equal(true);
      clock.advance(420);
      call.message(streaming(2, 'The team plan'));
      expect(session.thinking).to.equal(false);
      expect(metrics.filter((m) => m.metric === 'turn')).to.deep.equal([
        { metric: 'turn', ms: 420, turnIndex: 1, trigger: 'respond' },
      ]);
    });

    it('reports the time to join and to the replica’s first frame', async () => {
      const { host, session, calls, clock } = sessionHost();
      const metrics = metricsOf(host);
      await session.start();
      clock.advance(250);
      const call = calls[0]!;
      call.addReplica();
      call.setTracks(REPLICA_SESSION, {
        video: { state: 'playable', track: { kind: 'video', id: 'v' } as MediaStreamTrack },
      });
      await waitUntil(() => metrics.some((m) => m.metric === 'first-frame'));
      expect(metrics.map((m) => m.metric)).to.deep.equal(['joined', 'first-frame']);
      expect(metrics[0]!.ms).to.equal(0);
      expect(metrics[1]!.ms).to.equal(250);
    });

    it('follows Daily’s network quality, ignoring values it does not know', async () => {
      const { session, call } = await connected();
      expect(session.networkQuality).to.equal(null);
      call.emit('network-quality-change', { threshold: 'low', quality: 40 });
      expect(session.networkQuality).to.equal('low');
      call.emit('network-quality-change', { threshold: 'nonsense' });
      expect(session.networkQuality).to.equal('low');
    });

    it('warns in the last minute of the maximum duration, counts down, and ends with time-limit', async () => {
      const { host, session, calls, clock } = sessionHost({ maxDuration: 90 });
      const warnings: number[] = [];
      host.addEventListener('tavus-time-warning', (event) =>
        warnings.push(event.detail.remainingSeconds),
      );
      await session.start();
      calls[0]!.addReplica();
      clock.advance(29_000);
      expect(warnings).to.deep.equal([]);
      expect(session.secondsLeft).to.equal(null);
      clock.advance(1_000);
      expect(warnings).to.deep.equal([60]);
      expect(session.secondsLeft).to.equal(60);
      clock.advance(1_000);
      expect(session.secondsLeft).to.equal(59);
      const ended = oneEvent(host, 'tavus-state-change');
      clock.advance(59_000);
      expect((await ended).detail).to.include({ state: 'ended', reason: 'time-limit' });
      expect(warnings).to.deep.equal([60]);
      expect(session.secondsLeft).to.equal(null);
    });

    it('takes the maximum duration from the endpoint’s max_call_duration', async () => {
      const answer = { conversation_url: 'https://tavus.daily.co/c9', max_call_duration: 45 };
      sinon
        .stub(window, 'fetch')
        .resolves(
          new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
        );
      const { host, session, calls } = sessionHost({
        conversationUrl: '',
        conversationEndpoint: '/api/conversations',
      });
      const warning = oneEvent(host, 'tavus-time-warning');
      await session.start();
      calls[0]!.addReplica();
      expect((await warning).detail.remainingSeconds).to.equal(45);
      await session.end();
    });

    for (const [reason, expected] of [
      ['max_call_duration reached', 'time-limit'],
      ['participant_absent_timeout', 'idle'],
      ['participant_left_timeout reached', 'idle'],
      ['end_conversation_endpoint_hit', 'shutdown'],
    ] as const) {
      it(`ends with reason ${expected} when Tavus shuts down for "${reason}"`, async () => {
        const { host, call, clock } = await connected();
        const ended = oneEvent(host, 'tavus-state-change');
        call.message(
          tavusEvent('system.shutdown', { seq: 1, properties: { shutdown_reason: reason } }),
        );
        await afterReorderWindow(clock);
        expect((await ended).detail).to.include({ state: 'ended', reason: expected });
      });
    }

    describe('device check', () => {
      async function checking() {
        const made = sessionHost({ deviceCheck: true });
        const started = made.session.start();
        await waitUntil(() => made.calls[0]?.preAuths.length === 1, 'no preAuth during the check');
        return { ...made, started, call: made.calls[0]! };
      }

      it('pre-authorises while the visitor checks, and joins with the chosen devices on join()', async () => {
        const { session, call, started } = await checking();
        expect(session.state).to.equal('checking');
        expect(call.preAuths[0]).to.deep.equal({ url: 'https://tavus.daily.co/c123' });
        expect(call.joinOptions).to.equal(undefined);
        await session.setDevices({ camera: 'cam-2', microphone: 'mic-3' });
        session.join();
        await started;
        expect(call.joinOptions).to.include({ videoSource: 'cam-2', audioSource: 'mic-3' });
        expect(session.state).to.equal('waiting');
      });

      it('ends when the visitor leaves the check, without joining', async () => {
        const { host, session, call, started } = await checking();
        const ended = oneEvent(host, 'tavus-state-change');
        await session.end('user-ended');
        expect((await ended).detail).to.include({ state: 'ended', reason: 'user-ended' });
        await started.catch(() => {});
        expect(call.joinOptions).to.equal(undefined);
        expect(call.destroyed).to.equal(1);
      });
    });

    it('rejoins the same conversation when Daily gives up after a network drop', async () => {
      const { host, session, call } = await connected();
      const join = sinon.spy(call, 'join');
      const states: string[] = [];
      host.addEventListener('tavus-state-change', (event) => states.push(event.detail.state));
      call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
      call.emit('left-meeting');
      await waitUntil(() => session.state === 'connected', 'the session did not come back');
      expect(join.callCount).to.equal(1);
      expect(join.firstCall.args[0]).to.include({ url: 'https://tavus.daily.co/c123' });
      expect(states).to.deep.equal(['reconnecting', 'connected']);
    });

    it('ends when Daily leaves without a network drop, and gives up after two rejoins', async () => {
      const first = await connected();
      const ended = oneEvent(first.host, 'tavus-state-change');
      first.call.emit('left-meeting');
      expect((await ended).detail).to.include({ state: 'ended', reason: 'left' });

      const { host, session, call } = await connected();
      const join = sinon.spy(call, 'join');
      for (let drop = 1; drop <= 3; drop++) {
        call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
        call.emit('left-meeting');
        if (drop < 3) await waitUntil(() => session.state === 'connected');
      }
      await waitUntil(() => session.state === 'ended', 'a third drop did not end the call');
      expect(join.callCount).to.equal(2);
      expect(host.isConnected).to.equal(true);
    });

    it('switches camera and microphone in a call through Daily, and keeps the speaker', async () => {
      const { session, call } = await connected();
      await session.setDevices({ camera: 'cam-9' });
      await session.setDevices({ microphone: 'mic-4', speaker: 'spk-1' });
      expect(call.inputDevices).to.deep.equal([
        { videoDeviceId: 'cam-9' },
        { audioDeviceId: 'mic-4' },
      ]);
      expect(session.devices).to.deep.equal({
        camera: 'cam-9',
        microphone: 'mic-4',
        speaker: 'spk-1',
      });
    });
  });
});
