import type { Database } from "@/server/lib/unitOfWork";
import { insertNotifications } from "@/server/domains/notifications";
import type { ReminderSource } from "@/server/domains/notifications/reminders";
import { addDays } from "@/server/lib/dates";
import { listAskedPeople, listRoundsWithContent } from "./assessments.queries";
import { listSubmissionProgress } from "./responses.queries";

/*
 * What people asked in a round hear about it, in-app: that it opened for them, that its closing date
 * moved, and (from the daily reminders job) that it closes in two days while they have not submitted.
 * Each is emailed as the person chose for its topic on their account page, or stays in-app.
 */

/** How many days before a round closes its people who have not submitted are reminded. */
export const ROUND_CLOSING_SOON_DAYS = 2;

interface RoundOfNotice {
  id: string;
  title: string;
  closesOn: string;
  audience: "all" | "chosen";
}

const respondLink = (taskForceSlug: string, roundId: string) => `/tf/${taskForceSlug}/assessments/${roundId}/respond`;

/** The people asked in the round who have not submitted. */
async function pendingRespondents(db: Database, taskForceId: string, round: RoundOfNotice) {
  const [asked, progress] = await Promise.all([listAskedPeople(db, taskForceId, round), listSubmissionProgress(db, taskForceId, round.id)]);
  const submitted = new Set(progress.filter((row) => row.submittedAt).map((row) => row.userId));
  return asked.filter((person) => !submitted.has(person.userId));
}

/**
 * Tells everyone asked in the round who has not submitted that it opened ("assessmentOpened") or
 * that its closing date moved ("assessmentExtended"); once per round (and new closing date).
 */
export async function noticeRoundChange(
  tx: Database,
  taskForce: { taskForceId: string; taskForceSlug: string },
  round: RoundOfNotice,
  kind: "assessmentOpened" | "assessmentExtended",
) {
  const people = await pendingRespondents(tx, taskForce.taskForceId, round);
  await insertNotifications(
    tx,
    people.map((person) => ({
      taskForceId: taskForce.taskForceId,
      userId: person.userId,
      kind,
      values: { roundTitle: round.title, closesOn: round.closesOn },
      link: respondLink(taskForce.taskForceSlug, round.id),
      dedupeKey: `${kind}:${round.id}:${round.closesOn}:${person.userId}`,
    })),
  );
}

/** The reminders job's source: open rounds closing within two days, to each asked person not yet submitted. */
export const roundClosingReminders: ReminderSource = async (tx, taskForce, today) => {
  const until = addDays(today, ROUND_CLOSING_SOON_DAYS);
  const rounds = (await listRoundsWithContent(tx, [taskForce.id], { status: "open", locale: undefined })).filter((round) => round.closesOn >= today && round.closesOn <= until);
  const perRound = await Promise.all(
    rounds.map(async (round) => {
      const people = await pendingRespondents(tx, taskForce.id, round);
      const values = { roundTitle: round.title, closesOn: round.closesOn };
      const link = respondLink(taskForce.slug, round.id);
      return people.map((person) => ({
        notification: {
          taskForceId: taskForce.id,
          userId: person.userId,
          kind: "assessmentClosingSoon",
          values,
          link,
          dedupeKey: `assessmentClosingSoon:${round.id}:${round.closesOn}:${person.userId}`,
        },
        overdue: false,
      }));
    }),
  );
  return perRound.flat();
};
