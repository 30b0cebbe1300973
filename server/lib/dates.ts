/*
 * Calendar dates as YYYY-MM-DD strings. A task force's "today" is a date in its own time zone, never
 * UTC's: from 00:00 to 06:00 UTC, UTC's date is already tomorrow in Chicago.
 */

/** The calendar date (YYYY-MM-DD) at `instant` in an IANA time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** A calendar date plus `days` (negative to go back), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
