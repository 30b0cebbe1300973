/** The vocabularies of scheduled job runs as plain data (no Drizzle import), so browser code may use them too. */
export const JOB_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
