import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import { ChangeGapStatusInput, CommentOnGapInput, CreateGapInput, GapInput, GapSuggestionsInput, ListGapsInput, UpdateGapInput } from "./gaps.schemas";
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
