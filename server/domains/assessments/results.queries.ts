import { scoped } from "@/db/rows";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { agreedStages, assessmentRounds, elementTargets, organizations, responses, responseSubmissions, taskForces, users } from "@/db/schema";
import { organizationOf } from "@/server/domains/organizations";

/* What a round's results are built from: submitted ratings, agreed stages and the task force's targets. */

/**
 * The ratings of submitted responses in the given rounds, one row per person and element (of every
 * element, or only of `elementKey`). Names and texts are selected only when the caller may read
 * individual ratings.
 */
export function listSubmittedRatings(db: Database, taskForceId: string, roundIds: readonly string[], elementKey?: string) {
  return db
    .select({
      roundId: responses.roundId,
      respondentUserId: responses.respondentUserId,
      respondentName: users.name,
      organizationName: organizations.name,
      discipline: responseSubmissions.discipline,
      elementKey: responses.elementKey,
      answer: responses.answer,
      stage: responses.stage,
      rationale: responses.rationale,
      evidence: responses.evidence,
      evidenceLinks: responses.evidenceLinks,
      updatedAt: responses.updatedAt,
    })
    .from(responses)
    .innerJoin(
      responseSubmissions,
      and(
        eq(responseSubmissions.taskForceId, responses.taskForceId),
        eq(responseSubmissions.roundId, responses.roundId),
        eq(responseSubmissions.respondentUserId, responses.respondentUserId),
      ),
    )
    .innerJoin(users, eq(users.id, responses.respondentUserId))
    .leftJoin(organizations, organizationOf(responseSubmissions))
    .where(
      scoped(
        responses,
        taskForceId,
        inArray(responses.roundId, [...roundIds]),
        isNotNull(responseSubmissions.submittedAt),
        elementKey === undefined ? undefined : eq(responses.elementKey, elementKey),
      ),
    )
    .orderBy(asc(users.name), asc(responses.elementKey));
}

/**
 * How many gave each answer (stage 1–5, don't know, not applicable) per round and element, over
 * submitted responses of the task forces' closed rounds, aggregated in the database for the trend.
 * Counts rather than a median: whether a result may be shown to someone who may not read
 * individual ratings depends on the whole group (ratingPrivacy.ts), and the median follows from them.
 */
export function listClosedRoundAnswerCounts(db: Database, taskForceIds: readonly string[]) {
  const ids = [...taskForceIds];
  return db
    .select({
      taskForceId: responses.taskForceId,
      roundId: responses.roundId,
      elementKey: responses.elementKey,
      answer: responses.answer,
      stage: responses.stage,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(responses)
    .innerJoin(
      responseSubmissions,
      and(
        eq(responseSubmissions.taskForceId, responses.taskForceId),
        eq(responseSubmissions.roundId, responses.roundId),
        eq(responseSubmissions.respondentUserId, responses.respondentUserId),
      ),
    )
    .innerJoin(assessmentRounds, and(eq(assessmentRounds.taskForceId, responses.taskForceId), eq(assessmentRounds.id, responses.roundId)))
    .where(
      and(
        inArray(responses.taskForceId, ids),
        // Said again of the joined tables: PostgreSQL carries an equality across a join, not an IN list.
        inArray(responseSubmissions.taskForceId, ids),
        inArray(assessmentRounds.taskForceId, ids),
        eq(assessmentRounds.status, "closed"),
        isNotNull(responseSubmissions.submittedAt),
      ),
    )
    .groupBy(responses.taskForceId, responses.roundId, responses.elementKey, responses.answer, responses.stage);
}

/** Each task force's smallest group of respondents whose rating statistics others may see. */
export function listMinRatingGroups(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: taskForces.id, minRatingGroup: taskForces.minRatingGroup })
    .from(taskForces)
    .where(inArray(taskForces.id, [...taskForceIds]));
}

