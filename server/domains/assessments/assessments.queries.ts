import { insertOne } from "@/db/rows";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assessmentRounds,
  frameworks,
  frameworkVersions,
  memberships,
  organizations,
  responseSubmissions,
  roundInvitees,
  TASK_FORCE_ROLES,
  users,
} from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { organizationOf } from "@/server/domains/organizations";
import { rowInLanguage } from "@/server/domains/frameworks";

type RoundStatus = (typeof assessmentRounds.$inferSelect)["status"];
type RoundAudience = (typeof assessmentRounds.$inferSelect)["audience"];

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

/** A round with its framework's content in the reader's language (`locale`). */
export async function findRoundSummary(db: Database, taskForceId: string, roundId: string, locale: string | undefined) {
  const [row] = await db
    .select({ ...roundSummaryColumns, content: frameworkVersions.content, wordingNote: frameworkVersions.wordingNote })
    .from(assessmentRounds)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, assessmentRounds.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(assessmentRounds.taskForceId, taskForceId), eq(assessmentRounds.id, roundId)));
  return row ? rowInLanguage(row, locale) : null;
}

/**
 * Rounds of the task forces with their framework content in the reader's language (`locale`),
 * oldest first; `ids` narrows them, `status` filters.
 */
export async function listRoundsWithContent(
  db: Database,
  taskForceIds: readonly string[],
  options: { ids?: string[]; status?: RoundStatus; locale: string | undefined },
) {
  const rows = await db
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
  return rows.map((row) => rowInLanguage(row, options.locale));
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
  return insertOne(db, assessmentRounds, values, { id: assessmentRounds.id }, "assessment round insert");
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

/** Everyone a round may ask (the rule filterEligibleRespondents checks), by name, with role and organization. */
export function listEligibleRespondents(db: Database, taskForceId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role, organizationName: organizations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organizations, organizationOf(memberships))
    .where(isEligibleMembership(taskForceId))
    .orderBy(asc(users.name));
}

/** The people a round asks now, with their current organization and its discipline. */
export function listAskedPeople(db: Database, taskForceId: string, round: { id: string; audience: RoundAudience }, onlyUserId?: string) {
  const base = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
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
