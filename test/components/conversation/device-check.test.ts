/**
 * `<tavus-conversation device-check>`: the check shows while the conversation is created, its
 * choices decide the join (devices, camera or microphone off), Join joins, Leave ends, and the
 * camera's preview is closed as the check goes.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { TavusConversation } from '../../../src/index.js';
import { idleElement, partsDefined } from '../../support/element.js';
import { sendKeys } from '../../support/browser-commands.js';
import { deepActiveElement, shadowQuery } from '../../support/shadow-dom.js';
import { waitFor } from '../../support/wait.js';
import { fakeMedia, type FakeMedia } from '../device-check/fake-media.js';
import { expectAccessible } from '../../support/accessible.js';

const checkOf = (el: TavusConversation) => shadowQuery(el, 'tavus-device-check');
const inCheck = <T extends Element = HTMLElement>(el: TavusConversation, selector: string) =>
  checkOf(el).shadowRoot?.querySelector<T>(selector) ?? null;

/** An element with `device-check`, started and showing its check with the camera previewed. */
async function checking() {
  const made = await idleElement();
  made.el.deviceCheck = true;
  const started = made.el.start();
  // A test that fails early leaves it to be cancelled by the removal: that is no news.
  started.catch(() => {});
  await waitUntil(() => made.el.state === 'checking', 'the check did not show');
  await waitUntil(() => made.calls.length === 1, 'no call object while the check shows');
  await customElements.whenDefined('tavus-device-check');
  await waitFor(() => inCheck(made.el, 'video[hidden]') === null, 'no preview');
  return { ...made, started };
}

describe('<tavus-conversation device-check>', () => {
  let media: FakeMedia;

  beforeEach(() => {
    media = fakeMedia();
  });

  afterEach(() => {
    media.restore();
  });

  it('creates the call while the check shows, and joins with what it chose on Join', async () => {
    const { el, calls, started } = await checking();
    expect(calls).to.have.length(1);
    expect(calls[0]!.joinOptions, 'joined before Join').to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part~="device-check"]')).to.not.equal(null);

    // Camera off, the headset microphone.
    inCheck<HTMLButtonElement>(el, '[part="device-toggle"][aria-label="Camera"]')!.click();
    await waitUntil(() => el.cameraOff, 'the camera toggle did not set cameraOff');
    await waitFor(() => select(el, 'microphone')?.options.length === 2, 'no microphones');
    const picker = select(el, 'microphone')!;
    picker.value = 'mic-2';
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => el.devices.microphone === 'mic-2', 'the pick did not reach devices');

    inCheck<HTMLButtonElement>(el, '[part="join-button"]')!.click();
    await started;
    const options = calls[0]!.joinOptions!;
    expect(options['startVideoOff']).to.equal(true);
    expect(options['startAudioOff']).to.equal(false);
    expect(options['audioSource']).to.equal('mic-2');
    expect(el.state).to.equal('waiting');
  });

  it('closes the preview as the check goes', async () => {
    const { el, started } = await checking();
    expect(media.tracks.some((track) => track.readyState === 'live')).to.equal(true);
    el.join();
    await started;
    expect(el.shadowRoot!.querySelector('tavus-device-check')).to.equal(null);
    expect(media.tracks.map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
  });

  it('ends the conversation on Leave', async () => {
    const { el, calls, started } = await checking();
    inCheck<HTMLButtonElement>(el, '[part="leave-button"]')!.click();
    await started.catch(() => {});
    await waitUntil(() => el.state === 'ended', 'Leave did not end it');
    await waitUntil(() => calls[0]!.destroyed > 0, 'the call was not destroyed');
    expect(calls[0]!.joinOptions).to.equal(undefined);
    expect(media.tracks.every((track) => track.readyState === 'ended')).to.equal(true);
  });

  it('gives Join the focus when started from the start button', async () => {
    const { el } = await idleElement();
    el.deviceCheck = true;
    await el.updateComplete;
    shadowQuery(el, '[part="start-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await customElements.whenDefined('tavus-device-check');
    await waitFor(
      () => deepActiveElement() === inCheck(el, '[part="join-button"]'),
      'focus did not reach Join',
    );
    await partsDefined();
    await expectAccessible(el);
    await el.end();
  });

  it('leaves focus where it is when the page starts it', async () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      const { el } = await idleElement();
      el.deviceCheck = true;
      outside.focus();
      void el.start().catch(() => {});
      await customElements.whenDefined('tavus-device-check');
      await waitFor(() => inCheck(el, '[part="join-button"]'), 'no Join');
      expect(document.activeElement === outside).to.equal(true);
      await el.end();
    } finally {
      outside.remove();
    }
  });
});

function select(el: TavusConversation, kind: string): HTMLSelectElement | null {
  return inCheck<HTMLSelectElement>(el, `#${kind}-select`);
}
