// Documents the public element only. Internal sub-elements and helpers (JSDoc `@internal`) are
// dropped by the plugin below (the Lit analyzer would otherwise list them as public), so are the
// nameless events it infers from `dispatchEvent(new SomeEvent(...))` (every event is documented
// by name with `@fires`), and modules are sorted so that the output is the same on every machine.
function tidyManifest() {
  const internal = new Set();
  return {
    name: 'tidy-manifest',
    analyzePhase({ ts, node }) {
      const named = ts.isVariableStatement(node)
        ? node.declarationList.declarations.map((d) => d.name)
        : ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node)
          ? [node.name]
          : [];
      if (named.length === 0 || !named[0]) return;
      const tags = ts.getJSDocTags(node).map((tag) => tag.tagName.getText());
      if (!tags.includes('internal')) return;
      for (const name of named) internal.add(name.getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.declarations = (module.declarations ?? []).filter((d) => !internal.has(d.name));
        for (const declaration of module.declarations) {
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
        }
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
