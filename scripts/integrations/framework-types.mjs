// Writes the framework entries of the package from custom-elements.json (run by `npm run build`,
// after the library's declarations exist):
// - dist/react:  JSX typing for React 19 (properties, attributes and `ontavus-*` listeners on the
//   plain tag) and a React component made with @lit/react (React 18, or by preference);
// - dist/vue:    Vue `GlobalComponents` typing (properties, attributes, `@tavus-*` listeners);
// - dist/svelte: Svelte 5 `SvelteHTMLElements` typing (properties, attributes, `ontavus-*`).
// Each typing is turned on by one line, e.g. `import type {} from 'tavus-conversation/vue'`.
// Types are never copied from the manifest's text: each one points at the element's own
// declaration (`TavusConversation['strings']`, `HTMLElementEventMap['tavus-utterance']`), so
// they cannot drift from the code; the manifest decides which names exist
// (test/build/framework-types.test.mjs checks that every one of them is typed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { oneLine, pascalCase, readElementApi } from './element-api.mjs';

const outDir = process.argv[2] ?? 'dist';
const api = readElementApi();
const ELEMENT = `${api.className}Element`;
const HEADER =
  '// Generated from custom-elements.json by scripts/integrations/framework-types.mjs.\n';
const ELEMENT_IMPORT = `import type { ${api.className} as ${ELEMENT} } from '../lib/index.js';\n`;

const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${oneLine(text).replace(/\*\//g, '*\\/')} */\n` : '';
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const propertyType = (name) => `${ELEMENT}['${name}']`;
const eventType = (name) => `HTMLElementEventMap['${name}']`;

/** Properties by their own names, then attributes that have another name than their property. */
const propertyMembers = () =>
  api.properties
    .map((p) => `${doc(p.description)}  ${key(p.name)}?: ${propertyType(p.name)};\n`)
    .join('') +
  api.properties
    .filter((p) => p.attribute && p.attribute !== p.name)
    .map(
      (p) =>
        `${doc(`Attribute of \`${p.name}\`: ${p.description}`)}  ${key(p.attribute)}?: ${propertyType(p.name)};\n`,
    )
    .join('');

/** Listener props: `name(event)` gives the prop name (`ontavus-utterance`, `onTavusUtterance`). */
const listenerMembers = (propName) =>
  api.events
    .map(
      (e) =>
        `${doc(`\`${e.name}\`: ${e.description}`)}  ${key(propName(e.name))}?: (event: ${eventType(e.name)}) => void;\n`,
    )
    .join('');

const propsInterface = (name, members, extendsClause = '') =>
  `/** What \`<${api.tagName}>\` accepts in a template: ${api.summary} */\n` +
  `export interface ${name}${extendsClause} {\n${members}}\n`;

function react() {
  const events = api.events
    .map((e) => `  on${pascalCase(e.name)}: EventName<${eventType(e.name)}>;\n`)
    .join('');
  const types =
    HEADER +
    "import type * as React from 'react';\n" +
    "import type { EventName, ReactWebComponent } from '@lit/react';\n" +
    ELEMENT_IMPORT +
    '\n' +
    propsInterface(
      `${api.className}JsxProps`,
      propertyMembers() + listenerMembers((name) => `on${name}`),
      ` extends React.DetailedHTMLProps<React.HTMLAttributes<${ELEMENT}>, ${ELEMENT}>`,
    ) +
    '\n/** The events of the React component, as `on` + the event name in PascalCase. */\n' +
    `export interface ${api.className}Events {\n${events}}\n\n` +
    `/**\n * \`<${api.tagName}>\` as a React component made with @lit/react: properties and \`onTavus…\`\n` +
    ' * events as props, a ref to the element. Works in React 18, which sets no properties on plain\n' +
    ' * custom elements, and in React 19.\n */\n' +
    `export declare const ${api.className}: ReactWebComponent<${ELEMENT}, ${api.className}Events>;\n\n` +
    '// React 19 sets properties and listens to `on<event>` props on the plain tag: type them.\n' +
    "declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n" +
    `      '${api.tagName}': ${api.className}JsxProps;\n    }\n  }\n}\n`;
  const eventsObject = api.events
    .map((e) => `    on${pascalCase(e.name)}: '${e.name}',\n`)
    .join('');
  const code =
    HEADER +
    "import * as React from 'react';\n" +
    "import { createComponent } from '@lit/react';\n" +
    `import { ${api.className} as ${ELEMENT} } from '../lib/index.js';\n\n` +
    `export const ${api.className} = createComponent({\n` +
    '  react: React,\n' +
    `  tagName: '${api.tagName}',\n` +
    `  elementClass: ${ELEMENT},\n` +
    `  displayName: '${api.className}',\n` +
    `  events: {\n${eventsObject}  },\n});\n`;
  return { types, code };
}

function vue() {
  const types =
    HEADER +
    "import type { DefineComponent } from 'vue';\n" +
    ELEMENT_IMPORT +
    '\n' +
    propsInterface(
      `${api.className}Props`,
      propertyMembers() + listenerMembers((name) => `on${pascalCase(name)}`),
    ) +
    '\n// `@tavus-utterance="…"` in a template is the `onTavusUtterance` prop to vue-tsc.\n' +
    "declare module 'vue' {\n  interface GlobalComponents {\n" +
    `    '${api.tagName}': DefineComponent<${api.className}Props>;\n  }\n}\n`;
  return { types, code: `${HEADER}// Types only: see index.d.ts.\nexport {};\n` };
}

function svelte() {
  const types =
    HEADER +
    "import type { HTMLAttributes } from 'svelte/elements';\n" +
    ELEMENT_IMPORT +
    '\n' +
    propsInterface(
      `${api.className}Props`,
      propertyMembers() + listenerMembers((name) => `on${name}`),
    ) +
    '\n// Svelte 5 sets properties on custom elements and listens to `on<event>` attributes.\n' +
    "declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n" +
    `    '${api.tagName}': HTMLAttributes<${ELEMENT}> & ${api.className}Props;\n  }\n}\n`;
  return { types, code: `${HEADER}// Types only: see index.d.ts.\nexport {};\n` };
}

for (const [name, files] of Object.entries({ react: react(), vue: vue(), svelte: svelte() })) {
  mkdirSync(join(outDir, name), { recursive: true });
  writeFileSync(join(outDir, name, 'index.d.ts'), files.types);
  writeFileSync(join(outDir, name, 'index.js'), files.code);
}
console.log(`framework typings written to ${outDir}/react, ${outDir}/vue, ${outDir}/svelte`);
