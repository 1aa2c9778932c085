// The public API of <tavus-conversation> as custom-elements.json describes it, in the shape the
// framework typings and editor data generators need. Only the manifest is read: what it says is
// what every generated file says.
import { readFileSync } from 'node:fs';

export const TAG_NAME = 'tavus-conversation';

/** `tavus-utterance` → `TavusUtterance` (the part after `on` in Vue and @lit/react prop names). */
export const pascalCase = (name) =>
  name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

/** A description on one line, for JSDoc and JSON. */
export const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * @param {string} manifestPath
 * @returns {{
 *   tagName: string, className: string, summary: string, description: string,
 *   properties: { name: string, type: string, attribute?: string, default?: string, description: string }[],
 *   attributes: { name: string, fieldName?: string, type: string, default?: string, description: string }[],
 *   events: { name: string, type: string, description: string }[],
 *   slots: { name: string, description: string }[],
 *   cssParts: { name: string, description: string }[],
 *   cssProperties: { name: string, default?: string, description: string }[],
 * }}
 */
export function readElementApi(manifestPath = 'custom-elements.json') {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === TAG_NAME);
  if (!element) throw new Error(`${manifestPath} has no <${TAG_NAME}>`);

  const attributeFor = new Map((element.attributes ?? []).map((a) => [a.fieldName, a.name]));
  // Settable public fields only: read-only getters (state, error, transcript) are outputs.
  const properties = (element.members ?? [])
    .filter(
      (member) =>
        member.kind === 'field' &&
        !member.privacy &&
        !member.static &&
        !member.readonly &&
        !member.name.startsWith('_'),
    )
    .map((field) => ({
      name: field.name,
      type: field.type?.text ?? 'unknown',
      attribute: attributeFor.get(field.name),
      default: field.default,
      description: oneLine(field.description),
    }));
  return {
    tagName: TAG_NAME,
    className: element.name,
    summary: oneLine(element.summary),
    description: oneLine(element.description),
    properties,
    attributes: (element.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      fieldName: attribute.fieldName,
      type: attribute.type?.text ?? 'string',
      default: attribute.default,
      description: oneLine(attribute.description),
    })),
    events: (element.events ?? [])
      .filter((event) => event.name)
      .map((event) => ({
        name: event.name,
        type: event.type?.text ?? 'Event',
        description: oneLine(event.description),
      })),
    slots: (element.slots ?? []).map((s) => ({
      name: s.name,
      description: oneLine(s.description),
    })),
    cssParts: (element.cssParts ?? []).map((p) => ({
      name: p.name,
      description: oneLine(p.description),
    })),
    cssProperties: (element.cssProperties ?? []).map((p) => ({
      name: p.name,
      default: p.default,
      description: oneLine(p.description),
    })),
  };
}
