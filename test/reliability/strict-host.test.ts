/**
 * The element on a strict host: pages served with a Content-Security-Policy without
 * 'unsafe-inline' or 'unsafe-eval' (for scripts and for styles) and with Trusted Types enforced
 * (test/reliability/csp/policies.mjs, added by the middleware in web-test-runner.config.mjs).
 * The pages load the BUILT one-tag files from dist/cdn (npm test builds first), run a scenario
 * (test/reliability/csp/page.js) and report every `securitypolicyviolation` back.
 */
import { expect, waitUntil } from '@open-wc/testing';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

interface PageResult {
  scenario: string;
  done: boolean;
  error: string | null;
  violations: Violation[];
  [key: string]: unknown;
}

/** Loads a page of test/reliability/csp/ in an iframe and returns what its scenario reported. */
async function runPage(
  page: string,
  // Only decides how a failing run fails: the pages wait for conditions, not durations.
  timeout = 25_000,
): Promise<{ result: PageResult; policy: string | null }> {
  const url = `/test/reliability/csp/${page}`;
  const policy = (await fetch(url)).headers.get('content-security-policy');
  const frame = document.createElement('iframe');
  frame.src = url;
  document.body.append(frame);
  try {
    await waitUntil(
      () =>
        (frame.contentWindow as (Window & { __result?: PageResult }) | null)?.__result?.done ===
        true,
      `${page} did not finish`,
      { timeout, interval: 20 },
    );
    const result = (frame.contentWindow as Window & { __result: PageResult }).__result;
    // Copied out before the frame goes, as plain data.
    return { result: JSON.parse(JSON.stringify(result)) as PageResult, policy };
  } finally {
    frame.remove();
  }
}

describe('<tavus-conversation> reliability', () => {
  describe('strict hosts (CSP and Trusted Types)', () => {
    it('serves the test pages with the strict policy, which refuses inline script, eval, inline style and string sinks', async () => {
      const { result, policy } = await runPage('control.html');
      expect(policy).to.include("script-src 'self'");
      expect(policy).to.include("style-src 'self'");
      expect(policy).to.include("require-trusted-types-for 'script'");
      expect(policy).to.include('trusted-types lit-html');
      expect(policy).to.not.include('unsafe');
      expect(result.error).to.equal(null);
      expect(result['inlineScriptRan'], 'inline script ran').to.equal(false);
      expect(result['refused']).to.deep.equal({
        innerHTML: true,
        eval: true,
        styleElement: false, // appending is allowed; its rules are refused (reported below)
        styleAttribute: false, // likewise: the attribute is set, the style not applied
        scriptSrc: true,
      });
      const reported = result.violations.map((v) => `${v.directive} ${v.sample.split('|')[0]}`);
      expect(reported).to.include.members([
        'script-src-elem ', // the inline <script> in the page
        'require-trusted-types-for Element innerHTML',
        'require-trusted-types-for eval',
        'style-src-elem ',
        'style-src-attr ',
        'require-trusted-types-for HTMLScriptElement src',
      ]);
    });

    it('works with the simulator from the built files: connected, answers, renders, no violation', async () => {
      const { result } = await runPage('simulator.html');
      expect(result.error).to.equal(null);
      expect(result.violations, 'CSP or Trusted Types violations').to.deep.equal([]);
      expect(result['state']).to.equal('connected');
      const transcript = result['transcript'] as string[];
      expect(transcript[0]).to.match(/^replica: Hi there! I'm Anna/);
      expect(transcript).to.include('user: What can you do?');
      expect(transcript.length).to.be.at.least(3);
      const reply = transcript.at(-1)!.replace(/^replica: /, '');
      expect(result['shown'] as string).to.include(reply);
      // Lit's styles arrive as constructed stylesheets, not <style> elements: style-src needs no
      // 'unsafe-inline'.
      expect(result['adoptedStyleSheets']).to.be.greaterThan(0);
      expect(result['styleElements']).to.equal(0);
      expect(result['endedState']).to.equal('ended');
    });

    it('with real daily-js, Trusted Types refuse its call-bundle script unless the page has a default policy', async () => {
      const { result } = await runPage('daily.html');
      expect(result.error).to.equal(null);
      const trustedTypes = result.violations.filter(
        (v) => v.directive === 'require-trusted-types-for',
      );
      expect(trustedTypes.length, 'daily-js set a script src from a string').to.be.greaterThan(0);
      expect(result['bundleScript']).to.equal(null);
      // Nothing of the element itself is refused.
      expect(
        result.violations.filter((v) => v.directive !== 'require-trusted-types-for'),
      ).to.deep.equal([]);
    });

    it('with real daily-js and the default policy of the README, the call bundle loads without a violation', async () => {
      const { result, policy } = await runPage('daily-default-policy.html');
      expect(policy).to.include('trusted-types lit-html default');
      expect(result.error).to.equal(null);
      expect(result.violations).to.deep.equal([]);
      // With avoidEval the bundle comes from Daily's CDN in a <script> (offline here, so it
      // fails to load afterwards, which is not the point).
      expect(result['bundleScript']).to.match(/^https:\/\/c\.daily\.co\/call-machine\//);
    });
  });
});
