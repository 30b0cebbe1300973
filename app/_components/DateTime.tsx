"use client";

import { useFormatter } from "next-intl";
import { formatCalendarDate } from "@/server/lib/figures";

/** A date (and time) in the person's locale and the task force's time zone, machine-readable too. */
export function DateTime({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  const format = useFormatter();
  return (
    <time dateTime={value.toISOString()}>
      {format.dateTime(value, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" })}
    </time>
  );
}

/**
 * A calendar date (YYYY-MM-DD, the task force's local date with no time of day) in the person's
 * locale, as files made on the server write it (server/lib/figures.ts).
 */
export function CalendarDate({ value }: { value: string }) {
  const calendarDate = useCalendarDate();
  return <time dateTime={value}>{calendarDate(value)}</time>;
}

/** The text of a calendar date, as CalendarDate shows it (for attributes, options and sentences). */
export function useCalendarDate() {
  const format = useFormatter();
  return (value: string) => formatCalendarDate(format, value);
}
