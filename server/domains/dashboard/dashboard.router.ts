import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { getGapSummary } from "./dashboard.service";
import { getMyTasks } from "./myTasks.service";
import { getSetupChecklist, hideSetupChecklist } from "./setupChecklist.service";

export const dashboardRouter = createRouter({
  gaps: taskForceProcedure("gap.read").query(({ ctx }) => getGapSummary(ctx.scope)),
  myTasks: taskForceProcedure("work.own").query(({ ctx }) => getMyTasks(ctx.scope)),
  setupChecklist: taskForceProcedure("taskForce.update").query(({ ctx }) => getSetupChecklist(ctx.scope)),
  hideSetupChecklist: taskForceProcedure("taskForce.update").mutation(({ ctx }) => hideSetupChecklist(ctx.scope)),
});
