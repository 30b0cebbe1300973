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
