import { serverTranslator } from "@/server/lib/translate";
import { addDays } from "@/server/lib/dates";
import { listActiveCoordinators } from "@/server/domains/notifications";
import type { Reminder, ReminderSource } from "@/server/domains/notifications/reminders";
import { listProtocolsDueForReview } from "./protocols.queries";

/** How many days before its review date a protocol's review is first announced. */
export const PROTOCOL_REVIEW_NOTICE_DAYS = 30;

const topicName = serverTranslator("protocols.topic");

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
    const title = protocol.title.trim() || topicName(protocol.topic);
    const values = { title, reviewOn };
    const link = `/tf/${taskForce.slug}/members/protocols#protocol-${protocol.id}`;
    for (const person of coordinators) {
      reminders.push({
        notification: { taskForceId: taskForce.id, userId: person.userId, kind, values, link, dedupeKey: `${kind}:${protocol.id}:${reviewOn}:${person.userId}` },
        overdue,
      });
    }
  }
  return reminders;
};
