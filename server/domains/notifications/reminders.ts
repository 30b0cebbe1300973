import type { Database } from "@/db/client";
import { serverTranslator } from "@/server/lib/translate";
import { appBaseUrl } from "@/server/env";
import type { NewNotification } from "./notifications.queries";

/*
 * What a reminder source hands the reminders job (server/domains/jobs/reminders.service.ts): for one
 * task force and today's date there, the notices it wants sent. The job inserts them with their
 * dedupe keys (so nothing is sent twice), audits and emails; a source only decides who hears what.
 */

export interface ReminderTaskForce {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

export interface Reminder {
  notification: NewNotification;
  email: string;
  /** One line of the email digest, with its link. */
  line: string;
  /** Past due (counted as "overdue" in the job's summary) rather than coming up. */
  overdue: boolean;
}

export type ReminderSource = (tx: Database, taskForce: ReminderTaskForce, today: string) => Promise<Reminder[]>;

/** Reminder emails are written from the catalog in the default locale (people have no locale setting yet). */
export const digest = serverTranslator("email.reminderDigest");

/** A digest line: the sentence and, below it, the absolute link to the record. */
export function digestLine(sentence: string, link: string): string {
  return `${sentence}\n  ${appBaseUrl()}${link}`;
}

/** A piece of work due on or before the reminder window's end, and the member who holds it. */
export interface DueWork {
  id: string;
  title: string;
  dueOn: string | null;
  userId: string;
  email: string;
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
    email: row.email,
    overdue,
    line: digestLine(digest(overdue ? "lineOverdue" : "lineDueSoon", { dueOn: row.dueOn ?? "", title: row.title }), link),
  };
}
