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

/** Minutes `timeZone` is ahead of UTC at `instant` (negative west of Greenwich). */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  // "GMT-05:00", or "GMT" at zero; the seconds of historical local mean times are dropped (no calendar of ours reaches back to them).
  const name = dateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? "");
  if (!match) throw new RangeError(`No UTC offset for ${timeZone}`);
  const [, sign, hours, minutes] = match;
  if (!sign) return 0;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}
