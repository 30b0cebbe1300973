import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, recordAudit } from "@/server/domains/audit/audit.service";
import { attendanceRate, coreDisciplinesAbsent, disciplinesPresent, isAtTheTable, monthOf, quarterOf } from "./meetings.rules";
import { findCoreDisciplines, listHeldAttendance, listHeldMeetings, listRecentFullMeetingCoverage, updateCoreDisciplines } from "./meetings.queries";
import type { SetCoreDisciplinesInput } from "./meetings.schemas";
import { CORE_ABSENCE_WINDOW } from "./meetings.service";

/*
 * Meetings over time for the dashboard and reports: meetings per quarter by type, attendance rate,
 * discipline coverage and the core disciplines missing from recent full meetings.
 */

/* ---------- analytics ---------- */

/**
 * Charts and the dashboard's meeting widget are built, for a funder, from the meetings whose
 * minutes were shared with them only: a chart of every meeting would show the title, date and
 * attendance of meetings they may not open (and link to pages that answer 404).
 */
const meetingVisibility = (scope: TaskForceScope) => ({ sharedWithFundersOnly: !can(scope.role, "memberRecords.readUnshared") });

/** Meetings per quarter by type, attendance rate by month, discipline coverage and attendance by organization. */
export async function getMeetingStats(scope: TaskForceScope) {
  const db = await getDb();
  const visibility = meetingVisibility(scope);
  const [held, rows, coreDisciplines] = await Promise.all([
    listHeldMeetings(db, scope.taskForceId, visibility),
    listHeldAttendance(db, scope.taskForceId, visibility),
    findCoreDisciplines(db, scope.taskForceId),
  ]);
  const timeZone = scope.timeZone;
  const byMeeting = new Map<string, typeof rows>();
  for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);

  const perQuarter = new Map<string, Record<string, number>>();
  const perMonth = new Map<string, (typeof rows)[number]["status"][]>();
  for (const meeting of held) {
    const quarter = quarterOf(meeting.startsAt, timeZone);
    const counts = perQuarter.get(quarter) ?? {};
    counts[meeting.type] = (counts[meeting.type] ?? 0) + 1;
    perQuarter.set(quarter, counts);
    const month = monthOf(meeting.startsAt, timeZone);
    perMonth.set(month, [...(perMonth.get(month) ?? []), ...(byMeeting.get(meeting.id) ?? []).map((row) => row.status)]);
  }

  const coverage = held
    .filter((meeting) => meeting.type === "full_task_force")
    .map((meeting) => ({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      disciplines: disciplinesPresent(byMeeting.get(meeting.id) ?? []),
    }));

  const organizations = new Map<string, { organizationId: string; name: string; present: number; absent: number; excused: number; lastPresentAt: Date | null }>();
  const startOf = new Map(held.map((meeting) => [meeting.id, meeting.startsAt]));
  for (const row of rows) {
    if (!row.organizationId || !row.organizationName) continue;
    const entry = organizations.get(row.organizationId) ?? { organizationId: row.organizationId, name: row.organizationName, present: 0, absent: 0, excused: 0, lastPresentAt: null };
    if (isAtTheTable(row.status)) {
      entry.present += 1;
      const startsAt = startOf.get(row.meetingId) ?? null;
      if (startsAt && (!entry.lastPresentAt || startsAt > entry.lastPresentAt)) entry.lastPresentAt = startsAt;
    } else if (row.status === "absent") entry.absent += 1;
    else entry.excused += 1;
    organizations.set(row.organizationId, entry);
  }

  return {
    timeZone,
    coreDisciplines,
    meetingsPerQuarter: [...perQuarter.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, counts]) => ({ quarter, counts })),
    attendanceRateByMonth: [...perMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, statuses]) => ({ month, rate: attendanceRate(statuses) })),
    coverage,
    attendanceByOrganization: [...organizations.values()].sort((a, b) => b.present - a.present || a.name.localeCompare(b.name)),
  };
}

/**
 * The dashboard's view of the last three held full task-force meetings: each one's attendance rate
 * and disciplines at the table, the rate across them, and the alert for core disciplines missing
 * from every one of them.
 */
export async function getRecentFullMeetings(scope: TaskForceScope) {
  const db = await getDb();
  const [coreDisciplines, recent] = await Promise.all([
    findCoreDisciplines(db, scope.taskForceId),
    listRecentFullMeetingCoverage(db, scope.taskForceId, CORE_ABSENCE_WINDOW, meetingVisibility(scope)),
  ]);
  const meetings = recent.map((meeting) => ({
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    presentDisciplines: disciplinesPresent(meeting.attendance),
    attendanceRate: attendanceRate(meeting.attendance.map((row) => row.status)),
  }));
  return {
    coreDisciplines,
    window: CORE_ABSENCE_WINDOW,
    meetings,
    attendanceRate: attendanceRate(recent.flatMap((meeting) => meeting.attendance.map((row) => row.status))),
    absent: coreDisciplinesAbsent(coreDisciplines, meetings, CORE_ABSENCE_WINDOW),
  };
}

export function setCoreDisciplines(scope: TaskForceScope, input: SetCoreDisciplinesInput) {
  return inTransaction(async (tx) => {
    const before = await findCoreDisciplines(tx, scope.taskForceId);
    const after = [...new Set(input.disciplines)];
    await updateCoreDisciplines(tx, scope.taskForceId, after);
    await recordAudit(tx, auditedBy(scope), { entity: "taskForce", entityId: scope.taskForceId, action: "setCoreDisciplines", changes: { coreDisciplines: { from: before, to: after } } });
  });
}
