import { authedProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import { ActionItemInput, CreateActionItemInput, ListActionItemsInput, MyActionItemsInput, UpdateActionItemInput } from "./actionItems.schemas";
import { completeActionItem, createActionItem, listActionItemsOf, listMyActionItems, updateActionItem } from "./actionItems.service";

export const actionItemsRouter = createRouter({
  list: taskForceProcedure("action.read")
    .input(ListActionItemsInput)
    .query(({ ctx, input }) => listActionItemsOf(ctx.scope, input)),
  /** The signed-in person's actions across their task forces (active memberships only). */
  mine: authedProcedure.input(MyActionItemsInput).query(({ ctx, input }) => listMyActionItems(ctx.user, input)),
  create: taskForceProcedure("action.update")
    .input(CreateActionItemInput)
    .mutation(({ ctx, input }) => createActionItem(ctx.scope, input)),
  update: taskForceProcedure("action.update")
    .input(UpdateActionItemInput)
    .mutation(({ ctx, input }) => updateActionItem(ctx.scope, input)),
  complete: taskForceProcedure("action.update")
    .input(ActionItemInput)
    .mutation(({ ctx, input }) => completeActionItem(ctx.scope, input)),
});
