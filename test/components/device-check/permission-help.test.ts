import { expect } from '@open-wc/testing';
import {
  blockedHelp,
  browserFamily,
  framePolicyAllowsDevices,
} from '../../../src/components/device-check/permission-help.js';
import { EN_DEVICE_CHECK_STRINGS as S } from '../../../src/translations/en-device-check.js';
import { waitFor } from '../../support/wait.js';

const USER_AGENTS = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  webkitGtk:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  unknown: 'SomeBrowser/1.0',
};

describe('device check permission help', () => {
  it('tells the browsers apart by where they keep the permission switch', () => {
    expect(browserFamily(USER_AGENTS.chrome)).to.equal('chromium');
    expect(browserFamily(USER_AGENTS.edge)).to.equal('chromium');
    expect(browserFamily(USER_AGENTS.chromeAndroid)).to.equal('chromium');
    expect(browserFamily(USER_AGENTS.firefox)).to.equal('firefox');
    expect(browserFamily(USER_AGENTS.safariMac)).to.equal('safari');
    expect(browserFamily(USER_AGENTS.safariIphone)).to.equal('safari');
    expect(browserFamily(USER_AGENTS.webkitGtk)).to.equal('safari');
    // Chrome on iOS is WebKit without Safari's aA menu: the general words.
    expect(browserFamily(USER_AGENTS.chromeIphone)).to.equal('other');
    expect(browserFamily(USER_AGENTS.unknown)).to.equal('other');
  });

  it('gives one line per browser, and the frame alone when its policy forbids the devices', () => {
    expect(blockedHelp(S, { family: 'safari', framed: false, policyAllows: null })).to.deep.equal([
      S.checkHelpSafari,
    ]);
    expect(blockedHelp(S, { family: 'chromium', framed: true, policyAllows: true })).to.deep.equal([
      S.checkHelpChromium,
    ]);
    expect(blockedHelp(S, { family: 'chromium', framed: true, policyAllows: false })).to.deep.equal(
      [S.checkHelpFrame],
    );
    expect(blockedHelp(S, { family: 'other', framed: true, policyAllows: null })).to.deep.equal([
      S.checkHelpOther,
      S.checkHelpFrameMaybe,
    ]);
  });

  it("reads a frame's permissions policy where the browser exposes it", async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('allow', "camera 'none'; microphone 'none'");
    frame.src = 'about:blank';
    document.body.append(frame);
    try {
      await waitFor(() => frame.contentDocument?.readyState === 'complete', 'frame not loaded');
      const inFrame = framePolicyAllowsDevices(frame.contentDocument!);
      const exposed = 'featurePolicy' in document || 'permissionsPolicy' in document;
      // Chromium says no; Firefox and WebKit do not expose the policy.
      expect(inFrame).to.equal(exposed ? false : null);
      expect(framePolicyAllowsDevices(document)).to.equal(exposed ? true : null);
    } finally {
      frame.remove();
    }
  });
});
