import { adminProcedure, authedProcedure, createRouter, publicProcedure, publicStatusProcedure } from "@/server/trpc/init";
import {
  ChangePasswordInput,
  CompleteSetupInput,
  IssueResetLinkByEmailInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  TokenInput,
} from "./account.schemas";
import {
  changePassword,
  completeSetup,
  issueResetLinkAsAdmin,
  lookupResetLink,
  lookupSetupLink,
  recentAccountEvents,
  requestPasswordReset,
  resetByEmailAvailable,
  resetPassword,
  signOutEverywhere,
} from "./account.service";

export const accountRouter = createRouter({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  changePassword: authedProcedure
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.user, input, ctx.clientAddress)),
  signOutEverywhere: authedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.user)),
  securityLog: authedProcedure.query(({ ctx }) => recentAccountEvents(ctx.user)),
  resetByEmail: publicStatusProcedure.query(() => resetByEmailAvailable()),
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(input, ctx.clientAddress, ctx.baseUrl)),
  resetLink: publicProcedure.input(TokenInput).query(({ input }) => lookupResetLink(input)),
  resetPassword: publicProcedure.input(ResetPasswordInput).mutation(({ ctx, input }) => resetPassword(input, ctx.clientAddress)),
  issueResetLink: adminProcedure.input(IssueResetLinkByEmailInput).mutation(({ ctx, input }) => issueResetLinkAsAdmin(ctx.user, input, ctx.baseUrl)),
  setupLink: publicProcedure.input(TokenInput).query(({ input }) => lookupSetupLink(input)),
  completeSetup: publicProcedure.input(CompleteSetupInput).mutation(({ ctx, input }) => completeSetup(input, ctx.clientAddress)),
});
