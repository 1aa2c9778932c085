/**
 * Honest states: the microphone and camera controls work while connecting (they set how to join),
 * the error screen keeps technical detail for the developer, and the floating launcher can carry
 * a visible label that is also its name.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TavusConversation } from '../../../src/index.js';
import { CONVERSATION_URL, idleElement, partsDefined } from '../../support/element.js';
import { shadowQuery } from '../../support/shadow-dom.js';
import { waitFor } from '../../support/wait.js';
import { expectAccessible } from '../../support/accessible.js';

const part = (el: TavusConversation, name: string) => shadowQuery(el, `[part~="${name}"]`);
const pressed = (el: TavusConversation, name: string) =>
  part(el, name).getAttribute('aria-pressed');

/** An element whose join never answers: it stays connecting. */
async function connecting(attributes: { microphoneOff?: boolean } = {}) {
  const made = await idleElement([{ kind: 'hang' }]);
  made.el.microphoneOff = attributes.microphoneOff ?? false;
  made.el.start().catch(() => {});
  await waitUntil(() => made.el.state === 'connecting', 'not connecting');
  await partsDefined();
  await waitFor(
    () => made.el.shadowRoot!.querySelector('[part~="microphone-button"]'),
    'no controls while connecting',
  );
  await waitFor(() => made.calls[0]?.joinOptions, 'the join did not begin');
  return made;
}

describe('<tavus-conversation> honest states', () => {
  afterEach(() => sinon.restore());

  describe('controls while connecting', () => {
    it('show how the call will join, not devices switched off', async () => {
      const { el } = await connecting({ microphoneOff: true });
      expect(pressed(el, 'microphone-button')).to.equal('false');
      expect(pressed(el, 'camera-button')).to.equal('true');
      await el.end();
    });

    it('set how to join, and reach the join under way', async () => {
      const { el, calls } = await connecting();
      expect(pressed(el, 'microphone-button')).to.equal('true');
      part(el, 'microphone-button').click();
      await el.updateComplete;
      expect(el.microphoneOff).to.equal(true);
      expect(pressed(el, 'microphone-button')).to.equal('false');
      expect(calls[0]!.audio, 'Daily was told').to.equal(false);

      part(el, 'camera-button').click();
      await el.updateComplete;
      expect(el.cameraOff).to.equal(true);
      expect(pressed(el, 'camera-button')).to.equal('false');
      expect(calls[0]!.video).to.equal(false);

      part(el, 'camera-button').click();
      await el.updateComplete;
      expect(el.cameraOff).to.equal(false);
      expect(pressed(el, 'camera-button')).to.equal('true');
      await el.end();
    });
  });

  describe('errors', () => {
    it('show what to do, and keep the technical message for tavus-error and the console', async () => {
      const raw =
        'room lookup failed: GET https://tavus.daily.co/c123 answered 404 (x-request-id 7f3a)';
      const { el } = await idleElement([{ kind: 'reject', reason: raw }]);
      const warn = sinon.stub(console, 'warn');
      const reported = oneEvent(el, 'tavus-error');
      await el.start().catch(() => {});
      const { detail } = await reported;
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(detail.message).to.contain('404');
      const screen = part(el, 'error').textContent!;
      expect(screen).to.not.contain('https://');
      expect(screen).to.not.contain('404');
      expect(part(el, 'error-detail').textContent!.trim()).to.equal(`Error code: ${detail.code}`);
      const logged = warn.args.map((args) => args.join(' '));
      expect(
        logged.some((line) => line.includes('404')),
        'logged to the console',
      ).to.equal(true);
      await expectAccessible(el);
    });
  });

  describe('launcher label', () => {
    async function floating(label: string): Promise<TavusConversation> {
      const el = await fixture<TavusConversation>(
        html`<tavus-conversation
          variant="floating"
          conversation-url=${CONVERSATION_URL}
          launcher-label=${label}
        ></tavus-conversation>`,
      );
      await el.updateComplete;
      return el;
    }

    it('shows the label beside the launcher, as its name, and opens the panel from it', async () => {
      const el = await floating('Talk to us');
      const launcher = part(el, 'launcher');
      const label = part(el, 'launcher-label');
      expect(launcher.getAttribute('aria-label')).to.equal('Talk to us');
      expect(label.textContent!.trim()).to.equal('Talk to us');
      const box = label.getBoundingClientRect();
      expect(box.width).to.be.above(0);
      expect(box.right).to.be.at.most(launcher.getBoundingClientRect().left);
      label.click();
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(label.getClientRects().length, 'hidden while the panel is open').to.equal(0);
      await expectAccessible(el);
    });

    it('is a round launcher named after the panel without one', async () => {
      const el = await floating('');
      expect(part(el, 'launcher').getAttribute('aria-label')).to.equal('Video conversation');
      expect(el.shadowRoot!.querySelector('[part~="launcher-label"]')).to.equal(null);
    });
  });
});
