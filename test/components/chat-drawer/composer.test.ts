import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sendKeys } from '../../support/browser-commands.js';
import sinon from 'sinon';
import { COUNTER_FROM, Composer } from '../../../src/components/chat-drawer/composer.js';
import { composerStyles } from '../../../src/components/chat-drawer/composer.styles.js';
import { COMPOSER_MAX_LENGTH } from '../../../src/components/chat-drawer/limits.js';
import { sharedStyles } from '../../../src/styles/shared.js';
import { EN_STRINGS } from '../../../src/translations/en.js';
import type { TavusStrings } from '../../../src/translations/en.js';
import { shadowQuery } from '../../support/shadow-dom.js';

/** The composer on its own, in a host that records what it sends. */
@customElement('test-composer-host')
class ComposerHost extends LitElement {
  static override styles = [sharedStyles, composerStyles];

  @property({ attribute: false }) accessor strings: TavusStrings = EN_STRINGS;
  @property({ type: Number }) accessor maxLength = COMPOSER_MAX_LENGTH;
  @property({ type: Boolean }) accessor composerDisabled = false;

  readonly sent: string[] = [];
  readonly composer = new Composer(this, (text) => this.sent.push(text));

  override render() {
    return this.composer.render();
  }
}

async function composer(
  options: { disabled?: boolean; maxLength?: number } = {},
): Promise<ComposerHost> {
  return fixture<ComposerHost>(
    html`<test-composer-host
      style="display: block; width: 360px"
      .maxLength=${options.maxLength ?? COMPOSER_MAX_LENGTH}
      .composerDisabled=${options.disabled ?? false}
    ></test-composer-host>`,
  );
}

const textarea = (el: ComposerHost) => shadowQuery<HTMLTextAreaElement>(el, 'textarea');
const sendButton = (el: ComposerHost) => shadowQuery<HTMLButtonElement>(el, '[part="send-button"]');
const counter = (el: ComposerHost) => el.shadowRoot!.querySelector('[part="counter"]');

