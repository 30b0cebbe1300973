import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { getGapSummary } from "./dashboard.service";

export const dashboardRouter = createRouter({
  gaps: taskForceProcedure("gap.read").query(({ ctx }) => getGapSummary(ctx.scope)),
});
