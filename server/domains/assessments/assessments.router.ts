import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  CompareRoundsInput,
  ConsensusInput,
  CreateRoundInput,
  ElementRatingsInput,
  ExtendRoundInput,
  RecordAgreedStageInput,
  ReopenRoundInput,
  RoundInput,
  SaveDraftInput,
  SetMinRatingGroupInput,
  SetTargetInput,
  UpdateRoundInput,
} from "./assessments.schemas";
import { closeRound, createRound, extendRound, getRound, listRespondentChoices, listRounds, openRound, reopenRound, updateRound } from "./assessments.service";
import { compareRounds, getTrend } from "./comparison.service";
import { getMyResponse, getProgress, saveDraft, sendReminders, submitResponse } from "./responses.service";
import { getConsensus, getElementRatings, getRatingPrivacy, listTargetsOf, recordAgreedStage, setMinRatingGroup, setTarget } from "./results.service";

export const assessmentsRouter = createRouter({
  // Rounds
  list: taskForceProcedure("assessment.read").query(({ ctx }) => listRounds(ctx.scope)),
  get: taskForceProcedure("assessment.read")
    .input(RoundInput)
    .query(({ ctx, input }) => getRound(ctx.scope, input)),
  /** Whom a round may ask: the choices the create and update forms offer (and the only ones they accept). */
  respondents: taskForceProcedure("assessment.manage").query(({ ctx }) => listRespondentChoices(ctx.scope)),
  create: taskForceProcedure("assessment.manage")
    .input(CreateRoundInput)
    .mutation(({ ctx, input }) => createRound(ctx.scope, input)),
  update: taskForceProcedure("assessment.manage")
    .input(UpdateRoundInput)
    .mutation(({ ctx, input }) => updateRound(ctx.scope, input)),
  open: taskForceProcedure("assessment.manage")
    .input(RoundInput)
    .mutation(({ ctx, input }) => openRound(ctx.scope, input)),
  extend: taskForceProcedure("assessment.manage")
    .input(ExtendRoundInput)
    .mutation(({ ctx, input }) => extendRound(ctx.scope, input)),
  close: taskForceProcedure("assessment.manage")
    .input(RoundInput)
    .mutation(({ ctx, input }) => closeRound(ctx.scope, input)),
  reopen: taskForceProcedure("assessment.manage")
    .input(ReopenRoundInput)
    .mutation(({ ctx, input }) => reopenRound(ctx.scope, input)),

  // Responding: the caller's own response only
  myResponse: taskForceProcedure("assessment.respond")
    .input(RoundInput)
    .query(({ ctx, input }) => getMyResponse(ctx.scope, input)),
  saveDraft: taskForceProcedure("assessment.respond")
    .input(SaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.scope, input)),
  submit: taskForceProcedure("assessment.respond")
    .input(RoundInput)
    .mutation(({ ctx, input }) => submitResponse(ctx.scope, input)),

  // Results
  progress: taskForceProcedure("assessment.manage")
    .input(RoundInput)
    .query(({ ctx, input }) => getProgress(ctx.scope, input)),
  remind: taskForceProcedure("assessment.manage")
    .input(RoundInput)
    .mutation(({ ctx, input }) => sendReminders(ctx.scope, input)),
  consensus: taskForceProcedure("assessment.read")
    .input(ConsensusInput)
    .query(({ ctx, input }) => getConsensus(ctx.scope, input)),
  elementRatings: taskForceProcedure("assessment.readIndividual")
    .input(ElementRatingsInput)
    .query(({ ctx, input }) => getElementRatings(ctx.scope, input)),
  recordAgreedStage: taskForceProcedure("assessment.manage")
    .input(RecordAgreedStageInput)
    .mutation(({ ctx, input }) => recordAgreedStage(ctx.scope, input)),
  targets: taskForceProcedure("assessment.read").query(({ ctx }) => listTargetsOf(ctx.scope)),
  setTarget: taskForceProcedure("target.manage")
    .input(SetTargetInput)
    .mutation(({ ctx, input }) => setTarget(ctx.scope, input)),
  compare: taskForceProcedure("assessment.read")
    .input(CompareRoundsInput)
    .query(({ ctx, input }) => compareRounds(ctx.scope, input)),
  trend: taskForceProcedure("assessment.read").query(({ ctx }) => getTrend(ctx.scope)),

  // Who sees which rating statistics (ratingPrivacy.ts): the task force's minimum group
  ratingPrivacy: taskForceProcedure("assessment.read").query(({ ctx }) => getRatingPrivacy(ctx.scope)),
  setMinRatingGroup: taskForceProcedure("assessment.manage")
    .input(SetMinRatingGroupInput)
    .mutation(({ ctx, input }) => setMinRatingGroup(ctx.scope, input)),
});
