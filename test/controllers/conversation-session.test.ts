/**
 * The session, the one owner of the conversation's state, on its own: a minimal reactive
 * controller host (no Lit, no view) and fake calls. Time that matters (the reorder window) runs
 * on a ManualClock; everything else is waited for as a condition.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import { ConversationSession } from '../../src/controllers/conversation-session.js';
import { ManualClock } from '../../src/protocol/manual-clock.js';
import { DEFAULT_REORDER_WINDOW_MS } from '../../src/protocol/sequencer.js';
import type { SessionConfig } from '../../src/session/session-config.js';
import type { TavusErrorInfo } from '../../src/state/conversation-state.js';
import {
  REPLICA_SESSION,
  createFakeFactory,
  tavusEvent,
  type JoinBehaviour,
} from '../support/fake-call.js';
import { settled, waitFor } from '../support/wait.js';

/** The least a reactive controller needs: it is told when the host connects and disconnects. */
class SessionHost extends HTMLElement implements ReactiveControllerHost {
  private readonly controllers = new Set<ReactiveController>();
  /** How often the session asked for a render. */
  updates = 0;

  addController(controller: ReactiveController): void {
    this.controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.controllers.delete(controller);
  }

  requestUpdate(): void {
    this.updates++;
  }

  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }

  connectedCallback(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}
customElements.define('test-session-host', SessionHost);

interface StateChange {
  state: string;
  previousState: string;
  reason?: string;
  error?: TavusErrorInfo;
}

/** A session in a connected host, on fake calls scripted by `behaviours`. */
function setup(behaviours: JoinBehaviour[] = [], overrides: Partial<SessionConfig> = {}) {
  const host = document.createElement('test-session-host') as SessionHost;
  document.body.append(host);
  const { factory, calls } = createFakeFactory(behaviours);
  const clock = new ManualClock();
  const config: SessionConfig = {
    conversationUrl: 'https://tavus.daily.co/c123',
    conversationId: '',
    conversationEndpoint: '',
    cameraOff: false,
    microphoneOff: false,
    callFactory: factory,
    tools: {},
    userName: '',
    maxDuration: 0,
    deviceCheck: false,
    ...overrides,
  };
  const session = new ConversationSession(
    host,
    () => config,
    () => ({ clock }),
  );
  const changes: StateChange[] = [];
  const errors: TavusErrorInfo[] = [];
  host.addEventListener('tavus-state-change', (event) => changes.push(event.detail));
  host.addEventListener('tavus-error', (event) => errors.push(event.detail));
  const states = () => changes.map((change) => change.state);
  return { host, session, calls, clock, changes, errors, states };
}

/** A session started, joined, and with the replica in the room. */
async function connected() {
  const context = setup();
  await context.session.start();
  const call = context.calls[0]!;
  call.addReplica();
  expect(context.session.state).to.equal('connected');
  return { ...context, call };
}

