// Runs in a page of its own without the call chunk: the regions arrive when this test says.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  callRegion,
  provideCallRegions,
} from '../../../../src/components/conversation/view/call-regions.js';
import type { CallRegions } from '../../../../src/components/conversation/view/call-regions.js';
import type {
  ConversationViewHandlers,
  ConversationViewModel,
} from '../../../../src/components/conversation/view-model.js';

// The regions here are the test's own and read neither.
const model = {} as ConversationViewModel;
const handlers = {} as ConversationViewHandlers;

/** Renders one call region, in a shadow root or (light) in itself. */
@customElement('test-region-host')
class TestRegionHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property({ type: Boolean }) accessor light = false;

  renders = 0;

  protected override createRenderRoot() {
    return this.light ? this : super.createRenderRoot();
  }

  override render() {
    this.renders += 1;
    return litHtml`<div class="slot">${callRegion('controls', model, handlers)}</div>`;
  }
}

const regions: CallRegions = {
  speaker: () => litHtml``,
  notice: () => litHtml``,
  progress: () => litHtml``,
  captions: () => litHtml``,
  controls: () => litHtml`<p class="bar">controls</p>`,
  styles: [
    css`
      .bar {
        color: rgb(1, 2, 3);
      }
    `,
  ],
};

describe('callRegion', () => {
  it('renders nothing before the call chunk, then its region and styles once it comes', async () => {
    const shadow = await fixture<TestRegionHost>(html`<test-region-host></test-region-host>`);
    const light = await fixture<TestRegionHost>(html`<test-region-host light></test-region-host>`);
    (globalThis as { litNonce?: string }).litNonce = 'n0nce';
    try {
      for (const host of [shadow, light]) {
        expect(host.renderRoot.querySelector('.bar') === null, 'nothing yet').to.equal(true);
      }
      const sheets = shadow.shadowRoot!.adoptedStyleSheets.length;

      provideCallRegions(regions);
      // Both hosts render again by themselves.
      for (const host of [shadow, light]) await host.updateComplete;

      const bar = shadow.shadowRoot!.querySelector('.bar')!;
      expect(bar.textContent).to.equal('controls');
      expect(shadow.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets + 1);
      expect(getComputedStyle(bar).color).to.equal('rgb(1, 2, 3)');

      // Without a shadow root (or constructed sheets), <style> elements with Lit's nonce.
      const style = light.querySelector('style')!;
      expect(style.textContent).to.contain('rgb(1, 2, 3)');
      expect(style.getAttribute('nonce')).to.equal('n0nce');
      expect(getComputedStyle(light.querySelector('.bar')!).color).to.equal('rgb(1, 2, 3)');

      // Later renders add nothing more.
      const renders = shadow.renders;
      shadow.requestUpdate();
      light.requestUpdate();
      await shadow.updateComplete;
      await light.updateComplete;
      expect(shadow.renders).to.equal(renders + 1);
      expect(shadow.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets + 1);
      expect(light.querySelectorAll('style').length).to.equal(1);
    } finally {
      delete (globalThis as { litNonce?: string }).litNonce;
    }
  });
});
