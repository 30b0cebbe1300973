import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { EndMembershipInput, UpdateMembershipInput } from "./people.schemas";
import { endMembership, listPeople, updateMembership } from "./people.service";

export const peopleRouter = createRouter({
  list: taskForceProcedure("membership.read").query(({ ctx }) => listPeople(ctx.scope)),
  update: taskForceProcedure("membership.manage")
    .input(UpdateMembershipInput)
    .mutation(({ ctx, input }) => updateMembership(ctx.scope, input)),
  end: taskForceProcedure("membership.manage")
    .input(EndMembershipInput)
    .mutation(({ ctx, input }) => endMembership(ctx.scope, input)),
});
