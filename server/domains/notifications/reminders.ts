import type { Database } from "@/server/lib/unitOfWork";
import type { NewNotification } from "./notifications.queries";

/*
 * What a reminder source hands the reminders job (server/domains/jobs/reminders.service.ts): for one
 * task force and today's date there, the notices it wants sent. The job inserts them with their
 * dedupe keys (so nothing is sent twice) and audits; their emails go as each person chose
 * (notifications/noticeMail.service.ts). A source only decides who hears what.
 */

export interface ReminderTaskForce {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export interface Reminder {
  notification: NewNotification;
  /** Past due (counted as "overdue" in the job's summary) rather than coming up. */
  overdue: boolean;
}

export type ReminderSource = (tx: Database, taskForce: ReminderTaskForce, today: string) => Promise<Reminder[]>;

/** A piece of work due on or before the reminder window's end, and the member who holds it. */
export interface DueWork {
  id: string;
  title: string;
  dueOn: string | null;
  userId: string;
}

/**
 * The reminder to whoever holds a piece of work (an action's assignee, a gap's owner) that is
 * overdue or due soon. "Due soon" is sent once per item, person and due date; "overdue" once per
 * item, person and day, so it repeats until the work is done or moved.
 */
export function dueWorkReminder(row: DueWork, what: "actionItem" | "gap", link: string, taskForce: ReminderTaskForce, today: string): Reminder {
  const overdue = row.dueOn !== null && row.dueOn < today;
  const kind = `${what}${overdue ? "Overdue" : "DueSoon"}`;
  const dedupeKey = overdue ? `${kind}:${row.id}:${row.userId}:${today}` : `${kind}:${row.id}:${row.userId}:${row.dueOn}`;
  return {
    notification: { taskForceId: taskForce.id, userId: row.userId, kind, values: { title: row.title, dueOn: row.dueOn ?? "" }, link, dedupeKey },
    overdue,
  };
}
