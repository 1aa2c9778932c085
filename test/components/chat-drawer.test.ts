import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/chat-drawer/chat-drawer.js';
import type { TavusChatDrawer } from '../../src/components/chat-drawer/chat-drawer.js';
import type { TranscriptMessage } from '../../src/protocol/transcript.js';
import { EN_STRINGS } from '../../src/translations/en.js';
import { deepActiveElement, nextFrames, shadowQuery } from './support/dom.js';
import { conversation, message } from './support/view-host.js';

async function drawer(
  messages: readonly TranscriptMessage[] = [],
  options: { disabled?: boolean; maxLength?: number; height?: number } = {},
): Promise<TavusChatDrawer> {
  const el = await fixture<TavusChatDrawer>(
    html`<tavus-chat-drawer
      style=${`height: ${options.height ?? 420}px; width: 360px`}
      open
      .messages=${messages}
      .maxLength=${options.maxLength ?? 2000}
      .replicaName=${'Anna'}
      ?composer-disabled=${options.disabled ?? false}
    ></tavus-chat-drawer>`,
  );
  await nextFrames();
  return el;
}

const log = (el: TavusChatDrawer) => shadowQuery(el, '[role="log"]');
const textarea = (el: TavusChatDrawer) => shadowQuery<HTMLTextAreaElement>(el, 'textarea');
const renderedMessages = (el: TavusChatDrawer) =>
  el.shadowRoot!.querySelectorAll('[part~="message"]');

function atBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight <= 2;
}

