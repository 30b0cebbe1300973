"use client";

import { useFormatter } from "next-intl";

/** A date (and time) in the person's locale and the task force's time zone, machine-readable too. */
export function DateTime({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  const format = useFormatter();
  return (
    <time dateTime={value.toISOString()}>
      {format.dateTime(value, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" })}
    </time>
  );
}
