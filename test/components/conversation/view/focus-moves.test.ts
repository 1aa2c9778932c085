import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  FocusMoves,
  focusMovesOf,
} from '../../../../src/components/conversation/view/focus-moves.js';
import { deepActiveElement, shadowQuery } from '../../../support/shadow-dom.js';

/** The view's focus targets, each one removable, in a shadow root like the conversation's. */
@customElement('test-focus-host')
class TestFocusHost extends LitElement {
  @property({ type: Boolean }) accessor panelOpen = true;
  @property({ type: Boolean }) accessor mainAction = true;
  @property({ type: Boolean }) accessor chatToggle = true;
  @property({ type: Boolean }) accessor chatOpener = true;
  @property({ type: Boolean }) accessor devices = true;

  /** Renders since the fixture was made. */
  renders = 0;

  override render() {
    this.renders += 1;
    return litHtml`<div class="panel" tabindex="-1" ?hidden=${!this.panelOpen}>
        <button class="other">Other</button>
        ${this.mainAction ? litHtml`<button data-autofocus>Start</button>` : ''}
        ${this.chatOpener ? litHtml`<button data-chat-opener>View transcript</button>` : ''}
        <button id="microphone-toggle" ?hidden=${!this.devices}>Microphone</button>
        <button id="camera-toggle" ?hidden=${!this.devices}>Camera</button>
        ${this.chatToggle ? litHtml`<button id="chat-toggle">Chat</button>` : ''}
      </div>
      <button class="launcher">Launcher</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'test-focus-host': TestFocusHost;
  }
}

async function focusHost(): Promise<TestFocusHost> {
  const host = await fixture<TestFocusHost>(html`<test-focus-host></test-focus-host>`);
  await host.updateComplete;
  return host;
}

const focused = (host: TestFocusHost, selector: string) =>
  deepActiveElement() === shadowQuery(host, selector);

describe('FocusMoves', () => {
  it('is one controller per host, made on first use or by the host', async () => {
    const host = await focusHost();
    const moves = FocusMoves.of(host);
    expect(FocusMoves.of(host)).to.equal(moves);
    const other = await focusHost();
    const own = new FocusMoves(other);
    expect(FocusMoves.of(other)).to.equal(own);
    expect(own).to.not.equal(moves);
  });

  it("finds the host's controller from an event in its shadow root", async () => {
    const host = await focusHost();
    let found: FocusMoves | undefined;
    const launcher = shadowQuery(host, '.launcher');
    launcher.addEventListener('click', (event) => (found = focusMovesOf(event)));
    launcher.click();
    expect(found).to.equal(FocusMoves.of(host));
  });

  describe('at once', () => {
    it('keeps focus in the panel when a screen button is pressed', async () => {
      const host = await focusHost();
      shadowQuery(host, '[data-autofocus]').focus();
      FocusMoves.of(host).screenLeft();
      expect(focused(host, '.panel')).to.equal(true);
    });

    it('moves to the retried device: the microphone, or the camera when it is unavailable', async () => {
      const host = await focusHost();
      FocusMoves.of(host).devicesRetried(true);
      expect(focused(host, '#microphone-toggle')).to.equal(true);
      FocusMoves.of(host).devicesRetried(false);
      expect(focused(host, '#camera-toggle')).to.equal(true);
    });

    it('skips a target that is not shown, for the panel', async () => {
      const host = await focusHost();
      host.devices = false;
      await host.updateComplete;
      shadowQuery(host, '.other').focus();
      FocusMoves.of(host).devicesRetried(true);
      expect(focused(host, '.panel')).to.equal(true);
    });
  });

  describe('after the next update', () => {
    it('returns to the launcher once the panel has collapsed', async () => {
      const host = await focusHost();
      shadowQuery(host, '[data-autofocus]').focus();
      host.panelOpen = false;
      FocusMoves.of(host).panelClosed();
      // Not before the update that hides the panel.
      expect(focused(host, '[data-autofocus]')).to.equal(true);
      await host.updateComplete;
      expect(focused(host, '.launcher')).to.equal(true);
    });

    it('moves even when nothing else changed (it asks for the update)', async () => {
      const host = await focusHost();
      const renders = host.renders;
      FocusMoves.of(host).panelClosed();
      await host.updateComplete;
      expect(host.renders).to.equal(renders + 1);
      expect(focused(host, '.launcher')).to.equal(true);
    });

    it("goes to the opened panel's main action, or to the panel without one", async () => {
      const host = await focusHost();
      host.panelOpen = false;
      await host.updateComplete;
      shadowQuery(host, '.launcher').focus();
      host.panelOpen = true;
      FocusMoves.of(host).panelOpened();
      await host.updateComplete;
      expect(focused(host, '[data-autofocus]')).to.equal(true);

      host.panelOpen = false;
      await host.updateComplete;
      shadowQuery(host, '.launcher').focus();
      host.panelOpen = true;
      host.mainAction = false;
      FocusMoves.of(host).panelOpened();
      await host.updateComplete;
      expect(focused(host, '.panel')).to.equal(true);
    });

    it('returns from the closed chat to its toggle, else to its opener, else to the panel', async () => {
      const host = await focusHost();
      const moves = FocusMoves.of(host);
      moves.chatClosed();
      await host.updateComplete;
      expect(focused(host, '#chat-toggle')).to.equal(true);

      host.chatToggle = false;
      moves.chatClosed();
      await host.updateComplete;
      expect(focused(host, '[data-chat-opener]')).to.equal(true);

      host.chatOpener = false;
      moves.chatClosed();
      await host.updateComplete;
      expect(focused(host, '.panel')).to.equal(true);
    });

    it('moves once: later updates leave focus where the user put it', async () => {
      const host = await focusHost();
      FocusMoves.of(host).panelClosed();
      await host.updateComplete;
      expect(focused(host, '.launcher')).to.equal(true);
      shadowQuery(host, '.other').focus();
      host.requestUpdate();
      await host.updateComplete;
      expect(focused(host, '.other')).to.equal(true);
    });

    it('is replaced by a move made at once before the update', async () => {
      const host = await focusHost();
      const moves = FocusMoves.of(host);
      moves.panelClosed();
      moves.devicesRetried(true);
      await host.updateComplete;
      expect(focused(host, '#microphone-toggle')).to.equal(true);
    });
  });
});