describe('<tavus-chat-drawer>', () => {
  describe('transcript', () => {
    it('is a labelled log with the transcript part', async () => {
      const el = await drawer([message('replica', 'Hello')]);
      const region = log(el);
      expect(region.getAttribute('aria-label')).to.equal(EN_STRINGS.transcriptLabel);
      expect(region.getAttribute('part')).to.equal('transcript');
    });

    it('renders user and replica bubbles with their role for screen readers', async () => {
      const el = await drawer([message('user', 'Hi there'), message('replica', 'Hello!')]);
      const [user, replica] = renderedMessages(el);
      expect(user!.getAttribute('part')).to.equal('message message-user');
      expect(replica!.getAttribute('part')).to.equal('message message-replica');
      expect(user!.querySelector('.visually-hidden')!.textContent).to.equal('You: ');
      expect(replica!.querySelector('.visually-hidden')!.textContent).to.equal('Anna: ');
    });

    it('names its region after the replica, and generically when the name is unknown', async () => {
      const el = await drawer([message('replica', 'Hello!')]);
      const region = shadowQuery(el, 'section');
      expect(region.getAttribute('aria-label')).to.equal('Chat with Anna');
      el.replicaName = '';
      await el.updateComplete;
      expect(region.getAttribute('aria-label')).to.equal(EN_STRINGS.chatTitle);
    });

    it('uses the generic replica label when the name is unknown', async () => {
      const el = await drawer([message('replica', 'Hello!')]);
      el.replicaName = '';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.sender')!.textContent).to.equal(EN_STRINGS.replica);
    });

    it('shows message text as text, never as HTML', async () => {
      const attack = '<img src=x onerror="window.__xss = 1"><b>bold</b>';
      const el = await drawer([message('user', attack), message('replica', attack)]);
      for (const item of renderedMessages(el)) {
        expect(item.querySelector('img, b')).to.equal(null);
        expect(item.querySelector('.text')!.textContent).to.equal(attack);
      }
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });

    it('sets dir="auto" on the text so mixed-direction messages read right', async () => {
      const el = await drawer([message('user', 'مرحبا hello')]);
      expect(el.shadowRoot!.querySelector('.text')!.getAttribute('dir')).to.equal('auto');
    });

    it('keeps newlines and breaks long words', async () => {
      const el = await drawer([message('user', `line one\nline two ${'x'.repeat(300)}`)]);
      const bubble = el.shadowRoot!.querySelector('.bubble')!;
      const style = getComputedStyle(bubble);
      expect(style.whiteSpace).to.equal('pre-wrap');
      expect(style.overflowWrap).to.equal('anywhere');
      expect(bubble.scrollWidth).to.be.at.most(bubble.clientWidth + 1);
    });

    it('grows a streaming reply in place and hides it from screen readers until final', async () => {
      const streaming = message('replica', 'Let me', { final: false });
      const el = await drawer([streaming]);
      const item = renderedMessages(el)[0]!;
      expect(item.querySelector('.text')!.getAttribute('aria-hidden')).to.equal('true');

      el.messages = [{ ...streaming, text: 'Let me check that' }];
      await el.updateComplete;
      expect(renderedMessages(el)[0]).to.equal(item, 'same element, updated in place');
      expect(item.querySelector('.text')!.textContent).to.equal('Let me check that');

      el.messages = [{ ...streaming, text: 'Let me check that for you.', final: true }];
      await el.updateComplete;
      const text = item.querySelector('.text')!;
      expect(text.hasAttribute('aria-hidden')).to.equal(false);
      expect(text.textContent).to.equal('Let me check that for you.');
    });

    it('shows typing dots for a reply that has no text yet', async () => {
      const el = await drawer([message('replica', '', { final: false })]);
      expect(el.shadowRoot!.querySelector('.typing')).to.not.equal(null);
    });

    it('marks an interrupted reply', async () => {
      const el = await drawer([message('replica', 'I was saying', { interrupted: true })]);
      const mark = el.shadowRoot!.querySelector('[part="interrupted"]');
      expect(mark?.textContent).to.equal(EN_STRINGS.interrupted);
    });

    it('shows the empty state, fed by the empty slot', async () => {
      const el = await fixture<TavusChatDrawer>(
        html`<tavus-chat-drawer open>
          <span slot="empty">Ask me anything</span>
        </tavus-chat-drawer>`,
      );
      const slot = shadowQuery<HTMLSlotElement>(el, 'slot[name="empty"]');
      expect(slot.assignedElements()[0]!.textContent).to.equal('Ask me anything');
    });

    it('shows the default empty text without slotted content', async () => {
      const el = await drawer([]);
      expect(shadowQuery(el, '[part="empty"]').textContent!.trim()).to.equal(
        EN_STRINGS.transcriptEmpty,
      );
    });
  });

  describe('windowing', () => {
    it('keeps the DOM bounded with 2,000 messages', async () => {
      const el = await drawer(conversation(2000));
      expect(renderedMessages(el).length).to.equal(60);
      expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(700);
      const last = renderedMessages(el)[59]!;
      expect(last.querySelector('.text')!.textContent).to.equal('Message 2000');
    });

    it('keeps the DOM bounded while a long conversation streams in', async () => {
      const el = await drawer([]);
      let messages: TranscriptMessage[] = [];
      for (const batch of Array.from({ length: 20 }, () => conversation(100))) {
        messages = [...messages, ...batch];
        el.messages = messages;
        await el.updateComplete;
      }
      expect(messages.length).to.equal(2000);
      expect(renderedMessages(el).length).to.equal(60);
    });

    it('reuses message elements by id when new messages arrive', async () => {
      const messages = conversation(10);
      const el = await drawer(messages);
      const first = renderedMessages(el)[0];
      el.messages = [...messages, message('replica', 'new')];
      await el.updateComplete;
      expect(renderedMessages(el)[0]).to.equal(first);
    });

    it('extends the window with "show earlier messages" and keeps the reader in place', async () => {
      const el = await drawer(conversation(150));
      const earlier = shadowQuery(el, '[part="earlier-button"]');
      expect(earlier.textContent!.trim()).to.equal(EN_STRINGS.showEarlier);
      const firstShown = renderedMessages(el)[0]!;
      log(el).scrollTop = 0;
      await nextFrames();
      const before = firstShown.getBoundingClientRect().top;

      earlier.click();
      await el.updateComplete;
      expect(renderedMessages(el).length).to.equal(120);
      expect(firstShown.isConnected).to.equal(true);
      expect(Math.abs(firstShown.getBoundingClientRect().top - before)).to.be.below(2);

      shadowQuery(el, '[part="earlier-button"]').click();
      await el.updateComplete;
      expect(renderedMessages(el).length).to.equal(150);
      expect(el.shadowRoot!.querySelector('[part="earlier-button"]')).to.equal(null);
    });
  });

  describe('scrolling', () => {
    it('follows new messages while the reader is at the latest one', async () => {
      const messages = conversation(40);
      const el = await drawer(messages);
      expect(atBottom(log(el))).to.equal(true);
      el.messages = [...messages, message('replica', 'A new reply\nover\nseveral\nlines')];
      await el.updateComplete;
      await nextFrames();
      expect(atBottom(log(el))).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part="jump-button"]')).to.equal(null);
    });

    it('stays at the latest when the window slides and "show earlier" appears above', async () => {
      // Messages of one height: the list keeps its size as one leaves and one arrives.
      const same = () => message('replica', 'The same short line.');
      const messages = Array.from({ length: 60 }, same);
      const el = await drawer(messages);
      expect(el.shadowRoot!.querySelector('[part="earlier-button"]')).to.equal(null);
      expect(atBottom(log(el))).to.equal(true);
      el.messages = [...messages, same()];
      await el.updateComplete;
      await nextFrames();
      expect(el.shadowRoot!.querySelector('[part="earlier-button"]')).to.not.equal(null);
      expect(atBottom(log(el))).to.equal(true);
    });

    it('follows a reply that grows while it streams, frame after frame', async () => {
      const messages = conversation(40);
      const el = await drawer(messages);
      let reply = { ...message('replica', 'We open'), final: false };
      el.messages = [...messages, reply];
      for (const more of [
        ' at nine',
        ' tomorrow morning,\nand close',
        ' at six\nin the evening.',
      ]) {
        reply = { ...reply, text: reply.text + more };
        el.messages = [...messages, reply];
        await el.updateComplete;
        await nextFrames();
        expect(atBottom(log(el)), reply.text).to.equal(true);
      }
    });

    it('does not yank a reader who scrolled up, and offers "jump to latest"', async () => {
      const messages = conversation(40);
      const el = await drawer(messages);
      const region = log(el);
      region.scrollTop = 100;
      region.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const anchor = renderedMessages(el)[5]!;
      const before = anchor.getBoundingClientRect().top;

      el.messages = [...messages, message('replica', 'Something new')];
      await el.updateComplete;
      await nextFrames();
      expect(Math.abs(anchor.getBoundingClientRect().top - before)).to.be.below(2);
      expect(atBottom(region)).to.equal(false);

      const jump = shadowQuery(el, '[part="jump-button"]');
      expect(jump.textContent!.trim()).to.equal(EN_STRINGS.jumpToLatest);
      jump.click();
      await el.updateComplete;
      await nextFrames();
      expect(atBottom(region)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part="jump-button"]')).to.equal(null);
      expect(deepActiveElement()).to.equal(textarea(el));
    });

    it('keeps a reader far back in place, with a bounded DOM, however much arrives', async () => {
      const messages = conversation(20);
      const el = await drawer(messages);
      el.windowSize = 10; // at most 5 windows (50 messages) in the DOM
      await el.updateComplete;
      const region = log(el);
      region.scrollTop = 40;
      region.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      const anchor = renderedMessages(el)[2]!;
      const before = anchor.getBoundingClientRect().top;

      let all = messages;
      for (let batch = 0; batch < 10; batch += 1) {
        all = [...all, ...conversation(30, `Batch ${batch}`)];
        el.messages = all;
        await el.updateComplete;
      }
      await nextFrames();
      expect(renderedMessages(el).length).to.equal(50);
      expect(anchor.isConnected).to.equal(true);
      expect(Math.abs(anchor.getBoundingClientRect().top - before)).to.be.below(2);

      // Reading on to the end of the window slides it forward, still bounded.
      const lastShown = renderedMessages(el)[49]!;
      region.scrollTop = region.scrollHeight;
      await nextFrames();
      const lastTop = lastShown.getBoundingClientRect().top;
      region.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      await nextFrames();
      expect(renderedMessages(el).length).to.equal(50);
      expect(lastShown.isConnected).to.equal(true);
      expect(Math.abs(lastShown.getBoundingClientRect().top - lastTop)).to.be.below(2);
      expect(renderedMessages(el)[49]).to.not.equal(lastShown);

      shadowQuery(el, '[part="jump-button"]').click();
      await el.updateComplete;
      await nextFrames();
      const shown = renderedMessages(el);
      expect(shown.length).to.equal(10);
      expect(shown[9]!.querySelector('.text')!.textContent).to.equal('Batch 9 30');
      expect(atBottom(region)).to.equal(true);
    });
  });

  describe('composer', () => {
    it('has a labelled textarea, placeholder and send button', async () => {
      const el = await drawer();
      const input = textarea(el);
      const label = shadowQuery(el, `label[for="${input.id}"]`);
      expect(label.textContent!.trim()).to.equal(EN_STRINGS.composerLabel);
      expect(input.placeholder).to.equal(EN_STRINGS.composerPlaceholder);
      expect(shadowQuery(el, '[part="send-button"]').getAttribute('aria-label')).to.equal(
        EN_STRINGS.send,
      );
    });

    it('follows the inherited direction while empty, and the text once typed', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl">
          <tavus-chat-drawer open style="width: 360px"></tavus-chat-drawer>
        </div>`,
      );
      const el = wrapper.querySelector('tavus-chat-drawer')!;
      await el.updateComplete;
      const input = textarea(el);
      expect(input.hasAttribute('dir')).to.equal(false);
      expect(getComputedStyle(input).direction).to.equal('rtl');
      input.focus();
      await sendKeys({ type: 'Hello' });
      await el.updateComplete;
      expect(input.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(input).direction).to.equal('ltr');
      input.value = '';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(input.hasAttribute('dir')).to.equal(false);
      expect(getComputedStyle(input).direction).to.equal('rtl');
    });

    it('sends on Enter with an internal event and clears the box', async () => {
      const el = await drawer();
      textarea(el).focus();
      await sendKeys({ type: 'Hello there' });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(el, 'chat-send')) as CustomEvent<{ text: string }>;
      expect(event.detail.text).to.equal('Hello there');
      expect(event.bubbles).to.equal(false);
      expect(event.composed).to.equal(false);
      await el.updateComplete;
      expect(textarea(el).value).to.equal('');
    });

    it('adds a newline on Shift+Enter instead of sending', async () => {
      const el = await drawer();
      const spy = sinon.spy();
      el.addEventListener('chat-send', spy);
      textarea(el).focus();
      await sendKeys({ type: 'one' });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ type: 'two' });
      expect(textarea(el).value).to.equal('one\ntwo');
      expect(spy.called).to.equal(false);
      await sendKeys({ press: 'Enter' });
      expect(spy.calledOnce).to.equal(true);
      expect(spy.firstCall.args[0].detail.text).to.equal('one\ntwo');
    });

    it('sends with the send button', async () => {
      const el = await drawer();
      textarea(el).focus();
      await sendKeys({ type: 'Button send' });
      await el.updateComplete;
      setTimeout(() => shadowQuery(el, '[part="send-button"]').click());
      const event = (await oneEvent(el, 'chat-send')) as CustomEvent<{ text: string }>;
      expect(event.detail.text).to.equal('Button send');
    });

    it('ignores Enter while an IME is composing', async () => {
      const el = await drawer();
      const spy = sinon.spy();
      el.addEventListener('chat-send', spy);
      const input = textarea(el);
      input.focus();
      await sendKeys({ type: 'nihon' });
      for (const init of [
        { key: 'Enter', isComposing: true },
        { key: 'Enter', keyCode: 229 },
      ]) {
        const keydown = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true });
        input.dispatchEvent(keydown);
        expect(keydown.defaultPrevented).to.equal(false);
      }
      expect(spy.called).to.equal(false);
      expect(input.value).to.equal('nihon');
    });

    it('does not send blank text', async () => {
      const el = await drawer();
      const spy = sinon.spy();
      el.addEventListener('chat-send', spy);
      textarea(el).focus();
      await sendKeys({ type: '   ' });
      await sendKeys({ press: 'Enter' });
      expect(spy.called).to.equal(false);
    });

    it('is disabled with a visible reason when not connected', async () => {
      const el = await drawer([], { disabled: true });
      const input = textarea(el);
      const reason = shadowQuery(el, '[part="composer-reason"]');
      expect(input.disabled).to.equal(true);
      expect(reason.textContent!.trim()).to.equal(EN_STRINGS.composerDisabled);
      expect(input.getAttribute('aria-describedby')).to.contain(reason.id);
      expect(shadowQuery<HTMLButtonElement>(el, '[part="send-button"]').disabled).to.equal(true);
    });

    it('limits the length and shows a counter near the limit', async () => {
      const el = await drawer([], { maxLength: 20 });
      const input = textarea(el);
      expect(input.maxLength).to.equal(20);
      expect(el.shadowRoot!.querySelector('[part="counter"]')).to.equal(null);
      input.focus();
      await sendKeys({ type: 'x'.repeat(25) });
      await el.updateComplete;
      expect(input.value.length).to.equal(20);
      const counter = shadowQuery(el, '[part="counter"]');
      expect(counter.textContent!.trim()).to.equal('20/20');
      expect(input.getAttribute('aria-describedby')).to.contain(counter.id);
    });
  });

  describe('language', () => {
    it('writes the counter in the digits of the nearest lang, across shadow roots', async () => {
      const outer = await fixture<HTMLElement>(html`<section lang="ar-EG"><div></div></section>`);
      const root = outer.querySelector('div')!.attachShadow({ mode: 'open' });
      const el = document.createElement('tavus-chat-drawer');
      el.maxLength = 20;
      el.open = true;
      root.append(el);
      await el.updateComplete;
      textarea(el).focus();
      await sendKeys({ type: 'x'.repeat(18) });
      await el.updateComplete;
      expect(shadowQuery(el, '[part="counter"]').textContent!.trim()).to.equal('١٨/٢٠');

      // A lang that is not a language tag: the browser's own format, and no error.
      outer.setAttribute('lang', 'not a language tag');
      el.requestUpdate();
      await el.updateComplete;
      expect(shadowQuery(el, '[part="counter"]').textContent!.trim()).to.equal('18/20');
    });
  });

  describe('keyboard', () => {
    it('asks to close on Escape, marking the key as handled', async () => {
      const el = await drawer();
      textarea(el).focus();
      const closed = oneEvent(el, 'chat-close');
      const keydown = new KeyboardEvent('keydown', {
        key: 'Escape',
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      textarea(el).dispatchEvent(keydown);
      const event = await closed;
      expect(event.bubbles).to.equal(false);
      expect(keydown.defaultPrevented).to.equal(true);
    });

    it('asks to close from the close button', async () => {
      const el = await drawer();
      setTimeout(() => shadowQuery(el, '[part="close-button"]').click());
      await oneEvent(el, 'chat-close');
    });

    it('focuses the composer when opened', async () => {
      const el = await drawer();
      el.open = false;
      await el.updateComplete;
      el.open = true;
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(textarea(el));
    });

    it('focuses the transcript when opened with the composer disabled', async () => {
      const el = await drawer([message('replica', 'Hi')], { disabled: true });
      el.open = false;
      await el.updateComplete;
      el.open = true;
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(log(el));
    });

    it('does not take focus when it starts open', async () => {
      const before = document.activeElement;
      await drawer();
      expect(document.activeElement).to.equal(before);
    });

    it('tabs from the close button to the transcript, the composer and send', async () => {
      const el = await drawer([message('replica', 'Hi')]);
      shadowQuery(el, '[part="close-button"]').focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(log(el));
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(textarea(el));
      await sendKeys({ type: 'hi' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(shadowQuery(el, '[part="send-button"]'));
    });
  });

  describe('accessibility', () => {
    it('passes axe with messages', async () => {
      const el = await drawer([
        message('replica', 'Hello, how can I help?'),
        message('user', 'Where is my order?'),
        message('replica', 'Let me check', { interrupted: true }),
        message('replica', 'It is', { final: false }),
      ]);
      await expect(el).to.be.accessible();
    });

    it('passes axe when empty and disabled', async () => {
      const el = await drawer([], { disabled: true });
      await expect(el).to.be.accessible();
    });

    it('passes axe with the jump button and the earlier button', async () => {
      const el = await drawer(conversation(100));
      log(el).scrollTop = 0;
      log(el).dispatchEvent(new Event('scroll'));
      await waitUntil(() => el.shadowRoot!.querySelector('[part="jump-button"]'));
      await expect(el).to.be.accessible();
    });
  });
});
