/*
 * The one CSV writer of the application (contributions export and template, progress-report
 * sections): RFC 4180 quoting and protection against formula injection.
 */

/**
 * Text a spreadsheet program could read as a formula or a command: = + - @ start a formula in Excel,
 * LibreOffice and Google Sheets, and a leading tab or carriage return is trimmed by some of them so
 * that the character after it starts one (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number written with a fixed count of decimals; data like every number, never text. */
export interface CsvFixed {
  readonly fixed: string;
}

/**
 * A money amount for a CSV: a plain number with exactly two decimals (13977.50), which every
 * parser reads as a number and which shows the cents as the page does; no symbol or thousands
 * separator, which would make it text to a program. The file says the currency in the heading.
 */
export const csvAmount = (value: number): CsvFixed => ({ fixed: value.toFixed(2) });

export type CsvField = string | number | null | CsvFixed;

/**
 * One field: null is blank, numbers (fixed-decimal amounts too) are written as they are (a
 * negative number is data, not a formula), and text that could start a formula gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate. Fields with a quote, comma or
 * line break are quoted.
 */
export function csvCell(value: CsvField): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.fixed;
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as RFC 4180 text with CRLF line ends (and a last CRLF); `byteOrderMark` helps spreadsheets read UTF-8. */
export function toCsv(rows: readonly (readonly CsvField[])[], { byteOrderMark = false } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(",")).join("\r\n");
  return `${byteOrderMark ? "\uFEFF" : ""}${body}\r\n`;
}
