import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

import { tavusEvent, type JoinBehaviour } from '../../support/fake-call.js';
import { afterReorderWindow, idleElement } from '../../support/element.js';
import { engine } from '../../support/engine.js';
import { expectAccessible } from '../../support/accessible.js';

/**
 * axe on the real element, in each state a visitor can see (the view's own tests cover more
 * combinations on a stand-in host). Reduced motion: the colours are judged at rest, not mid-fade.
 */
async function element(theme: 'light' | 'dark', behaviours: JoinBehaviour[] = []) {
  const made = await idleElement(behaviours);
  made.el.theme = theme;
  await made.el.updateComplete;
  return made;
}

async function connected(theme: 'light' | 'dark') {
  const { el, calls, clock } = await element(theme);
  await el.start();
  calls[0]!.addReplica();
  await waitUntil(() => el.state === 'connected');
  return { el, call: calls[0]!, clock };
}

describe('<tavus-conversation>', () => {
  describe('accessibility', () => {
    // Only Chromium's driver emulates media features (CDP); elsewhere motion stays on.
    before(async () => {
      if (engine === 'chromium') await emulateMedia({ reducedMotion: 'reduce' });
    });
    after(async () => {
      if (engine === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe when idle (${theme})`, async () => {
        const { el } = await element(theme);
        await expectAccessible(el);
      });

      it(`passes axe while connecting (${theme})`, async () => {
        const { el } = await element(theme, [{ kind: 'hang' }]);
        const starting = el.start().catch((error: unknown) => error);
        await waitUntil(() => el.state === 'connecting');
        await el.updateComplete;
        await expectAccessible(el);
        await el.end();
        expect(String(await starting)).to.contain('cancelled');
      });

      it(`passes axe when connected with the chat open (${theme})`, async () => {
        const { el, call, clock } = await connected(theme);
        call.message(
          tavusEvent('conversation.utterance', {
            seq: 1,
            properties: { role: 'replica', speech: 'Hi! How can I help?' },
          }),
        );
        await el.respond('What does the team plan include?');
        await afterReorderWindow(clock);
        el.chatOpen = true;
        el.captions = true;
        await el.updateComplete;
        expect(el.transcript).to.have.length(2);
        await expectAccessible(el);
      });

      it(`passes axe when ended (${theme})`, async () => {
        const { el } = await connected(theme);
        await el.end();
        await el.updateComplete;
        expect(el.state).to.equal('ended');
        await expectAccessible(el);
      });

      it(`passes axe on the error screen (${theme})`, async () => {
        const { el } = await element(theme, [{ kind: 'reject', reason: 'room not found' }]);
        await el.start().catch(() => undefined);
        await el.updateComplete;
        expect(el.state).to.equal('error');
        await expectAccessible(el);
      });
    }
  });
});
