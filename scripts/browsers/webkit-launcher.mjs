// WebKitGTK (Safari's engine) for the test runner: Debian's MiniBrowser, driven by WebKitWebDriver
// over WebDriver classic (it refuses BiDi), on a private Xvfb display. The display and the driver
// start with the first test file and stop with the run.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { Key } from 'webdriverio';
import { findMiniBrowser } from '../find-browsers.mjs';
import { startWebKitWebDriver } from './webkit-webdriver.mjs';
import { startXvfb } from './xvfb.mjs';

export const MINIBROWSER_ARGS = [
  '--automation',
  '--enable-media-stream=true',
  '--enable-mock-capture-devices=true',
  '--enable-webrtc=true',
  '--autoplay-policy=allow',
];

/** WebDriver key values for the key names the tests use ('Enter', 'Shift', …; see Key). */
const keyValue = (name) => Key[name] ?? name;

class WebKitLauncher extends WebdriverLauncher {
  #services;
  #starting;

  constructor({ compositing = false } = {}) {
    super({
      hostname: '127.0.0.1',
      path: '/',
      // A slow first page load under a busy machine must not fail the session.
      connectionRetryTimeout: 180000,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: MINIBROWSER_ARGS },
      },
    });
    this.compositing = compositing;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async #startServices() {
    const xvfb = await startXvfb();
    try {
      const env = { DISPLAY: xvfb.display, GDK_BACKEND: 'x11' };
      // The software renderer crashed once with compositing on; tests do not need it
      // (screenshots do, and ask for it).
      if (!this.compositing) env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
      const driver = await startWebKitWebDriver({ env });
      this.options.port = driver.port;
      return { xvfb, driver };
    } catch (error) {
      await xvfb.stop();
      throw error;
    }
  }

  async startSession(id, url) {
    this.#starting ??= this.#startServices();
    this.#services = await this.#starting;
    return super.startSession(id, url);
  }

  async stop() {
    await super.stop();
    const services = this.#services ?? (await this.#starting?.catch(() => undefined));
    this.#starting = undefined;
    this.#services = undefined;
    await services?.driver.stop();
    await services?.xvfb.stop();
  }

  /**
   * The test runner's send-keys command sends a whole string as one chord (every key down, then
   * every key up), so a doubled letter is pressed once: one key at a time instead.
   */
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }

  /** Holds a key down (`down`) or lets it go (`up`) across the next key presses. */
  async keyTransition(_sessionId, type, name) {
    await this.driver.performActions([
      { type: 'key', id: 'keyboard', actions: [{ type, value: keyValue(name) }] },
    ]);
  }

  /**
   * Sizes the window so that the page's viewport is `width` × `height`. MiniBrowser's window has
   * a minimum width (447 px here), so the viewport actually reached is returned.
   */
  async setViewport(_sessionId, { width, height }) {
    const chrome = await this.driver.execute(() => [
      window.outerWidth - window.innerWidth,
      window.outerHeight - window.innerHeight,
    ]);
    await this.driver.setWindowRect(null, null, width + chrome[0], height + chrome[1]);
    return this.driver.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
  }
}

/** A test-runner launcher for WebKitGTK's MiniBrowser. */
export const webkitLauncher = (options) => new WebKitLauncher(options);
