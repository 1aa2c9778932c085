// Browser tests run in three engines, one after another: Debian's Chromium (or CHROME_PATH),
// Firefox ESR and WebKitGTK's MiniBrowser (scripts/browsers/), headless or on a private X display,
// as root, with fake media devices and with nothing leaving the machine. TAVUS_BROWSERS picks
// engines (for example TAVUS_BROWSERS=firefox,webkit). Tests that need a facility only Chromium's
// driver has (CDP media emulation, V8's gc()) say so and are skipped elsewhere
// (test/support/engine.ts); coverage comes from Chromium.
import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { engineCommandsPlugin } from './scripts/browsers/commands.mjs';
import { launchersFor, selectedEngines } from './scripts/browsers/engines.mjs';
import { skippedTestsReporter } from './scripts/browsers/skipped-reporter.mjs';
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

/**
 * A port the system has just handed out. The test runner's own choice scans up from 8000, so
 * runs started at the same moment (several people or tools on one machine) could share a port,
 * and a browser would then load another run's page and wait forever for its tests.
 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default {
  files: ['test/**/*.test.ts'],
  port: await freePort(),
  nodeResolve: true,
  // One page at a time, one browser after another: the machine is small and busy, and WebKit
  // under Xvfb is slow. Tests wait for conditions, never for durations, so this costs only time.
  concurrency: 1,
  concurrentBrowsers: 1,
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
    engineCommandsPlugin(),
  ],
  // Generous limits for WebKitGTK's software rendering on a busy machine; a test that passes
  // only fast enough is wrong anyway.
  testFramework: { config: { timeout: 30000 } },
  browserStartTimeout: 180000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 600000,
  reporters: [defaultReporter(), skippedTestsReporter()],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { lines: 90, statements: 90, functions: 80, branches: 75 },
    report: true,
    reportDir: 'coverage',
  },
  browsers: launchersFor(selectedEngines(), {
    // gc() for the leak test (test/reliability/ledger.ts): full collections on demand.
    chromiumArgs: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  }),
};
