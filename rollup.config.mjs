// Three builds from one source tree:
// - lib: ESM modules mirroring src/ for bundlers (lit and daily-js stay external, tree-shakable);
// - cdn: one self-registering file per entry for <script type="module">, lit bundled in, and
//   daily-js split into its own chunk that the element fetches only when a conversation starts;
// - classic: a tiny loader for a plain <script src> that loads the cdn module next to it.
import { readFileSync } from 'node:fs';

import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

import minifyTemplates from './scripts/rollup-minify-templates.mjs';

// The version a second copy on the page names when it finds the element defined (src/loader/).
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

// Chromium does not parse native decorators yet: anything that reaches a browser is ES2022.
const transpile = () =>
  esbuild({
    target: 'es2022',
    tsconfig: './tsconfig.json',
    define: { __TAVUS_CONVERSATION_VERSION__: JSON.stringify(version) },
  });
const minify = () => terser({ module: true, format: { comments: false } });
const isDaily = (id) => id.includes('/@daily-co/daily-js/');

const lib = {
  input: {
    index: 'src/index.ts',
    'protocol/index': 'src/protocol/index.ts',
    'simulator/index': 'src/simulator/index.ts',
    'server/index': 'src/server/index.ts',
  },
  external: [/^lit(\/|$)/, /^@lit\//, /^@daily-co\/daily-js(\/|$)/],
  plugins: [nodeResolve(), transpile()],
  output: {
    dir: 'dist/lib',
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: 'src',
  },
};

const cdn = {
  input: { 'tavus-conversation': 'src/tavus-conversation.ts' },
  // The lazily loaded chunks import shared code from the entry itself, not from a facade chunk.
  preserveEntrySignatures: 'allow-extension',
  plugins: [nodeResolve({ browser: true }), transpile(), minifyTemplates(), minify()],
  output: {
    dir: 'dist/cdn',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    manualChunks: (id) => (isDaily(id) ? 'daily' : undefined),
  },
};

const simulatorCdn = {
  input: { 'tavus-simulator': 'src/simulator/index.ts' },
  plugins: [nodeResolve({ browser: true }), transpile(), minify()],
  output: { dir: 'dist/cdn', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
};

const classic = {
  input: 'src/loader/classic.ts',
  plugins: [transpile(), minify()],
  output: { file: 'dist/cdn/tavus-conversation.classic.js', format: 'iife' },
};

export default [lib, cdn, simulatorCdn, classic];
