import { addDays } from "@/server/lib/dates";

/*
 * Reporting periods as stable keys: "2026-Q3" for a quarter, "2026-09" for a month. Dates are
 * calendar dates (YYYY-MM-DD) in the task force's time zone; comparing them as strings is correct.
 */

export type PeriodLength = "quarter" | "month";

export interface Period {
  key: string;
  length: PeriodLength;
  /** First day of the period. */
  start: string;
  /** Last day of the period. */
  end: string;
}

/*
 * Years 1900 to 2999. Any four digits used to pass, and "0001-Q1" then made dates like "1-03-31"
 * (JavaScript reads years below 100 as 19xx) that crashed every calendar computation with a 500;
 * found by the fuzz suite.
 */
const QUARTER = /^(19\d{2}|2\d{3})-Q([1-4])$/;
const MONTH = /^(19\d{2}|2\d{3})-(0[1-9]|1[0-2])$/;
export const PERIOD_KEY_PATTERN = /^(19\d{2}|2\d{3})-(Q[1-4]|0[1-9]|1[0-2])$/;

const pad = (value: number) => String(value).padStart(2, "0");

/** The last day of a month (1-based), e.g. 2026, 2 → "2026-02-28". */
function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function build(year: number, firstMonth: number, length: PeriodLength): Period {
  const lastMonth = length === "quarter" ? firstMonth + 2 : firstMonth;
  const key = length === "quarter" ? `${year}-Q${(firstMonth + 2) / 3}` : `${year}-${pad(firstMonth)}`;
  return { key, length, start: `${year}-${pad(firstMonth)}-01`, end: lastDayOf(year, lastMonth) };
}

/** The period of a key, or null when the key is not a quarter or month key. */
export function parsePeriod(key: string): Period | null {
  const quarter = QUARTER.exec(key);
  if (quarter) return build(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, "quarter");
  const month = MONTH.exec(key);
  if (month) return build(Number(month[1]), Number(month[2]), "month");
  return null;
}

/** The period of the given length that contains `date`. */
export function periodContaining(date: string, length: PeriodLength): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return build(year, length === "quarter" ? Math.floor((month - 1) / 3) * 3 + 1 : month, length);
}

/** The period just before `period`, of the same length. */
export function previousPeriod(period: Period): Period {
  return periodContaining(addDays(period.start, -1), period.length);
}

/** `count` periods ending with the one that contains `today`, oldest first. */
export function recentPeriods(today: string, length: PeriodLength, count: number): Period[] {
  const periods = [periodContaining(today, length)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as Period));
  return periods;
}

/** The day a period's report is due: `dueDays` after it ends. */
export function dueOnOf(period: Period, dueDays: number): string {
  return addDays(period.end, dueDays);
}

/** A period that has not started yet (in the task force's time zone) cannot be reported on. */
export function isFuture(period: Period, today: string): boolean {
  return period.start > today;
}

export function hasEnded(period: Period, today: string): boolean {
  return period.end < today;
}
