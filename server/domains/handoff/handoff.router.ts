import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { getHandoffOverview, handOff, listFormerMembersOf } from "./handoff";
import { HandOffInput, HandoffOverviewInput } from "./handoff.schemas";

/** Merged into the `people` router (server/trpc/root.ts): handing off is something done to people. */
export const handoffRouter = createRouter({
  former: taskForceProcedure("membership.manage").query(({ ctx }) => listFormerMembersOf(ctx.scope)),
  handoff: taskForceProcedure("membership.manage")
    .input(HandoffOverviewInput)
    .query(({ ctx, input }) => getHandoffOverview(ctx.scope, input)),
  handOff: taskForceProcedure("membership.manage")
    .input(HandOffInput)
    .mutation(({ ctx, input }) => handOff(ctx.scope, input)),
});