/** Types into the focused textarea and waits for the render it causes. */
async function type(el: ComposerHost, text: string): Promise<void> {
  textarea(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** A synthetic Enter on the textarea, as `init` describes it; answers whether it was taken. */
function pressEnter(el: ComposerHost, init: KeyboardEventInit = {}): boolean {
  const keydown = new KeyboardEvent('keydown', {
    key: 'Enter',
    ...init,
    bubbles: true,
    cancelable: true,
  });
  textarea(el).dispatchEvent(keydown);
  return keydown.defaultPrevented;
}

describe('Composer', () => {
  it('renders a labelled textarea, placeholder and send button with their parts', async () => {
    const el = await composer();
    const input = textarea(el);
    expect(shadowQuery(el, 'form').getAttribute('part')).to.equal('composer');
    expect(input.getAttribute('part')).to.equal('composer-input');
    expect(shadowQuery(el, `label[for="${input.id}"]`).textContent!.trim()).to.equal(
      EN_STRINGS.composerLabel,
    );
    expect(input.placeholder).to.equal(EN_STRINGS.composerPlaceholder);
    expect(input.enterKeyHint).to.equal('send');
    expect(sendButton(el).getAttribute('aria-label')).to.equal(EN_STRINGS.send);
  });

  it('sends the trimmed draft on Enter and clears the box', async () => {
    const el = await composer();
    await type(el, '  Hello there  ');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.sent).to.deep.equal(['Hello there']);
    expect(textarea(el).value).to.equal('');
    expect(el.composer.draft).to.equal('');
  });

  it('adds a newline on Shift+Enter instead of sending', async () => {
    const el = await composer();
    await type(el, 'one');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await type(el, 'two');
    expect(textarea(el).value).to.equal('one\ntwo');
    expect(el.sent).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    expect(el.sent).to.deep.equal(['one\ntwo']);
  });

  it('sends with the send button, which is enabled only with text to send', async () => {
    const el = await composer();
    expect(sendButton(el).disabled).to.equal(true);
    await type(el, '   ');
    expect(sendButton(el).disabled).to.equal(true);
    await type(el, 'Button send');
    expect(sendButton(el).disabled).to.equal(false);
    sendButton(el).click();
    await el.updateComplete;
    expect(el.sent).to.deep.equal(['Button send']);
    expect(sendButton(el).disabled).to.equal(true);
  });

  it('ignores Enter while an IME is composing, and takes a plain Enter', async () => {
    const el = await composer();
    await type(el, 'nihon');
    expect(pressEnter(el, { isComposing: true })).to.equal(false);
    // Some IMEs confirm with keyCode 229 and isComposing false.
    expect(pressEnter(el, { keyCode: 229 })).to.equal(false);
    expect(el.sent).to.deep.equal([]);
    expect(textarea(el).value).to.equal('nihon');

    expect(pressEnter(el)).to.equal(true);
    expect(el.sent).to.deep.equal(['nihon']);
  });

  it('does not send blank text, and keeps it', async () => {
    const el = await composer();
    await type(el, '   ');
    expect(pressEnter(el)).to.equal(true);
    el.composer.submit();
    expect(el.sent).to.deep.equal([]);
    expect(el.composer.draft).to.equal('   ');
    await type(el, 'x');
    el.composer.submit();
    expect(el.sent).to.deep.equal(['x']);
  });

  it('shows why it is disabled, and sends nothing until enabled', async () => {
    const el = await composer();
    await type(el, 'Typed before the call dropped');
    el.composerDisabled = true;
    await el.updateComplete;

    const input = textarea(el);
    const reason = shadowQuery(el, '[part="composer-reason"]');
    expect(reason.textContent!.trim()).to.equal(EN_STRINGS.composerDisabled);
    expect(input.disabled).to.equal(true);
    expect(input.getAttribute('aria-describedby')).to.equal(reason.id);
    expect(sendButton(el).disabled).to.equal(true);
    expect(shadowQuery(el, 'form').hasAttribute('data-disabled')).to.equal(true);
    el.composer.submit();
    expect(el.sent).to.deep.equal([]);

    el.composerDisabled = false;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="composer-reason"]')).to.equal(null);
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
    el.composer.submit();
    expect(el.sent).to.deep.equal(['Typed before the call dropped']);
  });

  it('limits the length, and counts from 80% of the limit on', async () => {
    expect(COUNTER_FROM).to.equal(0.8);
    const el = await composer({ maxLength: 20 });
    const input = textarea(el);
    expect(input.maxLength).to.equal(20);
    await type(el, 'x'.repeat(15));
    expect(counter(el)).to.equal(null);

    await type(el, 'x');
    expect(counter(el)!.textContent!.trim()).to.equal('16/20');
    expect(counter(el)!.classList.contains('full')).to.equal(false);
    expect(input.getAttribute('aria-describedby')).to.equal(counter(el)!.id);

    await type(el, 'x'.repeat(10));
    expect(input.value.length).to.equal(20);
    expect(counter(el)!.textContent!.trim()).to.equal('20/20');
    expect(counter(el)!.classList.contains('full')).to.equal(true);
  });

  it('counts JSON escapes toward the limit, as Daily does, and will not send past it', async () => {
    const el = await composer({ maxLength: 20 });
    // Set, not typed: WebDriver drops repeated keys in some engines.
    const draft = async (text: string) => {
      el.composer.draft = text;
      await el.updateComplete;
    };
    await draft('"'.repeat(9));
    // Nine quotes are 18 characters once escaped.
    expect(counter(el)!.textContent!.trim()).to.equal('18/20');
    await draft('"'.repeat(11));
    expect(textarea(el).value.length).to.equal(11);
    expect(counter(el)!.textContent!.trim()).to.equal('22/20');
    expect(counter(el)!.getAttribute('role')).to.equal('alert');
    expect(sendButton(el).disabled).to.equal(true);
    el.composer.submit();
    expect(el.sent).to.deep.equal([]);
    // Positive control: back within the limit, it sends.
    await draft('"'.repeat(10));
    expect(sendButton(el).disabled).to.equal(false);
    el.composer.submit();
    expect(el.sent).to.deep.equal(['"'.repeat(10)]);
  });

  it('has no limit and no counter when the limit is 0', async () => {
    const el = await composer({ maxLength: 0 });
    expect(textarea(el).hasAttribute('maxlength')).to.equal(false);
    await type(el, 'x'.repeat(30));
    expect(textarea(el).value.length).to.equal(30);
    expect(counter(el)).to.equal(null);
  });

  it('describes the textarea by both the reason and the counter', async () => {
    const el = await composer({ maxLength: 10 });
    await type(el, 'x'.repeat(9));
    el.composerDisabled = true;
    await el.updateComplete;
    expect(textarea(el).getAttribute('aria-describedby')).to.equal(
      'composer-reason composer-counter',
    );
  });

  it('writes the counter in the digits of the nearest lang, across shadow roots', async () => {
    const outer = await fixture<HTMLElement>(html`<section lang="ar-EG"><div></div></section>`);
    const root = outer.querySelector('div')!.attachShadow({ mode: 'open' });
    const el = document.createElement('test-composer-host') as ComposerHost;
    el.maxLength = 20;
    root.append(el);
    await el.updateComplete;
    await type(el, 'x'.repeat(18));
    expect(counter(el)!.textContent!.trim()).to.equal('١٨/٢٠');

    // A lang that is not a language tag: the browser's own format, and no error.
    outer.setAttribute('lang', 'not a language tag');
    el.requestUpdate();
    await el.updateComplete;
    expect(counter(el)!.textContent!.trim()).to.equal('18/20');
  });

  it('follows the inherited direction while empty, and the text once typed', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><test-composer-host style="display: block"></test-composer-host></div>`,
    );
    const el = wrapper.querySelector<ComposerHost>('test-composer-host')!;
    await el.updateComplete;
    const input = textarea(el);
    expect(input.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(input).direction).to.equal('rtl');
    await type(el, 'Hello');
    expect(input.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(input).direction).to.equal('ltr');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(input.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(input).direction).to.equal('rtl');
  });

  it('asks its host to render when the draft changes, and only then', async () => {
    const el = await composer();
    const requestUpdate = sinon.spy(el, 'requestUpdate');
    el.composer.draft = '';
    expect(requestUpdate.called).to.equal(false);
    el.composer.draft = 'hi';
    expect(requestUpdate.calledOnce).to.equal(true);
    await el.updateComplete;
    expect(textarea(el).value).to.equal('hi');
  });
});
