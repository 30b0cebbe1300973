import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { ListAuditInput } from "./audit.schemas";
import { listAudit } from "./audit.service";

export const auditRouter = createRouter({
  list: taskForceProcedure("audit.read")
    .input(ListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.scope, input)),
});
