import type { REPORTING_CADENCES, REQUIREMENT_STATUSES } from "@/db/schema";
import { addDays } from "@/server/lib/dates";

export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/*
 * Reporting periods. Federal progress reports (JustGrants) cover calendar half-years (Jan–Jun,
 * Jul–Dec) due 30 days after the period ends, i.e. Jul 30 and Jan 30; quarterly ones cover calendar
 * quarters, due 30 days after. An award's first and last periods are cut to its own dates.
 * JustGrants withholds funds when a report is 15 days late, so that date is shown too.
 */
const MONTHS_PER_PERIOD: Record<ReportingCadence, number> = { semiannual: 6, quarterly: 3 };
export const DAYS_TO_REPORT = 30;
export const SUSPENSION_GRACE_DAYS = 15;

export interface ReportingPeriod {
  /** First day of the period (inside the award). */
  start: string;
  /** Last day of the period (inside the award). */
  end: string;
  dueOn: string;
  /** The day after which funds may be withheld if the report is still missing. */
  suspensionOn: string;
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one (months are 1-based here).
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Every reporting period of an award, oldest first. */
export function reportingPeriods(award: { periodStart: string; periodEnd: string; reportingCadence: ReportingCadence }): ReportingPeriod[] {
  const months = MONTHS_PER_PERIOD[award.reportingCadence];
  const periods: ReportingPeriod[] = [];
  let year = Number(award.periodStart.slice(0, 4));
  // Calendar-aligned period containing the award's first day.
  let month = Math.floor((Number(award.periodStart.slice(5, 7)) - 1) / months) * months + 1;
  for (;;) {
    const calendarStart = `${year}-${String(month).padStart(2, "0")}-01`;
    if (calendarStart > award.periodEnd) break;
    const endMonth = month + months - 1;
    const calendarEnd = lastDayOfMonth(year, endMonth);
    const start = calendarStart < award.periodStart ? award.periodStart : calendarStart;
    const end = calendarEnd > award.periodEnd ? award.periodEnd : calendarEnd;
    // Due dates count from the calendar period's end, as the funder's calendar does.
    const dueOn = addDays(calendarEnd, DAYS_TO_REPORT);
    periods.push({ start, end, dueOn, suspensionOn: addDays(dueOn, SUSPENSION_GRACE_DAYS) });
    month += months;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return periods;
}

/** The report due next: the first period whose due date is today or later and that has no report yet. */
export function nextReportDue(periods: readonly ReportingPeriod[], today: string, reportedPeriodEnds: ReadonlySet<string>): ReportingPeriod | null {
  return periods.find((period) => period.dueOn >= today && !reportedPeriodEnds.has(period.end)) ?? null;
}

/** Periods that have ended (their last day is before today): the ones a report can be complete for. */
export function endedPeriods<T extends ReportingPeriod>(periods: readonly T[], today: string): T[] {
  return periods.filter((period) => period.end < today);
}

/** Whole days from `today` to `date` (negative when it has passed). */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Adds calendar months to a date, keeping the day (clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const last = Number(lastDayOfMonth(targetYear, targetMonth + 1).slice(8, 10));
  return `${targetYear}-${String(targetMonth + 1).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/* ---------- requirement status ---------- */

export interface ComputedStatus {
  status: RequirementStatus;
  /** Catalog key under `requirements.computed` and its values, saying why. */
  explanation: { key: string; values: Record<string, string | number> };
}

/**
 * The status a requirement shows: an override beats the calculation, which beats the hand-set status;
 * except that a requirement a coordinator marked not applicable to the award is not computed at all.
 */
export function effectiveStatus(requirement: { status: RequirementStatus; overrideStatus: RequirementStatus | null }, computed: ComputedStatus | null): RequirementStatus {
  if (requirement.overrideStatus) return requirement.overrideStatus;
  if (requirement.status === "not_applicable") return "not_applicable";
  return computed?.status ?? requirement.status;
}

export interface RequirementProgress {
  total: number;
  met: number;
  inProgress: number;
  notStarted: number;
  notApplicable: number;
  /** Met as a share of the applicable requirements, 0–1; null when none applies. */
  share: number | null;
}

/** Counts by status; "not applicable" requirements do not count toward the share. */
export function requirementProgress(statuses: readonly RequirementStatus[]): RequirementProgress {
  const count = (status: RequirementStatus) => statuses.filter((one) => one === status).length;
  const notApplicable = count("not_applicable");
  const met = count("met");
  const applicable = statuses.length - notApplicable;
  return {
    total: statuses.length,
    met,
    inProgress: count("in_progress"),
    notStarted: count("not_started"),
    notApplicable,
    share: applicable === 0 ? null : met / applicable,
  };
}

/** The progress of several awards together (e.g. a task force's in the funder portfolio). */
export function combineProgress(parts: readonly RequirementProgress[]): RequirementProgress {
  const sum = (field: "total" | "met" | "inProgress" | "notStarted" | "notApplicable") => parts.reduce((total, part) => total + part[field], 0);
  const total = sum("total");
  const met = sum("met");
  const notApplicable = sum("notApplicable");
  const applicable = total - notApplicable;
  return { total, met, inProgress: sum("inProgress"), notStarted: sum("notStarted"), notApplicable, share: applicable === 0 ? null : met / applicable };
}
