import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <tavus-conversation> is a custom element, not a Vue component: Vue renders the tag as is
      // and sets objects and functions on it as properties.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tavus-') } },
    }),
  ],
});
