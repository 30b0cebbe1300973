import { onlyRow } from "@/db/rows";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  agreedStages,
  assessmentRounds,
  elementTargets,
  frameworks,
  frameworkVersions,
  memberships,
  organizations,
  responses,
  responseSubmissions,
  roundInvitees,
  TASK_FORCE_ROLES,
  taskForces,
  users,
} from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { organizationOf } from "@/server/domains/organizations";

type RoundStatus = (typeof assessmentRounds.$inferSelect)["status"];
type RoundAudience = (typeof assessmentRounds.$inferSelect)["audience"];
type ResponseAnswer = (typeof responses.$inferSelect)["answer"];

/** Roles that can be asked to respond follow the permission map, not a list of role names here. */
export const RESPONDENT_ROLES = TASK_FORCE_ROLES.filter((role) => can(role, "assessment.respond"));

/** An active membership whose role may respond: the people a round with audience "all" asks. */
const isEligibleMembership = (taskForceId: string) =>
  and(eq(memberships.taskForceId, taskForceId), isNull(memberships.endedAt), inArray(memberships.role, RESPONDENT_ROLES));

const roundColumns = {
  id: assessmentRounds.id,
  title: assessmentRounds.title,
  status: assessmentRounds.status,
  audience: assessmentRounds.audience,
  opensOn: assessmentRounds.opensOn,
  closesOn: assessmentRounds.closesOn,
  openedAt: assessmentRounds.openedAt,
  closedAt: assessmentRounds.closedAt,
  createdAt: assessmentRounds.createdAt,
  frameworkVersionId: assessmentRounds.frameworkVersionId,
};

export type RoundRow = {
  id: string;
  title: string;
  status: RoundStatus;
  audience: RoundAudience;
  opensOn: string;
  closesOn: string;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  frameworkVersionId: string;
};

/**
 * A round of this task force. `lock` "share" holds off a concurrent close while a response is
 * saved; "update" serialises status changes.
 */
export async function findRound(db: Database, taskForceId: string, roundId: string, lock?: "share" | "update"): Promise<RoundRow | null> {
  const query = db
    .select(roundColumns)
    .from(assessmentRounds)
    .where(and(eq(assessmentRounds.taskForceId, taskForceId), eq(assessmentRounds.id, roundId)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** Correlated counts per round, so the list is one query however many rounds there are. */
const askedCount = sql<number>`case when ${assessmentRounds.audience} = 'all' then (
    select count(*) from ${memberships}
    where ${memberships.taskForceId} = ${assessmentRounds.taskForceId} and ${memberships.endedAt} is null
      and ${inArray(memberships.role, RESPONDENT_ROLES)}
  ) else (
    select count(*) from ${roundInvitees}
    join ${memberships} on ${memberships.taskForceId} = ${roundInvitees.taskForceId}
      and ${memberships.userId} = ${roundInvitees.userId} and ${memberships.endedAt} is null
      and ${inArray(memberships.role, RESPONDENT_ROLES)}
    where ${roundInvitees.taskForceId} = ${assessmentRounds.taskForceId} and ${roundInvitees.roundId} = ${assessmentRounds.id}
  ) end`.mapWith(Number);

const startedCount = sql<number>`(select count(*) from ${responseSubmissions}
    where ${responseSubmissions.taskForceId} = ${assessmentRounds.taskForceId} and ${responseSubmissions.roundId} = ${assessmentRounds.id})`.mapWith(
  Number,
);

const submittedCount = sql<number>`(select count(*) from ${responseSubmissions}
    where ${responseSubmissions.taskForceId} = ${assessmentRounds.taskForceId} and ${responseSubmissions.roundId} = ${assessmentRounds.id}
      and ${responseSubmissions.submittedAt} is not null)`.mapWith(Number);

const roundSummaryColumns = {
  ...roundColumns,
  frameworkName: frameworks.name,
  frameworkVersion: frameworkVersions.version,
  askedCount,
  startedCount,
  submittedCount,
};

export function listRoundSummaries(db: Database, taskForceId: string) {
  return db
    .select(roundSummaryColumns)
    .from(assessmentRounds)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessmentRounds.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(assessmentRounds.taskForceId, taskForceId))
    .orderBy(desc(assessmentRounds.opensOn), desc(assessmentRounds.createdAt));
}

export async function findRoundSummary(db: Database, taskForceId: string, roundId: string) {
  const [row] = await db
    .select({ ...roundSummaryColumns, content: frameworkVersions.content, wordingNote: frameworkVersions.wordingNote })
    .from(assessmentRounds)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessmentRounds.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(assessmentRounds.taskForceId, taskForceId), eq(assessmentRounds.id, roundId)));
  return row ?? null;
}

/** Rounds of the task forces with their framework content, oldest first; `ids` narrows them, `status` filters. */
export function listRoundsWithContent(db: Database, taskForceIds: readonly string[], options: { ids?: string[]; status?: RoundStatus }) {
  return db
    .select({ ...roundColumns, taskForceId: assessmentRounds.taskForceId, content: frameworkVersions.content })
    .from(assessmentRounds)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessmentRounds.frameworkVersionId))
    .where(
      and(
        inArray(assessmentRounds.taskForceId, [...taskForceIds]),
        options.ids ? inArray(assessmentRounds.id, options.ids) : undefined,
        options.status ? eq(assessmentRounds.status, options.status) : undefined,
      ),
    )
    .orderBy(asc(assessmentRounds.closesOn), asc(assessmentRounds.createdAt));
}

