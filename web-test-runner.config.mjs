// Browser tests run in Debian's Chromium (or CHROME_PATH), headless, as root, with fake media
// devices and with every DNS lookup except localhost refused, so nothing leaves the machine.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.mjs';
import { policyFor } from './test/reliability/csp/policies.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: forced-colors mode for a test.
 * The emulateMedia command of @web/test-runner-commands ignores `forcedColors` with puppeteer.
 */
function forcedColorsPlugin() {
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      await page.emulateMediaFeatures([
        { name: 'forced-colors', value: payload?.active ? 'active' : 'none' },
      ]);
      return true;
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // The strict-host test (test/reliability/strict-host.test.ts) loads the pages under
  // /test/reliability/csp/ in an iframe: they are served with a strict Content-Security-Policy
  // and Trusted Types enforced.
  middleware: [
    async (context, next) => {
      await next();
      const policy = policyFor(context.path);
      if (policy) context.set('Content-Security-Policy', policy);
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    forcedColorsPlugin(),
  ],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { lines: 90, statements: 90, functions: 80, branches: 75 },
    report: true,
    reportDir: 'coverage',
  },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        // gc() for the leak test (test/reliability/ledger.ts): full collections on demand.
        args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
      },
    }),
  ],
};
