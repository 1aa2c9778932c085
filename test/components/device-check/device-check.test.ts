import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/device-check/device-check.js';
import type { TavusDeviceCheck } from '../../../src/components/device-check/device-check.js';
import { EN_DEVICE_CHECK_STRINGS } from '../../../src/translations/en-device-check.js';
import { EN_STRINGS } from '../../../src/translations/en.js';
import { sendKeys } from '../../support/browser-commands.js';
import { deepActiveElement } from '../../support/shadow-dom.js';
import { waitFor } from '../../support/wait.js';
import { DEVICES, askedId, device, fakeMedia, type FakeMedia } from './fake-media.js';
import { expectAccessible } from '../../support/accessible.js';

const S = { ...EN_STRINGS, ...EN_DEVICE_CHECK_STRINGS };

async function check(
  props: Partial<Pick<TavusDeviceCheck, 'cameraOn' | 'microphoneOn' | 'devices'>> = {},
): Promise<TavusDeviceCheck> {
  const el = await fixture<TavusDeviceCheck>(
    html`<tavus-device-check
      style="display: block; width: 420px; height: 640px"
      .cameraOn=${props.cameraOn ?? true}
      .microphoneOn=${props.microphoneOn ?? true}
      .devices=${props.devices ?? {}}
    ></tavus-device-check>`,
  );
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: TavusDeviceCheck, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;
const preview = (el: TavusDeviceCheck) => inside<HTMLVideoElement>(el, 'video');
const previewTrack = (el: TavusDeviceCheck) =>
  (preview(el)?.srcObject as MediaStream | null | undefined)?.getVideoTracks()[0] ?? null;
const select = (el: TavusDeviceCheck, kind: string) =>
  inside<HTMLSelectElement>(el, `#${kind}-select`);
const toggle = (el: TavusDeviceCheck, label: string) =>
  inside<HTMLButtonElement>(el, `[part="device-toggle"][aria-label="${label}"]`)!;

describe('<tavus-device-check>', () => {
  let media: FakeMedia;

  beforeEach(() => {
    media = fakeMedia();
  });

  afterEach(() => {
    media.restore();
  });

  describe('preview', () => {
    it('asks for the camera and the microphone in one request, and previews the camera', async () => {
      const el = await check();
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      expect(media.requests).to.have.length(1);
      expect(media.requests[0]!.audio).to.not.equal(undefined);
      expect(media.requests[0]!.video).to.not.equal(undefined);
      expect(previewTrack(el)).to.equal(media.tracks[0]);
      expect(preview(el)!.muted).to.equal(true);
    });

    it('keeps the playing preview out of the Tab order, still named', async () => {
      const el = await check();
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      const video = preview(el)!;
      await waitFor(() => !video.paused, 'the preview did not start');
      expect(video.tabIndex).to.equal(-1);
      expect(video.getAttribute('aria-label')).to.equal(S.checkPreview);
      const before = document.createElement('button');
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      before.remove();
      expect(deepActiveElement(), 'Tab from before the check').to.equal(select(el, 'camera'));
    });

    it('closes the camera and the microphone when it leaves the page', async () => {
      const el = await check();
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      el.remove();
      expect(media.tracks.map((track) => track.readyState)).to.deep.equal(['ended', 'ended']);
    });

    it('stops what the browser grants after it left the page', async () => {
      const el = await check();
      el.remove();
      await waitFor(() => media.tracks.length === 2, 'getUserMedia did not answer');
      await waitFor(
        () => media.tracks.every((track) => track.readyState === 'ended'),
        'a track granted after the check closed stayed open',
      );
    });

    it('closes the camera turned off, says it is off, and opens it again when turned on', async () => {
      const el = await check();
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      const first = media.tracks[0]!;
      el.cameraOn = false;
      await waitFor(() => first.readyState === 'ended', 'the camera stayed open');
      await el.updateComplete;
      expect(inside(el, '.placeholder')!.textContent).to.contain(S.checkCameraIsOff);
      expect(media.tracks[1]!.readyState, 'the microphone').to.equal('live');
      el.cameraOn = true;
      await waitFor(() => previewTrack(el) && previewTrack(el) !== first, 'no new camera');
      expect(askedId(media.requests.at(-1)!, 'video')).to.equal('');
      expect(media.requests.at(-1)!.audio, 'the microphone is asked for once').to.equal(undefined);
    });

    it('opens the chosen camera, and replaces it when another one is chosen', async () => {
      const el = await check({ devices: { camera: 'cam-2' } });
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      expect(askedId(media.requests[0]!, 'video')).to.equal('cam-2');
      const first = previewTrack(el)!;
      el.devices = { camera: 'cam-1' };
      await waitFor(() => previewTrack(el) && previewTrack(el) !== first, 'no new camera');
      expect(first.readyState).to.equal('ended');
      expect(askedId(media.requests.at(-1)!, 'video')).to.equal('cam-1');
    });

    it('keeps the microphone when the camera is busy, and says why there is no preview', async () => {
      media.refuse = { both: 'NotReadableError', video: 'NotReadableError' };
      const el = await check();
      await waitFor(
        () => inside(el, '.placeholder')?.textContent?.includes(S.mediaDeviceInUse),
        'the busy camera was not explained',
      );
      expect(media.tracks.map((track) => track.kind)).to.deep.equal(['audio']);
      expect(media.tracks[0]!.readyState).to.equal('live');
      expect(inside(el, '[part="level-meter"]')!.hasAttribute('aria-valuetext')).to.equal(false);
    });
  });

  describe('microphone level', () => {
    it('moves with the microphone, and rests when it is turned off', async () => {
      const el = await check({ cameraOn: false });
      const meter = inside<HTMLMeterElement>(el, '[part="level-meter"]')!;
      expect(meter.localName).to.equal('meter');
      expect(meter.getAttribute('aria-label')).to.equal(S.microphoneLevel);
      await waitFor(() => meter.value >= 0.5, 'the meter did not show the tone');
      el.microphoneOn = false;
      await waitFor(() => meter.value === 0, 'the meter stayed up');
      await el.updateComplete;
      expect(meter.getAttribute('aria-valuetext')).to.equal(S.microphoneLevelOff);
    });
  });

  describe('pickers', () => {
    it('lists cameras and microphones by name, the one in use selected', async () => {
      const el = await check({ devices: { microphone: 'mic-2' } });
      await waitFor(() => select(el, 'camera')?.options.length === 2, 'no cameras listed');
      const cameras = [...select(el, 'camera')!.options].map((o) => o.textContent!.trim());
      expect(cameras).to.deep.equal(['Front camera', 'USB camera']);
      expect(select(el, 'microphone')!.value).to.equal('mic-2');
      expect(select(el, 'camera')!.labels![0]!.textContent!.trim()).to.equal(S.camera);
    });

    it('offers a speaker only where the browser lets a page choose one', async () => {
      const el = await check();
      await waitFor(() => select(el, 'camera')?.options.length === 2, 'no devices listed');
      const choosable = 'setSinkId' in HTMLMediaElement.prototype;
      expect(Boolean(select(el, 'speaker')), 'speaker picker').to.equal(choosable);
    });

    it('numbers devices the browser does not name yet, and says when there are none', async () => {
      media.devices = [
        { kind: 'videoinput', deviceId: 'a', label: '', groupId: '' } as MediaDeviceInfo,
        { kind: 'videoinput', deviceId: 'b', label: '', groupId: '' } as MediaDeviceInfo,
      ];
      const el = await check();
      await waitFor(() => select(el, 'camera')?.options.length === 2, 'no cameras listed');
      const cameras = [...select(el, 'camera')!.options].map((o) => o.textContent!.trim());
      expect(cameras).to.deep.equal(['Device 1', 'Device 2']);
      expect(select(el, 'microphone')!.disabled).to.equal(true);
      expect(select(el, 'microphone')!.textContent).to.contain(S.deviceNoneFound);
    });

    it('shows a long name whole on hover, the select valued with it', async () => {
      const long = 'Logitech BRIO 4K Stream Edition with Windows Hello, left monitor (046d:085e)';
      media.devices = [...DEVICES, device('videoinput', 'cam-9', long)];
      const el = await check({ devices: { camera: 'cam-9' } });
      await waitFor(() => select(el, 'camera')?.options.length === 3, 'no cameras listed');
      await el.updateComplete;
      const picker = select(el, 'camera')!;
      expect(picker.value).to.equal('cam-9');
      expect(picker.title, 'the one it shows').to.equal(long);
      expect(picker.selectedOptions[0]!.textContent!.trim(), 'its value, read out').to.equal(long);
      expect([...picker.options].map((option) => option.title)).to.deep.equal([
        'Front camera',
        'USB camera',
        long,
      ]);
      expect(picker.labels![0]!.textContent!.trim(), 'its name').to.equal(S.camera);
      // Picked before the choice comes back: the hover text follows what the select shows.
      picker.value = 'cam-2';
      picker.dispatchEvent(new Event('change'));
      expect(picker.title).to.equal('USB camera');
      el.devices = { camera: 'cam-2' };
      await el.updateComplete;
      expect(picker.title).to.equal('USB camera');
    });

    it('reports a picked device as check-devices', async () => {
      const el = await check();
      await waitFor(() => select(el, 'camera')?.options.length === 2, 'no cameras listed');
      const picker = select(el, 'camera')!;
      picker.value = 'cam-2';
      const picked = oneEvent(el, 'check-devices');
      picker.dispatchEvent(new Event('change'));
      expect((await picked).detail).to.deep.equal({ camera: 'cam-2' });
    });
  });

  describe('toggles and actions', () => {
    it('shows each toggle pressed while its device will be on, and reports presses', async () => {
      const el = await check({ microphoneOn: false });
      expect(toggle(el, S.microphone).getAttribute('aria-pressed')).to.equal('false');
      expect(toggle(el, S.camera).getAttribute('aria-pressed')).to.equal('true');
      const pressed = oneEvent(el, 'check-toggle');
      toggle(el, S.microphone).click();
      expect((await pressed).detail).to.deep.equal({ kind: 'microphone' });
    });

    it('joins and leaves from the keyboard, focus given to Join', async () => {
      const el = await check();
      el.focus();
      expect(deepActiveElement()).to.equal(inside(el, '[part="join-button"]'));
      const joined = oneEvent(el, 'check-join');
      await sendKeys({ press: 'Enter' });
      await joined;
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActiveElement()).to.equal(inside(el, '[part="leave-button"]'));
      const left = oneEvent(el, 'check-leave');
      await sendKeys({ press: 'Enter' });
      await left;
    });

    it('is accessible with the preview, and when blocked', async () => {
      const el = await check();
      await waitFor(() => previewTrack(el), 'the preview did not show the camera');
      await expectAccessible(el);
      media.restore();
      media = fakeMedia();
      media.refuse = { both: 'NotAllowedError' };
      const blocked = await check();
      await waitFor(() => inside(blocked, '[part="permission-help"]'), 'no help shown');
      await expectAccessible(blocked);
    });
  });

  describe('blocked', () => {
    async function blockedCheck(page: TavusDeviceCheck['page']): Promise<TavusDeviceCheck> {
      media.refuse = {
        both: 'NotAllowedError',
        audio: 'NotAllowedError',
        video: 'NotAllowedError',
      };
      const el = await check();
      el.page = page;
      el.requestUpdate();
      await waitFor(() => inside(el, '[part="permission-help"]'), 'no help shown');
      await el.updateComplete;
      return el;
    }

    const helpText = (el: TavusDeviceCheck) =>
      inside(el, '[part="permission-help"]')!.textContent!.replace(/\s+/g, ' ');

    it("says where the visitor's browser keeps the switch", async () => {
      const families = {
        chromium: S.checkHelpChromium,
        firefox: S.checkHelpFirefox,
        safari: S.checkHelpSafari,
        other: S.checkHelpOther,
      } as const;
      for (const [family, words] of Object.entries(families)) {
        const el = await blockedCheck({
          family: family as keyof typeof families,
          framed: false,
          policyAllows: true,
        });
        expect(helpText(el), family).to.contain(words);
        expect(helpText(el)).to.contain(S.checkBlockedTitle);
        expect(helpText(el)).to.contain(S.checkJoinAnyway);
        expect(helpText(el)).to.not.contain('allow="camera');
      }
    });

    it('says the frame forbids the devices when its policy says so, not browser steps', async () => {
      const el = await blockedCheck({ family: 'chromium', framed: true, policyAllows: false });
      expect(helpText(el)).to.contain(S.checkHelpFrame);
      expect(helpText(el)).to.not.contain(S.checkHelpChromium);
    });

    it('adds the frame as a possible cause where the browser does not tell', async () => {
      const el = await blockedCheck({ family: 'firefox', framed: true, policyAllows: null });
      expect(helpText(el)).to.contain(S.checkHelpFirefox);
      expect(helpText(el)).to.contain(S.checkHelpFrameMaybe);
    });

    it('shows blocked toggles off and unusable, saying why, and still joins', async () => {
      const el = await blockedCheck({ family: 'chromium', framed: false, policyAllows: true });
      const toggles: unknown[] = [];
      el.addEventListener('check-toggle', (event) => toggles.push(event));
      const title = inside(el, '#help-title')!.textContent!.trim();
      expect(title).to.equal(S.checkBlockedTitle);
      for (const label of [S.microphone, S.camera]) {
        const button = toggle(el, label);
        expect(button.getAttribute('aria-pressed'), label).to.equal('false');
        expect(button.getAttribute('aria-disabled'), label).to.equal('true');
        expect(button.getAttribute('aria-describedby'), label).to.equal('help-title');
        expect(button.title, label).to.equal(title);
        expect(button.classList.contains('off'), 'not the red of a choice').to.equal(false);
        button.click();
      }
      expect(toggles, 'a blocked toggle does nothing').to.deep.equal([]);
      const joined = oneEvent(el, 'check-join');
      inside<HTMLButtonElement>(el, '[part="join-button"]')!.click();
      await joined;
    });

    it('shows only the blocked camera off, the microphone as chosen, and both once allowed', async () => {
      media.refuse = { video: 'NotAllowedError' };
      const el = await check({ microphoneOn: false });
      await waitFor(() => inside(el, '[part="permission-help"]'), 'no help shown');
      await el.updateComplete;
      const camera = toggle(el, S.camera);
      const microphone = toggle(el, S.microphone);
      expect(camera.getAttribute('aria-pressed')).to.equal('false');
      expect(camera.getAttribute('aria-disabled')).to.equal('true');
      expect(camera.title).to.equal(S.mediaCameraDenied);
      expect(microphone.getAttribute('aria-pressed'), 'turned off').to.equal('false');
      expect(microphone.classList.contains('off')).to.equal(true);
      expect(microphone.hasAttribute('aria-disabled')).to.equal(false);
      el.microphoneOn = true;
      await waitFor(() => media.tracks.some((track) => track.kind === 'audio'), 'no microphone');
      await el.updateComplete;
      expect(microphone.getAttribute('aria-pressed'), 'turned on').to.equal('true');
      media.refuse = {};
      inside<HTMLButtonElement>(el, '[part="permission-help"] button')!.click();
      await waitFor(() => previewTrack(el), 'no preview after Try again');
      await el.updateComplete;
      expect(camera.getAttribute('aria-pressed')).to.equal('true');
      expect(camera.hasAttribute('aria-disabled')).to.equal(false);
      expect(camera.hasAttribute('aria-describedby')).to.equal(false);
      expect(camera.hasAttribute('title')).to.equal(false);
    });

    it('asks again on Try again, and previews once allowed', async () => {
      const el = await blockedCheck({ family: 'chromium', framed: false, policyAllows: true });
      const asked = media.requests.length;
      media.refuse = {};
      inside<HTMLButtonElement>(el, '[part="permission-help"] button')!.click();
      await waitFor(() => previewTrack(el), 'no preview after Try again');
      expect(media.requests.length).to.be.above(asked);
      expect(inside(el, '[part="permission-help"]')).to.equal(null);
    });
  });
});
