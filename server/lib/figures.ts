import type { createFormatter } from "next-intl";
import type { ReportCell, ReportColumn } from "@/db/schema";

/*
 * How a progress report's figures read as text, wherever they are written: the report's page and
 * its PDF both take them from here, so "$13,977.50", "+12", "-66.7%" and "Jun 30, 2026" look the
 * same in both (the XLSX and CSV keep numbers as numbers). Pure: the caller hands in next-intl's
 * formatter for its locale (the page's request; serverFormatter for a file made on the server).
 */

export type Formatter = ReturnType<typeof createFormatter>;

/** What a figure is, for formatting: a table column's kind, or a plain number (the totals). */
export type FigureKind = Pick<ReportColumn, "type"> & { currency?: string };
export const PLAIN_FIGURE: FigureKind = { type: "number" };
export const PERCENT_FIGURE: FigureKind = { type: "percent" };

/** A column beside a compared figure that holds its change (a difference, or one in percent): shown with its sign. */
export const isChangeColumn = (column: ReportColumn) => column.comparison !== undefined && column.comparison.role !== "previous";

/** A number as its kind reads: money with its currency and cents, a percentage of percent points, else up to two decimals; a change signed ("+12", "-3", "0"). */
export function formatFigure(format: Formatter, kind: FigureKind, value: number, signed = false): string {
  const sign = signed ? ({ signDisplay: "exceptZero" } as const) : {};
  if (kind.type === "money" && kind.currency) return format.number(value, { style: "currency", currency: kind.currency, ...sign });
  if (kind.type === "percent") return format.number(value / 100, { style: "percent", maximumFractionDigits: 1, ...sign });
  return format.number(value, { maximumFractionDigits: 2, ...sign });
}

/**
 * A calendar date (YYYY-MM-DD, a task force's local date with no time of day) in the locale. Read at
 * noon UTC and shown in UTC, so no time zone can move it to the day before.
 */
export function formatCalendarDate(format: Formatter, value: string): string {
  const date = new Date(`${value}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
}

/** An instant (when a report was generated) as a date and a time of day in `timeZone`. */
export function formatInstant(format: Formatter, value: Date, timeZone: string): string {
  return format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone });
}

/** A cell as text: blank reads `noValue`, a date in the locale, a number by its kind, text (the suppression word too) as it is. */
export function formatCell(format: Formatter, kind: FigureKind, value: ReportCell | undefined, noValue: string, signed = false): string {
  if (value === null || value === undefined || value === "") return noValue;
  if (typeof value === "number") return formatFigure(format, kind, value, signed);
  return kind.type === "date" ? formatCalendarDate(format, value) : value;
}
