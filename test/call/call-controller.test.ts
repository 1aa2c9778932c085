/**
 * The call controller on its own, with a fake Daily call object: what it asks of daily-js, and
 * what it reports back (through recorded callbacks), with no element and no session around it.
 */
import { expect } from '@open-wc/testing';

import {
  CallController,
  type CallCallbacks,
  type JoinOptions,
} from '../../src/call/call-controller.js';
import type { CallFactory, CallFactoryOptions } from '../../src/call/daily-like.js';
import { MAX_APP_MESSAGE_LENGTH } from '../../src/protocol/limits.js';
import { ConversationError } from '../../src/state/errors.js';
import { FakeCall, REPLICA_SESSION, type JoinBehaviour } from '../support/fake-call.js';
import { settled } from '../support/wait.js';

const JOIN: JoinOptions = {
  url: 'https://tavus.daily.co/c1',
  startVideoOff: false,
  startAudioOff: false,
};

type Report = [name: keyof CallCallbacks, ...args: unknown[]];

/**
 * A controller on fake calls (one per factory call, joining as `behaviour` says), with every
 * callback it makes recorded in order.
 */
function setup(behaviour: JoinBehaviour = { kind: 'resolve' }) {
  const calls: FakeCall[] = [];
  const factoryOptions: CallFactoryOptions[] = [];
  const factory: CallFactory = (options) => {
    factoryOptions.push(options);
    const call = new FakeCall(options, behaviour);
    calls.push(call);
    return call;
  };
  const reports: Report[] = [];
  // Any callback, present or added later, is recorded by name.
  const callbacks = new Proxy({} as CallCallbacks, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        reports.push([name as keyof CallCallbacks, ...args]),
  });
  const controller = new CallController(factory, callbacks);
  const named = (name: keyof CallCallbacks) => reports.filter((report) => report[0] === name);
  return { controller, calls, factoryOptions, reports, named };
}

/** A controller joined to its fake call, with the replica in the room. */
async function joinedWithReplica() {
  const context = setup();
  await context.controller.join(JOIN, new AbortController().signal);
  const call = context.calls[0]!;
  call.addReplica();
  return { ...context, call };
}

