import type { Database } from "@/server/lib/unitOfWork";
import { dueWorkReminder, type ReminderSource } from "@/server/domains/notifications/reminders";
import { addDays } from "@/server/lib/dates";
import { DUE_SOON_DAYS } from "@/server/lib/due";
import { listActionItemsDueBy } from "./actionItems.queries";

/*
 * The reminder job's source for action items (server/domains/jobs/reminders.service.ts): unfinished
 * actions overdue or due within 7 days, to their assignee.
 */
export const dueActionItems: ReminderSource = async (tx: Database, taskForce, today) => {
  const actions = await listActionItemsDueBy(tx, taskForce.id, addDays(today, DUE_SOON_DAYS));
  return actions.map((row) => dueWorkReminder(row, "actionItem", `/tf/${taskForce.slug}/actions`, taskForce, today));
};
