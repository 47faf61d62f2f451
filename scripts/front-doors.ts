/**
 * `npx tsx scripts/front-doors.ts`: writes each capability's front doors and points every import from outside
 * the capability at them (decision 017). Re-runnable and deterministic: a second run changes nothing.
 *
 * - A capability `app/modules/<cap>/` has `index.ts` (pure names, safe in the browser) and `index.server.ts`
 *   (server names only: a lower capability may read a higher one's pure labels without depending on its server side).
 * - A door exports exactly the names imported from outside the capability: it is generated from those imports
 *   (deep ones, found with the TypeScript compiler, and the ones already going through a door).
 * - Importers: app/, scripts/, db/, server.ts. Tests go through the doors too, but keep their deep
 *   imports of pure files (unit tests of pure logic may test what the capability keeps to itself).
 * - Every importer takes pure names from `~/modules/<cap>` and server names from `~/modules/<cap>/index.server`.
 *   Imports that end up pointing at the same door are merged.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { PROJECT_ROOT } from "../root";

const MODULES_DIR = "app/modules/";
const DOOR_FILES = { pure: "index.ts", server: "index.server.ts" } as const;
type Door = keyof typeof DOOR_FILES;
const MAX_LINE = 120;

const relative = (file: string) => path.relative(PROJECT_ROOT, file).split(path.sep).join("/");
const capabilityOf = (rel: string) => /^app\/modules\/([^/]+)\//.exec(rel)?.[1];
const isDoorFile = (rel: string) => Object.values(DOOR_FILES).some((door) => rel === `${MODULES_DIR}${capabilityOf(rel)}/${door}`);
const isServerFile = (rel: string) => /\.server\.tsx?$/.test(rel) || rel.includes("/.server/");
const isTest = (rel: string) => rel.startsWith("tests/");
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const problems: string[] = [];

// ---------------------------------------------------------------------------------------------------------------
// The program: every file of tsconfig.json, with a type checker to tell types from values.
const configPath = path.join(PROJECT_ROOT, "tsconfig.json");
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, PROJECT_ROOT);
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const sourceFiles = program
  .getSourceFiles()
  .filter((file) => !file.isDeclarationFile && !relative(file.fileName).startsWith(".."))
  .filter((file) => !/^(node_modules|build)\//.test(relative(file.fileName)))
  .sort((a, b) => compare(a.fileName, b.fileName));

function resolve(specifier: string, importer: string) {
  const resolved = ts.resolveModuleName(specifier, importer, config.options, ts.sys).resolvedModule;
  return resolved && !resolved.isExternalLibraryImport ? path.resolve(resolved.resolvedFileName) : undefined;
}

function exportsOf(file: string) {
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol) : [];
}

/** Whether `name` exported by `file` has a value meaning (else the door re-exports it with `export type`). */
function isValueExport(file: string, name: string) {
  const symbol = exportsOf(file).find((candidate) => candidate.name === name);
  if (!symbol) return undefined;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.flags & ts.SymbolFlags.Value) !== 0;
}

/**
 * The inner file that declares `name` when `file` only passes it on from another inner file
 * (`export { listThemes } from "./themes.server"`): the door re-exports it from where it is written.
 */
function declaringFile(file: string, name: string, capability: string) {
  const symbol = exportsOf(file).find((candidate) => candidate.name === name);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.Alias)) return file;
  const target = checker.getAliasedSymbol(symbol);
  const declared = target.declarations?.[0]?.getSourceFile().fileName;
  if (!declared || target.name !== name) return file;
  const declaredRel = relative(path.resolve(declared));
  return capabilityOf(declaredRel) === capability && !isDoorFile(declaredRel) ? path.resolve(declared) : file;
}

/** The inner file that exports `name` for an import already going through a door of `capability`. */
function originThroughDoor(capability: string, doorFile: string, name: string) {
  const door = program.getSourceFile(doorFile);
  for (const statement of door?.statements ?? []) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    if (!statement.exportClause.elements.some((element) => element.name.text === name)) continue;
    const inner = resolve((statement.moduleSpecifier as ts.StringLiteral).text, doorFile);
    if (inner && !isDoorFile(relative(inner)) && isValueExport(inner, name) !== undefined) return inner;
  }
  // Not (or no longer) in the door, e.g. the file moved: look for the one inner file that exports it.
  const candidates = sourceFiles
    .map((file) => file.fileName)
    .filter((file) => capabilityOf(relative(file)) === capability && !isDoorFile(relative(file)))
    .filter((file) => exportsOf(file).some((symbol) => symbol.name === name));
  if (candidates.length !== 1) {
    problems.push(`${relative(doorFile)}: "${name}" is exported by ${candidates.length} inner files (${candidates.map(relative).join(", ")})`);
    return undefined;
  }
  return candidates[0];
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Every import, re-export and dynamic import that enters a capability from outside it.
/** `specifier` is as written, without `type` (`a as b`); `typeOnly` when `import type` or `type a`. */
type Use = { name: string; origin: string; door: Door; specifier: string; typeOnly: boolean };
type Reference = {
  importer: ts.SourceFile;
  node: ts.ImportDeclaration | ts.ExportDeclaration | ts.CallExpression;
  literal: ts.StringLiteral;
  capability: string;
  uses: Use[];
};
const references: Reference[] = [];

