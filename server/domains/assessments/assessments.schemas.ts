import { z } from "zod";
import { RESPONSE_ANSWERS, ROUND_AUDIENCES } from "@/db/schema";
import { CalendarDate, ElementKey, EvidenceLink, MAX_EVIDENCE_LINKS, StageNumber } from "@/server/lib/schemas";

export const MAX_TEXT = 4000;

export const RoundTitle = z.string().trim().min(1).max(200);
export const Note = z.string().trim().max(2000).default("");

export const RoundInput = z.object({ roundId: z.uuid() });
export type RoundInput = z.infer<typeof RoundInput>;

const RoundFields = z.object({
  title: RoundTitle,
  opensOn: CalendarDate,
  closesOn: CalendarDate,
  audience: z.enum(ROUND_AUDIENCES).default("all"),
  /** The people asked when audience is "chosen": active coordinators and members of this task force. */
  userIds: z.array(z.uuid()).max(1000).default([]),
});

type RoundFields = z.infer<typeof RoundFields>;

function checkRoundFields(value: RoundFields, context: z.RefinementCtx) {
  if (value.closesOn < value.opensOn) {
    context.addIssue({ code: "custom", message: "closesBeforeOpens", path: ["closesOn"] });
  }
  if (value.audience === "chosen" && value.userIds.length === 0) {
    context.addIssue({ code: "custom", message: "chooseRespondents", path: ["userIds"] });
  }
}

export const CreateRoundInput = RoundFields.superRefine(checkRoundFields);
export type CreateRoundInput = z.infer<typeof CreateRoundInput>;

/** A draft round is edited as a whole: the form sends every field. */
export const UpdateRoundInput = RoundFields.extend({ roundId: z.uuid() }).superRefine(checkRoundFields);
export type UpdateRoundInput = z.infer<typeof UpdateRoundInput>;

export const ExtendRoundInput = z.object({ roundId: z.uuid(), closesOn: CalendarDate });
export type ExtendRoundInput = z.infer<typeof ExtendRoundInput>;

export const ReopenRoundInput = z.object({
  roundId: z.uuid(),
  /** Why a closed round is opened again; kept in the audit log. */
  reason: z.string().trim().min(1).max(1000),
  /** A new closing date; required when the old one has passed. */
  closesOn: CalendarDate.optional(),
});
export type ReopenRoundInput = z.infer<typeof ReopenRoundInput>;

export const SaveDraftInput = z
  .object({
    roundId: z.uuid(),
    elementKey: ElementKey,
    answer: z.enum(RESPONSE_ANSWERS),
    /** 1–5, only when answer is "stage". */
    stage: StageNumber.nullish(),
    rationale: z.string().max(MAX_TEXT).default(""),
    evidence: z.string().max(MAX_TEXT).default(""),
    evidenceLinks: z.array(EvidenceLink).max(MAX_EVIDENCE_LINKS).default([]),
  })
  .superRefine((value, context) => {
    if (value.answer === "stage" && (value.stage === null || value.stage === undefined)) {
      context.addIssue({ code: "custom", message: "stageRequired", path: ["stage"] });
    }
    if (value.answer !== "stage" && value.stage !== null && value.stage !== undefined) {
      context.addIssue({ code: "custom", message: "stageOnlyForStageAnswer", path: ["stage"] });
    }
  });
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const ConsensusInput = RoundInput.extend({
  /**
   * False leaves out other people's ratings (a member's own stay in): a round's results page reads
   * them per element when a coordinator opens them (assessment.elementRatings), since a large
   * round's hundreds of ratings with their rationale would otherwise travel with the page.
   */
  withRatings: z.boolean().default(true),
});
export type ConsensusInput = z.input<typeof ConsensusInput>;

export const ElementRatingsInput = RoundInput.extend({ elementKey: ElementKey });
export type ElementRatingsInput = z.infer<typeof ElementRatingsInput>;

export const RecordAgreedStageInput = z.object({
  roundId: z.uuid(),
  elementKey: ElementKey,
  /** null removes the agreed stage, so the result falls back to the median. */
  stage: StageNumber.nullable(),
  note: Note,
});
export type RecordAgreedStageInput = z.infer<typeof RecordAgreedStageInput>;

export const SetTargetInput = z.object({
  elementKey: ElementKey,
  /** null removes the target. */
  stage: StageNumber.nullable(),
  note: Note,
});
export type SetTargetInput = z.infer<typeof SetTargetInput>;

export const CompareRoundsInput = z.object({
  /** The earlier round (movement is read from A to B). */
  roundA: z.uuid(),
  roundB: z.uuid(),
  sameRespondentsOnly: z.boolean().default(false),
});
export type CompareRoundsInput = z.infer<typeof CompareRoundsInput>;

/** The task-force setting of ratingPrivacy.ts: never below 3 (MIN_RATING_GROUP_FLOOR), at most 50. */
export const SetMinRatingGroupInput = z.object({ minRatingGroup: z.number().int().min(3).max(50) });
export type SetMinRatingGroupInput = z.infer<typeof SetMinRatingGroupInput>;
