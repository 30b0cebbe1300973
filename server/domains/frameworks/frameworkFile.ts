import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import type { MessageValues } from "@/server/errors";
import {
  FRAMEWORK_FILE_FORMAT,
  FRAMEWORK_FILE_FORMAT_VERSION,
  FrameworkContentSchema,
  FrameworkFileSchema,
  type FrameworkFile,
} from "./frameworks.schemas";
import type { FrameworkContent } from "@/db/schema";
import { STAGE_NUMBERS } from "@/db/vocabulary/frameworks";

/*
 * Reading a framework from JSON text, with problems told the way a person fixing the file needs
 * them: which field (as a path such as content.areas[0].elements[2].key) and on which line and
 * column. Pure functions: no database, so every rule here has a unit test.
 */

/** The first problem of a file; `messageKey` is under `errors` in the message catalog. */
export interface FrameworkFileProblem {
  messageKey: string;
  values: MessageValues & { line: number; column: number; path: string };
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problem: FrameworkFileProblem };

/** 1-based line and column of a character offset; \r\n, \r and \n each end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = 0; index < end; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A field path as people read it: content.areas[0].elements[2].key */
export function formatPath(path: readonly PropertyKey[]): string {
  let result = "";
  for (const segment of path) {
    if (typeof segment === "number") result += `[${segment}]`;
    else result += result ? `.${String(segment)}` : String(segment);
  }
  return result;
}

/**
 * Where a field path starts in the text: the property's name when the field is there, else the
 * nearest enclosing value that is (a missing field is reported on the object that lacks it).
 */
export function offsetOfPath(tree: Node, path: readonly PropertyKey[], property?: string): number {
  const jsonPath = path.filter((segment): segment is string | number => typeof segment !== "symbol");
  for (let length = jsonPath.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, jsonPath.slice(0, length));
    if (!node) continue;
    if (length === jsonPath.length && property !== undefined && node.type === "object") {
      const named = node.children?.find((child) => child.children?.[0]?.value === property);
      if (named) return named.offset;
    }
    return node.parent?.type === "property" ? node.parent.offset : node.offset;
  }
  return tree.offset;
}

/** The first property name used twice in one object: JSON allows it, but one of the values would be lost. */
function findDuplicateProperty(node: Node, path: (string | number)[]): { node: Node; path: (string | number)[]; name: string } | null {
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const name = String(keyNode?.value);
      if (seen.has(name)) return { node: property, path: [...path, name], name };
      seen.add(name);
      if (valueNode) {
        const inner = findDuplicateProperty(valueNode, [...path, name]);
        if (inner) return inner;
      }
    }
  } else if (node.type === "array") {
    for (const [index, child] of (node.children ?? []).entries()) {
      const inner = findDuplicateProperty(child, [...path, index]);
      if (inner) return inner;
    }
  }
  return null;
}

type Issue = z.core.$ZodIssue;

/** A zod issue as a catalog key and values; the schemas name their own rules (stageCount, …). */
function describeIssue(issue: Issue): { key: string; values: MessageValues } {
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  const fromParams: MessageValues = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string" || typeof value === "number") fromParams[name] = value;
  }
  if (/^[a-z][A-Za-z]*$/.test(issue.message)) {
    const values: MessageValues = { ...fromParams };
    if (issue.message === "fileFormat") values.expected = FRAMEWORK_FILE_FORMAT;
    if (issue.message === "fileFormatVersion") values.expected = FRAMEWORK_FILE_FORMAT_VERSION;
    return { key: issue.message, values };
  }
  switch (issue.code) {
    case "invalid_key": {
      // A record's key broke its own rule (a translation's language tag): say that rule, naming the key.
      const rule = issue.issues[0]?.message ?? "";
      return /^[a-z][A-Za-z]*$/.test(rule) ? { key: rule, values: { key: String(issue.path.at(-1) ?? "") } } : { key: "invalid", values: {} };
    }
    case "invalid_type":
      return /received (undefined|null)$/.test(issue.message)
        ? { key: "required", values: {} }
        : { key: "wrongType", values: { expected: issue.expected } };
    case "too_small":
      if (issue.origin === "string") return { key: "empty", values: {} };
      return issue.origin === "array" ? { key: "tooFew", values: { min: Number(issue.minimum) } } : { key: "tooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) } };
      return issue.origin === "array" ? { key: "tooMany", values: { max: Number(issue.maximum) } } : { key: "tooBig", values: { max: Number(issue.maximum) } };
    case "unrecognized_keys":
      return { key: "unknownField", values: { field: issue.keys[0] ?? "" } };
    default:
      return { key: "invalid", values: {} };
  }
}

