import { createRouter, taskForceProcedure } from "@/server/trpc/init";
import {
  AddEvidenceInput,
  AddRequirementInput,
  ApplyTemplateInput,
  CreateGrantInput,
  EvidenceInput,
  EvidenceOptionsInput,
  GrantInput,
  LinkedRequirementsInput,
  OverrideRequirementInput,
  RequirementsAsOfInput,
  UpdateGrantInput,
  UpdateRequirementInput,
} from "./grants.schemas";
import { addEvidence, removeEvidence } from "./evidence.service";
import { getMatchProgress } from "./match.service";
import { getRequirementHistory, getRequirementsAsOf } from "./requirementHistory.service";
import { addRequirement, applyTemplate, createGrant, getGrant, getGrantProgress, listEvidenceOptions, listGrantsOf, listLinkedRequirements, overrideRequirement, updateGrant, updateRequirement } from "./grants.service";

export const grantsRouter = createRouter({
  list: taskForceProcedure("grant.read").query(({ ctx }) => listGrantsOf(ctx.scope)),
  get: taskForceProcedure("grant.read")
    .input(GrantInput)
    .query(({ ctx, input }) => getGrant(ctx.scope, input)),
  progress: taskForceProcedure("grant.read").query(({ ctx }) => getGrantProgress(ctx.scope)),
  /** The local match to date of every current award with a match target (the dashboard's widget). */
  match: taskForceProcedure("grant.read").query(({ ctx }) => getMatchProgress(ctx.scope)),
  /** Requirements met, in progress and not started over the award's life. */
  requirementHistory: taskForceProcedure("grant.read")
    .input(GrantInput)
    .query(({ ctx, input }) => getRequirementHistory(ctx.scope, input)),
  /** Each requirement's status at the end of a past day. */
  requirementsAsOf: taskForceProcedure("grant.read")
    .input(RequirementsAsOfInput)
    .query(({ ctx, input }) => getRequirementsAsOf(ctx.scope, input)),
  create: taskForceProcedure("grant.manage")
    .input(CreateGrantInput)
    .mutation(({ ctx, input }) => createGrant(ctx.scope, input)),
  update: taskForceProcedure("grant.manage")
    .input(UpdateGrantInput)
    .mutation(({ ctx, input }) => updateGrant(ctx.scope, input)),
  applyTemplate: taskForceProcedure("grant.manage")
    .input(ApplyTemplateInput)
    .mutation(({ ctx, input }) => applyTemplate(ctx.scope, input)),
  addRequirement: taskForceProcedure("grant.manage")
    .input(AddRequirementInput)
    .mutation(({ ctx, input }) => addRequirement(ctx.scope, input)),
  updateRequirement: taskForceProcedure("grant.manage")
    .input(UpdateRequirementInput)
    .mutation(({ ctx, input }) => updateRequirement(ctx.scope, input)),
  overrideRequirement: taskForceProcedure("grant.manage")
    .input(OverrideRequirementInput)
    .mutation(({ ctx, input }) => overrideRequirement(ctx.scope, input)),
  addEvidence: taskForceProcedure("grant.manage")
    .input(AddEvidenceInput)
    .mutation(({ ctx, input }) => addEvidence(ctx.scope, input)),
  removeEvidence: taskForceProcedure("grant.manage")
    .input(EvidenceInput)
    .mutation(({ ctx, input }) => removeEvidence(ctx.scope, input)),
  evidenceOptions: taskForceProcedure("grant.manage")
    .input(EvidenceOptionsInput)
    .query(({ ctx, input }) => listEvidenceOptions(ctx.scope, input)),
  /** Requirements a record (e.g. a gap) is evidence for; shown on the record's page. */
  linkedRequirements: taskForceProcedure("grant.read")
    .input(LinkedRequirementsInput)
    .query(({ ctx, input }) => listLinkedRequirements(ctx.scope, input)),
});
