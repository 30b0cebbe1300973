/**
 * `npm run jobs -- <job>`: the daily jobs by hand or from cron, on whatever database the environment
 * points at (DATABASE_URL, else the embedded one). The server runs them by itself (JOBS, JOBS_DAILY_AT);
 * on the embedded database this command refuses to open the folder while the server holds it.
 *
 *   reminders   in-app (and, with SMTP_URL, email) reminders for gaps and action items due within
 *               7 days or overdue, MOUs 90, 60 and 30 days before expiry and once expired, and
 *               contributions not yet submitted for the last ended period (from a week before
 *               their due date, and once overdue); safe to run as often as you like, nothing is sent twice
 *   requirement-statuses
 *               records the requirement statuses that changed since they were last recorded (computed
 *               ones move with the records behind them and with the date); idempotent
 *   help        this text
 */
import { closeDatabase, databaseHandle } from "@/db/client";
import { recordRequirementStatusesNow, runRemindersNow } from "@/server/domains/jobs/jobs.service";
import { loadEnvFiles, stop, stopOnError } from "./shared";

const HELP = `Task Force Roadmap jobs

Usage:
  npm run jobs -- reminders
      Sends reminders for gaps and action items that are overdue or due within 7 days, and for
      MOUs coming up for renewal (90, 60, 30 days) or expired, and for contributions of the
      last ended period not yet submitted (a week before the due date, and once overdue; to
      the staff of organizations active in that period): in-app always, by email when
      SMTP_URL is set. Idempotent: running it twice sends nothing twice. The server already
      runs it every day at JOBS_DAILY_AT (in each task force's time zone) unless JOBS=off; on the
      embedded database it refuses to run beside a running server.
  npm run jobs -- requirement-statuses
      Records each grant requirement's status where it changed since it was last recorded (computed
      statuses move with the records behind them and with the date), for the award pages' progress
      over time. Idempotent: running it twice records nothing twice. The server already runs it
      every day at JOBS_DAILY_AT unless JOBS=off.
  npm run jobs -- help
      Shows this text.
`;

class UsageError extends Error {}

/** Runs a job on the migrated database and closes it after, whatever happens. */
async function onTheDatabase(work: () => Promise<void>): Promise<void> {
  process.env.TFR_PROCESS_ROLE ||= "npm run jobs";
  const handle = await databaseHandle();
  await handle.migrate();
  try {
    await work();
  } finally {
    await closeDatabase().catch(() => {});
  }
}

async function reminders(): Promise<void> {
  const { taskForces, summary, failed } = await runRemindersNow();
  console.log(
    `Reminders: ${summary.notified} new in-app (${summary.dueSoon} due soon, ${summary.overdue} overdue) in ${taskForces} task forces; ${summary.emailed} emails sent${summary.emailFailed ? `, ${summary.emailFailed} failed` : ""}.`,
  );
  if (failed > 0) throw new Error(`the reminders of ${failed} task forces failed; see the messages above.`);
}

async function requirementStatuses(): Promise<void> {
  const { taskForces, recorded } = await recordRequirementStatusesNow();
  console.log(`Requirement statuses: ${recorded} changes recorded in ${taskForces} task forces.`);
}

async function main(): Promise<void> {
  loadEnvFiles(false);
  const [command] = process.argv.slice(2);
  switch (command) {
    case "reminders":
      await onTheDatabase(reminders);
      break;
    case "requirement-statuses":
      await onTheDatabase(requirementStatuses);
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
