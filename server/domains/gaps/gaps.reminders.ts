import type { Database } from "@/server/lib/unitOfWork";
import { dueWorkReminder, type ReminderSource } from "@/server/domains/notifications/reminders";
import { addDays } from "@/server/lib/dates";
import { DUE_SOON_DAYS } from "@/server/lib/due";
import { listGapsDueBy } from "./gaps.queries";

/*
 * The reminder job's source for gaps (server/domains/jobs/reminders.service.ts): open gaps overdue
 * or due within 7 days, to their owner.
 */
export const dueGaps: ReminderSource = async (tx: Database, taskForce, today) => {
  const gaps = await listGapsDueBy(tx, taskForce.id, addDays(today, DUE_SOON_DAYS));
  return gaps.map((row) => dueWorkReminder(row, "gap", `/tf/${taskForce.slug}/gaps/${row.id}`, taskForce, today));
};
