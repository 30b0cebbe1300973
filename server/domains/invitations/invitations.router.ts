import { authedProcedure, createRouter, publicProcedure, taskForceProcedure } from "@/server/trpc/init";
import {
  AcceptWithNewAccountInput,
  CreateInvitationInput,
  CreateInvitationsInput,
  InvitationTokenInput,
  RevokeInvitationInput,
} from "./invitations.schemas";
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  createInvitation,
  createInvitations,
  listInvitations,
  lookupInvitation,
  revokeInvitation,
} from "./invitations.service";

export const invitationsRouter = createRouter({
  list: taskForceProcedure("invitation.manage").query(({ ctx }) => listInvitations(ctx.scope)),
  create: taskForceProcedure("invitation.manage")
    .input(CreateInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx.scope, input, ctx.baseUrl)),
  createMany: taskForceProcedure("invitation.manage")
    .input(CreateInvitationsInput)
    .mutation(({ ctx, input }) => createInvitations(ctx.scope, input, ctx.baseUrl)),
  revoke: taskForceProcedure("invitation.manage")
    .input(RevokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.scope, input)),
  lookup: publicProcedure.input(InvitationTokenInput).query(({ input }) => lookupInvitation(input)),
  accept: authedProcedure.input(InvitationTokenInput).mutation(({ ctx, input }) => acceptInvitation(ctx.user, input)),
  acceptWithNewAccount: publicProcedure
    .input(AcceptWithNewAccountInput)
    .mutation(({ ctx, input }) => acceptInvitationWithNewAccount(input, ctx.clientAddress)),
});