type Name = { name: string; specifier: string; typeOnly: boolean };
const nameOf = (element: ts.ImportSpecifier | ts.ExportSpecifier, typeOnly: boolean): Name => ({
  name: (element.propertyName ?? element.name).text,
  specifier: element.propertyName ? `${element.propertyName.text} as ${element.name.text}` : element.name.text,
  typeOnly: typeOnly || element.isTypeOnly,
});

function namesOf(node: Reference["node"]): Name[] | string {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return "a side-effect import";
    if (clause.name) return "a default import";
    if (!clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) return "a namespace import";
    return clause.namedBindings.elements.map((element) => nameOf(element, clause.isTypeOnly));
  }
  if (ts.isExportDeclaration(node)) {
    if (!node.exportClause || !ts.isNamedExports(node.exportClause)) return "an `export *`";
    return node.exportClause.elements.map((element) => nameOf(element, node.isTypeOnly));
  }
  // `const { a, b } = await import("…")`: the names are those of the destructuring.
  const declaration = ts.isAwaitExpression(node.parent) ? node.parent.parent : undefined;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name)) {
    return "a dynamic import that is not destructured";
  }
  const names = [];
  for (const element of declaration.name.elements) {
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(key) || element.dotDotDotToken) return "a dynamic import with a computed or rest binding";
    names.push({ name: key.text, specifier: element.getText(), typeOnly: false });
  }
  return names;
}

function collect(importer: ts.SourceFile) {
  const importerRel = relative(importer.fileName);
  const visit = (node: ts.Node) => {
    let literal: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) literal = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) literal = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal = node.argument.literal;
    if (literal && ts.isStringLiteral(literal)) consider(node, literal);
    ts.forEachChild(node, visit);
  };
  const consider = (node: ts.Node, literal: ts.StringLiteral) => {
    const target = resolve(literal.text, importer.fileName);
    const targetRel = target && relative(target);
    const capability = targetRel && capabilityOf(targetRel);
    if (!target || !targetRel || !capability || capabilityOf(importerRel) === capability) return;
    const throughDoor = isDoorFile(targetRel);
    if (!throughDoor && isTest(importerRel) && !isServerFile(targetRel)) return; // a unit test of pure logic
    const where = `${importerRel}:${importer.getLineAndCharacterOfPosition(literal.getStart()).line + 1}`;
    if (ts.isImportTypeNode(node)) {
      if (!throughDoor) problems.push(`${where}: \`import("${literal.text}")\` in a type: write it as an import type`);
      return;
    }
    const names = namesOf(node as Reference["node"]);
    if (typeof names === "string") {
      if (!throughDoor) problems.push(`${where}: ${names} of "${literal.text}" cannot go through a door: rewrite it by hand`);
      return;
    }
    const uses: Use[] = [];
    for (const { name, specifier, typeOnly } of names) {
      const imported = throughDoor ? originThroughDoor(capability, target, name) : target;
      if (!imported) continue;
      const origin = declaringFile(imported, name, capability);
      if (isValueExport(origin, name) === undefined) {
        problems.push(`${where}: "${relative(origin)}" does not export "${name}"`);
        continue;
      }
      const door: Door = isServerFile(relative(origin)) ? "server" : "pure";
      uses.push({ name, origin, door, specifier, typeOnly });
    }
    references.push({ importer, node: node as Reference["node"], literal, capability, uses });
  };
  visit(importer);
}

for (const file of sourceFiles) collect(file);

// ---------------------------------------------------------------------------------------------------------------
// 2. The doors: every name used from outside, grouped by inner file, sorted.
const doors = new Map<string, Map<string, string>>(); // door file -> exported name -> origin file
for (const reference of references) {
  for (const use of reference.uses) {
    const doorFile = path.join(PROJECT_ROOT, MODULES_DIR, reference.capability, DOOR_FILES[use.door]);
    const names = doors.get(doorFile) ?? doors.set(doorFile, new Map()).get(doorFile)!;
    const known = names.get(use.name);
    if (known && known !== use.origin) {
      problems.push(`${relative(doorFile)}: "${use.name}" comes from both ${relative(known)} and ${relative(use.origin)}`);
    }
    names.set(use.name, use.origin);
  }
}

