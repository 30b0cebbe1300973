"use client";

import { useFormatter } from "next-intl";

/**
 * A calendar date stored as YYYY-MM-DD (a round's opening or closing day in the task force's own
 * calendar). It has no time and no zone, so it is formatted as that very day, never shifted by one
 * through a time-zone conversion.
 */
export function CalendarDay({ value }: { value: string }) {
  const format = useFormatter();
  return <time dateTime={value}>{format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })}</time>;
}
