import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { roundClosingReminders } from "@/server/domains/assessments/assessments.notices";
import { collectUnsubmittedContributionReminders } from "@/server/domains/contributions/contributions.reminders";
import { dueActionItems } from "@/server/domains/actionItems/actionItems.reminders";
import { dueGaps } from "@/server/domains/gaps/gaps.reminders";
import { grantReportReminders } from "@/server/domains/grants/grants.reminders";
import { protocolReviewReminders } from "@/server/domains/protocols/protocols.reminders";
import { mouRenewalReminders } from "@/server/domains/mous/mous.reminders";
import { insertNotifications, sendNoticeDigest, sendNoticeEmailsNow } from "@/server/domains/notifications";
import type { Reminder, ReminderSource, ReminderTaskForce } from "@/server/domains/notifications/reminders";
import { listAllTaskForces } from "@/server/domains/taskForces";
import { dateInZone } from "@/server/lib/dates";
import { currentTime } from "@/server/lib/clock";

/*
 * The daily reminder digest, run by the scheduler (jobs.scheduler.ts) once per task force and local
 * date, or by `npm run jobs -- reminders`. For one task force it asks each reminder source what is
 * due, on the task force's own date: rounds closing soon (assessments.notices.ts), gaps and actions (gaps.reminders.ts), MOU renewals
 * (mous.reminders.ts), unsubmitted contributions (contributions.reminders.ts), grant progress reports
 * (grants.reminders.ts) and protocol reviews (protocols.reminders.ts).
 * In-app notices always; by email as each person chose for the topic (none, at once, or in this
 * digest, one email per person with the day's other digest notices of the task force). The
 * notices' dedupe keys make it idempotent, and the outbox (notifications/noticeMail.service.ts)
 * claims each notice before emailing it, after the insert committed, so a run that crashes and is
 * run again never emails anyone twice (at worst an email of the crashed run is not sent; its
 * in-app notice stands).
 */

export interface ReminderSummary {
  notified: number;
  dueSoon: number;
  overdue: number;
  emailed: number;
  emailFailed: number;
}

export const emptyReminderSummary = (): ReminderSummary => ({ notified: 0, dueSoon: 0, overdue: 0, emailed: 0, emailFailed: 0 });

/** Every source the job asks, in this order; a new kind of reminder is one more entry. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [
  roundClosingReminders,
  dueActionItems,
  dueGaps,
  mouRenewalReminders,
  collectUnsubmittedContributionReminders,
  grantReportReminders,
  protocolReviewReminders,
];

/** The digest of one task force on its local date at `now`. */
export async function remindTaskForce(taskForce: ReminderTaskForce, now = currentTime()): Promise<ReminderSummary> {
  const today = dateInZone(now, taskForce.timeZone);
  const sent = await inTransaction(async (tx) => {
    const pending: Reminder[] = [];
    for (const source of REMINDER_SOURCES) pending.push(...(await source(tx, taskForce, today)));
    const inserted = await insertNotifications(
      tx,
      pending.map((item) => item.notification),
    );
    const newKeys = new Set(inserted.map((row) => row.dedupeKey));
    const fresh = pending.filter((item) => newKeys.has(item.notification.dedupeKey));
    if (fresh.length > 0) {
      await recordAudit(tx, { taskForceId: taskForce.id, actorUserId: null }, {
        entity: "reminders",
        entityId: today,
        action: "send",
        changes: { notified: { from: null, to: fresh.length } },
      });
    }
    return fresh;
  });
  const summary = emptyReminderSummary();
  summary.notified = sent.length;
  summary.overdue = sent.filter((item) => item.overdue).length;
  summary.dueSoon = sent.length - summary.overdue;
  for (const mail of [await sendNoticeDigest(taskForce.id, now), await sendNoticeEmailsNow(now)]) {
    summary.emailed += mail.emailed;
    summary.emailFailed += mail.emailFailed;
  }
  return summary;
}

export function addReminderSummaries(total: ReminderSummary, one: ReminderSummary): ReminderSummary {
  return {
    notified: total.notified + one.notified,
    dueSoon: total.dueSoon + one.dueSoon,
    overdue: total.overdue + one.overdue,
    emailed: total.emailed + one.emailed,
    emailFailed: total.emailFailed + one.emailFailed,
  };
}

/** The digest of every task force at once, unrecorded (tests and callers that need no job run). */
export async function runReminders(now = currentTime()): Promise<ReminderSummary & { taskForces: number }> {
  let total = emptyReminderSummary();
  const taskForces = await listAllTaskForces(await getDb());
  for (const taskForce of taskForces) total = addReminderSummaries(total, await remindTaskForce(taskForce, now));
  return { taskForces: taskForces.length, ...total };
}
