import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import sinon from 'sinon';
import { PIN_THRESHOLD, ScrollPin } from '../../../src/components/chat-drawer/scroll-pin.js';
import { nextFrames } from '../../support/wait.js';

const ITEM_HEIGHT = 20;

/** A 200 px log of 20 px items, pinned by a ScrollPin, as the drawer uses it. */
@customElement('test-scroll-pin-host')
class ScrollPinHost extends LitElement {
  static override styles = css`
    .log {
      height: 200px;
      overflow-y: auto;
      overflow-anchor: none;
    }
    ol {
      margin: 0;
      padding: 0;
    }
    .item {
      height: ${ITEM_HEIGHT}px;
      margin: 0;
    }
  `;

  /** Ids of the items, oldest first. */
  @property({ attribute: false }) accessor items: readonly string[] = [];
  /** Content above the list, which the pin's ResizeObserver does not see. */
  @property({ type: Number }) accessor above = 0;
  /** Whether the host announces item changes with `keepPlace()`, as the drawer does. */
  keepsPlace = true;
  /** Whether the host announces content above the list with `scrollAfterUpdate()`. */
  announcesAbove = true;

  readonly reachEnd = sinon.stub<[], boolean>().returns(false);

  readonly pin = new ScrollPin(this, {
    log: () => this.log,
    list: () => this.renderRoot.querySelector<HTMLElement>('ol'),
    onReachEnd: () => this.reachEnd(),
  });

  get log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.keepsPlace) this.pin.keepPlace();
    if (changed.has('above') && this.announcesAbove) this.pin.scrollAfterUpdate();
  }

  override render() {
    return html`<div class="log">
      ${Array.from({ length: this.above }, () => html`<p class="item">above</p>`)}
      <ol>
        ${repeat(
          this.items,
          (id) => id,
          (id) => html`<li class="item" data-id=${id}>${id}</li>`,
        )}
      </ol>
    </div>`;
  }
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => `i${from + index}`);

async function host(count = 40): Promise<ScrollPinHost> {
  const el = await fixture<ScrollPinHost>(
    html`<test-scroll-pin-host .items=${ids(0, count)}></test-scroll-pin-host>`,
  );
  await nextFrames();
  // The first render's scroll to the latest was heard as a reader reaching the end.
  el.reachEnd.resetHistory();
  return el;
}

function atBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight <= 1;
}

/** Waits (within a generous bound, for a busy machine) until the log is at its latest item. */
async function reachesBottom(el: ScrollPinHost, message: string): Promise<void> {
  await waitUntil(() => atBottom(el.log!), message, { timeout: 10000 });
}

/** Scrolls the log as a reader would, and lets the pin hear about it. */
async function scrollTo(el: ScrollPinHost, top: number): Promise<void> {
  el.log!.scrollTop = top;
  el.log!.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
}

function topOf(el: ScrollPinHost, id: string): number {
  const item = el.renderRoot.querySelector(`[data-id="${id}"]`)!;
  return item.getBoundingClientRect().top - el.log!.getBoundingClientRect().top;
}

