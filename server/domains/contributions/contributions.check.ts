import type { FieldErrors, FieldMessage } from "@/server/trpc/fieldErrors";
import { HOUR_MEASURES, SIMPLE_MEASURES, type MeasureKey } from "./contributions.measures";

/*
 * The limits of a report's figures, and the same check the server's schema makes
 * (contributions.schemas.ts), without zod: the contributions form runs it in the browser before it
 * saves a draft on its own, and zod is kept out of browser bundles. contributions.check.test.ts
 * holds the two to the same answers, problem for problem.
 */

export const MAX_FIGURE = 10_000_000;
export const MAX_IN_KIND_ITEMS = 30;
export const MAX_IN_KIND_DESCRIPTION = 300;

export const hasAtMostTwoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/** A report's content as the form would send it: numbers as read (NaN for text that is none). */
export interface ContentCandidate {
  values: Partial<Record<string, number | undefined>>;
  peopleTrained: Partial<Record<string, number | undefined>>;
  services: Partial<Record<string, number | undefined>>;
  inKind: { description: string; value: number }[];
}

/** The problems of a count (a whole number from 0) or an amount (hours, dollars: two decimals). */
function figureProblems(value: number, kind: "count" | "amount"): FieldMessage[] {
  if (!Number.isFinite(value)) return [{ key: "invalid" }];
  if (kind === "count" && !Number.isInteger(value)) return [{ key: "wholeNumber" }];
  // A whole number beyond 2^53 is not exactly a whole number either; its size is a problem too.
  const problems: FieldMessage[] = kind === "count" && !Number.isSafeInteger(value) ? [{ key: "wholeNumber" }] : [];
  if (value < 0) problems.push({ key: "tooSmall", values: { min: 0 } });
  if (value > MAX_FIGURE) problems.push({ key: "tooBig", values: { max: MAX_FIGURE } });
  if (kind === "amount" && !hasAtMostTwoDecimals(value)) problems.push({ key: "twoDecimals" });
  return problems;
}

const kindOf = (measure: MeasureKey) => (HOUR_MEASURES.has(measure) ? "amount" : "count");

/** Every problem of the content under its path ("values.staffHours", "inKind.2.value"); none when the server would take it. */
export function contentProblems(content: ContentCandidate): FieldErrors {
  const errors: FieldErrors = {};
  const note = (path: string, problems: FieldMessage[]) => {
    if (problems.length > 0) errors[path] = problems;
  };
  for (const measure of SIMPLE_MEASURES) {
    const value = content.values[measure];
    if (value !== undefined) note(`values.${measure}`, figureProblems(value, kindOf(measure)));
  }
  for (const measure of ["peopleTrained", "services"] as const) {
    for (const [dimension, value] of Object.entries(content[measure])) {
      if (value !== undefined) note(`${measure}.${dimension}`, figureProblems(value, kindOf(measure)));
    }
  }
  // More items than allowed is one problem of the whole list: the schema then says nothing of each item.
  if (content.inKind.length > MAX_IN_KIND_ITEMS) {
    note("inKind", [{ key: "tooBig", values: { max: MAX_IN_KIND_ITEMS } }]);
    return errors;
  }
  content.inKind.forEach((item, index) => {
    const description = item.description.trim();
    if (description.length === 0) note(`inKind.${index}.description`, [{ key: "required" }]);
    else if (description.length > MAX_IN_KIND_DESCRIPTION) note(`inKind.${index}.description`, [{ key: "tooLong", values: { max: MAX_IN_KIND_DESCRIPTION } }]);
    note(`inKind.${index}.value`, figureProblems(item.value, "amount"));
  });
  return errors;
}
