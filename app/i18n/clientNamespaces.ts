import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/*
 * Which catalog namespaces each page and layout must send to the browser, read from the code: the
 * namespaces passed to useTranslations() in every module that ends up in the browser below that
 * page or layout (a "use client" module and everything it imports). Used by clientMessages.test.ts
 * to hold the lists given to <ClientMessages> to exactly what the client components read.
 */

const SOURCE = /\.(tsx?|jsx?)$/;
/** Components whose `namespaces` attribute sends catalog namespaces to the client components inside them. */
const SENDERS = new Set(["ClientMessages", "HydrateClient"]);
const ROUTE_FILES = new Set(["page.tsx", "layout.tsx", "error.tsx", "not-found.tsx", "global-error.tsx", "loading.tsx", "template.tsx"]);

interface ModuleFacts {
  isClient: boolean;
  imports: string[];
  /** Top-level namespaces this module reads with useTranslations(). */
  reads: Set<string>;
  /** Namespaces this module sends: <ClientMessages namespaces={[…]}>, <HydrateClient namespaces={[…]}>, pickMessages([…]). */
  sends: Set<string>;
  /** Calls the analysis cannot follow (a namespace that is not a string literal, a whole catalog imported). */
  unreadable: string[];
  /** Imported names and the modules they come from. */
  importedFrom: Map<string, string>;
  /** Components rendered outside any element that sends namespaces. */
  renderedUnwrapped: Set<string>;
}

export interface RouteFileNeeds {
  /** Relative to the project root, e.g. "app/(app)/tf/[slug]/gaps/page.tsx". */
  file: string;
  /** Namespaces read by client components below this file. */
  reads: string[];
  /** Namespaces this file sends itself. */
  sends: string[];
  /** Namespaces the layouts above it (and, for error and not-found files, the layout beside it) send. */
  inherited: string[];
  unreadable: string[];
  /** Components this file renders outside its <ClientMessages>/<HydrateClient>, with namespaces they need that only the file sends. */
  outsideItsSender: string[];
}

export function analyzeClientNamespaces(root: string): RouteFileNeeds[] {
  const known = new Map<string, ModuleFacts>();
  const factsOf = (file: string): ModuleFacts => {
    let facts = known.get(file);
    if (!facts) {
      facts = readModule(root, file);
      known.set(file, facts);
    }
    return facts;
  };

  /** Namespaces read in the browser by what `entry` imports, and what could not be read. */
  const readsBelow = (entry: string) => {
    const reads = new Set<string>();
    const unreadable: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, inBrowser: boolean) => {
      const key = `${inBrowser}:${file}`;
      if (seen.has(key)) return;
      seen.add(key);
      const facts = factsOf(file);
      const browser = inBrowser || facts.isClient;
      if (browser) {
        facts.reads.forEach((namespace) => reads.add(namespace));
        unreadable.push(...facts.unreadable.map((problem) => `${path.relative(root, file)}: ${problem}`));
      }
      for (const imported of facts.imports) visit(imported, browser);
    };
    visit(entry, false);
    return { reads, unreadable };
  };

  const routeFiles = listFiles(path.join(root, "app")).filter((file) => ROUTE_FILES.has(path.basename(file)));
  const layoutsOver = (file: string): string[] => {
    const own = path.dirname(file);
    // A layout sits under its parents' layouts; a page, error or not-found file also under its own folder's.
    const includeOwnFolder = path.basename(file) !== "layout.tsx" && path.basename(file) !== "global-error.tsx";
    const layouts: string[] = [];
    for (let folder = own; folder.startsWith(path.join(root, "app")); folder = path.dirname(folder)) {
      if (folder === own && !includeOwnFolder) continue;
      const layout = path.join(folder, "layout.tsx");
      if (existsSync(layout)) layouts.push(layout);
    }
    return layouts;
  };

  return routeFiles.map((file) => {
    const { reads, unreadable } = readsBelow(file);
    const facts = factsOf(file);
    const inherited = new Set(layoutsOver(file).flatMap((layout) => [...factsOf(layout).sends]));
    // A component that needs what this file sends must be rendered inside the element that sends it.
    const outsideItsSender = [...facts.renderedUnwrapped].flatMap((name) => {
      const from = facts.importedFrom.get(name);
      if (!from) return [];
      const needs = [...readsBelow(from).reads].filter((namespace) => !inherited.has(namespace));
      return needs.length > 0 ? [`<${name}> (reads ${needs.join(", ")})`] : [];
    });
    return {
      file: path.relative(root, file),
      reads: [...reads].sort(),
      sends: [...facts.sends].sort(),
      inherited: [...inherited].sort(),
      unreadable,
      outsideItsSender,
    };
  });
}

