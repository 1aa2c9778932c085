// Build-time rollup plugin: minifies the static parts of Lit's css`` and html`` tagged templates,
// which terser leaves untouched, including templates nested in another's ${…}. CSS goes through
// esbuild's CSS minifier (with each ${…} kept as a placeholder); HTML only has its line-breaking
// whitespace runs folded to one space, which is what the browser renders anyway (our templates
// hold no <pre> or <textarea> text).
import { transform } from 'esbuild';

/** A tagged template's opening; a fresh regex per search, so nested and concurrent ones don't share it. */
const TAGS = () => /\b(css|html|svg)`/g;

/** Finds the end of a template literal starting after its opening backtick; -1 if unbalanced. */
function templateEnd(code, from) {
  for (let i = from; i < code.length; i++) {
    const char = code[i];
    if (char === '\\') i++;
    else if (char === '`') return i;
    else if (char === '$' && code[i + 1] === '{') {
      let depth = 1;
      i += 2;
      for (; i < code.length && depth > 0; i++) {
        if (code[i] === '{') depth++;
        else if (code[i] === '}') depth--;
        else if (code[i] === '`') {
          const inner = templateEnd(code, i + 1);
          if (inner < 0) return -1;
          i = inner;
        }
      }
      i--;
    }
  }
  return -1;
}

/** Splits a template body into static strings and the raw `${…}` expressions between them. */
function split(body) {
  const strings = [];
  const expressions = [];
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '$' && body[i + 1] === '{') {
      strings.push(body.slice(start, i));
      let depth = 1;
      let j = i + 2;
      for (; j < body.length && depth > 0; j++) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}') depth--;
        else if (body[j] === '`') j = templateEnd(body, j + 1);
      }
      expressions.push(body.slice(i, j));
      start = j;
      i = j - 1;
    }
  }
  strings.push(body.slice(start));
  return { strings, expressions };
}

async function minifyCss(body) {
  const { strings, expressions } = split(body);
  const marker = (i) => `--tavus-lit-expr-${i}--`;
  const joined = strings.reduce((all, part, i) => all + (i ? marker(i - 1) : '') + part, '');
  let minified;
  try {
    // Wrap in a rule so that declaration-only fragments parse as CSS too.
    const result = await transform(`x{${joined}}`, {
      loader: 'css',
      minify: true,
      logLevel: 'silent',
    });
    minified = result.code.trim();
    if (!minified.startsWith('x{') || !minified.endsWith('}')) return body;
    minified = minified.slice(2, -1);
  } catch {
    return body;
  }
  for (let i = 0; i < expressions.length; i++) {
    if (!minified.includes(marker(i))) return body; // never lose an expression
    minified = minified.replace(marker(i), expressions[i]);
  }
  return minified;
}

async function minifyHtml(body) {
  const { strings, expressions } = split(body);
  // Templates nested in ${…} (a conditional part, a list item) are minified too.
  const inner = await Promise.all(expressions.map((expression) => minifyTemplatesIn(expression)));
  return strings
    .map((part) => part.replace(/\s*\n\s*/g, ' '))
    .reduce((all, part, i) => all + (i ? inner[i - 1] : '') + part, '');
}

/** The code with every css``, html`` and svg`` template in it minified; null if none could be. */
async function minifyTemplatesIn(code) {
  const tags = TAGS();
  let out = '';
  let last = 0;
  for (let match; (match = tags.exec(code));) {
    const open = match.index + match[0].length;
    const end = templateEnd(code, open);
    if (end < 0) return code;
    const body = code.slice(open, end);
    const next = match[1] === 'css' ? await minifyCss(body) : await minifyHtml(body);
    out += code.slice(last, open) + next;
    last = end;
    tags.lastIndex = end + 1;
  }
  return out + code.slice(last);
}

export default function minifyTemplates() {
  return {
    name: 'minify-lit-templates',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !TAGS().test(code)) return null;
      return { code: await minifyTemplatesIn(code), map: null };
    },
  };
}
