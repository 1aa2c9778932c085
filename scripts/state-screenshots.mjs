// Screenshots of the call experience's screens and states in Chromium, Firefox and WebKitGTK, for
// review: `npm run build && node scripts/state-screenshots.mjs [chromium|firefox|webkit ...]
// [--only name,name] [--out DIR]` (every engine and scenario by default, into
// screenshots/states/, git-ignored). The device check (with its preview, blocked permission, in
// the floating panel), the toggles while connecting, the dead ends that the chat no longer makes
// (idle, ended, error), the labelled launcher, and in a call: the microphone level, the settings
// menu, thinking, a very weak network, reconnecting, blocked sound, the time left, captions, and
// the chat open inline and in the floating panel. Built CDN files and the offline simulator, at
// 1280×800 and 375×700, light, dark (the element's theme="dark" on a dark page: the same in every
// engine, where emulating prefers-color-scheme is not) and right to left. Nothing is asserted.
//
// MiniBrowser's window cannot be narrower than about 447 px: there the 375 px shots are of a
// 375×700 frame in the page, cut out of the window's screenshot and named `375box` (a transform
// makes the frame the floating panel's containing block too; viewport media queries still see
// the wider window, which is still under the floating panel's 520 px phone breakpoint).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { OPEN_DRIVER } from './browsers/screenshot-drivers.mjs';
import { screenshotPage } from './screenshot-page.mjs';
import { serveBuild } from './static-server.mjs';

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '375', width: 375, height: 700 },
];
const LOOKS = [
  { name: 'light', theme: 'light', dir: 'ltr' },
  { name: 'dark', theme: 'dark', dir: 'ltr' },
  { name: 'light-rtl', theme: 'light', dir: 'rtl' },
];
/** A scenario that takes longer is taken for a stuck page (WebKitGTK's GStreamer deadlock). */
const STUCK_AFTER_MS = 180_000;
/** In-page: where the frame is, in CSS pixels. */
const FRAME_RECT = `const { x, y, width, height } = document.querySelector('.frame').getBoundingClientRect();
  return { x, y, width, height };`;
/** In-page: waits for the page's module script to have run. */
const READY = 'while (!window.ready) await new Promise((r) => setTimeout(r, 25));';

