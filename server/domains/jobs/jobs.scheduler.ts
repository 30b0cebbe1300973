import { Cron } from "croner";
import { jobsConfigFromEnv } from "./jobs.config";
import { sendNoticeEmailsNow } from "@/server/domains/notifications";
import { runDueJobs } from "./jobs.service";

/*
 * The in-server scheduler, started once per server process from instrumentation.ts (never during
 * `next build`). Every few minutes it runs the slots whose time has come (runDueJobs); the claim in
 * job_runs makes each happen once across all instances on one database. Each tick also sends the
 * "email now" notices a request did not get to send (its process stopped first, or SMTP failed).
 * croner's `protect` skips a tick while the previous one still runs.
 */

const CHECK_EVERY = "*/5 * * * *";

interface Scheduler {
  stop(): void;
}

const holder = globalThis as typeof globalThis & { __taskForceRoadmapScheduler?: Scheduler };

async function tick(): Promise<void> {
  try {
    const outcomes = await runDueJobs();
    for (const outcome of outcomes) {
      console.log(`Job ${outcome.job} (${outcome.runKey}) ${outcome.status}: ${JSON.stringify(outcome.summary)}`);
    }
    const mail = await sendNoticeEmailsNow();
    if (mail.emailed + mail.emailFailed > 0) console.log(`Notice emails: ${mail.emailed} sent, ${mail.emailFailed} failed.`);
  } catch (error) {
    console.error("Scheduled jobs could not run:", error instanceof Error ? error.message : error);
  }
}

/** Starts the scheduler unless JOBS=off; a second call (another bundle of the same server) does nothing. */
export function startScheduler(): Scheduler | null {
  const config = jobsConfigFromEnv();
  if (!config.enabled) return null;
  if (holder.__taskForceRoadmapScheduler) return holder.__taskForceRoadmapScheduler;
  let running: Promise<void> | null = null;
  const guarded = () => (running ??= tick().finally(() => (running = null)));
  const cron = new Cron(CHECK_EVERY, { protect: true, unref: true }, () => guarded());
  // At start too: a server that was down at the daily time catches up now, not at the next tick.
  const first = setTimeout(() => void guarded(), 1_000);
  first.unref?.();
  const scheduler: Scheduler = {
    stop() {
      cron.stop();
      clearTimeout(first);
      holder.__taskForceRoadmapScheduler = undefined;
    },
  };
  holder.__taskForceRoadmapScheduler = scheduler;
  console.log(`Scheduled jobs on: daily at ${config.dailyAtText} (reminders in each task force's time zone${config.backupDir ? `, backups to ${config.backupDir} in ${config.timeZone}` : ""}).`);
  return scheduler;
}
