import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { CommitteeMemberInput, CreateCommitteeInput, UpdateCommitteeInput } from "./committees.schemas";
import { addCommitteeMember, createCommittee, listCommitteesOf, removeCommitteeMember, updateCommittee } from "./committees.service";

export const committeesRouter = createRouter({
  list: taskForceProcedure("committee.read").query(({ ctx }) => listCommitteesOf(ctx.scope)),
  create: taskForceProcedure("committee.manage")
    .input(CreateCommitteeInput)
    .mutation(({ ctx, input }) => createCommittee(ctx.scope, input)),
  update: taskForceProcedure("committee.manage")
    .input(UpdateCommitteeInput)
    .mutation(({ ctx, input }) => updateCommittee(ctx.scope, input)),
  addMember: taskForceProcedure("committee.manage")
    .input(CommitteeMemberInput)
    .mutation(({ ctx, input }) => addCommitteeMember(ctx.scope, input)),
  removeMember: taskForceProcedure("committee.manage")
    .input(CommitteeMemberInput)
    .mutation(({ ctx, input }) => removeCommitteeMember(ctx.scope, input)),
});
