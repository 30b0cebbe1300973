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

/**
 * One field: null is blank, numbers are written as they are (a negative number is data, not a
 * formula), and text that could start a formula gets a leading apostrophe, which spreadsheets show
 * as text and do not evaluate. Fields with a quote, comma or line break are quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as RFC 4180 text with CRLF line ends (and a last CRLF); `byteOrderMark` helps spreadsheets read UTF-8. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[], { byteOrderMark = false } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(",")).join("\r\n");
  return `${byteOrderMark ? "\uFEFF" : ""}${body}\r\n`;
}
