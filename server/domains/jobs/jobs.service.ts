import { hostname } from "node:os";
import { getDb } from "@/server/lib/unitOfWork";
import type { JobName, JobRunSummary } from "@/db/schema";
import { listAllTaskForces } from "@/server/domains/taskForces";
import type { TaskForceScope } from "@/server/trpc/context";
import { currentTime } from "@/server/lib/clock";
import { dateInZone } from "@/server/lib/dates";
import { runNightlyBackup } from "./backup.service";
import { jobsConfigFromEnv, minutesInZone, type JobsConfig } from "./jobs.config";
import {
  claimJobRun,
  finishJobRun,
  listInstanceJobRuns,
  listSettledRunKeys,
  listTaskForceJobRuns,
  listTaskForceJobRunsForAdmin,
  touchJobRun,
} from "./jobs.queries";
import { remindTaskForce, type ReminderSummary } from "./reminders.service";
import type { ReminderTaskForce } from "@/server/domains/notifications/reminders";
import { recordRequirementStatuses } from "@/server/domains/grants/statusRecorder";

/*
 * Scheduled work, run exactly once per slot however many app instances share the database: each
 * run is claimed in job_runs first (jobs.queries.ts, claimJobRun), and only the claimant runs it.
 * Slots: the reminder digest and the recording of requirement statuses once per task force and
 * local date, from JOBS_DAILY_AT in the task force's own time zone; the nightly backup (when
 * BACKUP_DIR is set) once per date in JOBS_TIME_ZONE.
 * The scheduler (jobs.scheduler.ts) calls runDueJobs every few minutes; a slot whose time has come
 * and that nobody has run yet is run, so a server that was down at 07:00 catches up when it starts.
 */


/** A run that stopped sending heartbeats this long ago was left by a process that died. */
export const STALE_AFTER_MS = 5 * 60_000;
const HEARTBEAT_MS = 30_000;
/** A failing run is tried at most this many times per slot (each later tick tries again). */
export const MAX_ATTEMPTS = 3;

/** Who runs a job, as shown to administrators. */
export const processName = () => `${hostname()}:${process.pid}`;

export interface RunOutcome {
  job: JobName;
  runKey: string;
  status: "succeeded" | "failed";
  summary: JobRunSummary;
}

