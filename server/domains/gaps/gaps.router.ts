import { authedProcedure, createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  ActionItemInput,
  ChangeGapStatusInput,
  CommentOnGapInput,
  CreateActionItemInput,
  CreateGapInput,
  GapInput,
  GapSuggestionsInput,
  ListActionItemsInput,
  ListGapsInput,
  MyActionItemsInput,
  UpdateActionItemInput,
  UpdateGapInput,
} from "./gaps.schemas";
import { completeActionItem, createActionItem, listActionItemsOf, listMyActionItems, updateActionItem } from "./actionItems.service";
import { getGapProgress, getGapStats } from "./gaps.progress";
import { changeGapStatus, commentOnGap, createGap, getGap, listGapsOf, listGapSuggestions, updateGap } from "./gaps.service";

export const gapsRouter = createRouter({
  list: taskForceProcedure("gap.read")
    .input(ListGapsInput)
    .query(({ ctx, input }) => listGapsOf(ctx.scope, input)),
  get: taskForceProcedure("gap.read")
    .input(GapInput)
    .query(({ ctx, input }) => getGap(ctx.scope, input)),
  suggestions: taskForceProcedure("gap.manage")
    .input(GapSuggestionsInput)
    .query(({ ctx, input }) => listGapSuggestions(ctx.scope, input)),
  create: taskForceProcedure("gap.manage")
    .input(CreateGapInput)
    .mutation(({ ctx, input }) => createGap(ctx.scope, input)),
  update: taskForceProcedure("gap.update")
    .input(UpdateGapInput)
    .mutation(({ ctx, input }) => updateGap(ctx.scope, input)),
  changeStatus: taskForceProcedure("gap.update")
    .input(ChangeGapStatusInput)
    .mutation(({ ctx, input }) => changeGapStatus(ctx.scope, input)),
  comment: taskForceProcedure("gap.comment")
    .input(CommentOnGapInput)
    .mutation(({ ctx, input }) => commentOnGap(ctx.scope, input)),
  progress: taskForceProcedure("gap.read")
    .input(GapInput)
    .query(({ ctx, input }) => getGapProgress(ctx.scope, input)),
  stats: taskForceProcedure("gap.read").query(({ ctx }) => getGapStats(ctx.scope)),
});

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
