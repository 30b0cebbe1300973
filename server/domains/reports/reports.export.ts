import ExcelJS from "exceljs";
import { csvAmount, toCsv, type CsvField } from "@/server/lib/csv";
import { currencyNumberFormat } from "@/server/lib/translate";
import type { ReportCell, ReportColumn, ReportContent, ReportSectionContent, ReportTotal } from "@/db/schema";

/*
 * A generated report as files: XLSX with one sheet per section (numbers as numbers, money as
 * numbers in a currency format, dates as real dates) and CSV per section. Both carry what the
 * print view shows: the table, then the section's totals (under their own heading when they are
 * compared with the previous period). File names say task force, period and the day it was made.
 */

export type ReportFormat = "xlsx" | "csv";

export function reportFileName(content: Pick<ReportContent, "taskForceSlug" | "period">, generatedOn: string, extension: string, sectionKey?: string): string {
  const parts = [content.taskForceSlug, "progress-report", `${content.period.start}_to_${content.period.end}`, sectionKey, `generated-${generatedOn}`];
  return `${parts.filter(Boolean).join("_")}.${extension}`;
}

/** A cell as the spreadsheet should hold it: dates become Date objects (UTC midnight), the rest stays. */
function xlsxValue(column: ReportColumn, value: ReportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A format whose positive numbers carry a plus sign, as a change is shown ("+12", "-3", "0"). */
const signed = (format: string) => `+${format};-${format};${format}`;
const PERCENT_FORMAT = 'General"%"';

/** How a column's numbers look in the sheet; a change shows its sign. */
function numberFormat(column: ReportColumn): string | undefined {
  const change = column.comparison !== undefined && column.comparison.role !== "previous";
  switch (column.type) {
    case "date":
      return "yyyy-mm-dd";
    case "number":
      return change ? signed("General") : "0.##";
    case "percent":
      return change ? signed(PERCENT_FORMAT) : PERCENT_FORMAT;
    case "money":
      return change ? signed(currencyNumberFormat(column.currency)) : currencyNumberFormat(column.currency);
    default:
      return undefined;
  }
}

/** The cells of a total as its row lays them out: label and figure, then, when compared, the previous figure and the changes. */
function totalCells(section: ReportSectionContent, total: ReportTotal): ReportCell[] {
  return section.totalsHeader ? [total.label, total.value, total.previous ?? null, total.change ?? null, total.changePercent ?? null] : [total.label, total.value];
}

/** Number formats of a total's cells (not the table's column underneath, which may be money). */
const TOTAL_FORMATS = ["General", "General", signed("General"), signed(PERCENT_FORMAT)] as const;

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * A section's sheet name: its own short name (written to fit), else its title, without : \ / ? * [ ]
 * (each becomes a space, and spaces run together).
 * A title too long (a report filed before sections had short names) ends at a word, with "…".
 */
function sheetName(section: ReportSectionContent): string {
  const name = (section.sheetName ?? section.title).replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  if (name.length <= MAX_SHEET_NAME) return name;
  const cut = name.slice(0, MAX_SHEET_NAME - 1);
  const wordEnd = cut.lastIndexOf(" ");
  return `${(wordEnd > 0 ? cut.slice(0, wordEnd) : cut).trimEnd()}…`;
}

export function reportToXlsx(content: ReportContent, generatedAt: Date): Promise<Buffer> {
  return sectionsToXlsx(content.title, content.sections, generatedAt);
}

/**
 * Sections as a workbook, one sheet each, laid out as a report's are: the one XLSX writer of
 * figure tables (progress reports, the funder portfolio), so they read the same in a spreadsheet.
 */
export async function sectionsToXlsx(title: string, sections: readonly ReportSectionContent[], createdAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Task Force Roadmap";
  workbook.created = createdAt;
  workbook.title = title;
  for (const section of sections) addSheet(workbook, section);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, section: ReportSectionContent) {
  const sheet = workbook.addWorksheet(sheetName(section));
  sheet.columns = section.columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.type === "text" ? 40 : 16,
    style: numberFormat(column) ? { numFmt: numberFormat(column) } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of section.rows) {
    sheet.addRow(Object.fromEntries(section.columns.map((column) => [column.key, xlsxValue(column, row[column.key] ?? null)])));
  }
  if (section.totals.length > 0) {
    sheet.addRow([]);
    if (section.totalsHeader) sheet.addRow(section.totalsHeader).font = { bold: true };
    for (const total of section.totals) {
      const row = sheet.addRow(totalCells(section, total));
      row.getCell(1).font = { italic: true };
      TOTAL_FORMATS.forEach((numFmt, index) => (row.getCell(index + 2).numFmt = numFmt));
    }
  }
}

/**
 * A CSV field: money stays a plain number for the programs that read CSV, with its two decimals
 * (the currency is in the column's heading); a CSV cannot carry a number format as the XLSX does.
 */
function csvValue(column: ReportColumn, value: ReportCell): CsvField {
  return column.type === "money" && typeof value === "number" ? csvAmount(value) : value;
}

/**
 * The section as the XLSX sheet lays it out: the table, then a blank row and the totals (label in
 * the first column, figure in the second, and when compared the previous figure and the changes
 * after it, under a heading of their own). Every record is as wide as the widest, as RFC 4180
 * asks, so a strict parser reads the totals too (compared totals can be wider than a narrow table).
 */
export function sectionToCsv(section: ReportSectionContent): string {
  const heading = section.totalsHeader ? [section.totalsHeader] : [];
  const totals = section.totals.length > 0 ? [[], ...heading, ...section.totals.map((total) => totalCells(section, total))] : [];
  const records: CsvField[][] = [
    section.columns.map((column) => column.header),
    ...section.rows.map((row) => section.columns.map((column) => csvValue(column, row[column.key] ?? null))),
    ...totals,
  ];
  const width = Math.max(...records.map((record) => record.length));
  return toCsv(records.map((record) => [...record, ...Array<null>(width - record.length).fill(null)]));
}
