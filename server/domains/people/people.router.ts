import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { listAssignablePeople } from "./assignable";
import { EndMembershipInput, UpdateMembershipInput } from "./people.schemas";
import { endMembership, issueResetLinkForPerson, listPeople, updateMembership } from "./people.service";
import { IssueResetLinkInput } from "@/server/domains/account/account.schemas";

export const peopleRouter = createRouter({
  list: taskForceProcedure("membership.read").query(({ ctx }) => listPeople(ctx.scope)),
  /** Who may be given work (owner and assignee pickers offer these, and services accept only these). */
  assignable: taskForceProcedure("membership.read").query(({ ctx }) => listAssignablePeople(ctx.scope)),
  update: taskForceProcedure("membership.manage")
    .input(UpdateMembershipInput)
    .mutation(({ ctx, input }) => updateMembership(ctx.scope, input)),
  end: taskForceProcedure("membership.manage")
    .input(EndMembershipInput)
    .mutation(({ ctx, input }) => endMembership(ctx.scope, input)),
  issueResetLink: taskForceProcedure("membership.manage")
    .input(IssueResetLinkInput)
    .mutation(({ ctx, input }) => issueResetLinkForPerson(ctx.scope, input, ctx.baseUrl)),
});
