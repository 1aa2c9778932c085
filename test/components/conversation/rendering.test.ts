import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

import { tavusEvent } from '../../support/fake-call.js';
import { connectedElement } from '../../support/element.js';

/** Runs `work` in a task of its own (a MessageChannel task: no timer clamping). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

describe('<tavus-conversation>', () => {
  describe('rendering', () => {
    it('renders streaming updates at most once per frame, however fast they arrive', async () => {
      const { el, call } = await connectedElement();
      el.chatOpen = true;
      await el.updateComplete;
      const render = sinon.spy(el as unknown as { render(): unknown }, 'render');
      let frames = 0;
      let counting = true;
      const tick = () => {
        frames += 1;
        if (counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);

      const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
      for (let i = 0; i < words.length; i++) {
        // Each chunk in a task of its own: without the frame throttle, each would render.
        call.message(
          tavusEvent('conversation.utterance.streaming', {
            inference_id: 'r-fast',
            properties: {
              role: 'pal',
              speech: words.slice(0, i + 1).join(' '),
              content_index: i,
              final: false,
            },
          }),
        );
        await nextTask();
      }
      const last = words.join(' ');
      await waitUntil(() => el.transcript.at(-1)?.text === last, 'the last chunk was not applied');
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.updateComplete;
      counting = false;

      expect(render.callCount, 'renders').to.be.at.least(1);
      expect(render.callCount, `renders in ${frames} frames`).to.be.at.most(frames + 1);
      expect(render.callCount, 'renders for 40 chunks').to.be.lessThan(words.length);
      const drawer = el.shadowRoot!.querySelector('tavus-chat-drawer')!;
      await (drawer as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(drawer.shadowRoot!.querySelector('[part~="message-replica"]')?.textContent).to.contain(
        last,
      );
    });
  });
});
