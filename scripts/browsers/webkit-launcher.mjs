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

/** How often a running test page is asked for a sign of life, and how long it may stay silent. */
const WATCH_EVERY_MS = 10_000;
const FROZEN_AFTER_MS = 120_000;

class WebKitLauncher extends WebdriverLauncher {
  #xvfb;
  #driver;
  #watchdog;
  /** The session whose page stopped answering (its browser was ended), and its page's URL. */
  #frozen;
  #frozenUrl;

  constructor({ compositing = false } = {}) {
    super({
      hostname: '127.0.0.1',
      path: '/',
      // A slow first page load under a busy machine must not fail the session; a driver that
      // does not answer for that long will not answer a retry either.
      connectionRetryTimeout: 180_000,
      connectionRetryCount: 1,
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

  /** The display (once per run) and the driver (again after a frozen page ended it). */
  async #ensureServices() {
    this.#xvfb ??= startXvfb();
    const { display } = await this.#xvfb;
    if (!this.#driver) {
      const env = { DISPLAY: display, GDK_BACKEND: 'x11' };
      // The software renderer crashed once with compositing on; tests do not need it
      // (screenshots do, and ask for it).
      if (!this.compositing) env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
      this.#driver = startWebKitWebDriver({ env });
    }
    this.options.port = (await this.#driver).port;
  }

  async startSession(id, url) {
    await this.#ensureServices();
    await super.startSession(id, url);
    this.#watch(id, url);
  }

  /**
   * WebKitGTK's web process can deadlock inside GStreamer while media elements change state: the
   * page then runs no script and no timer, so no test timeout fires, and every WebDriver command
   * waits for good. A page that has not answered for FROZEN_AFTER_MS is taken for frozen: its
   * browser is ended (the test runner reports the file as interrupted) and the next file gets a
   * new one.
   */
  #watch(id, url) {
    clearInterval(this.#watchdog);
    let asking = false;
    this.#watchdog = setInterval(async () => {
      if (asking || !this.driver) return;
      asking = true;
      let timer;
      // A stuck page answers with a script timeout, or not at all.
      const answered = await Promise.race([
        this.driver.execute('return 1').then(
          (value) => value === 1,
          () => false,
        ),
        new Promise((resolve) => (timer = setTimeout(() => resolve(false), FROZEN_AFTER_MS))),
      ]);
      clearTimeout(timer);
      asking = false;
      if (!answered && this.isActive(id)) await this.#endFrozen(id, url);
    }, WATCH_EVERY_MS);
    this.#watchdog.unref?.();
  }

  async #endFrozen(id, url) {
    clearInterval(this.#watchdog);
    clearInterval(this.pendingHeartbeat);
    this.#frozen = id;
    this.#frozenUrl = url;
    // Dropped, not closed: a frozen browser answers no command, not even the end of its session.
    this.driver = undefined;
    this.driverManager = undefined;
    const driver = this.#driver;
    this.#driver = undefined;
    await (await driver)?.stop();
  }

  isActive(id) {
    return this.#frozen === id || super.isActive(id);
  }

  getBrowserUrl(id) {
    return this.#frozen === id ? this.#frozenUrl : super.getBrowserUrl(id);
  }

  async stopSession(id) {
    clearInterval(this.#watchdog);
    if (this.#frozen === id) {
      this.#frozen = undefined;
      throw new Error(
        `WebKit stopped answering for ${FROZEN_AFTER_MS / 1000} s (its web process was stuck, ` +
          'as when it deadlocks in GStreamer): the browser was ended and a new one started',
      );
    }
    return super.stopSession(id);
  }

  async stop() {
    clearInterval(this.#watchdog);
    await super.stop();
    const [driver, xvfb] = [this.#driver, this.#xvfb];
    this.#driver = undefined;
    this.#xvfb = undefined;
    await (await driver?.catch(() => undefined))?.stop();
    await (await xvfb?.catch(() => undefined))?.stop();
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
