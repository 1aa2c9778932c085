// Documents the public element only. Internal sub-elements (JSDoc `@internal`) are dropped by
// the plugin below (the Lit analyzer would otherwise list them as public custom elements), and
// modules are sorted so that the output is the same on every machine.
function tidyManifest() {
  const internal = new Set();
  return {
    name: 'tidy-manifest',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const tags = ts.getJSDocTags(node).map((tag) => tag.tagName.getText());
      if (tags.includes('internal')) internal.add(node.name.getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter((d) => !internal.has(d.name));
        module.exports = (module.exports ?? []).filter(
          (e) => !internal.has(e.declaration?.name) && !internal.has(e.name),
        );
      }
      // Sorted by path: the analyzer follows directory order, which differs between machines.
      customElementsManifest.modules = customElementsManifest.modules
        .filter((module) => module.declarations.length > 0 || module.exports.length > 0)
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/index.ts', 'src/tavus-conversation.ts', 'src/components/**/*.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest already; a check run into another folder must not rewrite it.
  packagejson: false,
  plugins: [tidyManifest()],
};
