// The Trusted Types default policy a host page needs for daily-js: daily-js (0.92) sets the src
// of its call-bundle <script> from a plain string, so only a `default` policy can let it through.
// This one lets through https scripts of Daily's hosts and nothing else.
if (window.trustedTypes) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(value) {
      const url = new URL(value, document.baseURI);
      const daily = ['daily.co', 'dailywebrtc.com', 'dailywebrtc.net'].some(
        (host) => url.hostname === host || url.hostname.endsWith(`.${host}`),
      );
      if (url.protocol === 'https:' && daily) return url.href;
      throw new TypeError(`Trusted Types: not a Daily script URL: ${value}`);
    },
  });
}
