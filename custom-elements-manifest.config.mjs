// Documents the public element only: internal sub-elements are marked @internal and the
// protocol, call and simulator modules carry no custom elements.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/simulator/**', 'src/loader/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest already; a check run into a temporary folder must not rewrite it.
  packagejson: false,
};
