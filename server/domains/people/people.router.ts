import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { getHandoffOverview, handOff, listFormerMembersOf } from "./handoff";
import { EndMembershipInput, HandOffInput, HandoffOverviewInput, UpdateMembershipInput } from "./people.schemas";
import { endMembership, issueResetLinkForPerson, listPeople, updateMembership } from "./people.service";
import { IssueResetLinkInput } from "@/server/domains/account/account.schemas";

export const peopleRouter = createRouter({
  list: taskForceProcedure("membership.read").query(({ ctx }) => listPeople(ctx.scope)),
  update: taskForceProcedure("membership.manage")
    .input(UpdateMembershipInput)
    .mutation(({ ctx, input }) => updateMembership(ctx.scope, input)),
  end: taskForceProcedure("membership.manage")
    .input(EndMembershipInput)
    .mutation(({ ctx, input }) => endMembership(ctx.scope, input)),
  issueResetLink: taskForceProcedure("membership.manage")
    .input(IssueResetLinkInput)
    .mutation(({ ctx, input }) => issueResetLinkForPerson(ctx.scope, input)),
  former: taskForceProcedure("membership.manage").query(({ ctx }) => listFormerMembersOf(ctx.scope)),
  handoff: taskForceProcedure("membership.manage")
    .input(HandoffOverviewInput)
    .query(({ ctx, input }) => getHandoffOverview(ctx.scope, input)),
  handOff: taskForceProcedure("membership.manage")
    .input(HandOffInput)
    .mutation(({ ctx, input }) => handOff(ctx.scope, input)),
});
