/**
 * Reading what an element renders: its shadow roots (nested ones included), the elements and
 * text in them, and focus through them.
 */

/** The element's shadow root and every shadow root nested in it. */
export function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  if (host.shadowRoot) roots.push(host.shadowRoot);
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i]!.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return roots;
}

/** Every element inside the host's shadow roots (nested ones included). */
export function shadowElements(host: Element): Element[] {
  return shadowRoots(host).flatMap((root) => [...root.querySelectorAll('*')]);
}

/** Text of every text node in the host's shadow roots, one entry per node. */
export function shadowTexts(host: Element): string[] {
  const texts: string[] = [];
  for (const root of shadowRoots(host)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push(node.nodeValue ?? '');
    }
  }
  return texts;
}

/** `querySelector` through nested shadow roots: the first match in any of them. */
export function deepQuery<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): T | null {
  for (const root of shadowRoots(host)) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

/** `querySelector` inside an element's shadow root; throws when missing so tests fail clearly. */
export function shadowQuery<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) {
    throw new Error(`${selector} not found in <${host.localName}>'s shadow root`);
  }
  return found;
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active;
}
