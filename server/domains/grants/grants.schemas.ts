import { z } from "zod";
import { REPORTING_CADENCES, REQUIREMENT_STATUSES } from "@/db/schema";
import { CalendarDate, EvidenceLink, Version } from "@/server/lib/schemas";

const ShortText = z.string().trim().min(1).max(200);
const Money = z.number().min(0).max(1_000_000_000_000).multipleOf(0.01);
/** Evidence kinds are checked against the registry in the service (a kind is text, not an enum). */
const EvidenceKindName = z.string().trim().min(1).max(40).regex(/^[a-z_]+$/);

export const GrantInput = z.object({ grantId: z.uuid() });
export type GrantInput = z.infer<typeof GrantInput>;

const GrantFields = z.object({
  funderName: ShortText,
  program: ShortText,
  awardNumber: z.string().trim().min(1).max(60),
  amount: Money,
  matchTarget: Money.nullable(),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
  reportingCadence: z.enum(REPORTING_CADENCES),
});

// Defaults belong to creating only: in an update a default would overwrite a field the edit left out.
export const CreateGrantInput = GrantFields.extend({
  matchTarget: GrantFields.shape.matchTarget.default(null),
  reportingCadence: GrantFields.shape.reportingCadence.default("semiannual"),
  /** Adds the ECM requirements at once. */
  applyEcmTemplate: z.boolean().default(true),
});
export type CreateGrantInput = z.infer<typeof CreateGrantInput>;

/** Only the fields sent are changed; `version` is the one the form was loaded with. */
export const UpdateGrantInput = GrantFields.partial().extend({ grantId: z.uuid(), version: Version });
export type UpdateGrantInput = z.infer<typeof UpdateGrantInput>;

export const ApplyTemplateInput = z.object({
  grantId: z.uuid(),
  templateKey: z.string().trim().min(1).max(40),
  /** Only these items of the template (e.g. one optional requirement); all when left out. */
  itemKeys: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type ApplyTemplateInput = z.infer<typeof ApplyTemplateInput>;

export const RequirementTitle = ShortText;
export const RequirementDescription = z.string().trim().max(4000);

export const AddRequirementInput = z.object({
  grantId: z.uuid(),
  title: RequirementTitle,
  description: RequirementDescription.default(""),
  ownerOrganizationId: z.uuid().nullable().default(null),
  dueOn: CalendarDate.nullable().default(null),
});
export type AddRequirementInput = z.infer<typeof AddRequirementInput>;

/** Only the fields sent are changed; `version` is the one the form was loaded with. */
export const UpdateRequirementInput = z.object({
  requirementId: z.uuid(),
  version: Version,
  title: RequirementTitle.optional(),
  description: RequirementDescription.optional(),
  status: z.enum(REQUIREMENT_STATUSES).optional(),
  ownerOrganizationId: z.uuid().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: CalendarDate.nullable().optional(),
});
export type UpdateRequirementInput = z.infer<typeof UpdateRequirementInput>;

/** Sets (status + reason) or clears (status null) the override of a computed requirement. */
export const OverrideRequirementInput = z
  .object({
    requirementId: z.uuid(),
    version: Version,
    status: z.enum(REQUIREMENT_STATUSES).nullable(),
    reason: z.string().trim().max(1000).default(""),
  })
  .refine((input) => input.status === null || input.reason.length > 0, { path: ["reason"], error: "overrideReasonRequired" });
export type OverrideRequirementInput = z.infer<typeof OverrideRequirementInput>;

export const AddEvidenceInput = z
  .object({
    requirementId: z.uuid(),
    kind: EvidenceKindName,
    recordId: z.uuid().nullable().default(null),
    url: EvidenceLink.nullable().default(null),
    label: z.string().trim().max(200).default(""),
  })
  .refine((input) => (input.kind === "url" ? input.url !== null : input.recordId !== null), {
    path: ["recordId"],
    error: "evidenceTargetRequired",
  });
export type AddEvidenceInput = z.infer<typeof AddEvidenceInput>;

export const EvidenceInput = z.object({ evidenceId: z.uuid() });
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const EvidenceOptionsInput = z.object({ kind: EvidenceKindName });
export type EvidenceOptionsInput = z.infer<typeof EvidenceOptionsInput>;

/** The award's requirements as they stood at the end of `date` in the task force's zone. */
export const RequirementsAsOfInput = z.object({ grantId: z.uuid(), date: CalendarDate });
export type RequirementsAsOfInput = z.infer<typeof RequirementsAsOfInput>;

export const LinkedRequirementsInput = z.object({ kind: EvidenceKindName, recordId: z.uuid() });
export type LinkedRequirementsInput = z.infer<typeof LinkedRequirementsInput>;
