import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { actionItems, assessmentRounds, gaps } from "@/db/schema";

/*
 * Lookups behind the evidence kinds (evidenceKinds.ts): for each kind, the records of one task
 * force by id (one query for all ids of a page), or with `ids` null the most recent ones a
 * coordinator may pick from.
 */

export const PICK_LIMIT = 200;

export interface EvidenceRecord {
  id: string;
  label: string;
  /** False for records only task-force insiders may see (draft or open rounds, action items). */
  shared: boolean;
  /** Where the record's page is not addressed by its id (a contribution report: its period). */
  page?: string;
}

export async function findAssessmentRounds(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: assessmentRounds.id, label: assessmentRounds.title, status: assessmentRounds.status })
    .from(assessmentRounds)
    .where(and(eq(assessmentRounds.taskForceId, taskForceId), ids ? inArray(assessmentRounds.id, [...ids]) : undefined))
    .orderBy(desc(assessmentRounds.opensOn))
    .limit(ids ? Math.max(ids.length, 1) : PICK_LIMIT);
  return rows.map((row) => ({ id: row.id, label: row.label, shared: row.status === "closed" }));
}

export async function findGaps(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: gaps.id, label: gaps.title })
    .from(gaps)
    .where(and(eq(gaps.taskForceId, taskForceId), ids ? inArray(gaps.id, [...ids]) : undefined))
    .orderBy(desc(gaps.updatedAt))
    .limit(ids ? Math.max(ids.length, 1) : PICK_LIMIT);
  return rows.map((row) => ({ ...row, shared: true }));
}

export async function findActionItems(db: Database, taskForceId: string, ids: readonly string[] | null): Promise<EvidenceRecord[]> {
  const rows = await db
    .select({ id: actionItems.id, label: actionItems.title })
    .from(actionItems)
    .where(and(eq(actionItems.taskForceId, taskForceId), ids ? inArray(actionItems.id, [...ids]) : undefined))
    .orderBy(desc(actionItems.updatedAt))
    .limit(ids ? Math.max(ids.length, 1) : PICK_LIMIT);
  return rows.map((row) => ({ ...row, shared: false }));
}