describe('ScrollPin', () => {
  it('starts pinned, at the latest item', async () => {
    const el = await host();
    expect(el.pin.pinned).to.equal(true);
    expect(el.log!.scrollTop).to.be.above(0);
    expect(atBottom(el.log!)).to.equal(true);
  });

  it('follows the list as it grows, without an update of the host', async () => {
    const el = await host();
    const last = el.renderRoot.querySelector<HTMLElement>('li:last-child')!;
    last.style.height = `${ITEM_HEIGHT * 5}px`;
    // Only the ResizeObserver can bring the reader back down.
    expect(atBottom(el.log!)).to.equal(false);
    await reachesBottom(el, 'the pinned log did not follow the list');
  });

  it('follows new items', async () => {
    const el = await host();
    el.items = ids(0, 50);
    await el.updateComplete;
    await reachesBottom(el, 'the pinned log did not follow new items');
    expect(el.pin.pinned).to.equal(true);
  });

  it('unpins when the reader scrolls up, and stops following', async () => {
    const el = await host();
    const top = el.log!.scrollHeight - el.log!.clientHeight - PIN_THRESHOLD - 10;
    await scrollTo(el, top);
    expect(el.pin.pinned).to.equal(false);
    const last = el.renderRoot.querySelector<HTMLElement>('li:last-child')!;
    last.style.height = `${ITEM_HEIGHT * 5}px`;
    await nextFrames();
    expect(el.log!.scrollTop).to.equal(top);
    expect(el.reachEnd.called).to.equal(false);
  });

  it('counts a reader within the threshold of the bottom as at the latest', async () => {
    const el = await host();
    const bottom = el.log!.scrollHeight - el.log!.clientHeight;
    await scrollTo(el, bottom - PIN_THRESHOLD - 1);
    expect(el.pin.pinned).to.equal(false);
    await scrollTo(el, bottom - PIN_THRESHOLD);
    expect(el.pin.pinned).to.equal(true);
    expect(el.reachEnd.calledOnce).to.equal(true);
  });

  it('stays unpinned when reaching the end brought more in below', async () => {
    const el = await host();
    await scrollTo(el, 0);
    el.reachEnd.returns(true);
    await scrollTo(el, el.log!.scrollHeight);
    expect(el.reachEnd.calledOnce).to.equal(true);
    expect(el.pin.pinned).to.equal(false);
  });

  it("keeps a scrolled-up reader's first visible item in place when items come and go", async () => {
    const el = await host();
    await scrollTo(el, 10 * ITEM_HEIGHT + 5);
    const before = topOf(el, 'i10');
    expect(before).to.equal(-5);

    // Ten new items above and the five oldest gone: the reader's item stays where it was.
    el.items = [...ids(100, 110), ...ids(5, 45)];
    await el.updateComplete;
    expect(topOf(el, 'i10')).to.equal(before);
    expect(el.pin.pinned).to.equal(false);
  });

  it('without keepPlace, the same change moves the reader (the control)', async () => {
    const el = await host();
    el.keepsPlace = false;
    await scrollTo(el, 10 * ITEM_HEIGHT + 5);
    const before = topOf(el, 'i10');
    el.items = [...ids(100, 110), ...ids(5, 45)];
    await el.updateComplete;
    expect(topOf(el, 'i10')).to.equal(before + 5 * ITEM_HEIGHT);
  });

  it('scrolls a pinned reader to the latest after content above the list changes', async () => {
    const el = await host();
    el.above = 3;
    await el.updateComplete;
    expect(atBottom(el.log!)).to.equal(true);

    // The control: the ResizeObserver alone does not see content above the list.
    el.announcesAbove = false;
    el.above = 6;
    await el.updateComplete;
    await nextFrames();
    expect(atBottom(el.log!)).to.equal(false);
  });

  it('pin() follows again from where the reader was, unpin() stops', async () => {
    const el = await host();
    await scrollTo(el, 0);
    el.pin.pin();
    expect(el.pin.pinned).to.equal(true);
    await el.updateComplete;
    expect(atBottom(el.log!)).to.equal(true);

    el.pin.unpin();
    await el.updateComplete;
    expect(el.pin.pinned).to.equal(false);
    el.items = ids(0, 50);
    await el.updateComplete;
    await nextFrames();
    expect(atBottom(el.log!)).to.equal(false);
  });

  it('asks the host to render when pinning changes, and only then', async () => {
    const el = await host();
    const requestUpdate = sinon.spy(el, 'requestUpdate');
    el.pin.pin();
    expect(requestUpdate.called).to.equal(false);
    el.pin.unpin();
    expect(requestUpdate.calledOnce).to.equal(true);
  });

  it('lets go of the log while disconnected, and follows it again once reconnected', async () => {
    const el = await host();
    await scrollTo(el, 0);
    const parent = el.parentElement!;
    el.remove();
    // A detached log measures 0 × 0, which reads as "at the end": were the pin still listening,
    // this would pin it.
    el.log!.dispatchEvent(new Event('scroll'));
    expect(el.reachEnd.called).to.equal(false);
    expect(el.pin.pinned).to.equal(false);

    parent.append(el);
    await scrollTo(el, el.log!.scrollHeight);
    expect(el.reachEnd.calledOnce).to.equal(true);
    expect(el.pin.pinned).to.equal(true);
    const last = el.renderRoot.querySelector<HTMLElement>('li:last-child')!;
    last.style.height = `${ITEM_HEIGHT * 5}px`;
    expect(atBottom(el.log!)).to.equal(false);
    await reachesBottom(el, 'the reconnected log does not follow the list');
  });
});
