/** The vocabularies of scheduled job runs as plain data (no Drizzle import), so browser code may use them too. */
export const JOB_RUN_STATUSES = ["running", "succeeded", "failed"] as const;

/** The scheduled jobs, as job_runs names them (server/domains/jobs/jobs.service.ts runs them). */
export const JOB_NAMES = ["reminders", "requirementStatuses", "backup"] as const;
export type JobName = (typeof JOB_NAMES)[number];
