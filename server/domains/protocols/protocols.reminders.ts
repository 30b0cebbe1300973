import { localeOf, serverTranslator, SUPPORTED_LOCALES } from "@/server/lib/translate";
import { addDays } from "@/server/lib/dates";
import { listActiveCoordinators } from "@/server/domains/notifications";
import type { Reminder, ReminderSource } from "@/server/domains/notifications/reminders";
import { listProtocolsDueForReview } from "./protocols.queries";

/** How many days before its review date a protocol's review is first announced. */
export const PROTOCOL_REVIEW_NOTICE_DAYS = 30;

/** A protocol's topic as each coordinator reads it: the notice keeps the name, in its reader's language. */
const topicNames = new Map(SUPPORTED_LOCALES.map((locale) => [locale, serverTranslator("protocols.topic", locale)]));

/**
 * The reminder job's source for protocol reviews: an adopted protocol (or one under review) whose
 * next review date is within 30 days is announced to the coordinators once, and once more when the
 * date has passed. A new review date starts afresh.
 */
export const protocolReviewReminders: ReminderSource = async (tx, taskForce, today) => {
  const due = await listProtocolsDueForReview(tx, taskForce.id, addDays(today, PROTOCOL_REVIEW_NOTICE_DAYS));
  if (due.length === 0) return [];
  const coordinators = await listActiveCoordinators(tx, taskForce.id);
  const reminders: Reminder[] = [];
  for (const protocol of due) {
    const reviewOn = protocol.nextReviewOn ?? today;
    const overdue = reviewOn < today;
    const kind = overdue ? "protocolReviewOverdue" : "protocolReviewDue";
    const link = `/tf/${taskForce.slug}/members/protocols#protocol-${protocol.id}`;
    for (const person of coordinators) {
      // An untitled protocol goes by its topic, named in the coordinator's language.
      const title = protocol.title.trim() || topicNames.get(localeOf(person))!(protocol.topic);
      const values = { title, reviewOn };
      reminders.push({
        notification: { taskForceId: taskForce.id, userId: person.userId, kind, values, link, dedupeKey: `${kind}:${protocol.id}:${reviewOn}:${person.userId}` },
        overdue,
      });
    }
  }
  return reminders;
};
