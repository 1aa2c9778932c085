// Lists, after each test file, the tests an engine skipped. A test that needs a facility of one
// engine's driver says so in its title (test/support/engine.ts), so the reason shows here.
import { relative } from 'node:path';

function skippedIn(results, path = []) {
  const here = (results?.tests ?? [])
    .filter((test) => test.skipped)
    .map((test) => [...path, test.name].join(' › '));
  const below = (results?.suites ?? []).flatMap((suite) => skippedIn(suite, [...path, suite.name]));
  return [...here, ...below];
}

export function skippedTestsReporter() {
  return {
    reportTestFileResults({ logger, sessionsForTestFile }) {
      for (const session of sessionsForTestFile) {
        const skipped = skippedIn(session.testResults);
        if (skipped.length === 0) continue;
        logger.log(
          `${relative(process.cwd(), session.testFile)}: skipped in ${session.browser.name}:`,
        );
        for (const name of skipped) logger.log(`  - ${name}`);
      }
    },
  };
}
