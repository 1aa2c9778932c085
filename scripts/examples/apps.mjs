// The example apps under examples/ and what `npm run test:examples` expects of each: the
// misuses its type checker must report (file, line, and words of the message), and the package
// entries a server (SSR) imports in Node.
// tsc says `Type 'number'`, ngc `Type '42'`.
const STRINGS_MISUSE = "has no properties in common with type 'Partial<TavusStrings";
const LISTENER_MISUSE =
  "Type 'TavusProtocolEvent<UtteranceEvent>' is not assignable to type 'number'";
const VARIANT_MISUSE = `Type '"sideways"' is not assignable to type '"inline" | "floating"`;

const SERVER_IMPORTS = ['tavus-conversation', 'tavus-conversation/simulator'];

/**
 * @typedef {{ file: string, line: number, message: string }} Misuse
 * @typedef {{ after: string, lang: string, file: string }} ReadmeSnippet the first \`\`\`lang block
 *   after the README line that starts with `after`, type-checked in the app as `file`
 * @typedef {{ name: string, framework: string, distDir?: string, misuses: Misuse[],
 *   readmeSnippets: ReadmeSnippet[], serverImports: string[] }} ExampleApp
 * @type {ExampleApp[]}
 */
export const APPS = [
  {
    name: 'vue',
    framework: 'Vue',
    misuses: [
      { file: 'misuse/Misuse.vue', line: 11, message: STRINGS_MISUSE },
      { file: 'misuse/Misuse.vue', line: 12, message: LISTENER_MISUSE },
      { file: 'misuse/Misuse.vue', line: 13, message: VARIANT_MISUSE },
    ],
    readmeSnippets: [{ after: '**Vue 3**', lang: 'vue', file: 'Snippet.vue' }],
    serverImports: [...SERVER_IMPORTS, 'tavus-conversation/vue'],
  },
  {
    name: 'svelte',
    framework: 'Svelte',
    misuses: [
      { file: 'misuse/Misuse.svelte', line: 6, message: STRINGS_MISUSE },
      { file: 'misuse/Misuse.svelte', line: 7, message: LISTENER_MISUSE },
      { file: 'misuse/Misuse.svelte', line: 8, message: VARIANT_MISUSE },
    ],
    readmeSnippets: [{ after: '**Svelte 5**', lang: 'svelte', file: 'Snippet.svelte' }],
    serverImports: [...SERVER_IMPORTS, 'tavus-conversation/svelte'],
  },
  {
    name: 'react',
    framework: 'React',
    misuses: [
      { file: 'misuse/Misuse.tsx', line: 7, message: STRINGS_MISUSE },
      { file: 'misuse/Misuse.tsx', line: 8, message: LISTENER_MISUSE },
      { file: 'misuse/Misuse.tsx', line: 9, message: VARIANT_MISUSE },
    ],
    readmeSnippets: [
      { after: '### npm', lang: 'ts', file: 'npm.ts' },
      { after: '**React 19**', lang: 'tsx', file: 'Snippet.tsx' },
    ],
    serverImports: SERVER_IMPORTS,
  },
  {
    name: 'react18',
    framework: 'React 18',
    misuses: [
      { file: 'misuse/Misuse.tsx', line: 7, message: STRINGS_MISUSE },
      { file: 'misuse/Misuse.tsx', line: 8, message: LISTENER_MISUSE },
      { file: 'misuse/Misuse.tsx', line: 9, message: VARIANT_MISUSE },
    ],
    readmeSnippets: [{ after: '**React 18**', lang: 'tsx', file: 'Snippet.tsx' }],
    serverImports: [...SERVER_IMPORTS, 'tavus-conversation/react'],
  },
  {
    name: 'angular',
    framework: 'Angular',
    // `ng build` writes the browser files under dist/browser.
    distDir: 'dist/browser',
    misuses: [
      { file: 'misuse/misuse.ts', line: 11, message: STRINGS_MISUSE },
      {
        file: 'misuse/misuse.ts',
        line: 12,
        message:
          "Argument of type 'TavusProtocolEvent<UtteranceEvent>' is not assignable to parameter of type 'number'",
      },
      { file: 'misuse/misuse.ts', line: 13, message: VARIANT_MISUSE },
    ],
    readmeSnippets: [{ after: '**Angular**', lang: 'ts', file: 'snippet.ts' }],
    serverImports: SERVER_IMPORTS,
  },
];