export async function updateMinRatingGroup(db: Database, taskForceId: string, minRatingGroup: number) {
  await db.update(taskForces).set({ minRatingGroup }).where(eq(taskForces.id, taskForceId));
}

export function listAgreedStages(db: Database, taskForceIds: readonly string[], roundIds?: readonly string[]) {
  return db
    .select({
      taskForceId: agreedStages.taskForceId,
      roundId: agreedStages.roundId,
      elementKey: agreedStages.elementKey,
      stage: agreedStages.stage,
      note: agreedStages.note,
      recordedAt: agreedStages.recordedAt,
      recordedByName: users.name,
    })
    .from(agreedStages)
    .leftJoin(users, eq(users.id, agreedStages.recordedByUserId))
    .where(and(inArray(agreedStages.taskForceId, [...taskForceIds]), roundIds ? inArray(agreedStages.roundId, [...roundIds]) : undefined));
}

export async function findAgreedStage(db: Database, taskForceId: string, roundId: string, elementKey: string) {
  const [row] = await db
    .select({ stage: agreedStages.stage, note: agreedStages.note })
    .from(agreedStages)
    .where(scoped(agreedStages, taskForceId, eq(agreedStages.roundId, roundId), eq(agreedStages.elementKey, elementKey)));
  return row ?? null;
}

export async function upsertAgreedStage(
  db: Database,
  values: { taskForceId: string; roundId: string; elementKey: string; stage: number; note: string; recordedByUserId: string; recordedAt: Date },
) {
  const { stage, note, recordedByUserId, recordedAt } = values;
  await db
    .insert(agreedStages)
    .values(values)
    .onConflictDoUpdate({
      target: [agreedStages.roundId, agreedStages.elementKey],
      set: { stage, note, recordedByUserId, recordedAt },
      setWhere: eq(agreedStages.taskForceId, values.taskForceId),
    });
}

export async function deleteAgreedStage(db: Database, taskForceId: string, roundId: string, elementKey: string) {
  await db
    .delete(agreedStages)
    .where(scoped(agreedStages, taskForceId, eq(agreedStages.roundId, roundId), eq(agreedStages.elementKey, elementKey)));
}

export function listTargets(db: Database, taskForceId: string) {
  return db
    .select({
      elementKey: elementTargets.elementKey,
      stage: elementTargets.stage,
      note: elementTargets.note,
      updatedAt: elementTargets.updatedAt,
      updatedByName: users.name,
    })
    .from(elementTargets)
    .leftJoin(users, eq(users.id, elementTargets.updatedByUserId))
    .where(eq(elementTargets.taskForceId, taskForceId))
    .orderBy(asc(elementTargets.elementKey));
}

export async function findTarget(db: Database, taskForceId: string, elementKey: string) {
  const [row] = await db
    .select({ stage: elementTargets.stage, note: elementTargets.note })
    .from(elementTargets)
    .where(scoped(elementTargets, taskForceId, eq(elementTargets.elementKey, elementKey)));
  return row ?? null;
}

export async function upsertTarget(
  db: Database,
  values: { taskForceId: string; elementKey: string; stage: number; note: string; updatedByUserId: string; updatedAt: Date },
) {
  const { stage, note, updatedByUserId, updatedAt } = values;
  await db
    .insert(elementTargets)
    .values(values)
    .onConflictDoUpdate({ target: [elementTargets.taskForceId, elementTargets.elementKey], set: { stage, note, updatedByUserId, updatedAt } });
}

export async function deleteTarget(db: Database, taskForceId: string, elementKey: string) {
  await db.delete(elementTargets).where(scoped(elementTargets, taskForceId, eq(elementTargets.elementKey, elementKey)));
}

export async function findOrganizationDiscipline(db: Database, taskForceId: string, organizationId: string) {
  const [row] = await db
    .select({ discipline: organizations.primaryDiscipline })
    .from(organizations)
    .where(scoped(organizations, taskForceId, eq(organizations.id, organizationId)));
  return row?.discipline ?? null;
}
