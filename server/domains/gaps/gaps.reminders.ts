import type { Database } from "@/server/lib/unitOfWork";
import type { Reminder, ReminderSource, ReminderTaskForce } from "@/server/domains/notifications/reminders";
import { addDays } from "@/server/lib/dates";
import { listActionItemsDueBy, listGapsDueBy } from "./gaps.queries";
import { DUE_SOON_DAYS } from "./gaps.rules";

/*
 * The reminder job's source for gaps and action items (server/domains/jobs/reminders.service.ts):
 * unfinished action items (to their assignee) and open gaps (to their owner) overdue or due within
 * 7 days. "Due soon" is sent once per item, person and due date; "overdue" once per item, person and day.
 */

interface DueRow {
  id: string;
  title: string;
  dueOn: string | null;
  userId: string;
}

type ReminderKind = "actionItemDueSoon" | "actionItemOverdue" | "gapDueSoon" | "gapOverdue";

function reminderOf(row: DueRow, what: "actionItem" | "gap", taskForce: ReminderTaskForce, today: string): Reminder {
  const overdue = row.dueOn !== null && row.dueOn < today;
  const kind: ReminderKind = `${what}${overdue ? "Overdue" : "DueSoon"}`;
  const dedupeKey = overdue ? `${kind}:${row.id}:${row.userId}:${today}` : `${kind}:${row.id}:${row.userId}:${row.dueOn}`;
  const link = what === "gap" ? `/tf/${taskForce.slug}/gaps/${row.id}` : `/tf/${taskForce.slug}/actions`;
  return {
    notification: { taskForceId: taskForce.id, userId: row.userId, kind, values: { title: row.title, dueOn: row.dueOn ?? "" }, link, dedupeKey },
    overdue,
  };
}

/** Gaps and action items due within 7 days or overdue. */
export const dueGapsAndActions: ReminderSource = async (tx: Database, taskForce, today) => {
  const until = addDays(today, DUE_SOON_DAYS);
  const [actions, gaps] = await Promise.all([listActionItemsDueBy(tx, taskForce.id, until), listGapsDueBy(tx, taskForce.id, until)]);
  return [...actions.map((row) => reminderOf(row, "actionItem", taskForce, today)), ...gaps.map((row) => reminderOf(row, "gap", taskForce, today))];
};
