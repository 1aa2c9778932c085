/**
 * Faults from Daily, the site's endpoint, the network, the devices and the browser's autoplay
 * policy. Each ends in the state design.md documents, with a message a person can read (on the
 * element's `error`, in `tavus-error`, and on screen), and where the conversation failed, a
 * retry with `start()` connects.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';

import type { TavusConversation } from '../../src/index.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { createSimulatedCallFactory, type SimulatedCall } from '../../src/simulator/index.js';
import { createFakeFactory, type JoinBehaviour } from '../support/fake-call.js';
import { CONVERSATION_URL, connectedElement, idleElement } from '../support/element.js';
import { canvasVideoTrack } from '../support/media-tracks.js';
import { deepQuery, shadowTexts } from '../support/shadow-dom.js';
import { waitFor } from '../support/wait.js';

/** A sentence a person can read: words, not a serialised object or an empty string. */
function expectReadable(message: string | undefined, cause?: string): void {
  expect(message).to.be.a('string');
  const text = message!;
  expect(text, 'message').to.match(/^[A-Z]/);
  expect(text, 'message').to.match(/[.!?…]$/);
  // Not a serialised object, and not a placeholder standing in for the reason.
  expect(text, 'message').to.not.match(/\[object |unknown error|: (Error|undefined|null)\.?$/i);
  expect(text.length, `message length: ${text}`).to.be.within(12, 400);
  if (cause) expect(text).to.include(cause);
}

/**
 * The error screen shows the localised line for the code (the reason itself stays in `error` and
 * `tavus-error`, for the page to show or log: the view does not put raw reasons on screen) and a
 * retry button.
 */
function expectErrorScreen(el: TavusConversation, line: string): void {
  const screen = el.shadowRoot!.querySelector('[part~="error"]');
  expect(screen, 'error screen').to.not.equal(null);
  expect(screen!.querySelector('[role="alert"]')?.textContent).to.include(line);
  expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.not.equal(null);
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function elementWith(behaviours: JoinBehaviour[], attributes: { endpoint?: boolean } = {}) {
  const { factory, calls } = createFakeFactory(behaviours);
  const el = await fixture<TavusConversation>(
    attributes.endpoint
      ? html`<tavus-conversation
          conversation-endpoint="/api/conversations"
          .callFactory=${factory}
        ></tavus-conversation>`
      : html`<tavus-conversation
          conversation-url=${CONVERSATION_URL}
          .callFactory=${factory}
        ></tavus-conversation>`,
  );
  return { el, calls };
}

/** start() again after a failure, with the replica there: connected. */
async function expectRetryConnects(el: TavusConversation, calls: { addReplica(): unknown }[]) {
  await el.start();
  calls.at(-1)!.addReplica();
  await waitFor(() => el.state === 'connected', `retry ended in ${el.state}`);
  expect(el.error).to.equal(null);
}

describe('<tavus-conversation> reliability', () => {
  describe('faults', () => {
    afterEach(() => sinon.restore());

    describe('Daily join failures', () => {
      const reasons: [string, unknown, string | undefined][] = [
        [
          'a string, as daily-js rejects',
          "The meeting you're trying to join does not exist.",
          'does not exist',
        ],
        ['an Error', new Error('Join timed out'), 'Join timed out'],
        ['an Error without a message', new Error(''), undefined],
        ['a TypeError', new TypeError('Cannot read properties of undefined'), 'Cannot read'],
        [
          'an object with errorMsg',
          { errorMsg: 'Meeting has ended', error: { type: 'ejected' } },
          'Meeting has ended',
        ],
        [
          'a nested error object',
          { error: { type: 'no-room', msg: 'Room not found' } },
          'Room not found',
        ],
        ['an object without a message', { type: 'connection-error' }, undefined],
        ['an empty object', {}, undefined],
        ['an empty string', '', undefined],
        ['null', null, undefined],
      ];
      for (const [what, reason, cause] of reasons) {
        it(`rejecting with ${what} ends in error with a readable message, and a retry connects`, async () => {
          const { el, calls } = await elementWith([{ kind: 'reject', reason }]);
          const failed = oneEvent(el, 'tavus-error');
          const rejection = await el.start().then(
            () => undefined,
            (error: unknown) => error,
          );
          const { detail } = await failed;
          expect(el.state).to.equal('error');
          expect(el.error).to.deep.equal(detail);
          expect(detail.code).to.equal('join-failed');
          expectReadable(detail.message, cause);
          expect(rejection).to.be.instanceOf(Error);
          expect((rejection as Error).message).to.include(detail.message);
          await el.updateComplete;
          expectErrorScreen(el, EN_STRINGS.errorJoinFailed);
          expect(calls[0]!.destroyed).to.equal(1);
          await expectRetryConnects(el, calls);
        });
      }

      it('Daily out of reach (its call bundle did not load): call-unavailable, in words a visitor can act on, and a retry connects', async () => {
        const offline =
          'Failed to load call object bundle https://c.daily.co/call-machine/versioned/0.92.2/static/call-machine-object-bundle.js: TypeError: Failed to fetch';
        const { el, calls } = await elementWith([{ kind: 'reject', reason: offline }]);
        const warn = sinon.stub(console, 'warn');
        const failed = oneEvent(el, 'tavus-error');
        await el.start().catch(() => {});
        const { detail } = await failed;
        warn.restore();
        // The raw text is for the developer's console.
        expect(warn.args.flat().join(' ')).to.include('Failed to fetch');
        expect(el.state).to.equal('error');
        expect(detail.code).to.equal('call-unavailable');
        expectReadable(detail.message, 'connection');
        // The CDN's URL is for the console, not for the visitor.
        expect(detail.message).to.not.include('daily.co');
        await el.updateComplete;
        expectErrorScreen(el, EN_STRINGS.errorCallUnavailable);
        await expectRetryConnects(el, calls);
      });
    });

    describe('conversation endpoint', () => {
      /**
       * Answers POST /api/conversations from `answers` in turn, and end requests with 200. By URL,
       * so that an element of an earlier test ending late cannot take an answer.
       */
      function endpoint(...answers: ((init?: RequestInit) => Promise<Response>)[]) {
        const ended: string[] = [];
        sinon.stub(window, 'fetch').callsFake((url, init) => {
          if (String(url).endsWith('/end')) {
            ended.push(String(url));
            return Promise.resolve(json({}));
          }
          const answer =
            answers.shift() ??
            (() => Promise.resolve(json({ conversation_url: CONVERSATION_URL })));
          return answer(init);
        });
        return ended;
      }

      it("an HTTP 500 carries the server's message, and a retry connects", async () => {
        const ended = endpoint(async () =>
          json({ error: 'Maximum concurrent conversations reached' }, 500),
        );
        const { el, calls } = await elementWith([], { endpoint: true });
        await el.start().catch(() => {});
        expect(el.error?.code).to.equal('endpoint-failed');
        expectReadable(el.error?.message, 'Maximum concurrent conversations reached');
        await el.updateComplete;
        expectErrorScreen(el, EN_STRINGS.errorEndpointFailed);
        await expectRetryConnects(el, calls);
        await el.end();
        expect(ended).to.deep.equal(['/api/conversations/c123/end']);
      });

      it('a request that fails with something other than an Error still reads as a sentence', async () => {
        endpoint(
          () => Promise.reject({ code: 'ECONNRESET' }),
          () => Promise.reject(new TypeError('Failed to fetch')),
        );
        const { el, calls } = await elementWith([], { endpoint: true });
        await el.start().catch(() => {});
        expect(el.error?.code).to.equal('endpoint-failed');
        expectReadable(el.error?.message, 'could not be reached');
        await el.start().catch(() => {});
        expectReadable(el.error?.message, '(Failed to fetch)');
        await expectRetryConnects(el, calls);
        await el.end();
      });

      it('an answer that is not JSON says so, and a retry connects', async () => {
        endpoint(
          async () => new Response('<html><body>Bad gateway</body></html>', { status: 200 }),
        );
        const { el, calls } = await elementWith([], { endpoint: true });
        await el.start().catch(() => {});
        expect(el.error?.code).to.equal('endpoint-failed');
        expectReadable(el.error?.message, 'JSON');
        await expectRetryConnects(el, calls);
        await el.end();
      });

      it('an endpoint that never answers times out after ENDPOINT_TIMEOUT_MS, and a retry connects', async () => {
        // The timeout is AbortSignal.timeout(20 s); stand in for it with one that fires at once.
        const timeouts: number[] = [];
        const timeout = sinon.stub(AbortSignal, 'timeout').callsFake((ms: number) => {
          timeouts.push(ms);
          const controller = new AbortController();
          queueMicrotask(() =>
            controller.abort(new DOMException('signal timed out', 'TimeoutError')),
          );
          return controller.signal;
        });
        endpoint(
          (init) =>
            new Promise<Response>((_resolve, reject) => {
              // A server that never answers: only the abort ends the request.
              init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
            }),
        );
        const { el, calls } = await elementWith([], { endpoint: true });
        await el.start().catch(() => {});
        expect(timeouts).to.deep.equal([20_000]);
        expect(el.error?.code).to.equal('endpoint-timeout');
        expectReadable(el.error?.message, '20 seconds');
        await el.updateComplete;
        expectErrorScreen(el, EN_STRINGS.errorEndpointTimeout);
        timeout.restore();
        await expectRetryConnects(el, calls);
        await el.end();
      });
    });

    describe('during the call (simulator)', () => {
      async function simulated(options = {}) {
        const factory = createSimulatedCallFactory({ fast: true, seed: 41, ...options });
        const el = await fixture<TavusConversation>(
          html`<tavus-conversation
            conversation-url="https://tavus.daily.co/c-faults"
            .callFactory=${factory}
          ></tavus-conversation>`,
        );
        await el.start();
        await waitFor(() => el.state === 'connected', `state ${el.state}`);
        return { el, factory, call: factory.lastCall as SimulatedCall };
      }

      it('network interrupted then restored: reconnecting, then connected, and the reply in flight arrives', async () => {
        const { el, call } = await simulated({ greeting: false });
        const states: string[] = [];
        el.addEventListener('tavus-state-change', (event) => states.push(event.detail.state));
        await el.respond('What can you do?');
        const outage = call.simulateNetworkInterruption(200);
        expect(el.state).to.equal('reconnecting');
        await el.updateComplete;
        expect(
          shadowTexts(el).some((text) => text.includes(EN_STRINGS.statusReconnecting)),
        ).to.equal(true);
        // While reconnecting the composer waits and interactions say why they cannot go.
        await el.respond('too early').then(
          () => expect.fail('respond() worked while reconnecting'),
          (error: Error) => expect(error.message).to.include('not connected'),
        );
        await outage;
        expect(el.state).to.equal('connected');
        expect(states).to.deep.equal(['reconnecting', 'connected']);
        await waitFor(
          () => el.transcript.some((m) => m.role === 'replica' && m.final),
          'the reply sent during the outage never arrived',
        );
      });

      it('the replica leaves: ended with reason replica-left, the call is left, and a restart connects', async () => {
        const { el, factory, call } = await simulated({ greeting: false });
        const ended = oneEvent(el, 'tavus-state-change');
        call.simulateReplicaLeave();
        const { detail } = await ended;
        expect(detail).to.include({
          state: 'ended',
          previousState: 'connected',
          reason: 'replica-left',
        });
        await waitFor(() => call.isDestroyed(), 'the call object was not destroyed');
        await el.updateComplete;
        expect(
          shadowTexts(el).some((text) => text.includes('Anna left the conversation.')),
        ).to.equal(true);
        await el.start();
        await waitFor(() => el.state === 'connected', 'restart');
        expect(factory.calls).to.have.length(2);
      });

      it("a fatal Daily error: error call-failed with Daily's reason, and a retry connects", async () => {
        const { el, factory, call } = await simulated({ greeting: false });
        const failed = oneEvent(el, 'tavus-error');
        call.simulateFatalError('The connection to the meeting was lost.');
        const { detail } = await failed;
        expect(el.state).to.equal('error');
        expect(detail.code).to.equal('call-failed');
        expectReadable(detail.message, 'The connection to the meeting was lost');
        await el.updateComplete;
        expectErrorScreen(el, EN_STRINGS.errorCallFailed);
        await el.start();
        await waitFor(() => el.state === 'connected', 'retry');
        expect(factory.calls).to.have.length(2);
      });

      it('non-fatal Daily errors: the call goes on', async () => {
        const { el, call } = await simulated({ greeting: false });
        const changes: string[] = [];
        el.addEventListener('tavus-state-change', (event) => changes.push(event.detail.state));
        el.addEventListener('tavus-error', () => changes.push('error'));
        // Positive control: the errors really went out on the call object the element listens to.
        let emitted = 0;
        call.on('nonfatal-error', () => emitted++);
        call.simulateNonFatalError('screen-share-error', 'Screen share failed');
        call.simulateNonFatalError('input-settings-error', 'Noise cancellation unavailable');
        call.simulateNonFatalError('', '');
        await el.respond('still there?');
        await waitFor(() => el.transcript.some((m) => m.role === 'replica' && m.final), 'no reply');
        expect(emitted).to.equal(3);
        expect(changes).to.deep.equal([]);
        expect(el.state).to.equal('connected');
      });
    });

    describe('devices', () => {
      const cases: [
        string,
        Record<string, unknown>,
        string,
        { camera: boolean; microphone: boolean },
      ][] = [
        [
          'camera and microphone denied',
          {
            errorMsg: { errorMsg: 'Permission denied', audioOk: false, videoOk: false },
            error: { type: 'permissions', blockedBy: 'both', blockedMedia: ['video', 'audio'] },
          },
          EN_STRINGS.mediaPermissionDenied,
          { camera: false, microphone: false },
        ],
        [
          'the camera denied',
          {
            errorMsg: { errorMsg: 'Permission denied', audioOk: true, videoOk: false },
            error: { type: 'permissions', blockedBy: 'video', blockedMedia: ['video'] },
          },
          EN_STRINGS.mediaCameraDenied,
          { camera: false, microphone: true },
        ],
        [
          'the camera in use',
          {
            errorMsg: { errorMsg: 'Could not start video source', audioOk: true },
            error: { type: 'cam-in-use' },
          },
          EN_STRINGS.mediaDeviceInUse,
          { camera: false, microphone: true },
        ],
        [
          'the microphone in use',
          {
            errorMsg: { errorMsg: 'Could not start audio source', videoOk: true },
            error: { type: 'mic-in-use' },
          },
          EN_STRINGS.mediaDeviceInUse,
          { camera: true, microphone: false },
        ],
        [
          'both in use',
          { errorMsg: { errorMsg: 'Device in use' }, error: { type: 'cam-mic-in-use' } },
          EN_STRINGS.mediaDeviceInUse,
          { camera: false, microphone: false },
        ],
        [
          'no devices',
          { errorMsg: { errorMsg: 'Requested device not found' }, error: { type: 'not-found' } },
          EN_STRINGS.mediaDeviceMissing,
          { camera: false, microphone: false },
        ],
        [
          'an unknown camera-error',
          { errorMsg: {}, error: {} },
          EN_STRINGS.mediaDeviceError,
          { camera: false, microphone: false },
        ],
      ];
      for (const [what, payload, notice, usable] of cases) {
        it(`${what}: the call goes on with text chat, the notice says why, the toggles are disabled`, async () => {
          const { el, call } = await connectedElement();
          call.emit('camera-error', payload);
          await el.updateComplete;
          expect(el.state).to.equal('connected');
          const shownNotice = el.shadowRoot!.querySelector('[part~="notice"]');
          expect(shownNotice?.textContent).to.include(notice);
          const camera = el.shadowRoot!.querySelector('[part~="camera-button"]')!;
          const microphone = el.shadowRoot!.querySelector('[part~="microphone-button"]')!;
          expect(
            camera.getAttribute('aria-disabled') === 'true',
            'camera toggle disabled',
          ).to.equal(!usable.camera);
          expect(
            microphone.getAttribute('aria-disabled') === 'true',
            'microphone toggle disabled',
          ).to.equal(!usable.microphone);
          // A disabled toggle does nothing; chat works.
          const before = { audio: call.audio, video: call.video };
          if (!usable.camera) (camera as HTMLElement).click();
          if (!usable.microphone) (microphone as HTMLElement).click();
          expect({ audio: call.audio, video: call.video }).to.deep.equal(before);
          el.chatOpen = true;
          await el.updateComplete;
          const drawer = el.shadowRoot!.querySelector('tavus-chat-drawer')!;
          await (drawer as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          expect(drawer.shadowRoot!.querySelector('textarea')!.disabled).to.equal(false);
          await el.respond('typing still works');
          expect(call.interactions.at(-1).properties.text).to.equal('typing still works');
        });
      }

      it('Try again asks for the failed devices once more; a device that plays again clears the notice', async () => {
        const { el, call } = await connectedElement();
        call.emit('camera-error', { errorMsg: { audioOk: true }, error: { type: 'cam-in-use' } });
        await el.updateComplete;
        const retry = [
          ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.notice-action'),
        ].find((button) => button.textContent!.trim() === EN_STRINGS.retryDevices);
        expect(retry, 'a Try again button in the notice').to.not.equal(undefined);
        const video = sinon.spy(call, 'setLocalVideo');
        const audio = sinon.spy(call, 'setLocalAudio');
        retry!.click();
        // Only the device that failed is asked for; the working microphone is left alone.
        expect(video.args).to.deep.equal([[true]]);
        expect(audio.callCount).to.equal(0);
        // The notice (and the button in it) will go: focus is on the camera's own control.
        const camera = el.shadowRoot!.querySelector('[part~="camera-button"]')!;
        expect(el.shadowRoot!.activeElement).to.equal(camera);
        expect(el.shadowRoot!.querySelector('[part~="notice"]'), 'still failing').to.not.equal(
          null,
        );

        const track = canvasVideoTrack();
        call.setTracks('local', { video: { state: 'playable', persistentTrack: track } });
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
        expect(camera.hasAttribute('aria-disabled')).to.equal(false);
        expect(camera.getAttribute('aria-pressed')).to.equal('true');
        track.stop();
      });

      it('Try again never turns on a camera the user chose to keep off', async () => {
        const { el, calls } = await idleElement();
        el.cameraOff = true;
        await el.start();
        const call = calls[0]!;
        call.addReplica();
        await waitFor(() => el.state === 'connected', 'not connected');
        // No detail: both devices are taken as out.
        call.emit('camera-error', { errorMsg: {}, error: {} });
        await el.updateComplete;
        const video = sinon.spy(call, 'setLocalVideo');
        const audio = sinon.spy(call, 'setLocalAudio');
        el.shadowRoot!.querySelector<HTMLButtonElement>('.notice-action')!.click();
        expect(video.callCount).to.equal(0);
        expect(audio.args).to.deep.equal([[true]]);
      });

      it('with the simulator, a camera freed by the other app works after Try again', async () => {
        let busy = true;
        const factory = createSimulatedCallFactory({
          fast: true,
          seed: 6,
          greeting: false,
          getUserMedia: (constraints) =>
            busy
              ? Promise.reject(new DOMException('in use', 'NotReadableError'))
              : navigator.mediaDevices.getUserMedia(constraints),
        });
        const el = await fixture<TavusConversation>(
          html`<tavus-conversation
            conversation-url="https://tavus.daily.co/c-devices-back"
            .callFactory=${factory}
          ></tavus-conversation>`,
        );
        await el.start();
        await waitFor(() => el.state === 'connected', `state ${el.state}`);
        const notice = () => el.shadowRoot!.querySelector('[part~="notice"]');
        await waitFor(() => notice() !== null, 'no notice');
        busy = false;
        notice()!.querySelector<HTMLButtonElement>('.notice-action')!.click();
        await waitFor(() => notice() === null, 'the notice stayed');
        const camera = el.shadowRoot!.querySelector('[part~="camera-button"]')!;
        const microphone = el.shadowRoot!.querySelector('[part~="microphone-button"]')!;
        await waitFor(
          () =>
            camera.getAttribute('aria-pressed') === 'true' &&
            microphone.getAttribute('aria-pressed') === 'true',
          'devices not back on',
        );
        expect(camera.hasAttribute('aria-disabled')).to.equal(false);
        const selfView = () => deepQuery<HTMLVideoElement>(el, 'video[part~="self-view"]');
        await waitFor(() => selfView()?.srcObject, 'no self-view');
        await el.end();
      });

      for (const [what, name] of [
        ['denied', 'NotAllowedError'],
        ['in use', 'NotReadableError'],
      ] as const) {
        it(`with the simulator, getUserMedia ${what} (${name}): connected, notice shown, text chat works`, async () => {
          const factory = createSimulatedCallFactory({
            fast: true,
            seed: 5,
            greeting: false,
            getUserMedia: () => Promise.reject(new DOMException('blocked', name)),
          });
          const el = await fixture<TavusConversation>(
            html`<tavus-conversation
              conversation-url="https://tavus.daily.co/c-devices"
              .callFactory=${factory}
            ></tavus-conversation>`,
          );
          await el.start();
          await waitFor(() => el.state === 'connected', `state ${el.state}`);
          await waitFor(
            () => el.shadowRoot!.querySelector('[part~="notice"]') !== null,
            'no notice',
          );
          const camera = el.shadowRoot!.querySelector('[part~="camera-button"]')!;
          const microphone = el.shadowRoot!.querySelector('[part~="microphone-button"]')!;
          expect(camera.getAttribute('aria-disabled')).to.equal('true');
          expect(microphone.getAttribute('aria-disabled')).to.equal('true');
          await el.respond('What can you do?');
          await waitFor(
            () => el.transcript.some((m) => m.role === 'replica' && m.final),
            'no reply',
          );
        });
      }
    });

    describe('autoplay', () => {
      it("blocked replica audio shows 'Tap to enable sound', which plays it on click", async () => {
        let allow = false;
        const played: HTMLMediaElement[] = [];
        sinon.stub(HTMLMediaElement.prototype, 'play').callsFake(function (this: HTMLMediaElement) {
          if (this instanceof HTMLAudioElement) played.push(this);
          return allow || !(this instanceof HTMLAudioElement)
            ? Promise.resolve()
            : Promise.reject(
                new DOMException(
                  'play() failed because the user did not interact',
                  'NotAllowedError',
                ),
              );
        });
        const factory = createSimulatedCallFactory({ fast: true, seed: 9, greeting: false });
        const el = await fixture<TavusConversation>(
          html`<tavus-conversation
            conversation-url="https://tavus.daily.co/c-sound"
            .callFactory=${factory}
          ></tavus-conversation>`,
        );
        await el.start();
        await waitFor(() => el.state === 'connected', `state ${el.state}`);
        await waitFor(() => deepQuery(el, '[part~="sound-button"]') !== null, 'no sound button');
        const button = deepQuery<HTMLButtonElement>(el, '[part~="sound-button"]')!;
        expect(button.textContent).to.include(EN_STRINGS.enableSound);
        expect(button.getClientRects().length, 'the sound button is not visible').to.be.greaterThan(
          0,
        );
        const audio = played.at(-1)!;
        expect(audio.srcObject).to.be.instanceOf(MediaStream);
        allow = true;
        button.click();
        await waitFor(() => deepQuery(el, '[part~="sound-button"]') === null, 'the button stayed');
        expect(played.filter((element) => element === audio).length).to.be.at.least(2);
        expect(el.state).to.equal('connected');
      });
    });
  });
});
