import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import type { TavusConversation } from '../../../src/index.js';
import { createFakeFactory, tavusEvent } from '../../support/fake-call.js';
import { settled, waitFor } from '../../support/wait.js';
import {
  CONVERSATION_URL,
  afterReorderWindow,
  connectedElement,
  idleElement,
} from '../../support/element.js';

describe('<tavus-conversation>', () => {
  describe('lifecycle', () => {
    it('creates the call with multiple-instance support and avoid-eval, listening before it joins', async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url=${CONVERSATION_URL}
          camera-off
          user-name="Ada"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      const joining = el.start();
      await waitUntil(() => calls.length === 1);
      const call = calls[0]!;
      expect(call.options).to.deep.include({
        allowMultipleCallInstances: true,
        startVideoOff: true,
        startAudioOff: false,
      });
      expect(call.options.dailyConfig).to.deep.equal({ avoidEval: true });
      await joining;
      expect(call.joinOptions).to.deep.equal({
        url: CONVERSATION_URL,
        userName: 'Ada',
        startVideoOff: true,
        startAudioOff: false,
      });
      expect(call.listenerCount()).to.be.greaterThan(5);
    });

    it('hears what Daily delivers while join() is under way (no replay later)', async () => {
      const greeting = tavusEvent('conversation.utterance', {
        seq: 1,
        inference_id: 'greet',
        properties: { role: 'replica', speech: 'Hi, I am Anna.' },
      });
      const { el, clock } = await idleElement([
        {
          kind: 'resolve',
          during: (call) => {
            call.addReplica();
            call.message(greeting);
          },
        },
      ]);
      const heard: unknown[] = [];
      el.addEventListener('tavus-utterance', (event) => heard.push(event.detail));
      await el.start();
      await afterReorderWindow(clock);
      await waitUntil(() => heard.length === 1, 'the greeting sent during the join was lost');
      expect(heard[0]).to.deep.equal(greeting);
      expect(el.transcript.map((m) => m.text)).to.deep.equal(['Hi, I am Anna.']);
    });

    it('end() during a join that never answers settles start() as cancelled and destroys the call', async () => {
      const { el, calls } = await idleElement([{ kind: 'hang' }]);
      const starting = el.start().then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      await waitUntil(() => calls[0]?.joinOptions !== undefined, 'join() was not called');
      await el.end();
      expect(await starting).to.match(/cancelled/);
      expect(el.state).to.equal('ended');
      expect(calls[0]!.destroyed).to.equal(1);
    });

    it('passes the meeting token from ?t= in the URL', async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url="https://tavus.daily.co/c77?t=secret-token"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      await el.start();
      expect(calls[0]!.joinOptions).to.include({ token: 'secret-token' });
    });

    it('waits for the replica: waiting after the join, connected when it is in the room', async () => {
      const { el, calls } = await idleElement();
      await el.start();
      expect(el.state).to.equal('waiting');
      calls[0]!.addReplica();
      expect(el.state).to.equal('connected');
    });

    it('auto-start joins as soon as it is connected to the document', async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          auto-start
          conversation-url=${CONVERSATION_URL}
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      await waitUntil(() => el.state === 'waiting');
      expect(calls).to.have.length(1);
    });

    it('a failed join ends in error with the reason, and start() works again', async () => {
      const { el, calls } = await idleElement([
        { kind: 'reject', reason: 'The meeting you are trying to join does not exist.' },
      ]);
      const failed = oneEvent(el, 'tavus-error');
      let rejection: unknown;
      await el.start().catch((failure) => (rejection = failure));
      expect((rejection as Error).message).to.contain('does not exist');
      expect((await failed).detail.code).to.equal('join-failed');
      expect(el.state).to.equal('error');
      expect(el.error!.message).to.equal(
        'Could not join the conversation: The meeting you are trying to join does not exist.',
      );
      expect(calls[0]!.destroyed).to.equal(1);

      await el.start();
      calls[1]!.addReplica();
      expect(el.state).to.equal('connected');
      expect(el.error).to.equal(null);
    });

    it('reports an unreachable Daily as a connection problem, without its raw URL', async () => {
      const raw =
        'Failed to load call object bundle https://c.daily.co/call-machine/bundle.js: TypeError: Failed to fetch';
      const { el } = await idleElement([{ kind: 'reject', reason: raw }]);
      const warn = sinon.stub(console, 'warn');
      await el.start().catch(() => {});
      warn.restore();
      expect(el.error).to.deep.equal({
        code: 'call-unavailable',
        message: 'Could not reach the video service. Check your connection and try again.',
      });
      // The technical detail is for the developer: the console has it.
      expect(warn.args.flat().join(' ')).to.contain(raw);
    });

    it('says what is missing when neither a URL nor an endpoint is set', async () => {
      const el = await fixture<TavusConversation>(html`<tavus-conversation></tavus-conversation>`);
      await el.start().catch(() => {});
      expect(el.state).to.equal('error');
      expect(el.error).to.deep.equal({
        code: 'missing-configuration',
        message: 'Set conversation-url or conversation-endpoint before starting the conversation.',
      });
    });

    it('refuses a conversation URL that is not https', async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url="javascript:alert(1)"
          .callFactory=${factory}
        ></tavus-conversation>`,
      );
      await el.start().catch(() => {});
      expect(el.error!.code).to.equal('invalid-url');
      expect(calls).to.have.length(0);
    });

    it('reports a call factory that throws as call-unavailable', async () => {
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url=${CONVERSATION_URL}
          .callFactory=${() => {
            throw new Error('no WebRTC here');
          }}
        ></tavus-conversation>`,
      );
      await el.start().catch(() => {});
      expect(el.error).to.deep.equal({
        code: 'call-unavailable',
        message: 'The video call library could not be loaded: no WebRTC here',
      });
    });

    it('leaves and destroys the call when removed from the document', async () => {
      const { el, call } = await connectedElement();
      el.remove();
      await waitUntil(() => call.destroyed === 1);
      expect(call.left).to.equal(1);
      expect(call.listenerCount()).to.equal(0);
    });

    it('keeps its call when moved (removed and re-inserted in the same task)', async () => {
      const { el, call } = await connectedElement();
      const other = document.createElement('div');
      document.body.append(other);
      other.append(el); // a move: disconnected then connected synchronously
      await settled(); // the removal's grace period (a zero-delay timer) is over
      expect(call.destroyed).to.equal(0);
      expect(el.state).to.equal('connected');
      // Positive control: a removal that is not a move ends the call after the same wait.
      other.remove();
      await settled();
      expect(el.state).to.equal('ended');
      await waitFor(() => call.destroyed === 1, 'the call was not destroyed');
    });

    it('cancels a join in progress when removed, and destroys the call', async () => {
      const { el, calls } = await idleElement([{ kind: 'hang' }]);
      const starting = el.start().catch((failure: Error) => failure.message);
      await waitUntil(() => calls.length === 1);
      el.remove();
      await waitUntil(() => calls[0]!.destroyed === 1);
      expect(await starting).to.match(/cancelled/);
    });

    it('end() leaves the call and start() joins a new one', async () => {
      const { el, call, calls } = await connectedElement();
      await el.end();
      expect(call.destroyed).to.equal(1);
      expect(el.state).to.equal('ended');
      await el.start();
      expect(calls).to.have.length(2);
      expect(el.state).to.equal('waiting');
    });

    it('runs two elements on one page, each with its own call', async () => {
      const first = await connectedElement();
      const second = await connectedElement({ url: 'https://tavus.daily.co/c456' });
      await first.el.respond('one');
      await second.el.respond('two');
      expect(first.call).to.not.equal(second.call);
      expect(first.call.interactions.at(-1).conversation_id).to.equal('c123');
      expect(second.call.interactions.at(-1).conversation_id).to.equal('c456');
      await first.el.end();
      expect(second.el.state).to.equal('connected');
    });

    it('turns the microphone and camera off and on again from its controls, through the call', async () => {
      const { el, call } = await connectedElement();
      await el.updateComplete;
      const devices = [
        ['microphone-button', () => call.audio],
        ['camera-button', () => call.video],
      ] as const;
      for (const [part, isOn] of devices) {
        const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
        const expectOn = (on: boolean) => {
          expect(isOn(), `${part}: the call's device`).to.equal(on);
          expect(button().getAttribute('aria-pressed'), `${part}: the control`).to.equal(
            String(on),
          );
        };
        expectOn(true);
        button().click();
        await el.updateComplete;
        expectOn(false);
        button().click();
        await el.updateComplete;
        expectOn(true);
      }
    });

    it('keeps the call going with text chat when camera and microphone are denied', async () => {
      const { el, call } = await connectedElement();
      call.emit('camera-error', {
        errorMsg: { errorMsg: 'Permission denied', audioOk: false, videoOk: false },
        error: { type: 'permissions', blockedBy: 'both' },
      });
      expect(el.state).to.equal('connected');
      await el.respond('typing still works');
      expect(call.interactions.at(-1).properties.text).to.equal('typing still works');
    });

    it('reports connecting at once while the engine loads, with one state change', async () => {
      const { el } = await idleElement();
      const changes: string[] = [];
      el.addEventListener('tavus-state-change', (e) =>
        changes.push(`${e.detail.previousState}>${e.detail.state}`),
      );
      const started = el.start();
      expect(el.state).to.equal('connecting');
      await started;
      expect(changes).to.deep.equal(['idle>connecting', 'connecting>waiting']);
    });

    it('starts no call when end() comes while the engine loads', async () => {
      const { el, calls } = await idleElement();
      const started = el.start().catch((failure: Error) => failure.message);
      await el.end();
      expect(await started).to.contain('cancelled');
      expect(calls).to.have.length(0);
      expect(el.state).to.equal('ended');
    });

    it('starts no call when removed while the engine loads (auto-start)', async () => {
      const { factory, calls } = createFakeFactory();
      const el = document.createElement('tavus-conversation');
      el.setAttribute('auto-start', '');
      el.conversationUrl = CONVERSATION_URL;
      el.callFactory = factory;
      const states: string[] = [];
      el.addEventListener('tavus-state-change', (event) => states.push(event.detail.state));
      document.body.append(el);
      el.remove();
      await waitFor(() => el.state === 'ended', 'the removal did not end the start');
      // The auto-start did begin (the path ran), and ended without making a call object.
      expect(states).to.deep.equal(['connecting', 'ended']);
      expect(calls).to.have.length(0);
    });

    it('destroys a call object that arrives after the end', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { factory: make, calls } = createFakeFactory();
      let asked = 0;
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url=${CONVERSATION_URL}
          .callFactory=${async (o: any) => {
            asked++;
            await gate;
            return make(o);
          }}
        ></tavus-conversation>`,
      );
      const started = el.start().catch(() => {});
      await waitFor(() => asked === 1, 'the call object was never asked for');
      const ending = el.end();
      release();
      await ending;
      await started;
      await waitUntil(() => calls.length === 1 && calls[0]!.destroyed === 1);
      expect(calls[0]!.listenerCount()).to.equal(0);
      expect(el.state).to.equal('ended');
    });

    it('never echoes a meeting token from a malformed URL into the error', async () => {
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url="tavus.daily.co/c1?t=SECRET-TOKEN"
        ></tavus-conversation>`,
      );
      await el.start().catch(() => {});
      expect(el.error!.code).to.equal('invalid-url');
      expect(el.error!.message).to.not.contain('SECRET');
    });
  });
});