/**
 * Every module that ends up in the browser: the "use client" modules below the route files and
 * everything they import (type imports aside), relative to `root`. The same walk as the namespaces'.
 */
export function browserModules(root: string): Set<string> {
  const known = new Map<string, ModuleFacts>();
  const inBrowser = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, browser: boolean) => {
    const key = `${browser}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    let facts = known.get(file);
    if (!facts) {
      facts = readModule(root, file);
      known.set(file, facts);
    }
    const here = browser || facts.isClient;
    if (here) inBrowser.add(path.relative(root, file));
    for (const imported of facts.imports) visit(imported, here);
  };
  for (const file of listFiles(path.join(root, "app")).filter((file) => ROUTE_FILES.has(path.basename(file)))) visit(file, false);
  return inBrowser;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (SOURCE.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null; // JSON, CSS and other assets
}

const stringLiteral = (node: ts.Node | undefined): string | null => (node && ts.isStringLiteralLike(node) ? node.text : null);

function readModule(root: string, file: string): ModuleFacts {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const facts: ModuleFacts = {
    isClient: Boolean(first && ts.isExpressionStatement(first) && stringLiteral(first.expression) === "use client"),
    imports: [],
    reads: new Set(),
    sends: new Set(),
    unreadable: [],
    importedFrom: new Map(),
    renderedUnwrapped: new Set(),
  };
  const addImport = (specifier: string | null, lazily = false) => {
    if (specifier === null) return;
    // Loaded on demand (import()), a catalog is a chunk of its own, fetched only when that code runs.
    if (!lazily && /\/i18n\/messages\/[^/]+\.json$/.test(specifier)) facts.unreadable.push(`imports the whole catalog (${specifier})`);
    const resolved = resolveImport(root, file, specifier);
    if (resolved) facts.imports.push(resolved);
  };
  const sendsFrom = (list: ts.Expression | undefined) => {
    if (!list || !ts.isArrayLiteralExpression(list)) return;
    for (const element of list.elements) {
      const namespace = stringLiteral(element);
      if (namespace !== null) facts.sends.add(namespace);
    }
  };

  const visit = (node: ts.Node, insideSender: boolean) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const specifier = stringLiteral(node.moduleSpecifier);
      addImport(specifier);
      const resolved = specifier === null ? null : resolveImport(root, file, specifier);
      const clause = node.importClause;
      if (resolved && clause) {
        if (clause.name) facts.importedFrom.set(clause.name.text, resolved);
        if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
          for (const element of clause.namedBindings.elements) facts.importedFrom.set(element.name.text, resolved);
        }
      }
    }
    if (ts.isExportDeclaration(node) && !node.isTypeOnly) addImport(stringLiteral(node.moduleSpecifier));
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) addImport(stringLiteral(node.arguments[0]), true);
      if (ts.isIdentifier(callee) && callee.text === "useTranslations") {
        const namespace = stringLiteral(node.arguments[0]);
        // "contributions.settings" is part of the "contributions" namespace.
        if (namespace) facts.reads.add(namespace.split(".")[0]!);
        else facts.unreadable.push(`useTranslations() without a literal namespace at line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      if (ts.isIdentifier(callee) && callee.text === "pickMessages") sendsFrom(node.arguments[0]);
    }
    let childrenInsideSender = insideSender;
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(source);
      if (SENDERS.has(tag)) {
        for (const attribute of node.attributes.properties) {
          if (ts.isJsxAttribute(attribute) && attribute.name.getText(source) === "namespaces" && attribute.initializer && ts.isJsxExpression(attribute.initializer)) {
            sendsFrom(attribute.initializer.expression);
          }
        }
      } else if (!insideSender) facts.renderedUnwrapped.add(tag);
    }
    // What a sender wraps is its element's children: everything under <Sender>…</Sender>.
    if (ts.isJsxElement(node) && SENDERS.has(node.openingElement.tagName.getText(source))) childrenInsideSender = true;
    ts.forEachChild(node, (child) => visit(child, childrenInsideSender));
  };
  visit(source, false);
  return facts;
}
