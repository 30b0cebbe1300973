import { scoped } from "@/db/rows";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { organizations, responses, responseSubmissions, users } from "@/db/schema";
import { organizationOf } from "@/server/domains/organizations";

/* Submissions and answers: who has started, what they rated, how far they got. */

type ResponseAnswer = (typeof responses.$inferSelect)["answer"];


export async function findSubmission(db: Database, taskForceId: string, roundId: string, userId: string) {
  const [row] = await db
    .select({
      startedAt: responseSubmissions.startedAt,
      submittedAt: responseSubmissions.submittedAt,
      organizationId: responseSubmissions.organizationId,
      discipline: responseSubmissions.discipline,
    })
    .from(responseSubmissions)
    .where(
      scoped(responseSubmissions, taskForceId, eq(responseSubmissions.roundId, roundId), eq(responseSubmissions.respondentUserId, userId)),
    );
  return row ?? null;
}

/** Starts a person's response; a second call (two tabs saving at once) leaves the first row as it is. */
export async function insertSubmissionIfMissing(
  db: Database,
  values: {
    taskForceId: string;
    roundId: string;
    respondentUserId: string;
    organizationId: string | null;
    discipline: string | null;
    startedAt: Date;
    submittedAt?: Date | null;
  },
) {
  await db.insert(responseSubmissions).values(values).onConflictDoNothing();
}

export async function markSubmitted(db: Database, taskForceId: string, roundId: string, userId: string, now: Date) {
  await db
    .update(responseSubmissions)
    .set({ submittedAt: now })
    .where(
      scoped(
        responseSubmissions,
        taskForceId,
        eq(responseSubmissions.roundId, roundId),
        eq(responseSubmissions.respondentUserId, userId),
        isNull(responseSubmissions.submittedAt),
      ),
    );
}

const myResponseColumns = {
  elementKey: responses.elementKey,
  answer: responses.answer,
  stage: responses.stage,
  rationale: responses.rationale,
  evidence: responses.evidence,
  evidenceLinks: responses.evidenceLinks,
  updatedAt: responses.updatedAt,
};

export function listResponsesOf(db: Database, taskForceId: string, roundId: string, userId: string) {
  return db
    .select(myResponseColumns)
    .from(responses)
    .where(scoped(responses, taskForceId, eq(responses.roundId, roundId), eq(responses.respondentUserId, userId)))
    .orderBy(asc(responses.elementKey));
}

export async function findResponseOf(db: Database, taskForceId: string, roundId: string, userId: string, elementKey: string) {
  const [row] = await db
    .select(myResponseColumns)
    .from(responses)
    .where(
      scoped(responses, taskForceId, eq(responses.roundId, roundId), eq(responses.respondentUserId, userId), eq(responses.elementKey, elementKey)),
    );
  return row ?? null;
}

/** Writes the caller's rating of one element: insert, or replace the earlier one. Idempotent. */
export async function upsertResponse(
  db: Database,
  values: {
    taskForceId: string;
    roundId: string;
    respondentUserId: string;
    elementKey: string;
    answer: ResponseAnswer;
    stage: number | null;
    rationale: string;
    evidence: string;
    evidenceLinks: string[];
    updatedAt: Date;
  },
) {
  const { answer, stage, rationale, evidence, evidenceLinks, updatedAt } = values;
  await db
    .insert(responses)
    .values(values)
    .onConflictDoUpdate({
      target: [responses.roundId, responses.respondentUserId, responses.elementKey],
      // The conflict target has no task force column; the where keeps the update inside the tenant.
      set: { answer, stage, rationale, evidence, evidenceLinks, updatedAt },
      setWhere: eq(responses.taskForceId, values.taskForceId),
    });
}

/** Many ratings at once (the demo seed); rows must not exist yet. */
export async function insertResponses(db: Database, rows: (typeof responses.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(responses).values(rows);
}

/** How many of `elementKeys` the person has answered (stage, don't know or not applicable). */
export async function countAnswered(db: Database, taskForceId: string, roundId: string, userId: string, elementKeys: readonly string[]) {
  if (elementKeys.length === 0) return 0;
  const [row] = await db
    .select({ answered: sql<number>`count(*)`.mapWith(Number) })
    .from(responses)
    .where(
      scoped(
        responses,
        taskForceId,
        eq(responses.roundId, roundId),
        eq(responses.respondentUserId, userId),
        inArray(responses.elementKey, [...elementKeys]),
      ),
    );
  return row?.answered ?? 0;
}

/** Everyone who started a response in the round, with their snapshot and how far they got. */
export function listSubmissionProgress(db: Database, taskForceId: string, roundId: string) {
  return db
    .select({
      userId: responseSubmissions.respondentUserId,
      name: users.name,
      organizationId: responseSubmissions.organizationId,
      organizationName: organizations.name,
      discipline: responseSubmissions.discipline,
      startedAt: responseSubmissions.startedAt,
      submittedAt: responseSubmissions.submittedAt,
      answeredCount: sql<number>`count(${responses.id})`.mapWith(Number),
      lastSavedAt: sql<Date | null>`max(${responses.updatedAt})`.mapWith((value: string | Date | null) =>
        value === null ? null : new Date(value),
      ),
    })
    .from(responseSubmissions)
    .innerJoin(users, eq(users.id, responseSubmissions.respondentUserId))
    .leftJoin(organizations, organizationOf(responseSubmissions))
    .leftJoin(
      responses,
      and(
        eq(responses.taskForceId, responseSubmissions.taskForceId),
        eq(responses.roundId, responseSubmissions.roundId),
        eq(responses.respondentUserId, responseSubmissions.respondentUserId),
      ),
    )
    .where(scoped(responseSubmissions, taskForceId, eq(responseSubmissions.roundId, roundId)))
    .groupBy(responseSubmissions.respondentUserId, users.name, responseSubmissions.organizationId, organizations.name, responseSubmissions.discipline, responseSubmissions.startedAt, responseSubmissions.submittedAt);
}
