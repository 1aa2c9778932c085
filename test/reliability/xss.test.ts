/**
 * Nothing the network, Daily or the page's strings put in front of the element becomes markup.
 * A corpus of injection payloads goes through every channel that reaches the screen or the
 * page's code: utterances (user and replica, streaming and one-shot, typed), tool names and
 * arguments, error messages (endpoint, Daily join, Daily fatal error), `strings` overrides and
 * the replica's participant name. Each payload, if it ever ran, would call `window.__xss`.
 *
 * After each step: the trap was never called; the shadow DOM holds only the tags the element
 * renders itself and no `on*` attribute or `javascript:` URL; a MutationObserver saw no other
 * element being added, even for a moment; and the payload is on screen as the exact text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';

import type { TavusConversation } from '../../src/index.js';
import { EN_STRINGS, type TavusStrings } from '../../src/translations/en.js';
import type { CallFactory } from '../../src/call/daily-like.js';
import {
  FakeCall,
  createFakeFactory,
  tavusEvent,
  type JoinBehaviour,
} from '../support/fake-call.js';
import { CONVERSATION_URL, connectedElement, partsDefined } from '../support/element.js';
import { shadowElements, shadowRoots, shadowTexts } from '../support/shadow-dom.js';
import { settled, waitFor } from '../support/wait.js';

const PAYLOADS = [
  `<script>window.__xss('script')</script>`,
  `<img src=x onerror="window.__xss('img')">`,
  `"><img src=x onerror=window.__xss('attribute')>`,
  `' onmouseover='window.__xss("quote")' x='`,
  `<svg onload="window.__xss('svg')"><circle r="5"/></svg>`,
  `<svg><script>window.__xss('svg-script')</script></svg>`,
  `<iframe srcdoc="<script>parent.__xss('iframe')</script>"></iframe>`,
  `<a href="javascript:window.__xss('href')">click</a>`,
  `javascript:window.__xss('url')`,
  `<object data="javascript:window.__xss('object')"></object>`,
  `<embed src="javascript:window.__xss('embed')">`,
  `<details open ontoggle="window.__xss('details')">x</details>`,
  `<input autofocus onfocus="window.__xss('focus')">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss('mxss')>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss('noscript')>">`,
  `<template><img src=x onerror=window.__xss('template')></template>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss('meta')">`,
  `<base href="javascript:window.__xss('base')//">`,
  `</style><style>*{display:none !important}</style>`,
  `<style>:host{display:none}</style><link rel=stylesheet href="data:text/css,*{display:none}">`,
  '${window.__xss("template literal")}',
  `{{constructor.constructor("window.__xss('angular')")()}}`,
  'lit$123456789$',
  '<!--?lit$123456789$-->',
  '<?lit$987654321$>',
  '&lt;script&gt;window.__xss("entity")&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss("numeric")&#62;',
  '\u202egnp.exe\u202c right-to-left override, zero\u200bwidth\u200c\u200d\ufeff, \u2066isolate\u2069',
  "{name} {count} {max} $& $1 $` $'",
  '__proto__',
];

/** Every tag the element renders by itself. Anything else came from a payload. */
const OWN_TAGS = new Set([
  'div',
  'span',
  'p',
  'i',
  'button',
  'slot',
  'section',
  'header',
  'ol',
  'li',
  'form',
  'label',
  'textarea',
  'video',
  'audio',
  'svg',
  'path',
  'rect',
  'circle',
  'tavus-video-stage',
  'tavus-chat-drawer',
  'tavus-device-menu',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'srcdoc',
]);

declare global {
  interface Window {
    __xss?: (where?: string) => void;
  }
}

/** Where the trap was sprung, for the whole test (elements come and go within one). */
const trapped: string[] = [];

