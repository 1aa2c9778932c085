import { expect, waitUntil } from '@open-wc/testing';

/**
 * Two copies of the package on one page (the npm bundle of an app plus the CDN tag of a CMS
 * block): the built CDN entry (Lit bundled in) and the built npm entry (Lit from node_modules)
 * are two real copies with their own classes and chunks. Each case runs in a fresh iframe, which
 * has its own custom element registry and module map. This file must not import src/: the
 * copies under test are the built ones (npm test builds first).
 */
const CDN_ENTRY = '/dist/cdn/tavus-conversation.js';
const NPM_ENTRY = '/dist/lib/index.js';
const SIMULATOR = '/dist/cdn/tavus-simulator.js';
const VERSION_KEY = Symbol.for('tavus-conversation.version');

type Realm = Window & typeof globalThis;
interface ElementModule {
  TavusConversation: CustomElementConstructor;
}
interface Page {
  win: Realm;
  /** Our registration warnings (Lit's own dev-mode warnings left out). */
  warnings: string[];
  /** Uncaught errors and unhandled rejections in the page. */
  errors: string[];
}

let frames: HTMLIFrameElement[] = [];
let version = '';

before(async () => {
  ({ version } = (await (await fetch('/package.json')).json()) as { version: string });
});

afterEach(() => {
  for (const frame of frames) frame.remove();
  frames = [];
});

async function freshPage(): Promise<Page> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = '<!doctype html><html lang="en"><body></body></html>';
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as Realm;
  const page: Page = { win, warnings: [], errors: [] };
  const warn = win.console.warn.bind(win.console);
  win.console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('<tavus-conversation>')) page.warnings.push(text);
    else warn(...args);
  };
  win.addEventListener('error', (event) => page.errors.push(String(event.message)));
  win.addEventListener('unhandledrejection', (event) => page.errors.push(String(event.reason)));
  return page;
}

/** `import()` run by the iframe itself, so the module lands in its registry and module map. */
function importIn<T>(page: Page, path: string): Promise<T> {
  const load = new page.win.Function('url', 'return import(url)') as (url: string) => Promise<T>;
  return load(new URL(path, location.origin).href);
}

/** The element defined in `page` renders and holds a conversation with the simulated replica. */
async function expectWorkingElement(page: Page): Promise<void> {
  const { createSimulatedCallFactory } = await importIn<{
    createSimulatedCallFactory: (options: object) => unknown;
  }>(page, SIMULATOR);
  const el = page.win.document.createElement('tavus-conversation') as HTMLElement & {
    callFactory: unknown;
    conversationUrl: string;
    start(): Promise<void>;
    end(): Promise<void>;
  };
  el.callFactory = createSimulatedCallFactory({ fast: true, seed: 1, replicaName: 'Anna' });
  el.conversationUrl = 'https://tavus.daily.co/two-copies';
  const greetings: string[] = [];
  el.addEventListener('tavus-utterance', (event) => {
    const { properties } = (event as CustomEvent<{ properties?: { role?: string } }>).detail;
    if (properties?.role === 'replica') greetings.push('replica');
  });
  page.win.document.body.append(el);
  await waitUntil(() => el.shadowRoot?.childElementCount, 'the element did not render');
  await el.start();
  await waitUntil(() => greetings.length > 0, 'no reply from the simulated replica');
  await el.end();
}

describe('Registration with two copies on one page', () => {
  it('an npm copy loaded after the CDN copy: no error, the CDN copy stays, a warning names both versions', async () => {
    const page = await freshPage();
    const cdn = await importIn<ElementModule>(page, CDN_ENTRY);
    const npm = await importIn<ElementModule>(page, NPM_ENTRY);

    expect(npm.TavusConversation, 'two distinct copies').not.to.equal(cdn.TavusConversation);
    expect(page.win.customElements.get('tavus-conversation')).to.equal(cdn.TavusConversation);
    expect(page.warnings).to.deep.equal([
      `<tavus-conversation> ${version} is already defined and stays in use; this copy (${version}) is not registered.`,
    ]);
    await expectWorkingElement(page);
    expect(page.errors).to.deep.equal([]);
  });

  it('a CDN copy loaded after the npm copy: no error, the npm copy stays', async () => {
    const page = await freshPage();
    const npm = await importIn<ElementModule>(page, NPM_ENTRY);
    await importIn<ElementModule>(page, CDN_ENTRY);

    expect(page.win.customElements.get('tavus-conversation')).to.equal(npm.TavusConversation);
    expect(page.warnings).to.have.length(1);
    await expectWorkingElement(page);
    expect(page.errors).to.deep.equal([]);
  });

  it('names the version of an earlier definition, or says it is unknown', async () => {
    const older = await freshPage();
    const Older = class extends older.win.HTMLElement {};
    Object.defineProperty(Older, VERSION_KEY, { value: '0.0.9' });
    older.win.customElements.define('tavus-conversation', Older);
    await importIn(older, CDN_ENTRY);
    expect(older.win.customElements.get('tavus-conversation')).to.equal(Older);
    expect(older.warnings).to.deep.equal([
      `<tavus-conversation> 0.0.9 is already defined and stays in use; this copy (${version}) is not registered.`,
    ]);

    const foreign = await freshPage();
    foreign.win.customElements.define(
      'tavus-conversation',
      class extends foreign.win.HTMLElement {},
    );
    await importIn(foreign, NPM_ENTRY);
    expect(foreign.warnings).to.deep.equal([
      `<tavus-conversation> (unknown version) is already defined and stays in use; this copy (${version}) is not registered.`,
    ]);
    expect([...older.errors, ...foreign.errors]).to.deep.equal([]);
  });

  it('one copy alone registers quietly and records its version', async () => {
    const page = await freshPage();
    const cdn = await importIn<ElementModule>(page, CDN_ENTRY);
    const defined = page.win.customElements.get('tavus-conversation') as unknown as Record<
      symbol,
      unknown
    >;
    expect(defined).to.equal(cdn.TavusConversation);
    expect(defined[VERSION_KEY]).to.equal(version);
    expect(page.warnings).to.deep.equal([]);
  });
});
