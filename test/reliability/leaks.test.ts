/**
 * Mount → start → remove, many times: every call object is left and destroyed, and nothing the
 * element asked the page for stays behind (timeouts, intervals, animation frames, listeners on
 * window and document, ResizeObservers). What the heap keeps is checked by letting V8 finalise
 * the elements and call objects, through full collections (V8's `gc()`, which the test runner's
 * Chromium exposes; elsewhere by churning the heap), and counting the finalised objects.
 * `performance.memory` is logged for information only: without
 * `--enable-precise-memory-info` Chromium rounds it and refreshes it rarely.
 */
import { expect } from '@open-wc/testing';

import '../../src/index.js';
import type { TavusConversation } from '../../src/index.js';
import type { CallFactory } from '../../src/call/daily-like.js';
import { createSimulatedCallFactory, type SimulatedCall } from '../../src/simulator/index.js';
import { FakeCall, tavusEvent } from '../support/fake-call.js';
import { CONVERSATION_URL } from '../support/element.js';
import { collectGarbage, hasForcedCollection } from '../support/garbage.js';
import { Ledger } from '../support/resource-ledger.js';
import { waitFor } from '../support/wait.js';

const CYCLES = 500;
const SIMULATOR_CYCLES = 12;

/** The kinds of cycle, for telling a leak of one path from an object GC has not reached yet. */
type Kind = 'hang' | 'endpoint' | 'ended' | 'plain';
const kindOf = (i: number): Kind =>
  i % 25 === 7 ? 'hang' : i % 10 === 3 ? 'endpoint' : i % 7 === 0 ? 'ended' : 'plain';

