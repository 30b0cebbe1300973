import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobRuns, taskForces, type JobRunStatus, type JobRunSummary } from "@/db/schema";

export interface Claim {
  job: string;
  runKey: string;
  taskForceId: string | null;
  claimedBy: string;
  now: Date;
  /** A "running" row whose heartbeat is older than this was left by a crashed process: claim it again. */
  staleBefore: Date;
  /** A failed run is tried again until it has been attempted this many times. */
  maxAttempts: number;
}

/**
 * Claims a run in one statement, so that of several app instances on one database exactly one gets
 * it: the INSERT wins when nobody has the slot yet; the conflict branch takes over a failed run (up
 * to maxAttempts) or one whose holder stopped sending heartbeats; otherwise nothing is returned.
 */
export async function claimJobRun(db: Database, claim: Claim): Promise<{ id: string; attempts: number } | null> {
  const [row] = await db
    .insert(jobRuns)
    .values({
      job: claim.job,
      runKey: claim.runKey,
      taskForceId: claim.taskForceId,
      status: "running",
      claimedBy: claim.claimedBy,
      startedAt: claim.now,
      heartbeatAt: claim.now,
    })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.runKey],
      set: {
        status: "running",
        claimedBy: claim.claimedBy,
        startedAt: claim.now,
        heartbeatAt: claim.now,
        finishedAt: null,
        error: null,
        attempts: sql`${jobRuns.attempts} + 1`,
      },
      setWhere: sql`(${jobRuns.status} = 'failed' and ${jobRuns.attempts} < ${claim.maxAttempts})
        or (${jobRuns.status} = 'running' and ${jobRuns.heartbeatAt} < ${claim.staleBefore.toISOString()}::timestamptz)`,
    })
    .returning({ id: jobRuns.id, attempts: jobRuns.attempts });
  return row ?? null;
}

export async function touchJobRun(db: Database, id: string, claimedBy: string, now: Date): Promise<void> {
  await db
    .update(jobRuns)
    .set({ heartbeatAt: now })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.claimedBy, claimedBy), eq(jobRuns.status, "running")));
}

export async function finishJobRun(
  db: Database,
  id: string,
  claimedBy: string,
  outcome: { status: Exclude<JobRunStatus, "running">; summary: JobRunSummary; error: string | null; now: Date },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: outcome.status, summary: outcome.summary, error: outcome.error, finishedAt: outcome.now, heartbeatAt: outcome.now })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.claimedBy, claimedBy)));
}

/** The slots among `runKeys` that need no attempt now: succeeded, running with a live holder, or failed too often. */
export async function listSettledRunKeys(db: Database, job: string, runKeys: string[], staleBefore: Date, maxAttempts: number): Promise<Set<string>> {
  if (runKeys.length === 0) return new Set();
  const rows = await db
    .select({ runKey: jobRuns.runKey })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        inArray(jobRuns.runKey, runKeys),
        sql`not ((${jobRuns.status} = 'failed' and ${jobRuns.attempts} < ${maxAttempts})
          or (${jobRuns.status} = 'running' and ${jobRuns.heartbeatAt} < ${staleBefore.toISOString()}::timestamptz))`,
      ),
    );
  return new Set(rows.map((row) => row.runKey));
}

const runColumns = {
  id: jobRuns.id,
  job: jobRuns.job,
  runKey: jobRuns.runKey,
  status: jobRuns.status,
  attempts: jobRuns.attempts,
  claimedBy: jobRuns.claimedBy,
  startedAt: jobRuns.startedAt,
  finishedAt: jobRuns.finishedAt,
  summary: jobRuns.summary,
  error: jobRuns.error,
};

/** The latest runs of one task force's jobs, newest first. */
export function listTaskForceJobRuns(db: Database, taskForceId: string, limit: number) {
  return db.select(runColumns).from(jobRuns).where(eq(jobRuns.taskForceId, taskForceId)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/** The latest instance-wide runs (backups), newest first. */
export function listInstanceJobRuns(db: Database, limit: number) {
  return db.select(runColumns).from(jobRuns).where(isNull(jobRuns.taskForceId)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/** The latest runs for task forces, across all of them, with the task force's name (for administrators). */
export function listTaskForceJobRunsForAdmin(db: Database, limit: number) {
  return db
    .select({ ...runColumns, taskForceName: taskForces.name, taskForceSlug: taskForces.slug })
    .from(jobRuns)
    .innerJoin(taskForces, eq(taskForces.id, jobRuns.taskForceId))
    .orderBy(desc(jobRuns.startedAt))
    .limit(limit);
}
