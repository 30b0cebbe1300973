import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CreateMouInput, MouInput, UpdateMouInput } from "./mous.schemas";
import { createMou, getMou, listMouRenewals, listMousOf, updateMou } from "./mous.service";

export const mousRouter = createRouter({
  list: taskForceProcedure("mou.read").query(({ ctx }) => listMousOf(ctx.scope)),
  get: taskForceProcedure("mou.read")
    .input(MouInput)
    .query(({ ctx, input }) => getMou(ctx.scope, input)),
  renewals: taskForceProcedure("mou.read").query(({ ctx }) => listMouRenewals(ctx.scope)),
  create: taskForceProcedure("mou.manage")
    .input(CreateMouInput)
    .mutation(({ ctx, input }) => createMou(ctx.scope, input)),
  update: taskForceProcedure("mou.manage")
    .input(UpdateMouInput)
    .mutation(({ ctx, input }) => updateMou(ctx.scope, input)),
});
