// Which engines the browser tests run in: TAVUS_BROWSERS, a comma-separated list of chromium,
// firefox and webkit (`TAVUS_BROWSERS=webkit npm run test:browser` for one). Unset: all three.
export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const DEFAULT_ENGINES = [...ENGINES];

export function selectedEngines(value = process.env.TAVUS_BROWSERS) {
  if (!value?.trim()) return [...DEFAULT_ENGINES];
  const engines = value.split(',').map((name) => name.trim().toLowerCase());
  const unknown = engines.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`TAVUS_BROWSERS: unknown ${unknown.join(', ')} (known: ${ENGINES.join(', ')})`);
  }
  return ENGINES.filter((name) => engines.includes(name));
}
