import ExcelJS from "exceljs";
import { CsvError, parse } from "csv-parse/sync";
import { toCsv } from "@/server/lib/csv";

/*
 * The import files of a task force's organizations and people: a workbook with a sheet of each (the
 * template), or a CSV file of one of them, told apart by its columns. What is read here is text by
 * column name and line; what the text means is onboarding.rows.ts's business. Sheets and columns are
 * named in the requester's language in the template, and read by their key or their name in one
 * of the languages (`Headings`, built from the catalogs by the service), so a file made from a template in
 * Spanish, or from one made before there were languages, reads the same.
 */

export const ORGANIZATION_COLUMNS = [
  "name",
  "primary_discipline",
  "additional_disciplines",
  "jurisdiction_level",
  "task_force_role",
  "address",
  "region",
  "website",
] as const;
export const PEOPLE_COLUMNS = ["email", "name", "organization", "role"] as const;

export type SheetKind = "organizations" | "people";
export const SHEET_KINDS: readonly SheetKind[] = ["organizations", "people"];
const COLUMNS: Record<SheetKind, readonly string[]> = { organizations: ORGANIZATION_COLUMNS, people: PEOPLE_COLUMNS };
export const IMPORT_COLUMNS = [...new Set([...ORGANIZATION_COLUMNS, ...PEOPLE_COLUMNS])];
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** How sheets and columns are named: what a file's names stand for, and the requester's words for the template and messages. */
export interface Headings {
  /** The column a heading names (by its key or its name in one of the languages), or undefined. */
  columnOf(heading: string): string | undefined;
  /** The kind of sheet a workbook sheet's name names, or undefined. */
  sheetOf(name: string): SheetKind | undefined;
  column(column: string): string;
  sheet(kind: SheetKind): string;
}

export interface SheetRow {
  /** The line (CSV) or row number (workbook) a person finds it at in their file. */
  line: number;
  cells: Record<string, string>;
}

export interface Sheets {
  organizations: SheetRow[];
  people: SheetRow[];
}

/** Why a file could not be read at all; a file that reads gets its problems row by row instead. */
export type UnreadableReason = "importUnreadable" | "importEmpty" | "importUnknownSheet" | "importUnknownColumn" | "importNoKeyColumn";
export class UnreadableFile extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly values: Record<string, string> = {},
  ) {
    super(reason);
  }
}

/** A table's header checked against its kind's columns; a column nobody knows is refused, not ignored. */
function rowsOf(kind: SheetKind, header: string[], body: { line: number; record: string[] }[], headings: Headings): SheetRow[] {
  const known = new Set(COLUMNS[kind]);
  const names = header.map((heading) => (heading.trim() ? (headings.columnOf(heading) ?? null) : ""));
  const unknown = header.filter((heading, index) => names[index] === null || (names[index] && !known.has(names[index])));
  if (unknown.length > 0) throw new UnreadableFile("importUnknownColumn", { columns: unknown.map((heading) => heading.trim()).join(", "), sheet: headings.sheet(kind) });
  const key = COLUMNS[kind][0]!;
  if (!names.includes(key)) throw new UnreadableFile("importNoKeyColumn", { column: headings.column(key), sheet: headings.sheet(kind) });
  return body
    .map(({ line, record }) => ({
      line,
      cells: Object.fromEntries(names.map((name, index) => [name, (record[index] ?? "").trim()]).filter(([name]) => name)),
    }))
    .filter((row) => Object.values(row.cells).some((cell) => cell !== ""));
}

/** The kind a lone CSV table is, by its columns: people have an email column, organizations do not. */
function kindOfHeader(header: string[], headings: Headings): SheetKind {
  return header.some((heading) => headings.columnOf(heading) === "email") ? "people" : "organizations";
}

function readCsv(text: string, headings: Headings): Sheets {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFile("importUnreadable");
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new UnreadableFile("importEmpty");
  const kind = kindOfHeader(header.record, headings);
  const rows = rowsOf(kind, header.record, body.map(({ record, info }) => ({ line: info.lines, record })), headings);
  return { organizations: kind === "organizations" ? rows : [], people: kind === "people" ? rows : [] };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return "";
  }
  return String(value);
}

async function readWorkbook(bytes: Buffer, headings: Headings): Promise<Sheets> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile("importUnreadable");
  }
  const sheets: Sheets = { organizations: [], people: [] };
  for (const sheet of workbook.worksheets) {
    const kind = headings.sheetOf(sheet.name);
    if (!kind) {
      if (sheet.actualRowCount > 0) {
        throw new UnreadableFile("importUnknownSheet", { sheet: sheet.name, organizations: headings.sheet("organizations"), people: headings.sheet("people") });
      }
      continue;
    }
    const table: { line: number; record: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const record: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (record[column - 1] = cellText(cell.value).trim()));
      table.push({ line, record: Array.from(record, (cell) => cell ?? "") });
    });
    const [header, ...body] = table;
    if (header) sheets[kind] = rowsOf(kind, header.record, body, headings);
  }
  return sheets;
}

/** The file's rows by kind; throws UnreadableFile when it is not a workbook or CSV of these columns. */
export async function readImportFile(fileName: string, bytes: Buffer, headings: Headings): Promise<Sheets> {
  const isWorkbook = /\.xlsx$/i.test(fileName) || bytes.subarray(0, 2).toString("latin1") === "PK";
  const sheets = isWorkbook ? await readWorkbook(bytes, headings) : readCsv(bytes.toString("utf8"), headings);
  if (sheets.organizations.length + sheets.people.length === 0) throw new UnreadableFile("importEmpty");
  return sheets;
}

/** An empty template, named in the requester's words: a workbook with both sheets, or the CSV of one kind. */
export async function importTemplate(format: "xlsx" | "csv", kind: SheetKind, examples: Record<SheetKind, string[][]>, headings: Headings) {
  const header = (sheetKind: SheetKind) => COLUMNS[sheetKind].map((column) => headings.column(column));
  if (format === "csv") return Buffer.from(toCsv([header(kind), ...examples[kind]], { byteOrderMark: true }), "utf8");
  const workbook = new ExcelJS.Workbook();
  for (const sheetKind of SHEET_KINDS) {
    const sheet = workbook.addWorksheet(headings.sheet(sheetKind));
    sheet.addRow(header(sheetKind)).font = { bold: true };
    for (const example of examples[sheetKind]) sheet.addRow(example);
    sheet.columns.forEach((column) => (column.width = 28));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
