/**
 * The package version, written in by the build (`define` in rollup.config.mjs, from
 * package.json). Sources run without a build (the test runner, a linked checkout) say `source`.
 */
declare const __TAVUS_CONVERSATION_VERSION__: string | undefined;

export const VERSION: string =
  typeof __TAVUS_CONVERSATION_VERSION__ === 'string' ? __TAVUS_CONVERSATION_VERSION__ : 'source';
