import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { taskForces } from "./taskForces";
import { JOB_RUN_STATUSES } from "../vocabulary/jobs";

export * from "../vocabulary/jobs";

export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** What a run did, in counts: shown on the settings and administration pages. */
export type JobRunSummary = Record<string, number | string>;

/**
 * One row per scheduled run of a job: the reminder digest of one task force on one of its local
 * dates, or an instance-wide job (the nightly backup) on one date. The unique (job, run_key) is the
 * claim: the app instance whose INSERT … ON CONFLICT returns the row runs it, every other instance
 * on the same database skips it, so a run happens once however many servers share PostgreSQL. A run
 * whose holder stopped sending heartbeats (a crash) is claimed again; what it sends is deduplicated.
 *
 * Operational data of the instance, not of the task force: it is neither audited nor exported with a
 * task force. task_force_id is null for instance-wide jobs.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    /** The slot the run is for: `<task force id>/<local date>` or `<date>` for instance-wide jobs. */
    runKey: text("run_key").notNull(),
    taskForceId: uuid("task_force_id").references(() => taskForces.id, { onDelete: "cascade" }),
    status: text("status", { enum: JOB_RUN_STATUSES }).notNull(),
    /** Which process runs it (host:pid), for the administrator reading the table. */
    claimedBy: text("claimed_by").notNull(),
    attempts: integer("attempts").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull(),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, precision: 3 }),
    summary: jsonb("summary").$type<JobRunSummary>().notNull().default({}),
    error: text("error"),
  },
  (table) => [
    uniqueIndex("job_runs_job_run_key_unique").on(table.job, table.runKey),
    index("job_runs_task_force_idx").on(table.taskForceId, table.job, table.startedAt),
    index("job_runs_job_started_idx").on(table.job, table.startedAt),
  ],
);
