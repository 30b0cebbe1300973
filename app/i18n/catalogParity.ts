import { isPluralElement, isSelectElement, isStructurallySame, isTagElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/*
 * What makes a translated catalog usable in place of the English one: the same keys, and in each
 * message the same ICU arguments of the same kinds (a plural stays a plural, a <link> tag stays a
 * tag), so no page, email or export renders a raw key or loses a value in the other language.
 * Used by the catalog test and by translators checking their work (README: adding a language).
 */

type Catalog = { [key: string]: string | Catalog };

/** One difference between a translation and the reference catalog, with the dotted key it concerns. */
export interface CatalogProblem {
  key: string;
  problem: string;
}

function flatten(catalog: Catalog, prefix = ""): Map<string, string | Catalog> {
  const entries = new Map<string, string | Catalog>();
  for (const [key, value] of Object.entries(catalog)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && value !== null) {
      entries.set(dotted, value);
      for (const [inner, innerValue] of flatten(value, dotted)) entries.set(inner, innerValue);
    } else entries.set(dotted, value);
  }
  return entries;
}

/** The options of every select in a message, by argument name: a branch the code chooses must exist in each language. */
function selectOptions(elements: MessageFormatElement[], found = new Map<string, string[]>()): Map<string, string[]> {
  for (const element of elements) {
    if (isSelectElement(element)) found.set(element.value, Object.keys(element.options).sort());
    if (isSelectElement(element) || isPluralElement(element)) {
      for (const option of Object.values(element.options)) selectOptions(option.value, found);
    }
    if (isTagElement(element)) selectOptions(element.children, found);
  }
  return found;
}

function parsed(message: string): MessageFormatElement[] | Error {
  try {
    return parse(message);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Every way `translation` differs from `reference` in keys and message arguments (empty when it can replace it). */
export function catalogProblems(reference: Catalog, translation: Catalog): CatalogProblem[] {
  const expected = flatten(reference);
  const actual = flatten(translation);
  const problems: CatalogProblem[] = [];
  for (const [key, value] of expected) {
    const translated = actual.get(key);
    if (translated === undefined) {
      problems.push({ key, problem: "missing" });
      continue;
    }
    if (typeof value !== typeof translated) {
      problems.push({ key, problem: typeof value === "string" ? "a group where the reference has a message" : "a message where the reference has a group" });
      continue;
    }
    if (typeof value !== "string" || typeof translated !== "string") continue;
    if (translated.trim() === "") {
      problems.push({ key, problem: "empty" });
      continue;
    }
    const original = parsed(value);
    const target = parsed(translated);
    if (original instanceof Error) {
      problems.push({ key, problem: `the reference does not parse: ${original.message}` });
      continue;
    }
    if (target instanceof Error) {
      problems.push({ key, problem: `does not parse: ${target.message}` });
      continue;
    }
    const same = isStructurallySame(original, target);
    if (!same.success) {
      problems.push({ key, problem: `arguments differ: ${same.error?.message ?? "unknown"}` });
      continue;
    }
    const originalSelects = selectOptions(original);
    const targetSelects = selectOptions(target);
    for (const [argument, options] of originalSelects) {
      if (targetSelects.get(argument)?.join("|") !== options.join("|")) {
        problems.push({ key, problem: `the choices of {${argument}, select} differ: ${options.join(", ")} vs ${targetSelects.get(argument)?.join(", ") ?? "none"}` });
      }
    }
  }
  for (const key of actual.keys()) {
    if (!expected.has(key)) problems.push({ key, problem: "not in the reference catalog" });
  }
  return problems;
}
