// The page that the build-driven screenshot scripts (screenshots.mjs, state-screenshots.mjs)
// photograph: the built CDN entry and the offline simulator, a frame that fills the window with
// one centred box for the element, and in-page helpers for the scenarios. The page is served by
// static-server.mjs; the caller's module script defines `window.scenario` and the page sets
// `window.ready` once it has run.

const BASE_STYLE = `
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  :root { color-scheme: light dark; }
  body { background: Canvas; color: CanvasText; }
  .frame {
    display: grid; grid-template: minmax(0, 1fr) / minmax(0, 1fr); place-items: center;
    inline-size: 100%; block-size: 100%;
  }
  .box { inline-size: min(100% - 32px, 1100px); }
  tavus-conversation[variant=inline] { inline-size: 100%; }`;

/**
 * In-page helpers, in scope of the caller's script: `until(test, what, ms)` polls a condition and
 * throws once `ms` have passed; `painted()` lets painting catch up; `stalledCall()` is a call
 * object whose join never ends; `failingCall(reason)` one whose join fails with `reason`.
 */
const HELPERS = `
import '/dist/cdn/tavus-conversation.js';
import { createSimulatedCallFactory } from '/dist/cdn/tavus-simulator.js';

const until = async (test, what = 'the state', ms = 60000) => {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 25));
  }
};
// Two frames and a pause: WebKitGTK paints 7 to 20 frames a second under Xvfb.
const painted = async (ms = 500) => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, ms));
};
const never = () => new Promise(() => {});
const fakeCall = (join, meetingState) => ({
  on() {}, off() {}, join, leave: async () => {}, destroy: async () => {},
  participants: () => ({}), sendAppMessage() {}, setLocalAudio() {}, setLocalVideo() {},
  localAudio: () => false, localVideo: () => false, meetingState: () => meetingState,
});
const stalledCall = () => fakeCall(never, 'joining-meeting');
const failingCall = (reason) => fakeCall(() => Promise.reject(reason), 'error');
`;

/** The whole page: `style` is added to the base style, `script` runs after the helpers. */
export function screenshotPage({ style = '', script }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${BASE_STYLE}${style}</style></head>
<body><div class="frame"><div class="box"></div></div>
<script type="module">${HELPERS}${script}
window.ready = true;
</script></body></html>`;
}
