import type { Database } from "@/server/lib/unitOfWork";
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
