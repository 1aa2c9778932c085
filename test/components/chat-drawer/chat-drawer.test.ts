import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/chat-drawer/chat-drawer.js';
import type { TavusChatDrawer } from '../../../src/components/chat-drawer/chat-drawer.js';
import { COMPOSER_MAX_LENGTH } from '../../../src/components/chat-drawer/limits.js';
import type { TranscriptMessage } from '../../../src/protocol/transcript.js';
import { EN_STRINGS } from '../../../src/translations/en.js';
import { sendKeys } from '../../support/browser-commands.js';
import { deepActiveElement, shadowQuery } from '../../support/shadow-dom.js';
import { nextFrames } from '../../support/wait.js';
import { conversation, message } from '../../support/view-host.js';
import { expectAccessible } from '../../support/accessible.js';

async function drawer(
  messages: readonly TranscriptMessage[] = [],
  options: { disabled?: boolean; height?: number } = {},
): Promise<TavusChatDrawer> {
  const el = await fixture<TavusChatDrawer>(
    html`<tavus-chat-drawer
      style=${`height: ${options.height ?? 420}px; width: 360px`}
      open
      .messages=${messages}
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
      const sender = shadowQuery(el, '.sender');
      expect(sender.textContent).to.equal('Anna');
      el.replicaName = '  ';
      await el.updateComplete;
      expect(sender.textContent).to.equal(EN_STRINGS.replica);
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

    it('shows typing dots for a reply that has no text yet, until its text arrives', async () => {
      const reply = message('replica', '', { final: false });
      const el = await drawer([reply]);
      expect(el.shadowRoot!.querySelector('.typing')).to.not.equal(null);
      el.messages = [{ ...reply, text: 'Well' }];
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.typing')).to.equal(null);
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

    it('shows the default empty text without slotted content, until a message arrives', async () => {
      const el = await drawer([]);
      expect(shadowQuery(el, '[part="empty"]').textContent!.trim()).to.equal(
        EN_STRINGS.transcriptEmpty,
      );
      el.messages = [message('user', 'Hi')];
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="empty"]')).to.equal(null);
    });

    it('fits the empty state in a short drawer without a scrollbar', async () => {
      // A phone's chat sheet under the call leaves the log about 87 px; its padding is part of
      // that room, so the empty state must not add its own on top of a full-height box.
      const el = await drawer([], { disabled: true, height: 240 });
      for (const room of [87, 140]) {
        el.style.height = `${el.offsetHeight + room - log(el).clientHeight}px`;
        await nextFrames();
        expect(log(el).clientHeight, 'the log was sized').to.equal(room);
        expect(log(el).scrollHeight, `overflow with ${room} px`).to.be.at.most(room);
        const empty = shadowQuery(el, '[part="empty"]').getBoundingClientRect();
        const box = log(el).getBoundingClientRect();
        const middle = (edge: DOMRect) => edge.top + edge.height / 2;
        expect(Math.abs(middle(empty) - middle(box)), 'centred').to.be.at.most(4);
      }
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
    it('starts again at the latest message when a shorter transcript replaces it', async () => {
      const el = await drawer(conversation(150));
      log(el).scrollTop = 0;
      log(el).dispatchEvent(new Event('scroll'));
      shadowQuery(el, '[part="earlier-button"]').click();
      await el.updateComplete;
      expect(renderedMessages(el).length).to.equal(120);

      el.messages = conversation(100, 'New');
      await el.updateComplete;
      await nextFrames();
      expect(renderedMessages(el).length).to.equal(60);
      expect(el.shadowRoot!.querySelector('[part="jump-button"]')).to.equal(null);
      expect(atBottom(log(el))).to.equal(true);
    });

    it('renders a new window size at once, from the latest message', async () => {
      const el = await drawer(conversation(100));
      el.windowSize = 10;
      await el.updateComplete;
      const shown = renderedMessages(el);
      expect(shown.length).to.equal(10);
      expect(shown[9]!.querySelector('.text')!.textContent).to.equal('Message 100');
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
    it('sits under the transcript, labelled, and sends on Enter with an internal event', async () => {
      const el = await drawer();
      const input = textarea(el);
      expect(input.getAttribute('part')).to.equal('composer-input');
      expect(shadowQuery(el, `label[for="${input.id}"]`).textContent!.trim()).to.equal(
        EN_STRINGS.composerLabel,
      );
      input.focus();
      await sendKeys({ type: 'Hello there' });
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(el, 'chat-send')) as CustomEvent<{ text: string }>;
      expect(event.detail.text).to.equal('Hello there');
      expect(event.bubbles).to.equal(false);
      expect(event.composed).to.equal(false);
      await el.updateComplete;
      expect(textarea(el).value).to.equal('');
    });

    it('brings a reader who scrolled up back to the latest when they send', async () => {
      const el = await drawer(conversation(150));
      log(el).scrollTop = 0;
      log(el).dispatchEvent(new Event('scroll'));
      shadowQuery(el, '[part="earlier-button"]').click();
      await el.updateComplete;
      textarea(el).focus();
      await sendKeys({ type: 'Back to you' });
      await el.updateComplete;
      expect(renderedMessages(el).length).to.equal(120);
      expect(el.shadowRoot!.querySelector('[part="jump-button"]')).to.not.equal(null);

      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await nextFrames();
      expect(renderedMessages(el).length).to.equal(60);
      expect(el.shadowRoot!.querySelector('[part="jump-button"]')).to.equal(null);
      expect(atBottom(log(el))).to.equal(true);
    });

    it('is disabled with a visible reason while composer-disabled is set', async () => {
      const el = await drawer([], { disabled: true });
      const input = textarea(el);
      const reason = shadowQuery(el, '[part="composer-reason"]');
      expect(input.disabled).to.equal(true);
      expect(reason.textContent!.trim()).to.equal(EN_STRINGS.composerDisabled);
      expect(input.getAttribute('aria-describedby')).to.contain(reason.id);

      el.removeAttribute('composer-disabled');
      await el.updateComplete;
      expect(input.disabled).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="composer-reason"]')).to.equal(null);
    });

    it('limits messages to COMPOSER_MAX_LENGTH unless told otherwise', async () => {
      const el = await drawer();
      expect(COMPOSER_MAX_LENGTH).to.equal(2000);
      expect(textarea(el).maxLength).to.equal(COMPOSER_MAX_LENGTH);
      el.setAttribute('max-length', '20');
      await el.updateComplete;
      expect(textarea(el).maxLength).to.equal(20);
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
      const event = await oneEvent(el, 'chat-close');
      expect(event.bubbles).to.equal(false);
      expect(event.composed).to.equal(false);
    });

    it('does not take focus when it starts open, and focuses the composer when opened', async () => {
      const before = document.activeElement;
      const el = await drawer();
      expect(document.activeElement).to.equal(before);
      expect(deepActiveElement()).to.not.equal(textarea(el));
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
      await expectAccessible(el);
    });

    it('passes axe when empty and disabled', async () => {
      const el = await drawer([], { disabled: true });
      await expectAccessible(el);
    });

    it('passes axe with the jump button and the earlier button', async () => {
      const el = await drawer(conversation(100));
      log(el).scrollTop = 0;
      log(el).dispatchEvent(new Event('scroll'));
      await waitUntil(() => el.shadowRoot!.querySelector('[part="jump-button"]'));
      await expectAccessible(el);
    });
  });
});