function problem(text: string, offset: number, key: string, path: string, values: MessageValues = {}): FrameworkFileProblem {
  return { messageKey: `frameworkFile_${key}`, values: { ...values, ...lineColumnAt(text, offset), path } };
}

/**
 * Parses `text` as strict JSON (no comments, no trailing commas) and validates it with `schema`;
 * the first problem in document order is reported, so fixing a file goes from top to bottom.
 */
export function parseJsonWith<S extends z.ZodType>(text: string, schema: S): ParseOutcome<z.output<S>> {
  if (text.trim() === "") return { ok: false, problem: problem(text, 0, "emptyFile", "") };
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [syntaxError] = syntaxErrors;
  if (syntaxError) {
    return { ok: false, problem: problem(text, syntaxError.offset, "syntax", "", { problem: printParseErrorCode(syntaxError.error) }) };
  }
  if (!tree) return { ok: false, problem: problem(text, 0, "emptyFile", "") };
  const duplicate = findDuplicateProperty(tree, []);
  if (duplicate) {
    return { ok: false, problem: problem(text, duplicate.node.offset, "duplicateProperty", formatPath(duplicate.path), { field: duplicate.name }) };
  }
  const parsed = schema.safeParse(getNodeValue(tree));
  if (parsed.success) return { ok: true, value: parsed.data };
  const located = parsed.error.issues.map((issue) => {
    const field = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    return { issue, field, offset: offsetOfPath(tree, issue.path, field) };
  });
  located.sort((a, b) => a.offset - b.offset);
  const first = located[0];
  if (!first) return { ok: false, problem: problem(text, 0, "invalid", "") };
  const { key, values } = describeIssue(first.issue);
  const path = first.field !== undefined ? [...first.issue.path, first.field] : first.issue.path;
  return { ok: false, problem: problem(text, first.offset, key, formatPath(path), values) };
}

export function parseFrameworkFile(text: string): ParseOutcome<FrameworkFile> {
  return parseJsonWith(text, FrameworkFileSchema);
}

export function parseFrameworkContent(text: string): ParseOutcome<FrameworkContent> {
  return parseJsonWith(text, FrameworkContentSchema);
}

/** Picks the entries of `record` named by `keys`, in that order (those it lacks are left out). */
function inOrder<T>(record: Record<string, T> | undefined, keys: readonly string[]): Record<string, T> | undefined {
  if (!record) return undefined;
  return Object.fromEntries(keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]!]));
}

/**
 * The content with its translations in the framework's own order (languages alphabetically, then
 * stages, areas and elements as the framework lists them), as the schema orders every other field.
 */
function inFrameworkOrder(content: FrameworkContent): FrameworkContent {
  if (!content.translations) return content;
  const areaKeys = content.areas.map((area) => area.key);
  const elementKeys = content.areas.flatMap((area) => area.elements.map((element) => element.key));
  const languages = Object.keys(content.translations).sort();
  return {
    ...content,
    translations: Object.fromEntries(
      languages.map((language) => {
        const translation = content.translations![language]!;
        return [
          language,
          {
            ...translation,
            stages: inOrder(translation.stages, STAGE_NUMBERS),
            areas: inOrder(translation.areas, areaKeys),
            elements: inOrder(translation.elements, elementKeys),
          },
        ];
      }),
    ),
  };
}

/**
 * The file for one framework version: fields in a fixed, readable order (the database stores
 * content as jsonb, which does not keep key order), two-space indentation, a final newline.
 */
export function serializeFrameworkFile(file: {
  key: string;
  name: string;
  description: string;
  wordingNote: string;
  content: FrameworkContent;
}): string {
  const canonical = FrameworkFileSchema.parse({
    format: FRAMEWORK_FILE_FORMAT,
    formatVersion: FRAMEWORK_FILE_FORMAT_VERSION,
    key: file.key,
    name: file.name,
    description: file.description,
    wordingNote: file.wordingNote,
    content: inFrameworkOrder(file.content),
  });
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/** The content alone in the same order and layout, for editing in a text box. */
export function serializeFrameworkContent(content: FrameworkContent): string {
  return `${JSON.stringify(FrameworkContentSchema.parse(inFrameworkOrder(content)), null, 2)}\n`;
}
