import ts from 'typescript';

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

// The element's Tavus events are listed once, in `TavusEventMap` (src/protocol/types.ts): this
// plugin adds one `@fires` entry per entry there, after the ones the element's JSDoc lists (its
// own events and the catch-all `tavus-event`). The name is the one `TavusDomEventMap` derives by
// the naming rule, so the manifest names exactly what `HTMLElementEventMap` types; the payload is
// the entry's type, and the description the entry's comment.
function protocolEvents({ tagName, table, nameMap }) {
  const [tableFile, tableName] = table.split('#');
  const [nameFile, nameMapName] = nameMap.split('#');
  const find = (program, file, name) => {
    const source = program.getSourceFile(file);
    const found = source?.statements.find((s) => s.name?.text === name);
    if (!found) throw new Error(`protocol-events: ${file} does not declare ${name}`);
    return found;
  };
  const describe = (member) => {
    const text = ts
      .getJSDocCommentsAndTags(member)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment));
    return (text[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  };
  return {
    name: 'protocol-events',
    packageLinkPhase({ customElementsManifest }) {
      const program = ts.createProgram([tableFile, nameFile], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ES2022,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        types: [],
      });
      const checker = program.getTypeChecker();
      // DOM event name by event type, read from the type the listeners are typed with.
      const names = new Map();
      const domMap = checker.getTypeAtLocation(find(program, nameFile, nameMapName).name);
      for (const property of checker.getPropertiesOfType(domMap)) {
        const eventType = checker.getTypeOfSymbol(property).getProperty('event_type');
        const literal = eventType && checker.getTypeOfSymbol(eventType);
        if (!literal?.isStringLiteral()) {
          throw new Error(`protocol-events: ${property.name} has no literal event_type`);
        }
        names.set(literal.value, property.name);
      }
      const events = find(program, tableFile, tableName).members.map((member) => {
        const eventType = member.name.text;
        const description = describe(member);
        if (!description.startsWith(`\`${eventType}\``)) {
          throw new Error(
            `protocol-events: describe ${eventType} in ${tableName}, naming it first`,
          );
        }
        const name = names.get(eventType);
        if (!name) throw new Error(`protocol-events: no DOM name for ${eventType}`);
        return { type: { text: `CustomEvent<${member.type.getText()}>` }, description, name };
      });
      const element = customElementsManifest.modules
        .flatMap((module) => module.declarations ?? [])
        .find((declaration) => declaration.tagName === tagName);
      if (!element) throw new Error(`protocol-events: no <${tagName}> in the manifest`);
      // One source: a Tavus event also written as `@fires` in the element's JSDoc is an error.
      const generated = new Set(events.map((event) => event.name));
      for (const event of element.events ?? []) {
        if (generated.has(event.name)) {
          throw new Error(`protocol-events: ${event.name} is listed by ${tableName}, not @fires`);
        }
      }
      element.events = [...(element.events ?? []), ...events];
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
  plugins: [
    tidyManifest(),
    protocolEvents({
      tagName: 'tavus-conversation',
      table: 'src/protocol/types.ts#TavusEventMap',
      nameMap: 'src/protocol/event-names.ts#TavusDomEventMap',
    }),
  ],
};
