import ExcelJS from "exceljs";
import { csvAmount, toCsv, type CsvField } from "@/server/lib/csv";
import { currencyNumberFormat } from "@/server/lib/translate";
import type { ReportCell, ReportColumn, ReportContent, ReportSectionContent } from "@/db/schema";

/*
 * A generated report as files: XLSX with one sheet per section (numbers as numbers, money as
 * numbers in a currency format, dates as real dates) and CSV per section. Both carry what the
 * print view shows: the table, then the section's totals. File names say task force, period and
 * the day it was made.
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

/** Sheet names: at most 31 characters and none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}

export async function reportToXlsx(content: ReportContent, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Task Force Roadmap";
  workbook.created = generatedAt;
  workbook.title = content.title;
  for (const section of content.sections) addSheet(workbook, section);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, section: ReportSectionContent) {
  const sheet = workbook.addWorksheet(sheetName(section.title));
  sheet.columns = section.columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.type === "text" ? 40 : 16,
    style: column.type === "date" ? { numFmt: "yyyy-mm-dd" } : column.type === "number" ? { numFmt: "0.##" } : column.type === "money" ? { numFmt: currencyNumberFormat(column.currency) } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of section.rows) {
    sheet.addRow(Object.fromEntries(section.columns.map((column) => [column.key, xlsxValue(column, row[column.key] ?? null)])));
  }
  if (section.totals.length > 0) {
    sheet.addRow([]);
    for (const total of section.totals) sheet.addRow([total.label, total.value]).getCell(1).font = { italic: true };
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
 * the first column, figure in the second). Every record is as wide as the heading, as RFC 4180
 * asks, so a strict parser reads the totals too.
 */
export function sectionToCsv(section: ReportSectionContent): string {
  const padded = (fields: CsvField[]) => [...fields, ...Array<null>(Math.max(0, section.columns.length - fields.length)).fill(null)];
  const totals = section.totals.length > 0 ? [padded([]), ...section.totals.map((total) => padded([total.label, total.value]))] : [];
  return toCsv([
    section.columns.map((column) => column.header),
    ...section.rows.map((row) => section.columns.map((column) => csvValue(column, row[column.key] ?? null))),
    ...totals,
  ]);
}
