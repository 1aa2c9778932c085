import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Svelte 5 needs no option for custom elements: it sets properties that the element has and
// listens to `on<event>` attributes.
export default defineConfig({
  plugins: [svelte()],
});
