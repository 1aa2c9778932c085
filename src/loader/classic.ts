/**
 * Classic-script loader: `<script src=".../tavus-conversation.classic.js"></script>` for hosts
 * (some CMS blocks) that strip `type="module"`. It loads the module build that sits beside it,
 * once, however many times the tag appears on a page.
 */
const LOADED_FLAG = '__tavusConversationLoading';
const MODULE_FILE = 'tavus-conversation.js';

const host = globalThis as typeof globalThis & { [LOADED_FLAG]?: Promise<unknown> };
const script = document.currentScript as HTMLScriptElement | null;

if (!host[LOADED_FLAG] && !customElements.get('tavus-conversation')) {
  const base = script?.src ? script.src : document.baseURI;
  const url = new URL(MODULE_FILE, base).href;
  host[LOADED_FLAG] = import(/* @vite-ignore */ url).catch((error: unknown) => {
    console.error(`tavus-conversation: could not load ${url}`, error);
  });
}
