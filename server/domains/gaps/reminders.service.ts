import { getDb, transaction, type Database } from "@/db/client";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { collectUnsubmittedContributionReminders } from "@/server/domains/contributions/contributions.reminders";
import { mouRenewalReminders } from "@/server/domains/mous/mous.reminders";
import { insertNotifications } from "@/server/domains/notifications/notifications.queries";
import { digest, digestLine, type Reminder, type ReminderSource, type ReminderTaskForce } from "@/server/domains/notifications/reminders";
import { listAllTaskForces } from "@/server/domains/taskForces/taskForces.queries";
import { DUE_SOON_DAYS } from "./gaps.rules";
import { addDays, dateInZone } from "@/server/lib/dates";
import { listActionItemsDueBy, listGapsDueBy } from "./gaps.queries";
import { currentTime } from "@/server/lib/clock";

/*
 * The reminder digest behind `npm run jobs -- reminders`, meant for cron. For every task force it
 * asks each reminder source what is due: unfinished action items (to their assignee) and open gaps
 * (to their owner) overdue or due within 7 days; MOUs coming up for renewal (mous.reminders.ts);
 * unsubmitted contributions of the last ended period (contributions.reminders.ts).
 * In-app notices always, one email per person when SMTP is configured. Dedupe keys make it
 * idempotent: "due soon" is sent once per item, person and due date; "overdue" once per item,
 * person and day. Email goes only to people with a new notice.
 */

export interface ReminderSummary {
  taskForces: number;
  notified: number;
  dueSoon: number;
  overdue: number;
  emailed: number;
  emailFailed: number;
}

interface DueRow {
  id: string;
  title: string;
  dueOn: string | null;
  userId: string;
  email: string;
  name: string;
}

type ReminderKind = "actionItemDueSoon" | "actionItemOverdue" | "gapDueSoon" | "gapOverdue";

function reminderOf(row: DueRow, what: "actionItem" | "gap", taskForce: ReminderTaskForce, today: string): Reminder {
  const overdue = row.dueOn !== null && row.dueOn < today;
  const kind: ReminderKind = `${what}${overdue ? "Overdue" : "DueSoon"}`;
  const dedupeKey = overdue ? `${kind}:${row.id}:${row.userId}:${today}` : `${kind}:${row.id}:${row.userId}:${row.dueOn}`;
  const link = what === "gap" ? `/tf/${taskForce.slug}/gaps/${row.id}` : `/tf/${taskForce.slug}/actions`;
  return {
    notification: { taskForceId: taskForce.id, userId: row.userId, kind, values: { title: row.title, dueOn: row.dueOn ?? "" }, link, dedupeKey },
    email: row.email,
    overdue,
    line: digestLine(digest(overdue ? "lineOverdue" : "lineDueSoon", { dueOn: row.dueOn ?? "", title: row.title }), link),
  };
}

/** Gaps and action items due within 7 days or overdue. */
const dueGapsAndActions: ReminderSource = async (tx: Database, taskForce, today) => {
  const until = addDays(today, DUE_SOON_DAYS);
  const [actions, gaps] = await Promise.all([listActionItemsDueBy(tx, taskForce.id, until), listGapsDueBy(tx, taskForce.id, until)]);
  return [...actions.map((row) => reminderOf(row, "actionItem", taskForce, today)), ...gaps.map((row) => reminderOf(row, "gap", taskForce, today))];
};

/** Every source the job asks, in this order; a new kind of reminder is one more entry. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [dueGapsAndActions, mouRenewalReminders, collectUnsubmittedContributionReminders];

export async function runReminders(now = currentTime()): Promise<ReminderSummary> {
  const db = await getDb();
  const summary: ReminderSummary = { taskForces: 0, notified: 0, dueSoon: 0, overdue: 0, emailed: 0, emailFailed: 0 };
  for (const taskForce of await listAllTaskForces(db)) {
    summary.taskForces += 1;
    const today = dateInZone(now, taskForce.timeZone);
    const sent = await transaction(async (tx) => {
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
    summary.notified += sent.length;
    summary.overdue += sent.filter((item) => item.overdue).length;
    summary.dueSoon += sent.filter((item) => !item.overdue).length;
    if (sent.length > 0 && isEmailConfigured()) {
      const byEmail = new Map<string, Reminder[]>();
      for (const item of sent) byEmail.set(item.email, [...(byEmail.get(item.email) ?? []), item]);
      for (const [email, items] of byEmail) {
        if (await trySendDigest(email, taskForce.name, items)) summary.emailed += 1;
        else summary.emailFailed += 1;
      }
    }
  }
  return summary;
}

async function trySendDigest(email: string, taskForceName: string, items: Reminder[]): Promise<boolean> {
  try {
    await sendMail({
      to: email,
      subject: digest("subject", { count: items.length, taskForce: taskForceName }),
      text: `${digest("intro", { taskForce: taskForceName })}\n\n${items.map((item) => item.line).join("\n")}\n`,
    });
    return true;
  } catch (error) {
    // The in-app notice stands; one failed email must not stop the digest for everyone else.
    console.error("Sending a reminder digest failed:", error instanceof Error ? error.message : error);
    return false;
  }
}
