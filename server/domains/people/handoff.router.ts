import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { getHandoffOverview, handOff, listFormerMembersOf, type ResponsibilityKind } from "./handoff.service";
import { HandOffInput, HandoffOverviewInput } from "./handoff.schemas";

/**
 * Merged into the `people` router (server/trpc/root.ts): handing off is something done to people.
 * The root router passes the kinds of responsibility, which live in the domains that build on people.
 */
export function createHandoffRouter(kinds: readonly ResponsibilityKind[]) {
  return createRouter({
    former: taskForceProcedure("membership.manage").query(({ ctx }) => listFormerMembersOf(ctx.scope)),
    handoff: taskForceProcedure("membership.manage")
      .input(HandoffOverviewInput)
      .query(({ ctx, input }) => getHandoffOverview(ctx.scope, input, kinds)),
    handOff: taskForceProcedure("membership.manage")
      .input(HandOffInput)
      .mutation(({ ctx, input }) => handOff(ctx.scope, input, kinds)),
  });
}
