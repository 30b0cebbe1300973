import { contentProblems } from "@/server/domains/contributions/contributions.check";
import { MEASURE_COLUMNS } from "@/server/domains/contributions/contributions.measures";
import type { ReportContent } from "@/server/domains/contributions/contributions.schemas";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/*
 * The contributions form's figures as typed, apart from React: read from what the server holds,
 * compared with it, checked by the server's rules before a draft is saved, and combined with
 * figures someone else saved meanwhile. Pure, so the form's rules are tested without a browser.
 */

/** One in-kind row as typed; `key` keeps a row's identity (and its inputs) when others are added or removed. */
export interface InKindDraft {
  key: number;
  description: string;
  value: string;
}

/**
 * Every number field by its input's name ("values.staffHours", "peopleTrained.health",
 * "services.housing"), as typed; a blank field is left out ("not reported"). Then the in-kind rows.
 */
export interface ReportFigures {
  fields: Record<string, string>;
  inKind: InKindDraft[];
}

/** The name of a measure's input, which is also the path of its problems in the server's answer. */
export const fieldNameOf = (measure: string, dimension: string) => (dimension ? `${measure}.${dimension}` : `values.${measure}`);

/** Every number field of the form: what a copy kept on the device may hold. */
export const FIELD_NAMES: ReadonlySet<string> = new Set(MEASURE_COLUMNS.map((column) => fieldNameOf(column.measure, column.dimension)));

export const EMPTY_FIGURES: ReportFigures = { fields: {}, inKind: [] };

/** The figures the server holds, as the form shows them. */
export function figuresOf(content: ReportContent): ReportFigures {
  const fields: Record<string, string> = {};
  const add = (prefix: string, group: Record<string, number | undefined>) => {
    for (const [key, value] of Object.entries(group)) if (value !== undefined) fields[`${prefix}.${key}`] = String(value);
  };
  add("values", content.values);
  add("peopleTrained", content.peopleTrained);
  add("services", content.services);
  return { fields, inKind: content.inKind.map((item, key) => ({ key, description: item.description, value: String(item.value) })) };
}

/** The figures with one field as now typed (blank: left out). */
export function withField(figures: ReportFigures, name: string, text: string): ReportFigures {
  const fields = { ...figures.fields };
  if (text === "") delete fields[name];
  else fields[name] = text;
  return { ...figures, fields };
}

/** A key for a new in-kind row: one no row of `figures` has. */
export const nextRowKey = (figures: ReportFigures) => figures.inKind.reduce((max, row) => Math.max(max, row.key), -1) + 1;

/** A number as typed: blank is "not reported"; other text is read as it stands (the rules say what is wrong). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed.replace(",", "."));
}

/** A row the person added and left empty: not an item, so neither saved nor compared. */
const isBlankRow = (row: InKindDraft) => row.description.trim() === "" && row.value.trim() === "";

/** "1.50" and "1.5" are the same figure; text that is no number stays as typed. */
function sameNumberText(text: string): string {
  const value = numberOf(text);
  return value === undefined || Number.isNaN(value) ? text.trim() : String(value);
}

/** What identifies an in-kind row when rows are compared: its description and value, not its place. */
const rowSignature = (row: InKindDraft) => `${row.description.trim()}\u0000${sameNumberText(row.value)}`;

function normalized(figures: ReportFigures) {
  const fields = Object.entries(figures.fields)
    .map(([name, text]) => [name, sameNumberText(text)] as const)
    .filter(([, text]) => text !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ fields, inKind: figures.inKind.filter((row) => !isBlankRow(row)).map(rowSignature) });
}

/** Whether two sets of figures say the same (ignoring how numbers are written and empty rows). */
export const sameFigures = (a: ReportFigures, b: ReportFigures) => normalized(a) === normalized(b);

/** The form rows of the items `checkFigures` would send, in order: to place the server's problems. */
export const sentRows = (figures: ReportFigures) => figures.inKind.flatMap((row, index) => (isBlankRow(row) ? [] : [index]));

export type CheckedFigures = { ok: true; content: ReportContent } | { ok: false; errors: FieldErrors };