const PAGE = screenshotPage({
  style: `
  :root.dark { color-scheme: dark; }
  .box.tall tavus-conversation { block-size: min(100vh - 32px, 640px); }`,
  script: `
const params = new URLSearchParams(location.search);
if (params.has('frame')) {
  const [width, height] = params.get('frame').split('x');
  Object.assign(document.querySelector('.frame').style, {
    inlineSize: width + 'px', blockSize: height + 'px', transform: 'translate(0)', overflow: 'hidden',
  });
}

const sim = (options = {}) => createSimulatedCallFactory({ seed: 7, replicaName: 'Anna', fast: true, ...options });
const part = (root, name) => root?.shadowRoot?.querySelector('[part~="' + name + '"]') ?? null;
const inner = (el, tag) => el.shadowRoot.querySelector(tag);
const DAILY_UNREACHABLE =
  'Failed to load call object bundle https://c.daily.co/call-machine/versioned/0.92.2/static/call-machine-object-bundle.js';

// Device names as a visitor's machine shows them (one long), the same in every engine: the
// test browsers' own fake devices are named differently in each.
const DEVICES = [
  ['videoinput', 'cam-1', 'FaceTime HD Camera'],
  ['videoinput', 'cam-2', 'Logitech BRIO 4K Stream Edition with a long name (046d:085e)'],
  ['audioinput', 'mic-1', 'MacBook Pro Microphone'],
  ['audioinput', 'mic-2', 'Jabra Evolve2 65 headset'],
  ['audiooutput', 'default', 'MacBook Pro Speakers'],
  ['audiooutput', 'spk-2', 'Jabra Evolve2 65 headset'],
].map(([kind, deviceId, label]) => {
  const info = { kind, deviceId, label, groupId: deviceId };
  return { ...info, toJSON: () => info };
});
MediaDevices.prototype.enumerateDevices = async () => DEVICES;

// Page stubs, installed before the element is made.
const blockDevices = () => {
  navigator.mediaDevices.getUserMedia = () =>
    Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
};
const blockSound = () => {
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    return this instanceof HTMLAudioElement && this.srcObject
      ? Promise.reject(new DOMException('play() needs a gesture', 'NotAllowedError'))
      : play.call(this);
  };
};
// The camera from the browser, a microphone that hears a steady tone: the level shows alike in
// every engine (the fake microphones beep, hum or stay silent).
const humming = async (constraints) => {
  const tracks = constraints.video
    ? (await navigator.mediaDevices.getUserMedia({ video: constraints.video })).getVideoTracks()
    : [];
  if (constraints.audio) {
    const context = new AudioContext();
    void context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    gain.gain.value = 0.8;
    const destination = context.createMediaStreamDestination();
    oscillator.connect(gain).connect(destination);
    oscillator.start();
    tracks.push(...destination.stream.getAudioTracks());
  }
  return new MediaStream(tracks);
};

// Greeted, and the replica's first frame is there (Firefox and WebKit take a while to show it).
const greeted = async (el) => {
  await until(() => el.state === 'connected' && el.transcript.length > 0, 'the greeting');
  await until(() => part(inner(el, 'tavus-video-stage'), 'video')?.readyState >= 2, "the replica's video");
};
const replied = (el) =>
  until(() => el.transcript.filter((m) => m.role === 'replica').length > 1 && el.transcript.at(-1).final, 'the reply');
const previewShown = (el) =>
  until(() => inner(el, 'tavus-device-check')?.shadowRoot?.querySelector('video:not([hidden])')?.readyState >= 2, 'the preview');
const inCall = (then) => async (el, factory) => {
  await greeted(el);
  await then(el, factory);
};

// Each scenario: the box (\`tall\`: the page gives the element a height), the variant, the chat,
// how the element is set up before it is added, whether it starts, and what shows when done.
const SCENARIOS = {
  'check': { check: true, reach: previewShown },
  'check-tall': { tall: true, check: true, reach: previewShown },
  'check-blocked': {
    tall: true, check: true, setup: blockDevices,
    reach: (el) => until(() => part(inner(el, 'tavus-device-check'), 'permission-help'), 'the permission help'),
  },
  'check-chat': { tall: true, check: true, chat: true, reach: previewShown },
  'floating-check': { floating: true, check: true, reach: previewShown },
  'connecting-microphone-off': {
    tall: true, call: () => stalledCall, setup: (el) => (el.microphoneOff = true),
    reach: (el) => until(() => el.state === 'connecting' && part(el, 'microphone-button'), 'connecting'),
  },
  'idle-chat': { chat: true, start: false },
  'floating-idle-chat': { floating: true, chat: true, start: false },
  'launcher-label': {
    floating: 'closed', start: false,
    setup: (el, look) => el.setAttribute('launcher-label', look.dir === 'rtl' ? 'تحدث معنا' : 'Talk to us'),
  },
  'ended-chat': {
    tall: true, chat: true,
    reach: inCall(async (el) => {
      await el.end();
      await until(() => el.state === 'ended', 'the end');
    }),
  },
  'error': {
    tall: true, call: () => () => failingCall(DAILY_UNREACHABLE),
    reach: (el) => until(() => el.state === 'error', 'the error'),
  },
  'error-chat': {
    tall: true, chat: true, call: () => () => failingCall(DAILY_UNREACHABLE),
    reach: (el) => until(() => el.state === 'error', 'the error'),
  },
  'call-microphone-level': {
    tall: true, call: () => sim({ getUserMedia: humming }),
    reach: inCall((el) => until(() => part(el, 'microphone-button')?.hasAttribute('data-speaking'), 'the level')),
  },
  'call-settings-menu': {
    tall: true,
    reach: inCall(async (el) => {
      const menu = inner(el, 'tavus-device-menu');
      part(menu, 'settings-button').click();
      await until(() => menu.shadowRoot.querySelector('[role=menuitemradio]'), 'the menu');
    }),
  },
  'call-thinking': {
    tall: true, call: () => sim({ timing: { thinkMs: 600000 } }),
    reach: inCall(async (el) => {
      el.respond('What can you do?').catch(() => {});
      await until(() => part(el, 'thinking-indicator'), 'thinking');
    }),
  },
  'call-network-very-low': {
    tall: true,
    reach: inCall(async (el, factory) => {
      factory.lastCall.simulateNetworkQuality('very-low');
      await until(() => part(el, 'network-indicator'), 'the network indicator');
    }),
  },
  'call-reconnecting': {
    tall: true,
    reach: inCall(async (el, factory) => {
      factory.lastCall.simulateNetworkInterruption(600000);
      await until(() => el.state === 'reconnecting', 'reconnecting');
    }),
  },
  'call-sound-blocked': {
    tall: true, setup: blockSound,
    reach: inCall((el) => until(() => part(inner(el, 'tavus-video-stage'), 'sound-button'), 'the sound button')),
  },
  'call-time-left': {
    tall: true, setup: (el) => (el.maxDuration = 59),
    reach: inCall((el) => until(() => part(el, 'countdown'), 'the countdown')),
  },
  'call-captions': {
    tall: true, call: () => sim({ wordsPerSecond: 1.5 }), setup: (el) => (el.captions = true),
    reach: inCall((el) => until(() => part(el, 'captions')?.textContent.trim().length > 40, 'captions')),
  },
  'call-chat': {
    tall: true, chat: true,
    reach: inCall(async (el) => {
      await el.respond('What can you do?');
      await replied(el);
    }),
  },
  'floating-call-chat': {
    floating: true, chat: true,
    reach: inCall(async (el) => {
      await el.respond('What can you do?');
      await replied(el);
    }),
  },
};
window.scenarioNames = Object.keys(SCENARIOS);

window.scenario = async (name, look) => {
  const scenario = SCENARIOS[name];
  document.documentElement.dir = look.dir;
  document.documentElement.classList.toggle('dark', look.theme === 'dark');
  const box = document.querySelector('.box');
  box.classList.toggle('tall', Boolean(scenario.tall));
  const el = document.createElement('tavus-conversation');
  el.setAttribute('conversation-url', 'https://tavus.daily.co/screenshots');
  el.setAttribute('variant', scenario.floating ? 'floating' : 'inline');
  el.setAttribute('theme', look.theme);
  const factory = (scenario.call ?? (() => sim()))();
  el.callFactory = factory;
  el.deviceCheck = Boolean(scenario.check);
  scenario.setup?.(el, look);
  box.replaceChildren(el);
  await el.updateComplete;
  if (scenario.floating === true) el.open = true;
  if (scenario.chat) el.chatOpen = true;
  if (scenario.start !== false) {
    el.start().catch(() => {});
    await scenario.reach(el, factory);
  }
  await painted();
};`,
});

