import ExcelJS from "exceljs";
import { CsvError, parse } from "csv-parse/sync";
import { toCsv } from "@/server/lib/csv";

/*
 * The import files of a task force's organizations and people: a workbook with a sheet of each (the
 * template), or a CSV file of one of them, told apart by its columns. What is read here is text by
 * column name and line; what the text means is onboarding.rows.ts's business.
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
const COLUMNS: Record<SheetKind, readonly string[]> = { organizations: ORGANIZATION_COLUMNS, people: PEOPLE_COLUMNS };

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
function rowsOf(kind: SheetKind, header: string[], body: { line: number; record: string[] }[]): SheetRow[] {
  const names = header.map((name) => name.trim().toLowerCase().replace(/\s+/g, "_"));
  const known = new Set(COLUMNS[kind]);
  const unknown = names.filter((name) => name && !known.has(name));
  if (unknown.length > 0) throw new UnreadableFile("importUnknownColumn", { columns: unknown.join(", "), sheet: kind });
  const key = COLUMNS[kind][0]!;
  if (!names.includes(key)) throw new UnreadableFile("importNoKeyColumn", { column: key, sheet: kind });
  return body
    .map(({ line, record }) => ({
      line,
      cells: Object.fromEntries(names.map((name, index) => [name, (record[index] ?? "").trim()]).filter(([name]) => name)),
    }))
    .filter((row) => Object.values(row.cells).some((cell) => cell !== ""));
}

/** The kind a lone CSV table is, by its columns: people have an email column, organizations do not. */
function kindOfHeader(header: string[]): SheetKind {
  return header.some((name) => name.trim().toLowerCase() === "email") ? "people" : "organizations";
}

function readCsv(text: string): Sheets {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new UnreadableFile("importUnreadable");
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new UnreadableFile("importEmpty");
  const kind = kindOfHeader(header.record);
  const rows = rowsOf(kind, header.record, body.map(({ record, info }) => ({ line: info.lines, record })));
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

async function readWorkbook(bytes: Buffer): Promise<Sheets> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile("importUnreadable");
  }
  const sheets: Sheets = { organizations: [], people: [] };
  for (const sheet of workbook.worksheets) {
    const name = sheet.name.trim().toLowerCase();
    if (name !== "organizations" && name !== "people") {
      if (sheet.actualRowCount > 0) throw new UnreadableFile("importUnknownSheet", { sheet: sheet.name });
      continue;
    }
    const table: { line: number; record: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const record: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (record[column - 1] = cellText(cell.value).trim()));
      table.push({ line, record: Array.from(record, (cell) => cell ?? "") });
    });
    const [header, ...body] = table;
    if (header) sheets[name] = rowsOf(name, header.record, body);
  }
  return sheets;
}

/** The file's rows by kind; throws UnreadableFile when it is not a workbook or CSV of these columns. */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<Sheets> {
  const isWorkbook = /\.xlsx$/i.test(fileName) || bytes.subarray(0, 2).toString("latin1") === "PK";
  const sheets = isWorkbook ? await readWorkbook(bytes) : readCsv(bytes.toString("utf8"));
  if (sheets.organizations.length + sheets.people.length === 0) throw new UnreadableFile("importEmpty");
  return sheets;
}

/** An empty template: a workbook with both sheets, or the CSV of one kind. */
export async function importTemplate(format: "xlsx" | "csv", kind: SheetKind, examples: Record<SheetKind, string[][]>) {
  if (format === "csv") return Buffer.from(toCsv([[...COLUMNS[kind]], ...examples[kind]], { byteOrderMark: true }), "utf8");
  const workbook = new ExcelJS.Workbook();
  for (const sheetKind of ["organizations", "people"] as const) {
    const sheet = workbook.addWorksheet(sheetKind);
    sheet.addRow([...COLUMNS[sheetKind]]).font = { bold: true };
    for (const example of examples[sheetKind]) sheet.addRow(example);
    sheet.columns.forEach((column) => (column.width = 28));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
