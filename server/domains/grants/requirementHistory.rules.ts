import type { AuditChanges } from "@/db/schema";
import { REQUIREMENT_STATUSES, type STATUS_CHANGE_SOURCES } from "@/db/vocabulary/grants";
import { dateInZone } from "@/server/lib/dates";
import { reportingPeriods, requirementProgress, type ReportingCadence, type RequirementProgress, type RequirementStatus } from "./grants.rules";

export type StatusChangeSource = (typeof STATUS_CHANGE_SOURCES)[number];

/*
 * Reading a requirement's recorded statuses back (pure): the state of an award's requirements at the
 * end of a day in the task force's zone, counts over the award's life, the sentence that sums them
 * up, and the history reconstructed for a requirement that existed before statuses were recorded.
 */

/** A recorded change, with the day it happened on in the task force's zone (see onLocalDays). */
export interface DatedChange {
  requirementId: string;
  sequence: number;
  status: RequirementStatus;
  /** YYYY-MM-DD in the task force's zone. */
  day: string;
}

/** Changes with the local day each happened on, worked out once (comparing days is then comparing strings). */
export function onLocalDays<T extends { changedAt: Date }>(changes: readonly T[], timeZone: string): (T & { day: string })[] {
  return changes.map((change) => ({ ...change, day: dateInZone(change.changedAt, timeZone) }));
}

/**
 * Each requirement's status at the end of `date`: its latest change on or before that day (latest
 * by sequence, which orders changes made in the same instant). Requirements with no change by then
 * did not exist yet and are left out.
 */
export function statusesAsOf<T extends DatedChange>(changes: readonly T[], date: string): Map<string, T> {
  const latest = new Map<string, T>();
  for (const change of changes) {
    if (change.day > date) continue;
    const held = latest.get(change.requirementId);
    if (!held || change.sequence > held.sequence) latest.set(change.requirementId, change);
  }
  return latest;
}

export interface ProgressPoint {
  date: string;
  progress: RequirementProgress;
}

/** Requirement counts by status at the end of each date. */
export function progressOn(changes: readonly DatedChange[], dates: readonly string[]): ProgressPoint[] {
  return dates.map((date) => ({ date, progress: requirementProgress([...statusesAsOf(changes, date).values()].map((change) => change.status)) }));
}

export interface HistoryDate {
  date: string;
  /** The last day of a reporting period that has ended, or today (the award still runs). */
  kind: "periodEnd" | "today";
  /** The first day of the reporting period, for a period end. */
  periodStart: string | null;
}

/**
 * The days an award's progress is shown on: the last day of each reporting period that has ended,
 * then today while the award has not ended (its last period's end is the last point once it has).
 */
export function historyDates(award: { periodStart: string; periodEnd: string; reportingCadence: ReportingCadence }, today: string): HistoryDate[] {
  const ended: HistoryDate[] = reportingPeriods(award)
    .filter((period) => period.end < today)
    .map((period) => ({ date: period.end, kind: "periodEnd", periodStart: period.start }));
  return today <= award.periodEnd ? [...ended, { date: today, kind: "today", periodStart: null }] : ended;
}

/** Every day on which something changed, up to today, and today: the finest series of the history. */
export function changeDays(changes: readonly DatedChange[], today: string): string[] {
  return [...new Set([...changes.map((change) => change.day).filter((day) => day < today), today])].sort();
}

export interface ProgressSummary {
  /** The first day shown on which the award had requirements. */
  since: string;
  /** Requirements met then, and on the last day shown. */
  metThen: number;
  metNow: number;
  /** Applicable requirements on the last day shown. */
  applicable: number;
  /** Only one day had requirements: there is no "from … to" to tell. */
  single: boolean;
}

/** What the written summary of a series says: "from 4 to 11 of 16 requirements met since January". */
export function progressSummary(points: readonly ProgressPoint[]): ProgressSummary | null {
  const first = points.find((point) => point.progress.total > 0);
  const last = points.at(-1);
  if (!first || !last) return null;
  return {
    since: first.date,
    metThen: first.progress.met,
    metNow: last.progress.met,
    applicable: last.progress.total - last.progress.notApplicable,
    single: first === last,
  };
}

/**
 * The day the past of the award's earliest recorded requirements was reconstructed (the latest
 * such day), or null when none was: before it the history rests on the audit log, or shows the
 * status each requirement had on that day, and the page says so.
 */
export function reconstructedOn(changes: readonly { source: StatusChangeSource; recordedAt: Date }[], timeZone: string): string | null {
  const latest = changes.reduce((time, change) => (change.source === "backfill" ? Math.max(time, change.recordedAt.getTime()) : time), Number.NEGATIVE_INFINITY);
  return Number.isFinite(latest) ? dateInZone(new Date(latest), timeZone) : null;
}

/* ---------- the past of a requirement recorded for the first time ---------- */

export interface AuditedChange {
  action: string;
  actorUserId: string | null;
  changes: AuditChanges;
  createdAt: Date;
}

export interface BackfilledChange {
  status: RequirementStatus;
  changedAt: Date;
  who: string | null;
  reason: string | null;
}

function statusIn(value: unknown): RequirementStatus | null {
  return (REQUIREMENT_STATUSES as readonly unknown[]).includes(value) ? (value as RequirementStatus) : null;
}

/**
 * The history of a requirement that has none recorded yet (it existed before statuses were recorded,
 * or came in by an import), from its audit entries where they tell it: a requirement set by hand was
 * created not started (or with the status its creation names) and changed by each update of its
 * status. A computed requirement's past results were never logged, so it gets one row at its
 * creation with the status it shows now, as does one whose log does not end at its current status
 * (the log is then incomplete and would tell a wrong story).
 */
export function backfilledChanges(
  requirement: { createdAt: Date; status: RequirementStatus; computed: boolean; overrideReason: string | null },
  trail: readonly AuditedChange[],
): BackfilledChange[] {
  const now: BackfilledChange[] = [{ status: requirement.status, changedAt: requirement.createdAt, who: null, reason: requirement.overrideReason }];
  const created = trail.find((entry) => entry.action === "create");
  if (requirement.computed || !created) return now;
  const replayed: BackfilledChange[] = [{ status: statusIn(created.changes.status?.to) ?? "not_started", changedAt: created.createdAt, who: created.actorUserId, reason: null }];
  for (const entry of trail) {
    const status = entry.action === "update" ? statusIn(entry.changes.status?.to) : null;
    if (status && status !== replayed.at(-1)?.status) replayed.push({ status, changedAt: entry.createdAt, who: entry.actorUserId, reason: null });
  }
  return replayed.at(-1)?.status === requirement.status ? replayed : now;
}
