import { z } from "zod";
import { GAP_PRIORITIES, GAP_STATUSES } from "@/db/schema";
import { CalendarDate, ElementKey, EvidenceLink, MAX_EVIDENCE_LINKS, StageNumber, Version } from "@/server/lib/schemas";

export const GapTitle = z.string().trim().min(1).max(200);
export const GapDescription = z.string().trim().max(4000);
/** An area key as frameworks spell them (letters, digits, underscore, hyphen): safe in a LIKE prefix. */
const AreaKey = z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9_-]+$/);

export const GapInput = z.object({ gapId: z.uuid() });
export type GapInput = z.infer<typeof GapInput>;

export const GAP_SORTS = ["dueOn", "priority", "status", "updatedAt", "createdAt", "elementKey"] as const;

export const ListGapsInput = z.object({
  status: z.array(z.enum(GAP_STATUSES)).max(GAP_STATUSES.length).optional(),
  /** Area key: the element key's part before the first dot. */
  area: AreaKey.optional(),
  ownerOrganizationId: z.uuid().optional(),
  /** Due on or before this date. */
  dueBefore: CalendarDate.optional(),
  /** Only open gaps whose due date has passed (in the task force's time zone). */
  overdue: z.boolean().default(false),
  sort: z.enum(GAP_SORTS).default("dueOn"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type ListGapsInput = z.infer<typeof ListGapsInput>;

export const GapSuggestionsInput = z.object({ roundId: z.uuid() });
export type GapSuggestionsInput = z.infer<typeof GapSuggestionsInput>;

const EvidenceLinks = z.array(EvidenceLink).max(MAX_EVIDENCE_LINKS);

export const CreateGapInput = z.object({
  elementKey: ElementKey,
  title: GapTitle,
  description: GapDescription.default(""),
  priority: z.enum(GAP_PRIORITIES).default("medium"),
  currentStage: StageNumber.nullable().default(null),
  targetStage: StageNumber.nullable().default(null),
  ownerOrganizationId: z.uuid().nullable().default(null),
  ownerUserId: z.uuid().nullable().default(null),
  dueOn: CalendarDate.nullable().default(null),
  /** The round the suggestion came from; null for a gap created by hand. */
  sourceRoundId: z.uuid().nullable().default(null),
  evidenceLinks: EvidenceLinks.default([]),
});
export type CreateGapInput = z.infer<typeof CreateGapInput>;

/** Only the fields sent are changed; `version` is the one the form was loaded with. */
export const UpdateGapInput = z.object({
  gapId: z.uuid(),
  version: Version,
  title: GapTitle.optional(),
  description: GapDescription.optional(),
  priority: z.enum(GAP_PRIORITIES).optional(),
  currentStage: StageNumber.nullable().optional(),
  targetStage: StageNumber.nullable().optional(),
  ownerOrganizationId: z.uuid().nullable().optional(),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: CalendarDate.nullable().optional(),
  evidenceLinks: EvidenceLinks.optional(),
});
export type UpdateGapInput = z.infer<typeof UpdateGapInput>;

export const ChangeGapStatusInput = z.object({
  gapId: z.uuid(),
  version: Version,
  status: z.enum(GAP_STATUSES),
  /** The history note; required (as the reason) for blocked and won't fix. */
  note: z.string().trim().max(2000).default(""),
});
export type ChangeGapStatusInput = z.infer<typeof ChangeGapStatusInput>;

export const CommentOnGapInput = z.object({
  gapId: z.uuid(),
  body: z.string().trim().min(1).max(4000),
  sharedWithFunders: z.boolean().default(false),
});
export type CommentOnGapInput = z.infer<typeof CommentOnGapInput>;
