import { adminProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import { jobsOverview, listJobRunsOfTaskForce } from "./jobs.service";

export const jobsRouter = createRouter({
  /** When the task force's daily jobs last ran and what they sent (its settings page). */
  runs: taskForceProcedure("job.read").query(({ ctx }) => listJobRunsOfTaskForce(ctx.scope)),
});

export const adminJobsRouter = createRouter({
  /** The schedule and the latest runs of every job on the instance. */
  overview: adminProcedure.query(() => jobsOverview()),
});
