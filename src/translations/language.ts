/**
 * The language the element speaks in: the nearest `lang` attribute on it or above it (across
 * shadow roots, up to the document), as the HTML spec resolves a node's language. Numbers shown
 * in the UI are formatted for it (`lang="ar-EG"` writes Arabic-Indic digits, `lang="de"` groups
 * thousands with a dot).
 */
export function languageOf(node: Node): string {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const lang = current.getAttribute('lang');
      if (lang !== null) return lang.trim();
    }
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return '';
}

const formatters = new Map<string, Intl.NumberFormat>();

/** `value` written for `lang` (the browser's language when empty or not a valid tag). */
export function formatNumber(value: number, lang: string): string {
  let formatter = formatters.get(lang);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(lang || undefined);
    } catch {
      // lang="not a tag": RangeError. The page's mistake must not break the counter.
      formatter = new Intl.NumberFormat();
    }
    // A page has one or two languages; the cap only guards against a lang that keeps changing.
    if (formatters.size > 16) formatters.clear();
    formatters.set(lang, formatter);
  }
  return formatter.format(value);
}
