/**
 * Test helper, run as its own process (an app instance's scheduler tick): waits until START_AT
 * (epoch ms, so that several processes tick together), runs the due jobs at the instant JOBS_NOW on
 * the database in DATABASE_URL, and prints what it ran as one JSON line.
 */
import { closeDatabase } from "@/db/client";
import { jobsConfigFromEnv } from "@/server/domains/jobs/jobs.config";
import { runDueJobs } from "@/server/domains/jobs/jobs.service";

async function main() {
  const startAt = Number(process.env.START_AT ?? 0);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const outcomes = await runDueJobs(new Date(process.env.JOBS_NOW ?? Date.now()), jobsConfigFromEnv());
  console.log(JSON.stringify(outcomes.map((outcome) => ({ job: outcome.job, runKey: outcome.runKey, status: outcome.status, notified: outcome.summary.notified, emailed: outcome.summary.emailed }))));
  await closeDatabase();
}

void main();