interface Tally {
  calls: number;
  left: number;
  destroyed: number;
  listenersLeft: number;
  /** `${'element' | 'call'} ${Kind}` → made, and finalised. */
  made: Map<string, number>;
  finalised: Map<string, number>;
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const total = (map: Map<string, number>, what: string) =>
  [...map].filter(([key]) => key.startsWith(what)).reduce((sum, [, n]) => sum + n, 0);

/**
 * One cycle, in its own function so that nothing of it stays reachable from the test. Kinds:
 * a conversation URL or the endpoint; ended by removal or by end() then removal; removed while
 * Daily is still joining; with the chat open (ResizeObserver) or the floating variant.
 */
async function cycle(
  i: number,
  tally: Tally,
  registry: FinalizationRegistry<string>,
): Promise<void> {
  let call: FakeCall | undefined;
  const kind = kindOf(i);
  const hang = kind === 'hang';
  const factory: CallFactory = (options) => {
    call = new FakeCall(options, hang ? { kind: 'hang' } : { kind: 'resolve' });
    registry.register(call, `call ${kind}`);
    count(tally.made, `call ${kind}`);
    tally.calls++;
    return call;
  };
  const el = document.createElement('tavus-conversation') as TavusConversation;
  registry.register(el, `element ${kind}`);
  count(tally.made, `element ${kind}`);
  el.callFactory = factory;
  if (kind === 'endpoint') el.conversationEndpoint = '/api/conversations';
  else el.conversationUrl = CONVERSATION_URL;
  el.chatOpen = i % 3 === 0;
  if (i % 4 === 1) el.variant = 'floating';
  document.body.append(el);

  const starting = el.start().catch(() => {});
  if (hang) {
    await waitFor(() => call?.joinOptions !== undefined, 'the join');
  } else {
    await starting;
    call!.addReplica();
    // A sequenced event (held by the reorder window: a timer) and an utterance (a render frame).
    call!.message(
      tavusEvent('conversation.utterance', { seq: 5, properties: { role: 'pal', speech: 'Hi' } }),
    );
    call!.message(
      tavusEvent('conversation.utterance', { properties: { role: 'user', speech: 'Hello' } }),
    );
    if (i % 5 === 0) await el.respond('typed');
    await el.updateComplete;
    if (kind === 'ended') await el.end();
  }
  el.remove();
  const made = call!;
  await waitFor(() => made.destroyed > 0, 'the call to be destroyed');
  tally.left += made.left;
  tally.destroyed += made.destroyed;
  tally.listenersLeft += made.listenerCount();
}

describe('<tavus-conversation> reliability', () => {
  describe('leaks', () => {
    let ledger: Ledger | undefined;
    let restoreFetch: (() => void) | undefined;
    afterEach(() => {
      ledger?.uninstall();
      ledger = undefined;
      restoreFetch?.();
      restoreFetch = undefined;
    });

    it(`leaves nothing behind after ${CYCLES} mount, start and remove cycles`, async function () {
      // A fixed amount of work: how long it takes says how busy the machine is, not whether the
      // element is right, so no time limit (the test runner's own limit on a file still holds).
      this.timeout(0);
      const json = (body: unknown) =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      // A plain stand-in, not a sinon stub: a stub records each call with an Error whose
      // unformatted stack trace holds every receiver on the stack (the session, the element).
      const fetch0 = window.fetch;
      window.fetch = async (url) =>
        json(
          String(url).endsWith('/end')
            ? {}
            : { conversation_url: CONVERSATION_URL, conversation_id: 'c123' },
        );
      restoreFetch = () => (window.fetch = fetch0);
      const tally: Tally = {
        calls: 0,
        left: 0,
        destroyed: 0,
        listenersLeft: 0,
        made: new Map(),
        finalised: new Map(),
      };
      const registry = new FinalizationRegistry<string>((key) => count(tally.finalised, key));

      // Warm up: the engine and the sub-elements load once, and Lit prepares its templates.
      for (let i = 0; i < 3; i++) await cycle(i, tally, registry);
      const warm = { ...tally };

      const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
      const heapBefore = memory?.usedJSHeapSize;
      ledger = new Ledger().install();
      const started = performance.now();
      for (let i = 0; i < CYCLES; i++) await cycle(i, tally, registry);
      const elapsed = performance.now() - started;
      // The element's last timers (the move grace period) and frames fire; a leak never goes, and
      // the assertion below lists it.
      await waitFor(() => ledger!.live().length === 0, 'the element to settle', 5_000).catch(
        () => {},
      );

      const cycles = tally.calls - warm.calls;
      expect(cycles).to.equal(CYCLES);
      expect(tally.left - warm.left, 'call objects left').to.equal(CYCLES);
      expect(tally.destroyed - warm.destroyed, 'call objects destroyed').to.equal(CYCLES);
      expect(tally.listenersLeft, 'Daily event listeners left on call objects').to.equal(0);
      expect(ledger.live(), 'left behind by the element').to.deep.equal([]);
      // The ledger must have seen the element at work, or the check above proves nothing.
      const { created } = ledger;
      expect(created.timeouts, 'timeouts seen').to.be.greaterThan(CYCLES);
      expect(created.frames, 'animation frames seen').to.be.greaterThan(CYCLES / 2);
      expect(created.listeners, 'window listeners seen').to.be.greaterThan(0);
      expect(created.observers, 'ResizeObservers seen').to.be.greaterThan(0);
      ledger.uninstall();

      // Finalisation can only be awaited where a full collection can be forced: V8's gc(), which
      // the test runner exposes to Chromium. Elsewhere the resources above are what is checked.
      if (!hasForcedCollection()) return;

      // Until every element and call object is finalised, or nearly all and a while has passed:
      // a page shares its heap with the test runner, and a few objects may simply not have been
      // reached by a full collection yet.
      const objects = total(tally.made, '');
      const since = performance.now();
      await collectGarbage(
        () =>
          total(tally.finalised, '') === objects ||
          (total(tally.finalised, '') >= objects * 0.97 && performance.now() - since > 1_000),
        8_000,
      );
      const heapAfter = memory?.usedJSHeapSize;
      const report = [...tally.made]
        .sort()
        .map(([key, made]) => `${key} ${tally.finalised.get(key) ?? 0}/${made}`)
        .join(', ');
      console.log(
        `leaks: ${CYCLES} cycles in ${Math.round(elapsed)} ms; element code asked for ` +
          `${created.timeouts} timeouts, ${created.frames} frames, ${created.listeners} window ` +
          `listeners, ${created.observers} ResizeObservers, all released; finalised: ${report}; ` +
          `performance.memory (coarse) ${heapBefore} → ${heapAfter} bytes`,
      );
      // A leak on one path keeps (nearly) every object of that kind; a full collection that has
      // not reached an object yet leaves a few, anywhere.
      for (const [key, made] of tally.made) {
        expect(
          tally.finalised.get(key) ?? 0,
          `${key}: objects the page still holds`,
        ).to.be.at.least(Math.floor(made * 0.75));
      }
      expect(total(tally.finalised, 'element'), 'elements finalised').to.be.at.least(
        Math.floor(total(tally.made, 'element') * 0.9),
      );
      expect(total(tally.finalised, 'call'), 'call objects finalised').to.be.at.least(
        Math.floor(total(tally.made, 'call') * 0.9),
      );
    });

    it('removed while the endpoint is still answering: ends what it created, leaves no listener', async () => {
      // A page's fetch wrapper that ignores the abort signal: the answer comes after the removal.
      const answers: ((response: Response) => void)[] = [];
      const ended: string[] = [];
      const fetch0 = window.fetch;
      window.fetch = (url) =>
        String(url).endsWith('/end')
          ? (ended.push(String(url)), Promise.resolve(new Response('{}')))
          : new Promise<Response>((resolve) => answers.push(resolve));
      restoreFetch = () => (window.fetch = fetch0);
      ledger = new Ledger().install();
      const calls: FakeCall[] = [];
      const el = document.createElement('tavus-conversation') as TavusConversation;
      el.callFactory = (options) => {
        const call = new FakeCall(options);
        calls.push(call);
        return call;
      };
      el.conversationEndpoint = '/api/conversations';
      document.body.append(el);
      const starting = el.start().catch(() => {});
      await waitFor(() => answers.length === 1, 'the endpoint request');
      el.remove();
      await waitFor(() => el.state === 'ended', 'the removal to end the conversation');
      answers[0]!(
        new Response(
          JSON.stringify({ conversation_url: CONVERSATION_URL, conversation_id: 'c9' }),
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
      );
      await starting;
      await waitFor(() => ended.length > 0, 'the end request', 5_000).catch(() => {});
      // A call object prepared before the endpoint answered is destroyed, and never joins.
      expect(
        calls.filter((call) => call.joinOptions),
        'a join for a removed element',
      ).to.deep.equal([]);
      expect(
        calls.filter((call) => call.destroyed !== 1),
        'call objects kept',
      ).to.deep.equal([]);
      expect(ended, 'the conversation created after the removal was not ended').to.deep.equal([
        '/api/conversations/c9/end',
      ]);
      expect(ledger.live()).to.deep.equal([]);
    });

    it(`stops every track and closes every audio context of the simulator, ${SIMULATOR_CYCLES} times`, async function () {
      // A fixed amount of work: how long it takes says how busy the machine is, not whether the
      // element is right, so no time limit (the test runner's own limit on a file still holds).
      this.timeout(0);
      const contexts: AudioContext[] = [];
      const tracks: MediaStreamTrack[] = [];
      const OriginalAudioContext = window.AudioContext;
      window.AudioContext = class extends OriginalAudioContext {
        constructor(options?: AudioContextOptions) {
          super(options);
          contexts.push(this);
        }
      };
      ledger = new Ledger().install();
      try {
        for (let i = 0; i < SIMULATOR_CYCLES; i++) {
          const factory = createSimulatedCallFactory({
            fast: true,
            seed: 100 + i,
            getUserMedia: async (constraints) => {
              const stream = await navigator.mediaDevices.getUserMedia(constraints);
              tracks.push(...stream.getTracks());
              return stream;
            },
          });
          const el = document.createElement('tavus-conversation') as TavusConversation;
          el.callFactory = factory;
          el.conversationUrl = `https://tavus.daily.co/c-leak-${i}`;
          el.chatOpen = true;
          // The replica may start and stop speaking between two polls of a busy browser: its
          // start is recorded as it happens.
          let spoke = false;
          el.addEventListener('tavus-replica-started-speaking', () => (spoke = true));
          document.body.append(el);
          await el.start();
          const call = factory.lastCall as SimulatedCall;
          await waitFor(() => el.state === 'connected', 'not connected');
          for (const participant of Object.values(call.participants())) {
            for (const state of Object.values(participant.tracks)) {
              if (state?.persistentTrack) tracks.push(state.persistentTrack);
            }
          }
          // Removed mid-greeting or mid-reply: the replica's voice and face are running.
          if (i % 2 === 1) {
            spoke = false;
            await el.respond('What can you do?');
          }
          await waitFor(() => spoke || call.speaking, 'the replica did not speak');
          el.remove();
          await waitFor(() => call.isDestroyed(), 'the call object was not destroyed');
        }
        await waitFor(
          () => contexts.every((context) => context.state === 'closed'),
          'audio contexts left open',
        );
      } finally {
        window.AudioContext = OriginalAudioContext;
      }
      expect(contexts.length, 'audio contexts seen').to.be.at.least(SIMULATOR_CYCLES);
      expect(tracks.length, 'tracks seen').to.be.at.least(SIMULATOR_CYCLES * 4);
      const live = tracks.filter((track) => track.readyState !== 'ended');
      expect(
        live.map((track) => `${track.kind} ${track.label}`),
        'tracks still live',
      ).to.deep.equal([]);
      // The simulator's own timers and frames are the element's concern too: none may run on.
      await waitFor(() => ledger!.live().length === 0, 'timers to settle', 5_000).catch(() => {});
      expect(ledger.live(), 'left behind').to.deep.equal([]);
    });
  });
});
