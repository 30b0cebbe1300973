import { authedProcedure, createRouter } from "@/server/trpc/init";
import { ChangePasswordInput } from "./account.schemas";
import { changePassword } from "./account.service";

export const accountRouter = createRouter({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  changePassword: authedProcedure
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.user, input)),
});