/** Installs the trap and an observer of every element added to the host's shadow roots. */
function guard(host: Element): { check(): Promise<void>; stop(): void } {
  setTrap();
  const added: string[] = [];
  const observers: MutationObserver[] = [];
  const watched = new Set<ShadowRoot>();
  const observe = () => {
    for (const root of shadowRoots(host)) {
      if (watched.has(root)) continue;
      watched.add(root);
      const observer = new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (node instanceof Element) {
              added.push(
                node.localName,
                ...[...node.querySelectorAll('*')].map((e) => e.localName),
              );
            }
          }
        }
      });
      observer.observe(root, { childList: true, subtree: true });
      observers.push(observer);
    }
  };
  observe();
  return {
    /**
     * Injected elements are seen at once (the observer's records come in a microtask); their
     * handlers (onerror, onload, ontoggle) would run later, which `afterEach` waits for.
     */
    async check() {
      await settled();
      observe();
      expect(trapped, 'a payload ran').to.deep.equal([]);
      const foreignAdded = added.filter((tag) => !OWN_TAGS.has(tag));
      expect(foreignAdded, 'elements a payload added').to.deep.equal([]);
      for (const element of shadowElements(host)) {
        expect(
          OWN_TAGS.has(element.localName),
          `<${element.localName}> in the shadow DOM`,
        ).to.equal(true);
        for (const attribute of element.attributes) {
          expect(
            attribute.name.startsWith('on'),
            `${attribute.name} on <${element.localName}>`,
          ).to.equal(false);
          const url =
            URL_ATTRIBUTES.has(attribute.name) && /^\s*javascript:/i.test(attribute.value);
          expect(url, `${attribute.name}="${attribute.value}"`).to.equal(false);
        }
      }
      const panel = host.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
      expect(getComputedStyle(panel).display, 'the panel was hidden by injected CSS').to.not.equal(
        'none',
      );
    },
    stop() {
      for (const observer of observers) observer.disconnect();
      delete window.__xss;
    },
  };
}

function setTrap(): void {
  window.__xss = (where = '?') => {
    trapped.push(where);
  };
}

/**
 * The positive control of the trap: an inline handler the test puts in the page (an image that
 * fails to decode, no network involved) runs and springs it. Once it has, the handlers of
 * anything a payload injected (the same kind of image) have had their chance to run too.
 */
async function springControl(): Promise<void> {
  const control = document.createElement('img');
  control.setAttribute('onerror', "window.__xss('control')");
  control.src = 'data:image/png;base64,AAAA';
  document.body.append(control);
  try {
    await waitFor(() => trapped.includes('control'), 'the control handler never ran');
  } finally {
    control.remove();
  }
}

/** The exact payload is the text of some node, or part of one (a status line around a name). */
function shows(host: Element, text: string, exact = true): boolean {
  return shadowTexts(host).some((node) => (exact ? node === text : node.includes(text)));
}