function statement(keyword: string, names: string[], from: string, multiline = false) {
  const line = `${keyword} { ${names.join(", ")} } from "${from}";`;
  if (!multiline && line.length <= MAX_LINE) return line;
  return `${keyword} {\n${names.map((name) => `  ${name},`).join("\n")}\n} from "${from}";`;
}

function wrapComment(text: string) {
  const lines = [""];
  for (const word of text.split(" ")) {
    if ((` * ${lines.at(-1)} ${word}`).length > MAX_LINE) lines.push(word);
    else lines[lines.length - 1] = lines.at(-1) ? `${lines.at(-1)} ${word}` : word;
  }
  return ["/**", ...lines.map((line) => ` * ${line}`), " */"];
}

function doorText(doorFile: string, names: Map<string, string>) {
  const rel = relative(doorFile);
  const capability = capabilityOf(rel)!;
  const server = rel.endsWith(DOOR_FILES.server);
  const [kind, from] = server ? ["server side", `~/modules/${capability}/index.server`] : ["pure logic, safe in the browser", `~/modules/${capability}`];
  const header = wrapComment(
    `Front door of the ${capability} capability (${kind}): code outside app/modules/${capability}/ imports it from ` +
      `"${from}", never from its inner files. It exports exactly the names used outside. Generated by ` +
      "`npx tsx scripts/front-doors.ts`: to extend it, import the name from outside (from here or from its inner file) " +
      "and run the script again.",
  );
  const byOrigin = new Map<string, { values: string[]; types: string[] }>();
  for (const [name, origin] of names) {
    const entry = byOrigin.get(origin) ?? byOrigin.set(origin, { values: [], types: [] }).get(origin)!;
    (isValueExport(origin, name) ? entry.values : entry.types).push(name);
  }
  const lines = [...byOrigin.entries()]
    .map(([origin, entry]) => [`./${path.relative(path.dirname(doorFile), origin).split(path.sep).join("/").replace(/\.tsx?$/, "")}`, entry] as const)
    .sort(([a], [b]) => compare(a, b))
    .flatMap(([from, { values, types }]) => [
      ...(values.length ? [statement("export", values.sort(compare), from)] : []),
      ...(types.length ? [statement("export type", types.sort(compare), from)] : []),
    ]);
  return `${header.join("\n")}\n${lines.join("\n")}\n`;
}

