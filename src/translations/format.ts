/**
 * Fills `{placeholder}`s in a UI string: `formatString('{count}/{max}', { count: 3, max: 500 })`
 * gives `'3/500'`. A placeholder with no value is left as written, so a missing value shows up
 * instead of silently vanishing. The result is plain text, to be rendered as text.
 */
export function formatString(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : placeholder,
  );
}
