// Test-runner commands that work the same in the three engines. @web/test-runner-commands'
// setViewport and the down/up forms of sendKeys exist only for puppeteer and playwright; these
// also drive WebKitGTK through WebDriver (see webkit-launcher.mjs). The browser side is
// test/support/browser-commands.ts.

const KEY_FORMS = ['type', 'press', 'down', 'up'];

function keysForm(payload) {
  const forms = KEY_FORMS.filter((form) => typeof payload?.[form] === 'string');
  if (forms.length !== 1) throw new Error(`send keys: give exactly one of ${KEY_FORMS.join(', ')}`);
  return [forms[0], payload[forms[0]]];
}

async function sendKeys(session, payload) {
  const [form, keys] = keysForm(payload);
  const { browser } = session;
  if (browser.type === 'puppeteer') {
    const { keyboard } = browser.getPage(session.id);
    await keyboard[form](keys);
    return true;
  }
  if (browser.type === 'webdriver' && browser.keyTransition) {
    if (form === 'type') await browser.sendKeys(session.id, [...keys]);
    else if (form === 'press') await browser.sendKeys(session.id, [keys]);
    else await browser.keyTransition(session.id, form === 'down' ? 'keyDown' : 'keyUp', keys);
    return true;
  }
  throw new Error(`send keys: not supported for ${browser.name}`);
}

async function setViewport(session, { width, height }) {
  const { browser } = session;
  if (browser.type === 'puppeteer') {
    await browser.getPage(session.id).setViewport({ width, height });
    return { width, height };
  }
  if (browser.setViewport) return browser.setViewport(session.id, { width, height });
  throw new Error(`set viewport: not supported for ${browser.name}`);
}

/** `tavus-send-keys` and `tavus-set-viewport` (the latter answers the viewport reached). */
export function engineCommandsPlugin() {
  return {
    name: 'tavus-engine-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'tavus-send-keys') return sendKeys(session, payload);
      if (command === 'tavus-set-viewport') return setViewport(session, payload);
      return undefined;
    },
  };
}