/** How a promise settled, for tests that expect a rejection. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('CallController', () => {
  describe('join', () => {
    it('makes one call object for the page, listens before joining, and reports the join', async () => {
      const { controller, calls, factoryOptions, named } = setup({
        kind: 'resolve',
        // Daily's side during join(): the listeners are already there to hear it.
        during: (call) => call.addReplica(),
      });
      await controller.join(JOIN, new AbortController().signal);
      expect(calls).to.have.length(1);
      expect(factoryOptions[0]).to.deep.include({
        allowMultipleCallInstances: true,
        startVideoOff: false,
        startAudioOff: false,
      });
      // A page with a CSP: Daily's bundle comes in a script tag, not through eval.
      expect(factoryOptions[0]!.dailyConfig).to.deep.include({ avoidEval: true });
      expect(named('replicaPresent')).to.deep.equal([['replicaPresent', 'Anna']]);
      expect(named('joined')).to.have.length(1);
      expect(calls[0]!.joinOptions).to.deep.equal({
        url: JOIN.url,
        startVideoOff: false,
        startAudioOff: false,
      });
    });

    it('passes the meeting token and the user name as their own join options', async () => {
      const { controller, calls } = setup();
      await controller.join(
        { ...JOIN, token: 'SECRET', userName: 'Sam', startVideoOff: true },
        new AbortController().signal,
      );
      expect(calls[0]!.joinOptions).to.deep.equal({
        url: JOIN.url,
        token: 'SECRET',
        userName: 'Sam',
        startVideoOff: true,
        startAudioOff: false,
      });
      expect(String(calls[0]!.joinOptions!['url'])).to.not.include('SECRET');
    });

    it('turns a refused join into a ConversationError that quotes Daily', async () => {
      const { controller, named } = setup({ kind: 'reject', reason: 'Room not found' });
      const error = await outcome(controller.join(JOIN, new AbortController().signal));
      expect(error).to.be.instanceOf(ConversationError);
      expect((error as ConversationError).code).to.equal('join-failed');
      expect((error as ConversationError).message).to.equal(
        'Could not join the conversation: Room not found.',
      );
      expect(named('joined')).to.deep.equal([]);
    });

    it('reports a call factory that throws as call-unavailable', async () => {
      const controller = new CallController(
        () => {
          throw new Error('no WebRTC here');
        },
        new Proxy({} as CallCallbacks, { get: () => () => {} }),
      );
      const error = await outcome(controller.join(JOIN, new AbortController().signal));
      expect((error as ConversationError).code).to.equal('call-unavailable');
      expect((error as ConversationError).message).to.include('no WebRTC here');
    });

    it('gives up a join that never answers when the signal aborts', async () => {
      const { controller, calls } = setup({ kind: 'hang' });
      const abort = new AbortController();
      const joining = outcome(controller.join(JOIN, abort.signal));
      await settled();
      expect(calls[0]!.joinOptions, 'join() was called').to.not.equal(undefined);
      abort.abort();
      const error = await joining;
      expect((error as ConversationError).code).to.equal('join-failed');
      expect((error as ConversationError).message).to.match(/cancelled/);
    });
  });

  describe('dispose', () => {
    it('leaves and destroys the call exactly once, however often it is asked, and stops listening', async () => {
      const { controller, call } = await joinedWithReplica();
      expect(call.listenerCount()).to.be.greaterThan(0);
      await Promise.all([controller.dispose(), controller.dispose(), controller.dispose()]);
      await controller.dispose();
      expect(call.left).to.equal(1);
      expect(call.destroyed).to.equal(1);
      expect(call.listenerCount()).to.equal(0);
    });

    it('destroys a call object that arrives after the dispose, and the join fails as cancelled', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const made: FakeCall[] = [];
      const controller = new CallController(
        async (options) => {
          await gate;
          const call = new FakeCall(options);
          made.push(call);
          return call;
        },
        new Proxy({} as CallCallbacks, { get: () => () => {} }),
      );
      const joining = outcome(controller.join(JOIN, new AbortController().signal));
      const disposed = controller.dispose();
      release();
      await disposed;
      const error = await joining;
      expect((error as ConversationError).message).to.match(/cancelled/);
      expect(made).to.have.length(1);
      expect(made[0]!.destroyed).to.equal(1);
      expect(made[0]!.joinOptions, 'a join after the dispose').to.equal(undefined);
    });

    it('reports a leave it did not ask for, and not its own', async () => {
      const first = await joinedWithReplica();
      first.call.emit('left-meeting');
      expect(first.named('leftUnexpectedly')).to.have.length(1);

      const second = await joinedWithReplica();
      await second.controller.dispose();
      expect(second.call.left, 'the dispose left the meeting').to.equal(1);
      expect(second.named('leftUnexpectedly')).to.deep.equal([]);
    });
  });

  describe('the replica', () => {
    it('is the participant Tavus marked, and no other', async () => {
      const { controller, calls, named } = setup();
      await controller.join(JOIN, new AbortController().signal);
      const call = calls[0]!;
      // Named like the replica, alone in the room, but without the marker.
      call.addReplica({ session_id: 'impostor', user_id: 'anna', user_name: 'Anna' });
      expect(named('replicaPresent')).to.deep.equal([]);
      call.addReplica({ user_name: 'Anna M.' });
      expect(named('replicaPresent')).to.deep.equal([['replicaPresent', 'Anna M.']]);
    });

    it('reports participants without the marker once per call', async () => {
      const { controller, calls, named } = setup();
      await controller.join(JOIN, new AbortController().signal);
      const call = calls[0]!;
      expect(named('unverifiedParticipant')).to.deep.equal([]);
      call.addGuest('guest-1');
      call.addGuest('guest-2');
      call.addReplica();
      call.setTracks('guest-1', {});
      expect(named('unverifiedParticipant')).to.have.length(1);
    });

    it('hears app-messages from the replica only', async () => {
      const { call, named } = await joinedWithReplica();
      call.addGuest('guest-1');
      call.message({ from: 'guest' }, 'guest-1');
      call.message({ from: 'local' }, 'local-session');
      call.message({ from: 'nobody' }, '');
      call.emit('app-message', { data: { from: 'no sender' } });
      expect(named('appMessage')).to.deep.equal([]);
      call.message({ from: 'replica' });
      expect(named('appMessage')).to.deep.equal([['appMessage', { from: 'replica' }]]);
    });

    it('hears a replica message that arrives before its participant-joined', async () => {
      const { controller, calls, named } = setup();
      await controller.join(JOIN, new AbortController().signal);
      const call = calls[0]!;
      // In the room already, but its participant-joined has not been handled yet.
      const emit = call.emit.bind(call);
      call.emit = (event, payload) => {
        if (event !== 'participant-joined') emit(event, payload);
      };
      call.addReplica();
      call.emit = emit;
      call.message({ early: true });
      expect(named('appMessage')).to.deep.equal([['appMessage', { early: true }]]);
    });

    it('reports the replica leaving, and sends nothing after', async () => {
      const { controller, call, named } = await joinedWithReplica();
      call.removeParticipant(REPLICA_SESSION);
      expect(named('replicaLeft')).to.have.length(1);
      expect(() => controller.send({ event_type: 'x' })).to.throw('not connected');
      expect(call.sent).to.deep.equal([]);
    });
  });

  describe('send', () => {
    it("sends to the replica's session id alone", async () => {
      const { controller, call } = await joinedWithReplica();
      controller.send({ event_type: 'conversation.echo' });
      expect(call.sent).to.deep.equal([
        { data: { event_type: 'conversation.echo' }, to: REPLICA_SESSION },
      ]);
    });

    it('refuses before the replica is there', async () => {
      const { controller, calls } = setup();
      await controller.join(JOIN, new AbortController().signal);
      expect(() => controller.send({ event_type: 'x' })).to.throw('not connected');
      expect(calls[0]!.sent).to.deep.equal([]);
    });

    it("refuses a message over Daily's limit with a coded error, and sends one at the limit", async () => {
      const { controller, call } = await joinedWithReplica();
      // JSON.stringify({ t: '…' }) is the text and 8 more characters.
      const atLimit = { t: 'x'.repeat(MAX_APP_MESSAGE_LENGTH - 8) };
      expect(JSON.stringify(atLimit).length).to.equal(MAX_APP_MESSAGE_LENGTH);
      let error: unknown;
      try {
        controller.send({ t: `${atLimit.t}x` });
      } catch (failure) {
        error = failure;
      }
      expect(error).to.be.instanceOf(ConversationError);
      expect((error as ConversationError).code).to.equal('message-too-large');
      expect(call.sent).to.deep.equal([]);
      controller.send(atLimit);
      expect(call.sent).to.have.length(1);
    });
  });

  describe('the connection', () => {
    it('reports the network dropping and coming back', async () => {
      const { call, named } = await joinedWithReplica();
      call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
      call.emit('network-connection', { type: 'signaling', event: 'connected' });
      call.emit('network-connection', { type: 'signaling', event: 'something-else' });
      expect(named('networkInterrupted')).to.deep.equal([
        ['networkInterrupted', true],
        ['networkInterrupted', false],
      ]);
    });

    it("reports Daily's fatal error during the call with its reason, but not one during the join", async () => {
      const during = setup({
        kind: 'resolve',
        during: (call) => call.emit('error', { errorMsg: 'during the join' }),
      });
      await during.controller.join(JOIN, new AbortController().signal);
      expect(during.named('fatalError')).to.deep.equal([]);

      const { call, named } = await joinedWithReplica();
      call.emit('error', { errorMsg: 'Meeting ended unexpectedly' });
      expect(named('fatalError')).to.deep.equal([['fatalError', 'Meeting ended unexpectedly']]);
    });

    it('turns the microphone and the camera off and on through the call', async () => {
      const { controller, call, named } = await joinedWithReplica();
      controller.setMicrophone(false);
      controller.setCamera(false);
      expect([call.audio, call.video]).to.deep.equal([false, false]);
      const last = named('mediaChanged').at(-1)![1] as { microphoneOn: boolean; cameraOn: boolean };
      expect([last.microphoneOn, last.cameraOn]).to.deep.equal([false, false]);
      controller.setMicrophone(true);
      controller.setCamera(true);
      expect([call.audio, call.video]).to.deep.equal([true, true]);
    });
  });
});