export async function insertRound(
  db: Database,
  values: {
    taskForceId: string;
    title: string;
    frameworkVersionId: string;
    audience: RoundAudience;
    opensOn: string;
    closesOn: string;
    createdByUserId: string | null;
    status?: RoundStatus;
    openedAt?: Date | null;
    closedAt?: Date | null;
  },
) {
  return onlyRow(await db.insert(assessmentRounds).values(values).returning({ id: assessmentRounds.id }), "assessment round insert");
}

export async function updateRoundRow(
  db: Database,
  taskForceId: string,
  roundId: string,
  values: Partial<{
    title: string;
    audience: RoundAudience;
    opensOn: string;
    closesOn: string;
    status: RoundStatus;
    openedAt: Date | null;
    closedAt: Date | null;
  }>,
) {
  await db
    .update(assessmentRounds)
    .set(values)
    .where(and(eq(assessmentRounds.taskForceId, taskForceId), eq(assessmentRounds.id, roundId)));
}

export async function replaceInvitees(db: Database, taskForceId: string, roundId: string, userIds: readonly string[]) {
  await db.delete(roundInvitees).where(and(eq(roundInvitees.taskForceId, taskForceId), eq(roundInvitees.roundId, roundId)));
  if (userIds.length > 0) {
    await db.insert(roundInvitees).values(userIds.map((userId) => ({ taskForceId, roundId, userId })));
  }
}

export async function listInviteeIds(db: Database, taskForceId: string, roundId: string) {
  const rows = await db
    .select({ userId: roundInvitees.userId })
    .from(roundInvitees)
    .where(and(eq(roundInvitees.taskForceId, taskForceId), eq(roundInvitees.roundId, roundId)));
  return rows.map((row) => row.userId);
}

/** Of `userIds`, those who hold an active membership in the task force with a role that may respond. */
export async function filterEligibleRespondents(db: Database, taskForceId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(isEligibleMembership(taskForceId), inArray(memberships.userId, [...userIds])));
  return rows.map((row) => row.userId);
}

/** The people a round asks now, with their current organization and its discipline. */
export function listAskedPeople(db: Database, taskForceId: string, round: { id: string; audience: RoundAudience }, onlyUserId?: string) {
  const base = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      discipline: organizations.primaryDiscipline,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organizations, organizationOf(memberships));
  const where = and(isEligibleMembership(taskForceId), onlyUserId ? eq(memberships.userId, onlyUserId) : undefined);
  if (round.audience === "all") return base.where(where).orderBy(asc(users.name));
  return base
    .innerJoin(
      roundInvitees,
      and(
        eq(roundInvitees.taskForceId, memberships.taskForceId),
        eq(roundInvitees.roundId, round.id),
        eq(roundInvitees.userId, memberships.userId),
      ),
    )
    .where(where)
    .orderBy(asc(users.name));
}

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
      and(
        eq(responseSubmissions.taskForceId, taskForceId),
        eq(responseSubmissions.roundId, roundId),
        eq(responseSubmissions.respondentUserId, userId),
      ),
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
      and(
        eq(responseSubmissions.taskForceId, taskForceId),
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
    .where(and(eq(responses.taskForceId, taskForceId), eq(responses.roundId, roundId), eq(responses.respondentUserId, userId)))
    .orderBy(asc(responses.elementKey));
}

export async function findResponseOf(db: Database, taskForceId: string, roundId: string, userId: string, elementKey: string) {
  const [row] = await db
    .select(myResponseColumns)
    .from(responses)
    .where(
      and(
        eq(responses.taskForceId, taskForceId),
        eq(responses.roundId, roundId),
        eq(responses.respondentUserId, userId),
        eq(responses.elementKey, elementKey),
      ),
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
      and(
        eq(responses.taskForceId, taskForceId),
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
    .where(and(eq(responseSubmissions.taskForceId, taskForceId), eq(responseSubmissions.roundId, roundId)))
    .groupBy(responseSubmissions.respondentUserId, users.name, responseSubmissions.organizationId, organizations.name, responseSubmissions.discipline, responseSubmissions.startedAt, responseSubmissions.submittedAt);
}

/**
 * The ratings of submitted responses in the given rounds, one row per person and element. Names
 * and texts are selected only when the caller may read individual ratings.
 */
export function listSubmittedRatings(db: Database, taskForceId: string, roundIds: readonly string[]) {
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
      and(
        eq(responses.taskForceId, taskForceId),
        inArray(responses.roundId, [...roundIds]),
        isNotNull(responseSubmissions.submittedAt),
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
    .where(and(eq(agreedStages.taskForceId, taskForceId), eq(agreedStages.roundId, roundId), eq(agreedStages.elementKey, elementKey)));
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
    .where(and(eq(agreedStages.taskForceId, taskForceId), eq(agreedStages.roundId, roundId), eq(agreedStages.elementKey, elementKey)));
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
    .where(and(eq(elementTargets.taskForceId, taskForceId), eq(elementTargets.elementKey, elementKey)));
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
  await db.delete(elementTargets).where(and(eq(elementTargets.taskForceId, taskForceId), eq(elementTargets.elementKey, elementKey)));
}

export async function findOrganizationDiscipline(db: Database, taskForceId: string, organizationId: string) {
  const [row] = await db
    .select({ discipline: organizations.primaryDiscipline })
    .from(organizations)
    .where(and(eq(organizations.taskForceId, taskForceId), eq(organizations.id, organizationId)));
  return row?.discipline ?? null;
}
