import type { Database } from "@/server/lib/unitOfWork";
import type { Permission } from "@/server/auth/permissions";
import { findActionItems, findAssessmentRounds, findGaps, type EvidenceRecord } from "./evidence.queries";
import { findContributionReports, findDocuments, findMeetings, findMous, findProtocols } from "./evidenceRecords.queries";

/*
 * The kinds of record a requirement's evidence can point at. Registering a kind is one entry here:
 * how to find its records in a task force (to check a link and to label it), where its page is,
 * and who may see it. Links to other addresses use the `url` kind, which has no record
 * (URL_EVIDENCE_KIND).
 */

export interface EvidenceKind {
  /**
   * Records of this kind in the task force: by id (one query for every id on a page; ids not in the
   * task force are simply missing), or with `ids` null the most recent ones, for picking.
   */
  find(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]>;
  /** The record's page, for the link. */
  href(taskForceSlug: string, recordId: string, record: EvidenceRecord): string;
  /** Who may see links of this kind at all; records not `shared` also need grant.readInternal. */
  readPermission: Permission;
}

export const URL_EVIDENCE_KIND = "url";

export const EVIDENCE_KINDS = {
  assessment_round: {
    find: findAssessmentRounds,
    href: (slug, id) => `/tf/${slug}/assessments/${id}`,
    readPermission: "assessment.read",
  },
  gap: {
    find: findGaps,
    href: (slug, id) => `/tf/${slug}/gaps/${id}`,
    readPermission: "gap.read",
  },
  action_item: {
    find: findActionItems,
    href: (slug) => `/tf/${slug}/actions`,
    readPermission: "action.read",
  },
  meeting: {
    find: findMeetings,
    href: (slug, id) => `/tf/${slug}/meetings/${id}`,
    readPermission: "meeting.read",
  },
  mou: {
    find: findMous,
    href: (slug, id) => `/tf/${slug}/members/mous#mou-${id}`,
    readPermission: "mou.read",
  },
  protocol: {
    find: findProtocols,
    href: (slug) => `/tf/${slug}/members/protocols`,
    readPermission: "protocol.read",
  },
  document: {
    find: findDocuments,
    href: (slug, id) => `/api/tf/${slug}/documents/${id}`,
    readPermission: "document.read",
  },
  /** A submitted contribution report (trainings logged, hours…): its period's page. */
  contribution: {
    find: findContributionReports,
    href: (slug, _id, record) => `/tf/${slug}/contributions/${record.page}`,
    readPermission: "contribution.read",
  },
} satisfies Record<string, EvidenceKind>;

export type RecordEvidenceKind = keyof typeof EVIDENCE_KINDS;
export const RECORD_EVIDENCE_KINDS = Object.keys(EVIDENCE_KINDS) as RecordEvidenceKind[];

export function evidenceKind(kind: string): EvidenceKind | null {
  return Object.hasOwn(EVIDENCE_KINDS, kind) ? EVIDENCE_KINDS[kind as RecordEvidenceKind] : null;
}