/**
 * The figures as the server takes them, checked by its rules (contributions.check.ts); or each
 * problem under the name of the input it belongs to. Empty in-kind rows are dropped, so a problem
 * of the n-th item sent is moved back to the row it came from.
 */
export function checkFigures(figures: ReportFigures): CheckedFigures {
  const group = (prefix: string) =>
    Object.fromEntries(
      Object.entries(figures.fields)
        .filter(([name]) => name.startsWith(`${prefix}.`))
        .map(([name, text]) => [name.slice(prefix.length + 1), numberOf(text)]),
    );
  const rows = sentRows(figures);
  const content = {
    values: group("values"),
    peopleTrained: group("peopleTrained"),
    services: group("services"),
    inKind: rows.map((index) => figures.inKind[index]!).map((row) => ({ description: row.description.trim(), value: numberOf(row.value) ?? Number.NaN })),
  };
  const problems = contentProblems(content);
  // Checked: every field name is one of the form's (FIELD_NAMES) and every number within the rules.
  if (Object.keys(problems).length === 0) return { ok: true, content: content as ReportContent };
  return { ok: false, errors: onFormRows(problems, rows) };
}

/** Problems of the items sent ("inKind.0.value") under the form's rows they came from ("inKind.2.value"). */
export function onFormRows(errors: FieldErrors, formRowOf: readonly number[]): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, messages]) => {
      const match = /^inKind\.(\d+)(\..*)?$/.exec(path);
      const row = match ? formRowOf[Number(match[1])] : undefined;
      return [row === undefined ? path : `inKind.${row}${match?.[2] ?? ""}`, messages];
    }),
  );
}

function countBy(rows: readonly InKindDraft[]) {
  const counts = new Map<string, number>();
  for (const row of rows) if (!isBlankRow(row)) counts.set(rowSignature(row), (counts.get(rowSignature(row)) ?? 0) + 1);
  return counts;
}

/**
 * The person's changes applied to figures someone else saved while they typed:
 * `base` is what the form was loaded with, `mine` what the person made of it, `theirs` what the
 * server holds now. A field the person changed takes their value; every other field the server's.
 * In-kind rows have no identity but their content: rows the person removed are removed from
 * theirs, rows the person added (an edited row is a removal and an addition) are appended unless
 * the other person added the same; rows only they added or removed stay as they left them.
 */
export function combineFigures(base: ReportFigures, mine: ReportFigures, theirs: ReportFigures): ReportFigures {
  const fields: Record<string, string> = {};
  const names = new Set([...Object.keys(base.fields), ...Object.keys(mine.fields), ...Object.keys(theirs.fields)]);
  for (const name of names) {
    const changedByMe = sameNumberText(mine.fields[name] ?? "") !== sameNumberText(base.fields[name] ?? "");
    const value = changedByMe ? mine.fields[name] : theirs.fields[name];
    if (value !== undefined && value !== "") fields[name] = value;
  }

  const [baseCounts, mineCounts, theirCounts] = [countBy(base.inKind), countBy(mine.inKind), countBy(theirs.inKind)];
  const left = (counts: Map<string, number>, signature: string) => counts.get(signature) ?? 0;
  const toRemove = new Map([...baseCounts].map(([signature, count]) => [signature, Math.max(0, count - left(mineCounts, signature))]));
  const toAdd = new Map(
    [...mineCounts].map(([signature, count]) => {
      const addedByMe = count - left(baseCounts, signature);
      const addedByThem = left(theirCounts, signature) - left(baseCounts, signature);
      return [signature, Math.max(0, addedByMe - Math.max(0, addedByThem))];
    }),
  );
  /** Whether `counts` still holds the row's content; if so, one of it is used up. */
  const takeOne = (counts: Map<string, number>, row: InKindDraft) => {
    const signature = rowSignature(row);
    if (left(counts, signature) === 0) return false;
    counts.set(signature, left(counts, signature) - 1);
    return true;
  };
  const kept = theirs.inKind.filter((row) => !isBlankRow(row) && !takeOne(toRemove, row));
  const added = mine.inKind.filter((row) => !isBlankRow(row) && takeOne(toAdd, row));
  return { fields, inKind: [...kept, ...added].map((row, key) => ({ ...row, key })) };
}
