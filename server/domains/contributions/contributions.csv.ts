import { CsvError, parse } from "csv-parse/sync";
import { toCsv as writeCsv } from "@/server/lib/csv";
import { MEASURE_COLUMNS, SIMPLE_MEASURES, TABLE_COLUMNS } from "./contributions.measures";
import type { ReportContent } from "./contributions.schemas";

/*
 * The CSV file format of a period's contributions: one row per organization, the organization by
 * name, one column per measure (template order), blank for "not reported", and at most one in-kind
 * item per row. Pure: it turns text into rows or a list of problems, each with its line and column.
 */

export const ORGANIZATION_COLUMN = "organization";
export const IN_KIND_DESCRIPTION_COLUMN = "in_kind_description";
export const IN_KIND_VALUE_COLUMN = "in_kind_value";

/** The columns of the import template, in order. */
export const TEMPLATE_COLUMNS = [ORGANIZATION_COLUMN, ...MEASURE_COLUMNS.map((column) => column.csv), IN_KIND_DESCRIPTION_COLUMN, IN_KIND_VALUE_COLUMN];

/** Columns an export adds (status, computed values): accepted by the import and ignored, so exports re-import. */
export const EXPORT_ONLY_COLUMNS = [
  "status",
  "late",
  "submitted_at",
  "organizations_reporting",
  ...TABLE_COLUMNS.filter((column) => column.kind === "money" || column.dimension === "total")
    .map((column) => column.csv)
    .filter((csv) => csv !== IN_KIND_VALUE_COLUMN),
];

export interface CsvProblem {
  line: number;
  column: string;
  key:
    | "importUnreadable"
    | "importEmpty"
    | "importUnknownColumn"
    | "importDuplicateColumn"
    | "importNoOrganizationColumn"
    | "importOrganizationMissing"
    | "importDuplicateOrganization"
    | "importNotANumber"
    | "importNegative"
    | "importWholeNumber"
    | "importTwoDecimals"
    | "importTooLarge"
    | "importInKindIncomplete"
    | "importDescriptionTooLong";
  value?: string;
}

export interface CsvRow {
  line: number;
  organization: string;
  content: ReportContent;
}

const COUNT = /^\d+$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const MAX_VALUE = 10_000_000;

/** A cell as a number, or the problem with it. Blank means "not reported". */
function numberOf(cell: string, wholeNumber: boolean): { value: number | undefined } | { problem: CsvProblem["key"] } {
  const text = cell.replace(/,/g, "");
  if (text === "") return { value: undefined };
  if (!NUMBER.test(text)) return { problem: "importNotANumber" };
  if (text.startsWith("-")) return { problem: "importNegative" };
  if (wholeNumber && !COUNT.test(text)) return { problem: "importWholeNumber" };
  if (!AMOUNT.test(text)) return { problem: "importTwoDecimals" };
  const value = Number(text);
  if (value > MAX_VALUE) return { problem: "importTooLarge" };
  return { value };
}

export function parseContributionsCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    const line = error instanceof CsvError && typeof (error as CsvError & { lines?: number }).lines === "number" ? (error as CsvError & { lines: number }).lines : 1;
    return { rows: [], problems: [{ line, column: "", key: "importUnreadable" }] };
  }
  const [header, ...data] = records;
  if (!header || data.length === 0) return { rows: [], problems: [{ line: header?.info.lines ?? 1, column: "", key: "importEmpty" }] };

  const problems: CsvProblem[] = [];
  const names = header.record.map((name) => name.trim().toLowerCase());
  const known = new Set([...TEMPLATE_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) problems.push({ line: header.info.lines, column: name, key: "importUnknownColumn" });
    else if (seen.has(name)) problems.push({ line: header.info.lines, column: name, key: "importDuplicateColumn" });
    seen.add(name);
  }
  if (!names.includes(ORGANIZATION_COLUMN)) problems.push({ line: header.info.lines, column: ORGANIZATION_COLUMN, key: "importNoOrganizationColumn" });
  if (problems.length) return { rows: [], problems };

  const index = new Map(names.map((name, position) => [name, position]));
  const cell = (record: string[], name: string) => {
    const position = index.get(name);
    return position === undefined ? "" : (record[position] ?? "").trim();
  };
  const rows: CsvRow[] = [];
  const organizations = new Set<string>();
  for (const { record, info } of data) {
    const line = info.lines;
    const organization = cell(record, ORGANIZATION_COLUMN);
    if (!organization) problems.push({ line, column: ORGANIZATION_COLUMN, key: "importOrganizationMissing" });
    else if (organizations.has(organization.toLowerCase())) problems.push({ line, column: ORGANIZATION_COLUMN, key: "importDuplicateOrganization", value: organization });
    organizations.add(organization.toLowerCase());

    const content: ReportContent = { values: {}, peopleTrained: {}, services: {}, inKind: [] };
    for (const column of MEASURE_COLUMNS) {
      const parsed = numberOf(cell(record, column.csv), !column.hours);
      if ("problem" in parsed) {
        problems.push({ line, column: column.csv, key: parsed.problem, value: cell(record, column.csv) });
        continue;
      }
      if (parsed.value === undefined) continue;
      if (column.measure === "peopleTrained") (content.peopleTrained as Record<string, number>)[column.dimension] = parsed.value;
      else if (column.measure === "services") (content.services as Record<string, number>)[column.dimension] = parsed.value;
      else if ((SIMPLE_MEASURES as readonly string[]).includes(column.measure)) (content.values as Record<string, number>)[column.measure] = parsed.value;
    }
    const description = cell(record, IN_KIND_DESCRIPTION_COLUMN);
    const inKindValue = numberOf(cell(record, IN_KIND_VALUE_COLUMN), false);
    if ("problem" in inKindValue) {
      problems.push({ line, column: IN_KIND_VALUE_COLUMN, key: inKindValue.problem, value: cell(record, IN_KIND_VALUE_COLUMN) });
    } else if (description.length > 300) {
      problems.push({ line, column: IN_KIND_DESCRIPTION_COLUMN, key: "importDescriptionTooLong" });
    } else if (description === "" && !inKindValue.value) {
      // No item: a blank or zero value without a description (exports write 0 for "no in-kind").
    } else if ((description === "") !== (inKindValue.value === undefined)) {
      problems.push({ line, column: description ? IN_KIND_VALUE_COLUMN : IN_KIND_DESCRIPTION_COLUMN, key: "importInKindIncomplete" });
    } else if (description && inKindValue.value !== undefined) {
      content.inKind.push({ description, value: inKindValue.value });
    }
    rows.push({ line, organization, content });
  }
  return { rows: problems.length ? [] : rows, problems };
}

/** RFC 4180 text (CRLF line ends) with a byte-order mark, so spreadsheet programs read UTF-8 names; formula-safe (server/lib/csv). */
export function toCsv(rows: (string | number | null)[][]): string {
  return writeCsv(rows, { byteOrderMark: true });
}
