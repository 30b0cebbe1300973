/**
 * `npm run jobs -- <job>`: background work for cron, on whatever database the environment points
 * at (DATABASE_URL, else the embedded one).
 *
 *   reminders   in-app (and, with SMTP_URL, email) reminders for gaps and action items due within
 *               7 days or overdue, MOUs 90, 60 and 30 days before expiry and once expired, and
 *               contributions not yet submitted for the last ended period (from a week before
 *               their due date, and once overdue); safe to run as often as you like, nothing is sent twice
 *   help        this text
 */
import { closeDatabase, databaseHandle } from "@/db/client";
import { runReminders } from "@/server/domains/gaps/reminders.service";
import { loadEnvFiles, stop, stopOnError } from "./shared";

const HELP = `Task Force Roadmap jobs

Usage:
  npm run jobs -- reminders
      Sends reminders for gaps and action items that are overdue or due within 7 days, and for
      MOUs coming up for renewal (90, 60, 30 days) or expired, and for contributions of the
      last ended period not yet submitted (a week before the due date, and once overdue; to
      the staff of organizations active in that period): in-app always, by email when
      SMTP_URL is set. Idempotent: running it twice sends nothing twice.
  npm run jobs -- help
      Shows this text.
`;

class UsageError extends Error {}

async function reminders(): Promise<void> {
  const handle = await databaseHandle();
  await handle.migrate();
  try {
    const summary = await runReminders(new Date());
    console.log(
      `Reminders: ${summary.notified} new in-app (${summary.dueSoon} due soon, ${summary.overdue} overdue) in ${summary.taskForces} task forces; ${summary.emailed} emails sent${summary.emailFailed ? `, ${summary.emailFailed} failed` : ""}.`,
    );
  } finally {
    await closeDatabase().catch(() => {});
  }
}

async function main(): Promise<void> {
  loadEnvFiles(false);
  const [command] = process.argv.slice(2);
  switch (command) {
    case "reminders":
      await reminders();
      break;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      break;
    default:
      throw new UsageError(`unknown job "${command}". Run npm run jobs -- help.`);
  }
  process.exit(0);
}

main().catch(async (error: unknown) => {
  await closeDatabase().catch(() => {});
  if (error instanceof UsageError) stop(error.message, "jobs");
  stopOnError(error, "jobs");
});
