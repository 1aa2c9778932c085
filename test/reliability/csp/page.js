// Runs one scenario of the strict-host test in a page served with a strict CSP and Trusted
// Types enforced, using only the built files, and leaves what happened in window.__result for
// the test (in the parent frame) to read.
const result = {
  scenario: document.documentElement.dataset.scenario,
  done: false,
  error: null,
  violations: window.__violations,
};
window.__result = result;

/**
 * Resolves once `condition()` holds. The limit only decides how a failing run fails: it is far
 * beyond what a passing run takes on a busy machine.
 */
function until(condition, what, timeoutMs = 20_000) {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve();
      else if (performance.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(check, 10);
    };
    check();
  });
}

/**
 * Resolves once every violation caused so far has been reported. Reports arrive later than the
 * actions that cause them, in order: so the page causes one more (an inline style attribute,
 * refused by every policy here), waits for its report, and takes it out of the list again.
 */
async function violationsReported() {
  const probe = document.createElement('i');
  probe.setAttribute('data-violation-probe', '');
  probe.setAttribute('style', 'color: red');
  document.body.append(probe);
  await until(() => result.violations.some((v) => v.probe), 'the report of the probe violation');
  probe.remove();
  result.violations = result.violations.filter((v) => !v.probe);
  window.__violations = result.violations;
}

const replies = (el) => el.transcript.filter((m) => m.role === 'replica' && m.final);

/** Every text node in the element's shadow roots. */
function shadowText(host) {
  const roots = [host.shadowRoot];
  const texts = [];
  for (let i = 0; i < roots.length; i++) {
    for (const node of roots[i].querySelectorAll('*'))
      if (node.shadowRoot) roots.push(node.shadowRoot);
    const walker = document.createTreeWalker(roots[i], NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue);
  }
  return texts.join(' ');
}

const scenarios = {
  /** The element with the offline simulator: start, greeting, a typed question, its answer. */
  async simulator() {
    await import('/dist/cdn/tavus-conversation.js');
    const { createSimulatedCallFactory } = await import('/dist/cdn/tavus-simulator.js');
    const el = document.querySelector('tavus-conversation');
    el.callFactory = createSimulatedCallFactory({ fast: true, seed: 3 });
    el.chatOpen = true;
    el.captions = true;
    await el.start();
    await until(() => el.state === 'connected', 'connected');
    await until(() => replies(el).length >= 1, 'the greeting');
    await el.respond('What can you do?');
    await until(() => replies(el).length >= 2, 'the answer');
    await el.updateComplete;
    result.state = el.state;
    result.transcript = el.transcript.map((m) => `${m.role}: ${m.text}`);
    result.shown = shadowText(el);
    result.adoptedStyleSheets = el.shadowRoot.adoptedStyleSheets.length;
    result.styleElements = el.shadowRoot.querySelectorAll('style').length;
    await el.end();
    result.endedState = el.state;
  },

  /** The same policy refuses what it should: the listener and the policy are really on. */
  async control() {
    const attempts = {
      innerHTML: () => (document.createElement('div').innerHTML = '<b>markup</b>'),
      eval: () => eval('1 + 1'),
      styleElement: () => {
        const style = document.createElement('style');
        style.textContent = 'body { color: red }';
        document.head.append(style);
      },
      styleAttribute: () => document.body.setAttribute('style', 'color: red'),
      scriptSrc: () => {
        const script = document.createElement('script');
        script.src = '/test/reliability/csp/violations.js';
        document.head.append(script);
      },
    };
    result.refused = {};
    for (const [name, attempt] of Object.entries(attempts)) {
      try {
        attempt();
        result.refused[name] = false;
      } catch {
        result.refused[name] = true;
      }
    }
    result.inlineScriptRan = window.inlineScriptRan === true;
  },

  /** The element with real daily-js: how far it gets loading its call bundle (offline here). */
  async daily() {
    await import('/dist/cdn/tavus-conversation.js');
    const el = document.querySelector('tavus-conversation');
    el.start().catch((error) => (result.startError = String(error?.message ?? error)));
    const bundle = () => document.querySelector('script[src*="call-machine"]');
    const trustedTypesRefused = () =>
      result.violations.some((v) => v.directive === 'require-trusted-types-for');
    await until(() => bundle() || trustedTypesRefused(), 'daily-js to load its bundle', 8000);
    result.bundleScript = bundle()?.src ?? null;
    el.remove();
  },
};

try {
  await scenarios[result.scenario]();
  // Every violation the scenario caused is in the list before the test reads it.
  await violationsReported();
} catch (error) {
  result.error = String(error?.stack ?? error);
} finally {
  result.done = true;
}