/** A door may only hold re-exports: anything else is hand-written code the script must not overwrite. */
function isGenerated(doorFile: string) {
  const source = program.getSourceFile(doorFile);
  if (!source) return !fs.existsSync(doorFile);
  return source.statements.every((node) => ts.isExportDeclaration(node) && node.moduleSpecifier);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The rewrite: each reference points at its door; imports of the same door and kind are merged.
function doorSpecifier(reference: Reference, door: Door) {
  const original = reference.literal.text;
  const capabilityDir = `${MODULES_DIR}${reference.capability}`;
  if (original.startsWith("~/")) return door === "pure" ? `~/modules/${reference.capability}` : `~/modules/${reference.capability}/index.server`;
  const target = path.join(PROJECT_ROOT, capabilityDir, door === "pure" ? "" : "index.server");
  const spec = path.relative(path.dirname(reference.importer.fileName), target).split(path.sep).join("/");
  return spec.startsWith(".") ? spec : `./${spec}`;
}

/** One import of `uses`, sorted; `import type` if all are types, else types marked one by one. */
function mergedImport(uses: Use[], spec: string, multiline: boolean) {
  const allTypes = uses.every((use) => use.typeOnly);
  const specifiers = new Map<string, string>();
  for (const use of uses) {
    const text = use.typeOnly && !allTypes ? `type ${use.specifier}` : use.specifier;
    if (!specifiers.has(use.specifier) || !use.typeOnly) specifiers.set(use.specifier, text);
  }
  const sorted = [...specifiers].sort(([a], [b]) => compare(a, b)).map(([, text]) => text);
  return statement(allTypes ? "import type" : "import", sorted, spec, multiline);
}

type Edit = { start: number; end: number; text: string };
const edits = new Map<ts.SourceFile, Edit[]>();
const changes = new Map<string, string[]>();
const addEdit = (file: ts.SourceFile, edit: Edit) => (edits.get(file) ?? edits.set(file, []).get(file)!).push(edit);
const note = (file: ts.SourceFile, message: string) => {
  const rel = relative(file.fileName);
  (changes.get(rel) ?? changes.set(rel, []).get(rel)!).push(message);
};

/** The whole line(s) of a statement, with its line break, so that removing it leaves no blank line. */
function lineSpan(file: ts.SourceFile, node: ts.Node) {
  const text = file.getFullText();
  let end = node.getEnd();
  if (text[end] === "\r") end++;
  if (text[end] === "\n") end++;
  return { start: node.getStart(), end };
}

const referencesByFile = new Map<ts.SourceFile, Reference[]>();
for (const reference of references) {
  (referencesByFile.get(reference.importer) ?? referencesByFile.set(reference.importer, []).get(reference.importer)!).push(reference);
}

for (const [file, fileReferences] of referencesByFile) {
  // Imports of the same door are merged: the first one takes the names of the others.
  const groups = new Map<string, { declarations: ts.ImportDeclaration[]; uses: Use[] }>();
  for (const reference of fileReferences) {
    const doorsUsed = [...new Set(reference.uses.map((use) => use.door))];
    if (doorsUsed.length === 0) continue;
    if (!ts.isImportDeclaration(reference.node)) {
      if (doorsUsed.length > 1) {
        problems.push(`${relative(file.fileName)}: "${reference.literal.text}" mixes pure and server names: split it by hand`);
        continue;
      }
      const spec = doorSpecifier(reference, doorsUsed[0]);
      if (spec !== reference.literal.text) {
        addEdit(file, { start: reference.literal.getStart() + 1, end: reference.literal.getEnd() - 1, text: spec });
        note(file, `${reference.literal.text} -> ${spec}`);
      }
      continue;
    }
    for (const door of doorsUsed.sort()) {
      const spec = doorSpecifier(reference, door);
      const group = groups.get(spec) ?? groups.set(spec, { declarations: [], uses: [] }).get(spec)!;
      if (!group.declarations.includes(reference.node)) group.declarations.push(reference.node);
      group.uses.push(...reference.uses.filter((use) => use.door === door));
    }
  }
  // A declaration split between two doors is rewritten as a whole by each group it belongs to.
  const rewritten = new Map<ts.ImportDeclaration, string[]>();
  for (const [spec, group] of groups) {
    const [first] = group.declarations;
    const split = (declaration: ts.ImportDeclaration) => [...groups.values()].filter((other) => other.declarations.includes(declaration)).length > 1;
    if (group.declarations.length === 1 && !split(first)) {
      const literal = first.moduleSpecifier as ts.StringLiteral;
      if (literal.text !== spec) {
        addEdit(file, { start: literal.getStart() + 1, end: literal.getEnd() - 1, text: spec });
        note(file, `${literal.text} -> ${spec}`);
      }
      continue;
    }
    const text = mergedImport(group.uses, spec, first.getText().includes("\n"));
    for (const declaration of group.declarations) {
      const texts = rewritten.get(declaration) ?? rewritten.set(declaration, []).get(declaration)!;
      if (declaration === first) texts.push(text);
    }
    note(file, `${group.declarations.map((declaration) => (declaration.moduleSpecifier as ts.StringLiteral).text).join(" + ")} -> ${spec} (merged)`);
  }
  for (const [declaration, texts] of rewritten) {
    if (texts.length) addEdit(file, { start: declaration.getStart(), end: declaration.getEnd(), text: texts.join("\n") });
    else addEdit(file, { ...lineSpan(file, declaration), text: "" });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Write, or stop without writing anything if something needs a human.
const doorFiles = new Set([
  ...doors.keys(),
  ...sourceFiles.map((file) => file.fileName).filter((file) => isDoorFile(relative(file))),
]);
for (const doorFile of doorFiles) {
  if (!isGenerated(doorFile)) problems.push(`${relative(doorFile)} holds more than re-exports: the script will not overwrite it`);
}
if (problems.length) {
  console.error(`front-doors: nothing written, ${problems.length} problem(s) to solve by hand:`);
  for (const problem of [...new Set(problems)].sort(compare)) console.error(`  ${problem}`);
  process.exit(1);
}

let changed = 0;
for (const doorFile of [...doorFiles].sort(compare)) {
  const names = doors.get(doorFile);
  const before = fs.existsSync(doorFile) ? fs.readFileSync(doorFile, "utf8") : undefined;
  if (!names) {
    fs.rmSync(doorFile);
    console.log(`removed ${relative(doorFile)} (nothing is used through it)`);
    changed++;
    continue;
  }
  const text = doorText(doorFile, names);
  if (text === before) continue;
  fs.writeFileSync(doorFile, text);
  console.log(`${before === undefined ? "wrote" : "updated"} ${relative(doorFile)} (${names.size} names)`);
  changed++;
}
for (const [file, fileEdits] of [...edits].sort(([a], [b]) => compare(a.fileName, b.fileName))) {
  let text = file.getFullText();
  for (const edit of fileEdits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  fs.writeFileSync(file.fileName, text);
  console.log(`rewrote ${relative(file.fileName)}`);
  for (const message of changes.get(relative(file.fileName)) ?? []) console.log(`  ${message}`);
  changed++;
}
console.log(changed ? `front-doors: ${changed} file(s) changed` : "front-doors: nothing to change");
