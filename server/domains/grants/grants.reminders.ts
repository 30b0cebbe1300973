import { addDays } from "@/server/lib/dates";
import { listActiveCoordinators } from "@/server/domains/notifications";
import type { Reminder, ReminderSource } from "@/server/domains/notifications/reminders";
import { listGrants, listReportedPeriodEnds } from "./grants.queries";
import { reportingPeriods } from "./grants.rules";

/** How many days before its due date a progress report is first announced. */
export const REPORT_DUE_NOTICE_DAYS = 14;

/**
 * The reminder job's source for grant progress reports: a period of an award without a generated
 * report is announced to the coordinators two weeks before its due date, and once more when it is
 * overdue (with the date after which funds may be withheld). Each once per award, period and person.
 */
export const grantReportReminders: ReminderSource = async (tx, taskForce, today) => {
  const grants = await listGrants(tx, [taskForce.id]);
  if (grants.length === 0) return [];
  const reported = await listReportedPeriodEnds(tx, [taskForce.id]);
  const reportedOf = new Set(reported.map((row) => `${row.grantId}:${row.periodEnd}`));
  const pending: { grantId: string; awardNumber: string; end: string; dueOn: string; suspensionOn: string; overdue: boolean }[] = [];
  for (const grant of grants) {
    for (const period of reportingPeriods(grant)) {
      if (period.end >= today || reportedOf.has(`${grant.id}:${period.end}`)) continue;
      if (today < addDays(period.dueOn, -REPORT_DUE_NOTICE_DAYS)) continue;
      pending.push({ grantId: grant.id, awardNumber: grant.awardNumber, end: period.end, dueOn: period.dueOn, suspensionOn: period.suspensionOn, overdue: period.dueOn < today });
    }
  }
  if (pending.length === 0) return [];
  const coordinators = await listActiveCoordinators(tx, taskForce.id);
  const link = `/tf/${taskForce.slug}/grants`;
  const reminders: Reminder[] = [];
  for (const report of pending) {
    const kind = report.overdue ? "grantReportOverdue" : "grantReportDue";
    const values = { awardNumber: report.awardNumber, periodEnd: report.end, dueOn: report.dueOn, suspensionOn: report.suspensionOn };
    for (const person of coordinators) {
      reminders.push({
        notification: { taskForceId: taskForce.id, userId: person.userId, kind, values, link, dedupeKey: `${kind}:${report.grantId}:${report.end}:${person.userId}` },
        overdue: report.overdue,
      });
    }
  }
  return reminders;
};
