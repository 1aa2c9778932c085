// Loaded first, as a classic script: records every Content-Security-Policy and Trusted Types
// violation of the page (the events are composed, so those inside shadow roots arrive too).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
    // page.js causes one violation on purpose, to know when the others have been reported.
    probe: event.target instanceof Element && event.target.hasAttribute('data-violation-probe'),
  });
});
