import { nothing, supportsAdoptingStyleSheets } from 'lit';
import type { CSSResult, ReactiveControllerHost, TemplateResult } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import type { ChildPart } from 'lit/directive.js';
import type { ConversationViewHandlers, ConversationViewModel } from '../view-model.js';

/** A region of the view that only a call shows. */
type RenderRegion = (
  model: ConversationViewModel,
  handlers: ConversationViewHandlers,
) => TemplateResult | typeof nothing;

/**
 * What the call chunk (`conversation-parts.ts`) adds to the view: the regions only a call shows,
 * each rendered where the entry's layout puts it, and their styles.
 * @internal
 */
export interface CallRegions {
  /** In the top bar, after the header slot: who speaks, thinking, the connection's quality. */
  readonly speaker: RenderRegion;
  /** Why the camera or microphone is not in use, in a polite live region. */
  readonly notice: RenderRegion;
  /** Over the status line while joining: a spinner, or the poster rippling. */
  readonly progress: RenderRegion;
  readonly captions: RenderRegion;
  /** The controls bar (with its settings menu) and what sits right above it. */
  readonly controls: RenderRegion;
  /** Sheets that join the element's one shadow root when a region first renders in it. */
  readonly styles: readonly CSSResult[];
}

type RegionName = Exclude<keyof CallRegions, 'styles'>;

/** A LitElement the view renders into: the host of the directive's part. */
type RegionHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

let loaded: CallRegions | null = null;
/** Hosts that rendered a region before the chunk came: they render again when it does. */
const waiting = new Set<RegionHost>();
const styled = new WeakSet<Node>();

/**
 * Called once by the call chunk when it loads.
 * @internal
 */
export function provideCallRegions(regions: CallRegions): void {
  loaded = regions;
  for (const host of waiting) host.requestUpdate();
  waiting.clear();
}

/**
 * Adds sheets after those a LitElement adopted (Lit's own `adoptStyles` replaces them), as
 * constructed sheets where the browser has them, else as `<style>` elements with Lit's nonce.
 */
function addStyles(root: HTMLElement | DocumentFragment, styles: readonly CSSResult[]): void {
  if (styled.has(root)) return;
  styled.add(root);
  if (supportsAdoptingStyleSheets && root instanceof ShadowRoot) {
    const sheets = styles.flatMap((style) => (style.styleSheet ? [style.styleSheet] : []));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    return;
  }
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  for (const style of styles) {
    const element = document.createElement('style');
    if (nonce) element.setAttribute('nonce', nonce);
    element.textContent = style.cssText;
    root.appendChild(element);
  }
}

class CallRegionDirective extends Directive {
  render(
    _name: RegionName,
    _model: ConversationViewModel,
    _handlers: ConversationViewHandlers,
  ): TemplateResult | typeof nothing {
    return nothing;
  }

  override update(
    part: ChildPart,
    [name, model, handlers]: Parameters<CallRegionDirective['render']>,
  ): TemplateResult | typeof nothing {
    const host = part.options?.host as RegionHost | undefined;
    if (!loaded) {
      if (host) waiting.add(host);
      return nothing;
    }
    if (host) addStyles(host.renderRoot, loaded.styles);
    return loaded[name](model, handlers);
  }
}

/**
 * A region only a call shows, once the call chunk is loaded (the element loads it on start or
 * when the visitor shows intent), and nothing before: the entry file every page loads holds only
 * the idle screen and the launcher.
 * @internal
 */
export const callRegion = directive(CallRegionDirective);