/** Claims the slot and runs `work` if this process got it; null when another process has or had it. */
export async function runOnce(
  slot: { job: JobName; runKey: string; taskForceId: string | null },
  work: () => Promise<JobRunSummary>,
  now = currentTime(),
): Promise<RunOutcome | null> {
  const db = await getDb();
  const claimedBy = processName();
  const claim = await claimJobRun(db, { ...slot, claimedBy, now, staleBefore: new Date(now.getTime() - STALE_AFTER_MS), maxAttempts: MAX_ATTEMPTS });
  if (!claim) return null;
  // Heartbeats tell other instances that this run is alive; a run without them is claimed again.
  const heartbeat = setInterval(() => {
    void touchJobRun(db, claim.id, claimedBy, currentTime()).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref?.();
  try {
    const summary = await work();
    await finishJobRun(db, claim.id, claimedBy, { status: "succeeded", summary, error: null, now: currentTime() });
    return { ...slot, status: "succeeded", summary };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    console.error(`Job ${slot.job} (${slot.runKey}) failed (attempt ${claim.attempts} of ${MAX_ATTEMPTS}):`, message);
    await finishJobRun(db, claim.id, claimedBy, { status: "failed", summary: {}, error: message.slice(0, 500), now: currentTime() }).catch(() => {});
    return { ...slot, status: "failed", summary: {} };
  } finally {
    clearInterval(heartbeat);
  }
}

const reminderSummary = (summary: ReminderSummary): JobRunSummary => ({ ...summary });

/**
 * The jobs run once a day for each task force, on its local date. Requirement statuses: computed
 * statuses move when the records behind them change and when days pass (a report falls due, an MOU
 * expires), so each day records what moved (server/domains/grants/statusRecorder.ts).
 */
const TASK_FORCE_DAILY_JOBS: readonly { job: JobName; run: (taskForce: ReminderTaskForce, now: Date) => Promise<JobRunSummary> }[] = [
  { job: "reminders", run: async (taskForce, now) => reminderSummary(await remindTaskForce(taskForce, now)) },
  {
    job: "requirementStatuses",
    run: async (taskForce, now) => ({ recorded: await recordRequirementStatuses([{ id: taskForce.id, today: dateInZone(now, taskForce.timeZone) }], now) }),
  },
];

/**
 * Runs every slot whose time has come and that no process has run yet: the daily jobs of each task
 * force where it is JOBS_DAILY_AT or later today, and the nightly backup. Returns what ran here.
 */
export async function runDueJobs(now = currentTime(), config: JobsConfig = jobsConfigFromEnv()): Promise<RunOutcome[]> {
  const db = await getDb();
  const staleBefore = new Date(now.getTime() - STALE_AFTER_MS);
  const outcomes: RunOutcome[] = [];

  const due = (await listAllTaskForces(db))
    .filter((taskForce) => minutesInZone(now, taskForce.timeZone) >= config.dailyAt)
    .map((taskForce) => ({ taskForce, runKey: `${taskForce.id}/${dateInZone(now, taskForce.timeZone)}` }));
  for (const { job, run } of TASK_FORCE_DAILY_JOBS) {
    // One read per job skips the slots already run, instead of one claim statement per task force and tick.
    const settled = await listSettledRunKeys(
      db,
      job,
      due.map((slot) => slot.runKey),
      staleBefore,
      MAX_ATTEMPTS,
    );
    for (const { taskForce, runKey } of due) {
      if (settled.has(runKey)) continue;
      const outcome = await runOnce({ job, runKey, taskForceId: taskForce.id }, () => run(taskForce, now), now);
      if (outcome) outcomes.push(outcome);
    }
  }

  if (config.backupDir && minutesInZone(now, config.timeZone) >= config.dailyAt) {
    const runKey = dateInZone(now, config.timeZone);
    const backupDir = config.backupDir;
    if (!(await listSettledRunKeys(db, "backup", [runKey], staleBefore, MAX_ATTEMPTS)).has(runKey)) {
      const outcome = await runOnce({ job: "backup", runKey, taskForceId: null }, () => runNightlyBackup(backupDir, config.backupKeep, now), now);
      if (outcome) outcomes.push(outcome);
    }
  }
  return outcomes;
}

/**
 * `npm run jobs -- reminders`: the digest of every task force now, whatever the time of day. It takes
 * today's slot when nobody has run it yet (so the scheduler does not run it again today); otherwise
 * it runs as an extra run of its own. Either way nothing is sent twice (the notices' dedupe keys).
 */
export async function runRemindersNow(now = currentTime()): Promise<{ taskForces: number; summary: ReminderSummary; failed: number }> {
  const db = await getDb();
  const total: ReminderSummary = { notified: 0, dueSoon: 0, overdue: 0, emailed: 0, emailFailed: 0 };
  let failed = 0;
  const taskForces = await listAllTaskForces(db);
  for (const taskForce of taskForces) {
    const daily = `${taskForce.id}/${dateInZone(now, taskForce.timeZone)}`;
    let result: ReminderSummary | null = null;
    const work = async () => {
      result = await remindTaskForce(taskForce, now);
      return reminderSummary(result);
    };
    const outcome =
      (await runOnce({ job: "reminders", runKey: daily, taskForceId: taskForce.id }, work, now)) ??
      (await runOnce({ job: "reminders", runKey: `${daily}/manual-${now.toISOString()}-${process.pid}`, taskForceId: taskForce.id }, work, now));
    if (outcome?.status === "failed") failed += 1;
    const counted = result as ReminderSummary | null;
    if (counted) for (const key of Object.keys(total) as (keyof ReminderSummary)[]) total[key] += counted[key];
  }
  return { taskForces: taskForces.length, summary: total, failed };
}

/**
 * `npm run jobs -- requirement-statuses`: records the requirement statuses of every task force now
 * (for cron with JOBS=off). Recording what has not changed adds nothing, so it needs no slot.
 */
export async function recordRequirementStatusesNow(now = currentTime()): Promise<{ taskForces: number; recorded: number }> {
  const taskForces = await listAllTaskForces(await getDb());
  const recorded = await recordRequirementStatuses(
    taskForces.map((taskForce) => ({ id: taskForce.id, today: dateInZone(now, taskForce.timeZone) })),
    now,
  );
  return { taskForces: taskForces.length, recorded };
}

/* ---------- what the settings and administration pages show ---------- */

const RECENT_RUNS = 10;

/** The task force's latest job runs, for its coordinator's settings page. */
export async function listJobRunsOfTaskForce(scope: TaskForceScope) {
  const config = jobsConfigFromEnv();
  const runs = await listTaskForceJobRuns(await getDb(), scope.taskForceId, RECENT_RUNS);
  return { schedule: { enabled: config.enabled, dailyAt: config.dailyAtText }, runs: runs.map(({ runKey: _runKey, claimedBy: _claimedBy, ...run }) => run) };
}

/** Schedule settings and the latest runs of every job, for platform administrators. */
export async function jobsOverview() {
  const config = jobsConfigFromEnv();
  const db = await getDb();
  const [instance, taskForces] = await Promise.all([listInstanceJobRuns(db, RECENT_RUNS), listTaskForceJobRunsForAdmin(db, 2 * RECENT_RUNS)]);
  return {
    schedule: {
      enabled: config.enabled,
      dailyAt: config.dailyAtText,
      timeZone: config.timeZone,
      backups: config.backupDir ? { keep: config.backupKeep } : null,
    },
    instanceRuns: instance,
    taskForceRuns: taskForces,
  };
}
