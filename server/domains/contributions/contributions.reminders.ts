import type { Database } from "@/server/lib/unitOfWork";
import { addDays } from "@/server/lib/dates";
import type { Reminder } from "@/server/domains/notifications/reminders";
import { listOrganizationStaff, listReportingOrganizations, listReportsOfPeriods } from "./contributions.queries";
import { dueReportOf } from "./contributions.due";
import { settingsOf } from "./contributions.service";

/** How many days before its due date a period's report is first asked for. */
export const CONTRIBUTIONS_DUE_SOON_DAYS = 7;

/**
 * The nightly reminder job's source for unsubmitted contributions, for one task force on `today`
 * (its local date). For the last ended period: from a week before the due date, every active member
 * account of an organization without a submitted report is reminded once ("due soon"), and once
 * more after the due date has passed ("overdue"). Dedupe keys make repeated runs send nothing twice.
 * Shaped as a ReminderSource, so it is one entry of the job's REMINDER_SOURCES.
 */
export async function collectUnsubmittedContributionReminders(
  tx: Database,
  taskForce: { id: string; slug: string },
  today: string,
): Promise<Reminder[]> {
  const { period, dueOn } = dueReportOf(await settingsOf(tx, taskForce.id), today);
  if (today < addDays(dueOn, -CONTRIBUTIONS_DUE_SOON_DAYS)) return [];
  const overdue = today > dueOn;
  const [organizations, reports] = await Promise.all([listReportingOrganizations(tx, [taskForce.id], period), listReportsOfPeriods(tx, [taskForce.id], [period.key])]);
  const submitted = new Set(reports.filter((report) => report.status === "submitted").map((report) => report.organizationId));
  const missing = organizations.filter((organization) => !submitted.has(organization.id)).map((organization) => organization.id);
  const staff = await listOrganizationStaff(tx, taskForce.id, missing);
  const kind = overdue ? "contributionsOverdue" : "contributionsDueSoon";
  const values = { period: period.key, dueOn };
  const link = `/tf/${taskForce.slug}/contributions/${period.key}`;
  return staff.map((person) => ({
    notification: {
      taskForceId: taskForce.id,
      userId: person.userId,
      kind,
      values,
      link,
      dedupeKey: `${kind}:${period.key}:${person.organizationId}:${person.userId}`,
    },
    overdue,
  }));
}