/** How a promise settled. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('ConversationSession', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('test-session-host')) host.remove();
  });

  it('goes idle → connecting → waiting → connected → ended, announcing each change once', async () => {
    const { host, session, calls, changes } = setup();
    expect(session.state).to.equal('idle');
    const starting = session.start();
    expect(session.state, 'at once').to.equal('connecting');
    await starting;
    expect(session.state, 'in the room, before the replica').to.equal('waiting');
    const call = calls[0]!;
    call.addReplica();
    expect(session.state).to.equal('connected');
    expect(session.replicaName).to.equal('Anna');
    const updates = host.updates;
    await session.end();
    expect(changes).to.deep.equal([
      { state: 'connecting', previousState: 'idle' },
      { state: 'waiting', previousState: 'connecting' },
      { state: 'connected', previousState: 'waiting' },
      { state: 'ended', previousState: 'connected', reason: 'user-ended' },
    ]);
    expect(session.endedReason).to.equal('user-ended');
    expect(host.updates, 'the end asked for a render').to.be.greaterThan(updates);
    expect([call.left, call.destroyed]).to.deep.equal([1, 1]);
  });

  it('start() while starting or connected is the same start, with one call', async () => {
    const { session, calls } = setup();
    const first = session.start();
    expect(session.start()).to.equal(first);
    await first;
    calls[0]!.addReplica();
    await session.start();
    expect(calls).to.have.length(1);
    expect(session.state).to.equal('connected');
  });

  it('fails with the code and message of a refused join, announces it, and a new start connects', async () => {
    const { session, calls, changes, errors, states } = setup([
      { kind: 'reject', reason: 'Room not found' },
    ]);
    const rejection = await outcome(session.start());
    const expected = {
      code: 'join-failed',
      message: 'Could not join the conversation: Room not found.',
    };
    expect(session.state).to.equal('error');
    expect(session.error).to.deep.equal(expected);
    expect(errors).to.deep.equal([expected]);
    expect(changes.at(-1)).to.deep.equal({
      state: 'error',
      previousState: 'connecting',
      error: expected,
    });
    expect((rejection as Error).message).to.include(expected.message);
    await waitFor(() => calls[0]!.destroyed === 1, 'the failed call was not destroyed');

    await session.start();
    calls[1]!.addReplica();
    expect(session.state).to.equal('connected');
    expect(session.error).to.equal(null);
    expect(states()).to.deep.equal(['connecting', 'error', 'connecting', 'waiting', 'connected']);
  });

  it("fails with call-failed on Daily's fatal error during the call, and leaves it", async () => {
    const { session, call, errors } = await connected();
    call.emit('error', { errorMsg: 'The connection to the meeting was lost.' });
    expect(session.state).to.equal('error');
    expect(errors).to.deep.equal([
      { code: 'call-failed', message: 'The connection to the meeting was lost.' },
    ]);
    await waitFor(() => call.destroyed === 1, 'the call was not destroyed');
  });

  it('ends with replica-left when the replica leaves', async () => {
    const { session, call, changes } = await connected();
    call.removeParticipant(REPLICA_SESSION);
    expect(session.state).to.equal('ended');
    expect(changes.at(-1)).to.include({ state: 'ended', reason: 'replica-left' });
    await waitFor(() => call.destroyed === 1, 'the call was not destroyed');
  });

  it('reconnects: reconnecting while the network is down, connected when it is back', async () => {
    const { session, call, states } = await connected();
    call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
    expect(session.state).to.equal('reconnecting');
    call.emit('network-connection', { type: 'signaling', event: 'connected' });
    expect(session.state).to.equal('connected');
    expect(states().slice(-2)).to.deep.equal(['reconnecting', 'connected']);
  });

  it('ends a start that is still loading the call machinery, and makes no call', async () => {
    const { session, calls, states } = setup();
    const starting = outcome(session.start());
    expect(session.state).to.equal('connecting');
    await session.end();
    const rejection = await starting;
    expect((rejection as Error).message).to.match(/cancelled/);
    expect(session.state).to.equal('ended');
    expect(states()).to.deep.equal(['connecting', 'ended']);
    expect(calls).to.have.length(0);
  });

  it('ends the call when the page is hidden for good (pagehide), with reason left', async () => {
    const { session, call, changes } = await connected();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(session.state).to.equal('ended');
    expect(changes.at(-1)).to.include({ state: 'ended', reason: 'left' });
    await waitFor(() => call.destroyed === 1, 'the call was not destroyed');
    // The listener went with the call: a later pagehide changes nothing.
    const count = changes.length;
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(changes).to.have.length(count);
  });

  it('ends the call when its element is removed, but not when it is moved', async () => {
    const { host, session, call, changes } = await connected();
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(host); // a move: disconnected and connected in one task
    await settled(); // the removal's grace period (a zero-delay timer) is over
    expect(session.state).to.equal('connected');
    expect(call.destroyed).to.equal(0);

    elsewhere.remove();
    await settled();
    expect(session.state).to.equal('ended');
    expect(changes.at(-1)).to.include({ state: 'ended', reason: 'left' });
    await waitFor(() => call.destroyed === 1, 'the call was not destroyed');
  });

  it('takes nothing from an attempt that is over: its late reports change no state', async () => {
    const { host, session, call, states, clock } = await connected();
    const heard: (number | undefined)[] = [];
    host.addEventListener('tavus-event', (event) => heard.push(event.detail.seq));
    call.message(tavusEvent('conversation.utterance', { seq: 1, properties: { role: 'user' } }));
    clock.advance(DEFAULT_REORDER_WINDOW_MS);
    expect(heard, 'the live attempt is heard').to.deep.equal([1]);
    await session.end();
    const after = states();
    call.emit('network-connection', { type: 'signaling', event: 'interrupted' });
    call.emit('error', { errorMsg: 'late' });
    call.removeParticipant(REPLICA_SESSION);
    call.message(tavusEvent('conversation.utterance', { seq: 2, properties: { role: 'user' } }));
    clock.advance(DEFAULT_REORDER_WINDOW_MS);
    expect(states()).to.deep.equal(after);
    expect(session.state).to.equal('ended');
    expect(session.error).to.equal(null);
    expect(heard).to.deep.equal([1]);
  });

  it('hands out the interaction methods only while connected', async () => {
    const { session, calls } = setup();
    expect(() => session.connected()).to.throw(/not connected \(state is "idle"\)/);
    await session.start();
    expect(() => session.connected()).to.throw(/state is "waiting"/);
    const call = calls[0]!;
    call.addReplica();
    await session.connected().respond('Hello');
    expect(call.sent.map((sent) => [sent.data.event_type, sent.to])).to.deep.equal([
      ['conversation.respond', REPLICA_SESSION],
    ]);
    expect(session.transcript.map((message) => message.text)).to.deep.equal(['Hello']);
  });
});
