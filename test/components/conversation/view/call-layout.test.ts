import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import type { ConversationViewModel } from '../../../../src/components/conversation/view-model.js';
import { controlStyles } from '../../../../src/components/conversation/view/controls.styles.js';
import { noticeStyles } from '../../../../src/components/conversation/view/notices.styles.js';
import { speakerStyles } from '../../../../src/components/conversation/view/speaker.styles.js';
import { stageStyles } from '../../../../src/components/conversation/view/stage.styles.js';
import { deviceMenuStyles } from '../../../../src/components/device-menu/device-menu.styles.js';
import type { TavusVideoStage } from '../../../../src/components/video-stage/video-stage.js';
import { videoStageStyles } from '../../../../src/components/video-stage/video-stage.styles.js';
import { message, renderTestView } from '../../../support/view-host.js';
import type { TestViewHost } from '../../../support/view-host.js';
import '../../../support/view-host.js';
import { setViewport } from '../../../support/browser-commands.js';
import { canvasVideoTrack } from '../../../support/media-tracks.js';
import { shadowQuery } from '../../../support/shadow-dom.js';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function view(model: Partial<ConversationViewModel>, width?: number): Promise<TestViewHost> {
  return renderTestView(model, { style: width ? `width: ${width}px` : '' });
}

const part = (host: TestViewHost, name: string) => shadowQuery(host, `[part~="${name}"]`);
const tileOf = (host: TestViewHost) =>
  shadowQuery(
    shadowQuery<TavusVideoStage>(host, 'tavus-video-stage'),
    '[part="self-view"]',
  ).getBoundingClientRect();

/** A press at the middle of `target` lands on it (or on its icon), through the shadow roots. */
function pressable(target: Element): boolean {
  const hit = pressedAt(target);
  return Boolean(hit && target.contains(hit));
}

/** The element a press at the middle of `target` lands on, through the shadow roots. */
function pressedAt(target: Element): Element | null {
  const box = target.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  let hit = document.elementFromPoint(x, y);
  // Down into each shadow root, as long as the point is on something inside it.
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner.getRootNode() !== hit.shadowRoot) break;
    hit = inner;
  }
  return hit;
}

const inCall: Partial<ConversationViewModel> = {
  state: 'connected',
  replicaName: 'Anna',
  replicaVideo: canvasVideoTrack(),
  selfVideo: canvasVideoTrack(),
  messages: [message('replica', 'Hello! How can I help?'), message('user', 'Hi')],
};

describe('the call layout', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('with the chat open', () => {
    for (const [label, width] of [
      ['a 375px element', 375],
      ['a 520px element', 520],
      ['a 760px element', 760],
    ] as const) {
      it(`keeps mute and End one tap away in ${label}`, async () => {
        await setViewport({ width: 1000, height: 900 });
        const host = await view({ ...inCall, chatOpen: true }, width);
        for (const name of ['microphone-button', 'end-button']) {
          const button = part(host, name);
          expect(pressable(button), name).to.equal(true);
        }
        // Clear of the top bar.
        const speaker = part(host, 'speaking-indicator').getBoundingClientRect();
        expect(overlaps(speaker, part(host, 'controls').getBoundingClientRect())).to.equal(false);
      });
    }

    it('keeps mute and End one tap away in the floating panel, on a phone and a desktop', async () => {
      for (const viewport of [
        { width: 375, height: 700 },
        { width: 1000, height: 800 },
      ]) {
        await setViewport(viewport);
        const host = await view({ ...inCall, variant: 'floating', open: true, chatOpen: true });
        for (const name of ['microphone-button', 'end-button']) {
          const button = part(host, name);
          expect(pressable(button), `${name} at ${viewport.width}px`).to.equal(true);
        }
      }
    });

    it('leaves the chat sheet most of the height', async () => {
      await setViewport({ width: 1000, height: 900 });
      const host = await view({ ...inCall, chatOpen: true }, 375);
      const stage = part(host, 'stage').getBoundingClientRect();
      const chat = shadowQuery(host, 'tavus-chat-drawer').getBoundingClientRect();
      expect(chat.height).to.be.at.least(stage.height * 0.6);
      expect(chat.bottom).to.be.closeTo(stage.bottom, 1);
    });
  });

  describe('the self-view', () => {
    for (const [label, chatOpen] of [
      ['alone', false],
      ['beside the chat', true],
    ] as const) {
      it(`is never under the captions on a wide stage, ${label}`, async () => {
        await setViewport({ width: 1400, height: 900 });
        const host = await view(
          {
            ...inCall,
            chatOpen,
            captionsOn: true,
            caption:
              'Of course. Let me walk you through every step of the setup, from the account to the first call, slowly.',
          },
          1280,
        );
        const caption = part(host, 'captions').querySelector('.caption-text')!;
        expect(overlaps(caption.getBoundingClientRect(), tileOf(host))).to.equal(false);
      });
    }

    it('uses the whole width for captions when there is no self-view', async () => {
      await setViewport({ width: 1400, height: 900 });
      const long = 'Of course. '.repeat(12);
      const host = await view(
        { ...inCall, selfVideo: null, captionsOn: true, caption: long },
        1280,
      );
      const caption = part(host, 'captions').querySelector('.caption-text')!;
      expect(caption.getBoundingClientRect().width).to.be.above(500);
    });

    for (const variant of ['inline', 'floating'] as const) {
      it(`is clear of "Reconnecting…" and the device notice on a narrow stage (${variant})`, async () => {
        await setViewport({ width: 1000, height: 800 });
        const host = await view(
          {
            ...inCall,
            variant,
            open: true,
            state: 'reconnecting',
            mediaIssue: 'device-in-use',
          },
          variant === 'inline' ? 375 : undefined,
        );
        const tile = tileOf(host);
        expect(tile.width, 'the tile shows').to.be.above(0);
        const status = part(host, 'status').getBoundingClientRect();
        expect(status.width, 'the pill shows').to.be.above(0);
        expect(overlaps(status, tile), 'status').to.equal(false);
        expect(overlaps(part(host, 'notice').getBoundingClientRect(), tile), 'notice').to.equal(
          false,
        );
      });
    }
  });

  describe('touch screens', () => {
    const sheets: [string, CSSResult][] = [
      ['controls', controlStyles],
      ['notices', noticeStyles],
      ['speaker', speakerStyles],
      ['stage', stageStyles],
      ['device menu', deviceMenuStyles],
      ['video stage', videoStageStyles],
    ];

    /** Every style rule whose selector uses :hover, with the media conditions around it. */
    function hoverRules(rules: CSSRuleList, media: string[] = []): [string, string[]][] {
      const found: [string, string[]][] = [];
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          found.push(...hoverRules(rule.cssRules, [...media, rule.conditionText]));
        } else if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) {
          found.push([rule.selectorText, media]);
        }
      }
      return found;
    }

    it('keep hover looks (tooltips among them) for screens with a pointer that hovers', () => {
      let checked = 0;
      for (const [name, sheet] of sheets) {
        for (const [selector, media] of hoverRules(sheet.styleSheet!.cssRules)) {
          checked += 1;
          expect(
            media.some((condition) => /\(hover:\s*hover\)/.test(condition)),
            `${name}: ${selector}`,
          ).to.equal(true);
        }
      }
      // The tooltips' own rule among them, so the check saw what it is about.
      const tooltip = hoverRules(controlStyles.styleSheet!.cssRules).find(([selector]) =>
        selector.includes('.tooltip'),
      );
      expect(tooltip, 'the tooltip rule').to.not.equal(undefined);
      expect(checked).to.be.above(5);
    });
  });
});
