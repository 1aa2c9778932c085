// Firefox ESR for the test runner, driven by puppeteer over WebDriver BiDi through the same
// launcher as Chromium (no geckodriver). Firefox gets a private PulseAudio with a null sink:
// without a sound device its AudioContext never resumes. The sound server starts with the
// browser and stops after it.
import { ChromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { findFirefox } from '../find-browsers.mjs';
import { startPulseNullSink } from './pulse-null-sink.mjs';

export const FIREFOX_PREFS = {
  // Fake camera and microphone, granted without a prompt.
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  // Media may play without a user gesture.
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // Nothing leaves the machine: every connection but to localhost goes to a closed local port.
  'network.proxy.type': 1,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

class FirefoxLauncher extends ChromeLauncher {
  #pulse;

  constructor(launchOptions) {
    const createContext = ({ browser }) => browser.defaultBrowserContext();
    const createPage = ({ context }) => context.newPage();
    super(launchOptions, createContext, createPage, puppeteer);
  }

  async launchBrowser(options = {}) {
    this.#pulse ??= await startPulseNullSink();
    return super.launchBrowser({
      ...options,
      env: { ...process.env, ...this.#pulse.env },
    });
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      await this.#pulse?.stop();
      this.#pulse = undefined;
    }
  }
}

/** A test-runner launcher for Firefox; `launchOptions` are added to puppeteer's. */
export function firefoxLauncher(launchOptions = {}) {
  return new FirefoxLauncher({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    ...launchOptions,
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...launchOptions.extraPrefsFirefox },
  });
}
