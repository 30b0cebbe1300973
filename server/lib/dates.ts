/*
 * Calendar dates as YYYY-MM-DD strings. A task force's "today" is a date in its own time zone, never
 * UTC's: from 00:00 to 06:00 UTC, UTC's date is already tomorrow in Chicago.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The Intl.DateTimeFormat for a locale and options, built once per process: building one costs
 * far more than formatting with it, and a page reads "today" in the task force's zone many times.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) at `instant` in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** A calendar date plus `days` (negative to go back), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
