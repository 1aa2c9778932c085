/**
 * The floating panel follows the viewport while it is open: a phone-wide window makes it a
 * full-screen sheet, a wide one the corner panel, whenever the window changes. And the open panel
 * leaves the page's own viewport media queries live: in WebKit, a page with a size container and
 * a style in viewport units stopped re-evaluating them after a resize, so both had kept the
 * layout of the first viewport (view/floating.styles.ts says how the panel avoids it).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '../../../support/browser-commands.js';
import { shadowQuery } from '../../../support/shadow-dom.js';
import { makeModel, type TestViewHost } from '../../../support/view-host.js';
import '../../../support/view-host.js';
import { nextFrames, settle, waitFor } from '../../../support/wait.js';

const DESKTOP = { width: 800, height: 600 };
/** The corner panel's width (`--tavus-panel-width`). */
const PANEL_WIDTH = 400;

async function openFloating(): Promise<TestViewHost> {
  const host = await fixture<TestViewHost>(
    html`<test-view-host
      theme="light"
      .model=${makeModel({ variant: 'floating', open: true, replicaName: 'Anna' })}
    ></test-view-host>`,
  );
  await host.updateComplete;
  await nextFrames();
  await settle();
  return host;
}

const panelOf = (host: TestViewHost) => shadowQuery(host, '[part~="panel"]');

describe('floating panel and the viewport', () => {
  beforeEach(async () => {
    await setViewport(DESKTOP);
  });

  afterEach(async () => {
    await setViewport(DESKTOP);
  });

  it('turns into the phone sheet and back as the window narrows and widens', async () => {
    const host = await openFloating();
    const panel = panelOf(host);
    await waitFor(
      () => panel.getBoundingClientRect().width === PANEL_WIDTH,
      'the panel did not take its corner size',
    );

    const phone = await setViewport({ width: 375, height: 700 });
    expect(phone.width).to.be.at.most(520);
    await waitFor(
      () => panel.getBoundingClientRect().width === phone.width,
      'the open panel kept its corner size in a phone-wide window',
    );
    expect(panel.getBoundingClientRect().top).to.equal(0);
    expect(getComputedStyle(shadowQuery(host, '[part~="launcher"]')).display).to.equal('none');

    await setViewport(DESKTOP);
    await waitFor(
      () => panel.getBoundingClientRect().width === PANEL_WIDTH,
      'the open panel stayed a sheet in a wide window',
    );
    expect(getComputedStyle(panel).borderTopLeftRadius).to.not.equal('0px');
  });

  it("leaves the page's own viewport media queries live while it is open", async () => {
    const style = document.createElement('style');
    style.textContent =
      '#page-probe { inline-size: 300px; block-size: 1px }' +
      ' @media (max-width: 520px) { #page-probe { inline-size: 100px } }';
    const probe = document.createElement('div');
    probe.id = 'page-probe';
    document.head.append(style);
    document.body.append(probe);
    try {
      await openFloating();
      expect(probe.getBoundingClientRect().width).to.equal(300);
      await setViewport({ width: 375, height: 700 });
      await waitFor(
        () => probe.getBoundingClientRect().width === 100,
        "the page's media query kept the wide layout",
      );
    } finally {
      style.remove();
      probe.remove();
    }
  });
});
