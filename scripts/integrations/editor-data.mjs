// Writes editor data for <tavus-conversation> from custom-elements.json (run by `npm run build`):
// - dist/editor/vscode.html-custom-data.json: VS Code's HTML custom data (tag, attributes with
//   their values, descriptions), for the `html.customData` setting;
// - dist/editor/web-types.json: JetBrains web-types (attributes, properties, events, slots, CSS
//   parts and custom properties), found through the `web-types` field of package.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { readElementApi } from './element-api.mjs';

const outDir = join(process.argv[2] ?? 'dist', 'editor');
const api = readElementApi();
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** `'inline' | 'floating'` → ['inline', 'floating']; other types have no fixed values. */
const literalValues = (type) => {
  const parts = type.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((p) => p.slice(1, -1)) : [];
};
const withDefault = (description, value) =>
  value === undefined || value === '' ? description : `${description} Default: \`${value}\`.`;
const elementDescription =
  `${api.description}\n\n` +
  `Events: ${api.events.map((e) => `\`${e.name}\``).join(', ')}.\n\n` +
  `Slots: ${api.slots.map((s) => `\`${s.name}\``).join(', ')}.`;

const vscode = {
  version: 1.1,
  tags: [
    {
      name: api.tagName,
      description: { kind: 'markdown', value: elementDescription },
      attributes: api.attributes.map((attribute) => {
        const values = literalValues(attribute.type);
        return {
          name: attribute.name,
          description: {
            kind: 'markdown',
            value: withDefault(attribute.description, attribute.default),
          },
          ...(attribute.type === 'boolean' ? { valueSet: 'v' } : {}),
          ...(values.length > 0 ? { values: values.map((value) => ({ name: value })) } : {}),
        };
      }),
    },
  ],
};

const webTypes = {
  name,
  version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: [
        {
          name: api.tagName,
          description: elementDescription,
          attributes: api.attributes.map((attribute) => ({
            name: attribute.name,
            description: attribute.description,
            ...(attribute.default === undefined ? {} : { default: attribute.default }),
            value:
              attribute.type === 'boolean'
                ? { type: 'boolean', required: false }
                : { type: attribute.type },
          })),
          events: api.events.map((event) => ({
            name: event.name,
            description: event.description,
          })),
          slots: api.slots.map((slot) => ({ name: slot.name, description: slot.description })),
          js: {
            properties: api.properties.map((property) => ({
              name: property.name,
              description: property.description,
              type: property.type,
            })),
            events: api.events.map((event) => ({
              name: event.name,
              description: event.description,
              type: event.type,
            })),
          },
          css: {
            properties: api.cssProperties.map((property) => ({
              name: property.name,
              description: withDefault(property.description, property.default),
            })),
            parts: api.cssParts.map((part) => ({ name: part.name, description: part.description })),
          },
        },
      ],
    },
  },
};

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'vscode.html-custom-data.json'), `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync(join(outDir, 'web-types.json'), `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor data written to ${outDir}`);
