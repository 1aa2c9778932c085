import { expect } from '@open-wc/testing';
import sinon from 'sinon';

import type { TavusVideoStage } from '../../../src/components/video-stage/video-stage.js';
import { connectedElement, idleElement, partsDefined } from '../../support/element.js';
import { shadowRoots } from '../../support/shadow-dom.js';
import { waitFor } from '../../support/wait.js';

/** Safari and phones: autoplay rules, inline video, a page sent to the background. */
describe('<tavus-conversation> on phones', () => {
  afterEach(() => {
    sinon.restore();
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('plays the replica’s audio element inside the start tap, once the visitor showed intent', async () => {
    const { el } = await idleElement();
    const start = el.shadowRoot!.querySelector<HTMLElement>('[part="start-button"]')!;
    // Intent (a pointer over the start button) loads the call's view, the audio element with it.
    start.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await partsDefined();
    const stage = el.shadowRoot!.querySelector<TavusVideoStage>('tavus-video-stage')!;
    await stage.updateComplete;
    const audio = stage.shadowRoot!.querySelector('audio')!;
    const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();

    start.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    start.click();
    // In the tap itself, on the element the replica's voice will play in.
    expect(play.callCount).to.equal(1);
    expect(play.firstCall.thisValue === audio, 'on the audio element').to.equal(true);
    await waitFor(() => el.state === 'connected' || el.state === 'waiting', 'no start');
    await el.end();
  });

  it('plays every video inline', async () => {
    const { el } = await connectedElement();
    const videos = shadowRoots(el).flatMap((root) => [...root.querySelectorAll('video')]);
    expect(videos.length).to.be.at.least(2);
    for (const video of videos) expect(video.hasAttribute('playsinline')).to.equal(true);
    await el.end();
  });

  it('stays in the call while the page is in the background, and after', async () => {
    const { el, call } = await connectedElement();
    let visibility: DocumentVisibilityState = 'hidden';
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.state).to.equal('connected');
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    expect(el.state).to.equal('connected');
    expect(call.left).to.equal(0);
    // A control: ending does leave.
    await el.end();
    expect(call.left).to.equal(1);
  });
});
