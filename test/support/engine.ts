/**
 * Which browser engine runs the test file, and tests that only one engine's test driver can run.
 *
 * The suite runs in Chromium, Firefox and WebKitGTK (web-test-runner.config.mjs). A few tests need
 * a facility only Chromium's driver gives: media emulation through the DevTools protocol
 * (`prefers-color-scheme`, `prefers-reduced-motion`, `forced-colors`) or V8's `gc()`. They are
 * written with `onlyIn('chromium', what they need)`, which runs them there and reports them as
 * skipped elsewhere, the title saying why (the test runner lists skipped tests per engine).
 */

export type Engine = 'chromium' | 'firefox' | 'webkit';

const NAMES: Record<Engine, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  webkit: 'WebKit',
};

function detect(userAgent: string): Engine {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  // Chromium's user agent names Safari too, so Chrome is looked for first.
  if (/\b(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)) return 'chromium';
  return 'webkit';
}

/** The engine of this test page: the test runner drives only these three. */
export const engine: Engine = detect(navigator.userAgent);

/**
 * `it` and `describe` for tests that need `engine`'s driver: `needs` names the facility, and is
 * added to the title. Elsewhere they are declared skipped, so their hooks do not run either.
 */
export function onlyIn(only: Engine, needs: string) {
  const runs = engine === only;
  const titled = (title: string) => `${title} [${NAMES[only]} only: ${needs}]`;
  return {
    it: (title: string, fn: Mocha.Func | Mocha.AsyncFunc): Mocha.Test =>
      runs ? it(titled(title), fn) : it.skip(titled(title), fn),
    describe: (title: string, fn: (this: Mocha.Suite) => void): Mocha.Suite | void =>
      runs ? describe(titled(title), fn) : describe.skip(titled(title), fn),
  };
}
