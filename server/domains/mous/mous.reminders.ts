import { addDays } from "@/server/lib/dates";
import type { Reminder, ReminderSource } from "@/server/domains/notifications/reminders";
import { listRenewalRecipients, listSignedMousExpiringBy } from "./mous.queries";
import { RENEWAL_THRESHOLDS, renewalStage } from "./mous.rules";

/**
 * Renewal notices for signed MOUs: at 90, 60 and 30 days before expiry and once expired, to every
 * active coordinator and the MOU's owner. The dedupe key names the MOU, the stage, its expiry date
 * and the person, so each is told once per stage; a renewed MOU (new expiry date) starts afresh.
 */
export const mouRenewalReminders: ReminderSource = async (tx, taskForce, today) => {
  const mous = await listSignedMousExpiringBy(tx, taskForce.id, addDays(today, RENEWAL_THRESHOLDS[0]));
  if (mous.length === 0) return [];
  const recipients = await listRenewalRecipients(
    tx,
    taskForce.id,
    mous.flatMap((mou) => (mou.ownerUserId ? [mou.ownerUserId] : [])),
  );
  const reminders: Reminder[] = [];
  for (const mou of mous) {
    const stage = renewalStage(mou.expiresOn, today);
    if (stage === null || !mou.expiresOn) continue;
    const expired = stage === "expired";
    const link = `/tf/${taskForce.slug}/members/mous#mou-${mou.id}`;
    const values = { title: mou.title, expiresOn: mou.expiresOn, days: expired ? 0 : stage };
    for (const person of recipients) {
      if (person.role !== "coordinator" && person.userId !== mou.ownerUserId) continue;
      reminders.push({
        notification: {
          taskForceId: taskForce.id,
          userId: person.userId,
          kind: expired ? "mouExpired" : "mouRenewalDue",
          values,
          link,
          dedupeKey: `mouRenewal:${mou.id}:${stage}:${mou.expiresOn}:${person.userId}`,
        },
        overdue: expired,
      });
    }
  }
  return reminders;
};
