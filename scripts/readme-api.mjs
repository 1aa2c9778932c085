// Writes the README's API tables from custom-elements.json, so the two never disagree.
// `node scripts/readme-api.mjs` rewrites the block between the api markers; `--check` fails
// when the README is out of date instead.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

const START = '<!-- api:start (generated from custom-elements.json by scripts/readme-api.mjs) -->';
const END = '<!-- api:end -->';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'tavus-conversation');
if (!element) throw new Error('custom-elements.json has no <tavus-conversation>');

const cell = (text = '') =>
  String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) =>
  rows.length === 0
    ? '_none_\n'
    : [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`]
        .concat(rows.map((row) => `| ${row.join(' | ')} |`))
        .join('\n') + '\n';

const publicMembers = (element.members ?? []).filter(
  (member) => !member.privacy && !member.static && !member.name.startsWith('_'),
);
const fields = publicMembers.filter((member) => member.kind === 'field');
const methods = publicMembers.filter((member) => member.kind === 'method');
const attributeFor = new Map((element.attributes ?? []).map((a) => [a.fieldName, a.name]));

const sections = [
  '### Attributes and properties\n',
  table(
    ['attribute', 'property', 'type', 'default', 'description'],
    fields.map((field) => [
      code(attributeFor.get(field.name) ?? ''),
      code(field.name) + (field.readonly ? ' (read-only)' : ''),
      code(field.type?.text),
      code(field.default),
      cell(field.description),
    ]),
  ),
  '### Methods\n',
  table(
    ['method', 'description'],
    methods.map((method) => [
      code(`${method.name}(${(method.parameters ?? []).map((p) => p.name).join(', ')})`),
      cell(method.description),
    ]),
  ),
  '### Events\n',
  table(
    ['event', 'detail', 'description'],
    (element.events ?? []).map((event) => [
      code(event.name),
      code(event.type?.text),
      cell(event.description),
    ]),
  ),
  '### Slots\n',
  table(
    ['slot', 'description'],
    (element.slots ?? []).map((s) => [code(s.name || '(default)'), cell(s.description)]),
  ),
  '### CSS parts\n',
  table(
    ['part', 'description'],
    (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
  ),
  '### CSS custom properties\n',
  table(
    ['property', 'default', 'description'],
    (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
  ),
];
const block = `${START}\n\n${sections.join('\n')}\n${END}`;

const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < 0) throw new Error('README.md lacks the api markers');
const options = (await prettier.resolveConfig('README.md')) ?? {};
const next = await prettier.format(readme.slice(0, from) + block + readme.slice(to + END.length), {
  ...options,
  parser: 'markdown',
});

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README API tables are stale: run "npm run analyze" and commit README.md.');
    process.exit(1);
  }
  console.log('README API tables match custom-elements.json.');
} else if (next !== readme) {
  writeFileSync('README.md', next);
  console.log('README API tables updated.');
}