async function rendered(el: TavusConversation): Promise<void> {
  await partsDefined();
  await el.updateComplete;
  const drawer = el.shadowRoot!.querySelector('tavus-chat-drawer');
  await (drawer as unknown as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
  await (drawer as unknown as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
}

describe('<tavus-conversation> reliability', () => {
  describe('injection', () => {
    let trap: ReturnType<typeof guard> | undefined;
    afterEach(async () => {
      if (!window.__xss) setTrap();
      await springControl();
      expect(trapped, 'a payload ran').to.deep.equal(['control']);
      trapped.length = 0;
      trap?.stop();
      trap = undefined;
      sinon.restore();
    });

    it('shows utterances, streaming and one-shot, spoken and typed, as text', async () => {
      const { el, call } = await connectedElement();
      el.chatOpen = true;
      el.captions = true;
      await rendered(el);
      trap = guard(el);
      for (const [i, payload] of PAYLOADS.entries()) {
        call.message(
          tavusEvent('conversation.utterance', {
            inference_id: `u-${i}`,
            properties: { role: 'user', speech: `${payload} (said)` },
          }),
        );
        call.message(
          tavusEvent('conversation.utterance', {
            inference_id: `o-${i}`,
            properties: { role: 'replica', speech: `${payload} (one-shot)` },
          }),
        );
        await el.respond(`${payload} (typed)`);
        // Last, so that it is the live caption: a reply being spoken, as JSON text.
        call.message(
          JSON.stringify(
            tavusEvent('conversation.utterance.streaming', {
              inference_id: `r-${i}`,
              properties: { role: 'pal', speech: payload, content_index: 0, final: false },
            }),
          ),
        );
        await rendered(el);
        for (const text of [`${payload} (said)`, `${payload} (one-shot)`, `${payload} (typed)`]) {
          expect(shows(el, text), text).to.equal(true);
        }
        const caption = el.shadowRoot!.querySelector('[part~="captions"] .caption-lines');
        expect(caption?.textContent, `caption ${payload}`).to.equal(payload);
        // In the caption and in the chat bubble.
        expect(shadowTexts(el).filter((text) => text === payload).length, payload).to.be.at.least(
          2,
        );
        await trap.check();
      }
      expect(el.transcript.map((message) => message.text)).to.include.members(PAYLOADS);
    });

    it('hands tool names and arguments to the page as data', async () => {
      const { el, call } = await connectedElement();
      await rendered(el);
      trap = guard(el);
      const ran: [string, unknown][] = [];
      el.tools = Object.fromEntries(
        PAYLOADS.map((name) => [name, (args: unknown) => (ran.push([name, args]), name)]),
      );
      const seen: unknown[] = [];
      el.addEventListener('tavus-tool-call', (event) => seen.push(event.detail));
      for (const [i, payload] of PAYLOADS.entries()) {
        const args = JSON.stringify({ html: payload, [payload]: payload });
        call.message(
          tavusEvent('conversation.tool_call', {
            properties: { name: payload, arguments: args, tool_call_id: `tc-${i}` },
          }),
        );
        // Arguments that are not JSON come back to Tavus as an error, not into the page.
        call.message(
          tavusEvent('conversation.tool_call', {
            properties: { name: payload, arguments: payload, tool_call_id: `bad-${i}` },
          }),
        );
      }
      await waitFor(() => call.interactions.length === PAYLOADS.length * 2, 'tool results');
      await trap.check();
      expect(seen).to.have.length(PAYLOADS.length * 2);
      expect(ran).to.deep.equal(PAYLOADS.map((name) => [name, { html: name, [name]: name }]));
      const results = call.interactions.map((message) => message.properties);
      expect(
        results.filter((result) => result.status === 'success').map((r) => r.output),
      ).to.deep.equal(PAYLOADS);
      expect(results.filter((result) => result.status === 'error')).to.have.length(PAYLOADS.length);
    });

    it("shows the replica's participant name as text", async () => {
      const { factory, calls } = createFakeFactory();
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          conversation-url=${CONVERSATION_URL}
          .callFactory=${factory}
          chat-open
        ></tavus-conversation>`,
      );
      trap = guard(el);
      for (const payload of PAYLOADS) {
        await el.start();
        const call = calls.at(-1)!;
        call.addReplica({ user_name: payload });
        call.message(
          tavusEvent('conversation.utterance', {
            inference_id: 'hello',
            properties: { role: 'replica', speech: 'Hello' },
          }),
        );
        await rendered(el);
        expect(el.state).to.equal('connected');
        expect(shows(el, `Connected with ${payload.trim()}`), `status for ${payload}`).to.equal(
          true,
        );
        expect(shows(el, payload.trim()), `chat sender ${payload}`).to.equal(true);
        const panel = el.shadowRoot!.querySelector('[part~="panel"]')!;
        expect(panel.getAttribute('aria-label')).to.equal(
          `Video conversation with ${payload.trim()}`,
        );
        await trap.check();
        await el.end();
        await rendered(el);
        expect(shows(el, 'You ended the conversation', false)).to.equal(true);
      }
    });

    // One test per payload: three starts each, so that no test's length grows with the corpus.
    describe('shows error messages from the endpoint and from Daily as text', () => {
      const strings: Partial<TavusStrings> = {
        // Empty strings fall back to the element's own message, which quotes the cause.
        errorEndpointFailed: '',
        errorJoinFailed: '',
        errorCallFailed: '',
      };
      for (const [i, payload] of PAYLOADS.entries()) {
        it(`payload ${i + 1} of ${PAYLOADS.length}`, async () => {
          const reason =
            i % 3 === 0 ? payload : i % 3 === 1 ? new Error(payload) : { errorMsg: payload };
          // By URL, not by call order: the end request of a conversation cannot take an answer.
          let answer = () =>
            new Response(JSON.stringify({ error: { message: payload } }), {
              status: 500,
              headers: { 'content-type': 'application/json' },
            });
          sinon
            .stub(window, 'fetch')
            .callsFake(async (url) =>
              String(url).endsWith('/end') ? new Response('{}') : answer(),
            );
          // Each start's call object joins as the test says at that start, whenever it is made.
          let joining: JoinBehaviour = { kind: 'resolve' };
          const calls: FakeCall[] = [];
          const factory: CallFactory = (options) => {
            const call = new FakeCall(options, joining);
            calls.push(call);
            return call;
          };
          const el = await fixture<TavusConversation>(
            html`<tavus-conversation
              conversation-endpoint="/api/conversations"
              .strings=${strings}
              .callFactory=${factory}
            ></tavus-conversation>`,
          );
          trap = guard(el);

          await el.start().catch(() => {});
          await rendered(el);
          expect(el.error?.code).to.equal('endpoint-failed');
          expect(
            // The server's text is quoted with its whitespace (\s, which includes U+FEFF)
            // collapsed.
            shows(
              el,
              `The conversation service answered 500: ${payload.replace(/\s+/g, ' ').trim()}.`,
            ),
            `endpoint ${payload}`,
          ).to.equal(true);
          await trap.check();

          answer = () =>
            new Response(JSON.stringify({ conversation_url: 'https://tavus.daily.co/c-x' }), {
              headers: { 'content-type': 'application/json' },
            });
          joining = { kind: 'reject', reason };
          await el.start().catch(() => {});
          await rendered(el);
          expect(el.error?.code).to.equal('join-failed');
          expect(el.error?.message).to.include(
            `Could not join the conversation: ${payload.trim()}`,
          );
          expect(shows(el, el.error!.message), `join ${payload}`).to.equal(true);
          await trap.check();

          // A third start joins, then Daily fails the call.
          joining = { kind: 'resolve' };
          el.conversationEndpoint = '';
          el.conversationUrl = CONVERSATION_URL;
          await el.start();
          calls.at(-1)!.addReplica();
          calls.at(-1)!.emit('error', {
            errorMsg: payload,
            error: { type: 'connection-error', msg: payload },
          });
          await rendered(el);
          expect(el.error).to.deep.equal({ code: 'call-failed', message: payload.trim() });
          expect(shows(el, payload.trim()), `Daily error ${payload}`).to.equal(true);
          await trap.check();
        });
      }
    });

    it('shows strings overrides as text in every state', async () => {
      const { el, call } = await connectedElement();
      el.chatOpen = true;
      await rendered(el);
      call.message(
        tavusEvent('conversation.utterance', {
          inference_id: 'a',
          properties: { role: 'pal', speech: 'Hi' },
        }),
      );
      trap = guard(el);
      const keys = Object.keys(EN_STRINGS) as (keyof TavusStrings)[];
      for (const payload of PAYLOADS) {
        el.strings = Object.fromEntries(keys.map((key) => [key, payload]));
        await rendered(el);
        // The controls' labels and tooltips, the chat title and the replica's name as sender.
        expect(shows(el, payload), `strings ${payload}`).to.equal(true);
        const labels = shadowElements(el)
          .map((element) => element.getAttribute('aria-label'))
          .filter((label) => label !== null);
        expect(labels.length).to.be.greaterThan(3);
        await trap.check();
      }
      // The same overrides on the error screen.
      el.strings = { errorTitle: PAYLOADS[1]!, errorCallFailed: PAYLOADS[4]!, retry: PAYLOADS[0]! };
      call.emit('error', { errorMsg: 'down' });
      await rendered(el);
      expect(el.state).to.equal('error');
      for (const payload of [PAYLOADS[0]!, PAYLOADS[1]!, PAYLOADS[4]!]) {
        expect(shows(el, payload), `error screen ${payload}`).to.equal(true);
      }
      await trap.check();
    });
  });
});
