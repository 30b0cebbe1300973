"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { FrameworkStage } from "@/db/schema";

/**
 * A calendar date (YYYY-MM-DD, the task force's local date with no time of day) in the person's
 * locale. Read at noon UTC and shown in UTC, so no time zone can move it to the day before.
 */
export function CalendarDate({ value }: { value: string }) {
  const format = useFormatter();
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" })}</time>;
}

export function useCalendarDate() {
  const format = useFormatter();
  return (value: string) => {
    const date = new Date(`${value}T12:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  };
}

/** A stage or level as text: a whole stage with its name ("3 (Implementing)"), a half stage or mean as a number. */
export function useStageText(stages: readonly FrameworkStage[] = []) {
  const format = useFormatter();
  const t = useTranslations("assessmentResults");
  return (value: number | null | undefined, options: { withName?: boolean } = {}) => {
    if (value === null || value === undefined) return t("noValue");
    const number = format.number(value, { maximumFractionDigits: 1 });
    const name = options.withName !== false && Number.isInteger(value) ? stages.find((stage) => stage.number === value)?.name : undefined;
    return name ? t("stageWithName", { stage: number, name }) : number;
  };
}

/** A level (a mean or median) as a number with at most one decimal. */
export function useLevelText() {
  const format = useFormatter();
  const t = useTranslations("assessmentResults");
  return (value: number | null | undefined) =>
    value === null || value === undefined ? t("noValue") : format.number(value, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}