function parseArgs(argv) {
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const flagged = new Set(['--out', '--only'].flatMap((flag) => [flag, value(flag)]));
  const engines = argv.filter((arg) => !flagged.has(arg));
  for (const engine of engines) {
    if (!(engine in OPEN_DRIVER)) throw new Error(`unknown engine ${engine}`);
  }
  return {
    out: resolve(value('--out') ?? 'screenshots/states'),
    only: value('--only')?.split(','),
    engines: engines.length > 0 ? engines : Object.keys(OPEN_DRIVER),
  };
}

/** Rejects when `promise` has not settled after `ms`. */
function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer for ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Photographs every scenario at one size in one engine; a stuck page gets a new browser. */
async function shootSize(session, server, size, options) {
  const reached = await session.viewport(size);
  // The window stayed wider than asked (MiniBrowser): photograph a frame of the asked size.
  const framed = reached.width > size.width;
  const query = framed ? `?frame=${size.width}x${size.height}` : '';
  const label = framed ? `${size.name}box` : size.name;
  await session.driver.goto(server.url + query);
  const names = await session.driver.run(`${READY} return window.scenarioNames;`);
  let count = 0;
  for (const name of names.filter((n) => !options.only || options.only.includes(n))) {
    for (const look of LOOKS) {
      const file = join(options.out, `${session.engine}-${name}-${label}-${look.name}.png`);
      try {
        await within(
          (async () => {
            await session.driver.goto(server.url + query);
            await session.driver.run(`${READY}
              await window.scenario(${JSON.stringify(name)}, ${JSON.stringify(look)});`);
          })(),
          STUCK_AFTER_MS,
          `${session.engine} ${name}`,
        );
      } catch (error) {
        console.error(`${session.engine} ${name} ${label} ${look.name}: ${error.message}`);
        if (/no answer/.test(error.message)) {
          await session.restart(size);
          continue;
        }
      }
      const clip = framed ? await session.driver.run(FRAME_RECT) : undefined;
      await session.driver.screenshot(file, clip);
      console.log(file);
      count++;
    }
  }
  return count;
}

/** One engine's browser, replaced when its page stops answering. */
async function openSession(engine) {
  const session = {
    engine,
    driver: await OPEN_DRIVER[engine](),
    viewport: (size) => session.driver.setViewport(size),
    async restart(size) {
      await within(session.driver.close(), 30_000, 'closing').catch(() => {});
      session.driver = await OPEN_DRIVER[engine]();
      await session.viewport(size);
    },
  };
  return session;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const server = await serveBuild(PAGE);
  let count = 0;
  try {
    for (const engine of options.engines) {
      const session = await openSession(engine);
      try {
        for (const size of SIZES) count += await shootSize(session, server, size, options);
      } finally {
        await session.driver.close();
      }
    }
  } finally {
    server.close();
  }
  console.log(`${count} screenshots written to ${options.out}`);
}

await main();
