import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/components/device-menu/device-menu.js';
import type { TavusDeviceMenu } from '../../../src/components/device-menu/device-menu.js';
import {
  choiceOf,
  devicesOfKind,
  speakersChoosable,
} from '../../../src/components/device-menu/device-choice.js';
import type { ChosenDevices } from '../../../src/state/devices.js';
import { EN_STRINGS } from '../../../src/translations/en.js';
import { DEVICES, device } from '../device-check/fake-media.js';
import { sendKeys } from '../../support/browser-commands.js';
import { deepActiveElement, shadowQuery } from '../../support/shadow-dom.js';
import { waitFor } from '../../support/wait.js';
import { expectAccessible } from '../../support/accessible.js';

/** The menu in a positioned bar, like the controls bar it sits in, with enumerateDevices stubbed. */
async function menu(
  options: { devices?: ChosenDevices; list?: MediaDeviceInfo[] } = {},
): Promise<TavusDeviceMenu> {
  sinon.stub(navigator.mediaDevices, 'enumerateDevices').resolves(options.list ?? DEVICES);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="position: relative; margin-top: 400px; padding: 8px; display: flex">
      <tavus-device-menu .devices=${options.devices ?? {}}></tavus-device-menu>
      <button id="after">After</button>
    </div>`,
  );
  const el = wrapper.querySelector('tavus-device-menu')!;
  await el.updateComplete;
  return el;
}

const button = (el: TavusDeviceMenu) =>
  shadowQuery<HTMLButtonElement>(el, '[part~="settings-button"]');
const list = (el: TavusDeviceMenu) => shadowQuery(el, '[part="settings-menu"]');
const items = (el: TavusDeviceMenu) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]'),
];
const checked = (el: TavusDeviceMenu) =>
  items(el)
    .filter((item) => item.getAttribute('aria-checked') === 'true')
    .map((item) => item.textContent!.trim());

async function open(el: TavusDeviceMenu): Promise<void> {
  button(el).click();
  await waitFor(() => items(el).length > 0, 'the menu did not list the devices');
  await el.updateComplete;
}

describe('<tavus-device-menu>', () => {
  afterEach(() => sinon.restore());

  describe('choices', () => {
    it('lists the devices of a kind that can be chosen', () => {
      const list = [...DEVICES, device('videoinput', '', '')];
      expect(devicesOfKind(list, 'camera').map((d) => d.deviceId)).to.deep.equal([
        'cam-1',
        'cam-2',
      ]);
      expect(devicesOfKind(list, 'speaker').map((d) => d.deviceId)).to.deep.equal([
        'default',
        'spk-2',
      ]);
    });

    it('checks the chosen device, else the one in use, else the default, else the first', () => {
      expect(choiceOf('camera', DEVICES, { camera: 'cam-2' }, 'cam-1')).to.equal('cam-2');
      expect(choiceOf('camera', DEVICES, {}, 'cam-2')).to.equal('cam-2');
      expect(choiceOf('camera', DEVICES, { camera: 'gone' }, '')).to.equal('cam-1');
      expect(choiceOf('speaker', DEVICES, {}, '')).to.equal('default');
      expect(choiceOf('microphone', [], {}, 'mic-1')).to.equal('');
    });
  });

  it('is a menu button with a name, closed at first', async () => {
    const el = await menu();
    const settings = button(el);
    expect(settings.getAttribute('aria-label')).to.equal(EN_STRINGS.settings);
    expect(settings.getAttribute('aria-haspopup')).to.equal('menu');
    expect(settings.getAttribute('aria-expanded')).to.equal('false');
    const controlled = el.shadowRoot!.getElementById(settings.getAttribute('aria-controls')!);
    expect(controlled === list(el), 'aria-controls names the menu').to.equal(true);
    expect(list(el).hidden).to.equal(true);
  });

  it('opens on a press, lists each kind under its name and focuses the device in use', async () => {
    const el = await menu({ devices: { microphone: 'mic-2' } });
    await open(el);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    expect(list(el).getAttribute('role')).to.equal('menu');
    const groups = [...list(el).querySelectorAll('[role="group"]')].map((group) =>
      el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!.textContent!.trim(),
    );
    const expected = speakersChoosable()
      ? ['Camera', 'Microphone', 'Speaker']
      : ['Camera', 'Microphone'];
    expect(groups).to.deep.equal(expected);
    expect(checked(el)).to.include('Headset microphone');
    expect(checked(el)).to.include('Front camera');
    await waitFor(() => deepActiveElement()?.getAttribute('aria-checked') === 'true', 'no focus');
    await expectAccessible(el);
  });

  it('moves with the arrows, picks with Enter, closes and gives focus back', async () => {
    const el = await menu();
    const picked: ChosenDevices[] = [];
    el.addEventListener('device-change', (event) =>
      picked.push((event as CustomEvent<ChosenDevices>).detail),
    );
    const focused = () => deepActiveElement()?.textContent?.trim();
    /** Presses a key and waits for focus to land (a driver may deliver the key a bit later). */
    const press = async (key: string, lands: string) => {
      await sendKeys({ press: key });
      await waitFor(() => focused() === lands, `${key} did not move to ${lands}`);
    };
    button(el).focus();
    await press('ArrowDown', 'Front camera');
    // The last device: a speaker where the browser lets a page choose one, else a microphone.
    const last = items(el).at(-1)!.textContent!.trim();
    await press('ArrowDown', 'USB camera');
    await press('ArrowUp', 'Front camera');
    // Round from the first to the last.
    await press('ArrowUp', last);
    await press('Home', 'Front camera');
    await press('End', last);
    await press('ArrowDown', 'Front camera');
    await press('ArrowDown', 'USB camera');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => picked.length > 0, 'Enter picked nothing');
    await el.updateComplete;
    expect(picked).to.deep.equal([{ camera: 'cam-2' }]);
    expect(list(el).hidden).to.equal(true);
    expect(deepActiveElement() === button(el), 'focus on the button').to.equal(true);
  });

  it('closes on Escape with focus back on the button, and keeps the Escape from the page', async () => {
    const el = await menu();
    const escapes: KeyboardEvent[] = [];
    document.addEventListener('keydown', (event) => escapes.push(event), { once: true });
    await open(el);
    await waitFor(() => el.shadowRoot!.activeElement !== null, 'no focus in the menu');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(list(el).hidden).to.equal(true);
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    expect(deepActiveElement() === button(el), 'focus on the button').to.equal(true);
    expect(escapes).to.deep.equal([]);
  });

  it('closes when focus or a press goes elsewhere', async () => {
    const el = await menu();
    await open(el);
    await waitFor(() => el.shadowRoot!.activeElement !== null, 'no focus in the menu');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(list(el).hidden, 'Tab').to.equal(true);

    await open(el);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(list(el).hidden, 'a press outside').to.equal(true);
  });

  it('fires nothing when the device in use is picked again', async () => {
    const el = await menu({ devices: { camera: 'cam-1' } });
    const picked: unknown[] = [];
    el.addEventListener('device-change', (event) => picked.push(event));
    await open(el);
    items(el)
      .find((item) => item.textContent!.trim() === 'Front camera')!
      .click();
    await el.updateComplete;
    expect(picked).to.deep.equal([]);
    // A control: another camera is picked.
    await open(el);
    items(el)
      .find((item) => item.textContent!.trim() === 'USB camera')!
      .click();
    expect(picked).to.have.length(1);
  });

  it('says when a kind has no device, and names devices the browser does not name', async () => {
    const el = await menu({ list: [device('audioinput', 'mic-9', '')] });
    await open(el);
    const texts = items(el).map((item) => item.textContent!.trim());
    expect(texts).to.include('None found');
    expect(texts).to.include('Device 1');
    const none = items(el).find((item) => item.textContent!.trim() === 'None found')!;
    expect(none.getAttribute('aria-disabled')).to.equal('true');
  });

  it('shows a long name whole on hover and on focus, and names the item with it', async () => {
    const long = 'Logitech BRIO 4K Stream Edition with Windows Hello, left monitor (046d:085e)';
    const el = await menu({
      devices: { camera: 'cam-1' },
      list: [device('videoinput', 'cam-1', 'Front camera'), device('videoinput', 'cam-9', long)],
    });
    button(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => deepActiveElement()?.textContent?.trim() === 'Front camera', 'no focus');
    const item = items(el).find((candidate) => candidate.textContent!.trim() === long)!;
    const label = item.querySelector<HTMLElement>('.label')!;
    expect(label.scrollWidth, 'cut while another item has focus').to.be.above(label.clientWidth);
    expect(item.title).to.equal(long);
    expect(item.hasAttribute('aria-label'), 'named by its whole text').to.equal(false);
    expect(item.querySelector('.check')!.getAttribute('aria-hidden')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => deepActiveElement() === item, 'ArrowDown did not reach the long name');
    expect(label.scrollWidth, 'whole once focused').to.be.at.most(label.clientWidth);
    expect(item.title).to.equal(long);
  });

  it('offers speakers only where the browser lets a page choose them', async () => {
    const had = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'setSinkId');
    try {
      if (had) delete (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId;
      expect(speakersChoosable()).to.equal(false);
      const el = await menu();
      await open(el);
      expect(items(el).map((item) => item.textContent!.trim())).to.not.include('Headset');
    } finally {
      if (had) Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', had);
    }
  });
});
