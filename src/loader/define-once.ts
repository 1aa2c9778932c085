/**
 * Registration that tolerates a second copy of the package on one page (an app's npm bundle
 * and a CMS block's CDN tag, or two CDN URLs): `customElements.define` throws for a name already
 * taken, and a copy that threw while loading would take the page's other scripts down with it.
 * The first definition stays in use; later copies only warn, naming both versions.
 */
import { VERSION } from './version.js';

/** Where each definition records its version; `Symbol.for` is shared by every copy on the page. */
const VERSION_KEY = Symbol.for('tavus-conversation.version');

type Definable = CustomElementConstructor & { [VERSION_KEY]?: string };

/** Defines `tagName` unless it is defined already; returns whether this call defined it. */
export function defineOnce(tagName: string, element: Definable): boolean {
  // Lit's server build provides `customElements`; guard anyway for other server runtimes.
  const registry = globalThis.customElements as CustomElementRegistry | undefined;
  if (!registry) return false;
  const existing: Definable | undefined = registry.get(tagName);
  if (existing) {
    if (existing !== element) {
      console.warn(
        `<${tagName}> ${existing[VERSION_KEY] ?? '(unknown version)'} is already defined and stays in use; this copy (${VERSION}) is not registered.`,
      );
    }
    return false;
  }
  Object.defineProperty(element, VERSION_KEY, { value: VERSION });
  registry.define(tagName, element);
  return true;
}

/**
 * Drop-in for Lit's `@customElement` (same name, so the manifest analyzer still reads the tag)
 * that registers through `defineOnce`. Works with standard and legacy decorators, like Lit's.
 */
export const customElement =
  (tagName: string) =>
  (target: CustomElementConstructor, context?: ClassDecoratorContext): void => {
    if (context === undefined) defineOnce(tagName, target);
    else context.addInitializer(() => defineOnce(tagName, target));
  };
