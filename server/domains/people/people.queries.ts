import { insertOne } from "@/db/rows";
import { and, asc, desc, eq, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { TaskForceRole } from "@/server/auth/permissions";
import { organizationOf } from "@/server/domains/organizations";

export function listActiveMemberships(db: Database, taskForceId: string) {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      startedAt: memberships.startedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organizations, organizationOf(memberships))
    .where(and(eq(memberships.taskForceId, taskForceId), isNull(memberships.endedAt)))
    .orderBy(asc(users.name));
}

export async function findActiveMembership(db: Database, taskForceId: string, membershipId: string) {
  const [row] = await db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, organizationId: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.id, membershipId), isNull(memberships.endedAt)));
  return row ?? null;
}

/** The person's active membership in the task force (their role, organization and name), or null. */
export async function findActiveMember(db: Database, taskForceId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, role: memberships.role, organizationId: memberships.organizationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.userId, userId), isNull(memberships.endedAt)));
  return row ?? null;
}

export async function findActiveMembershipOfUser(db: Database, taskForceId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.userId, userId), isNull(memberships.endedAt)));
  return row ?? null;
}

/**
 * Counts the active coordinators and locks their rows until the transaction ends, so that two
 * coordinators demoting each other at the same moment cannot both pass the "one remains" check.
 */
export async function countActiveCoordinatorsForUpdate(db: Database, taskForceId: string) {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.taskForceId, taskForceId), eq(memberships.role, "coordinator"), isNull(memberships.endedAt)),
    )
    .for("update");
  return rows.length;
}

export async function insertMembership(
  db: Database,
  values: { taskForceId: string; userId: string; role: TaskForceRole; organizationId: string | null },
) {
  return insertOne(db, memberships, values, { id: memberships.id }, "membership insert");
}

export async function updateMembershipRole(
  db: Database,
  taskForceId: string,
  membershipId: string,
  values: { role: TaskForceRole; organizationId: string | null },
) {
  await db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.id, membershipId)));
}

export async function endMembershipRow(db: Database, taskForceId: string, membershipId: string, endedAt: Date) {
  await db
    .update(memberships)
    .set({ endedAt })
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.id, membershipId)));
}

/** The person's most recent membership in the task force (active or ended), with their name. */
export async function findLatestMembershipOfUser(db: Database, taskForceId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, role: memberships.role, organizationId: memberships.organizationId, endedAt: memberships.endedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.userId, userId)))
    .orderBy(sql`${memberships.endedAt} desc nulls first`)
    .limit(1);
  return row ?? null;
}

/** People whose membership ended and who hold no active one now: whose responsibilities may need a new home. */
export function listFormerMembers(db: Database, taskForceId: string) {
  const active = db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.taskForceId, taskForceId), isNull(memberships.endedAt)));
  return db
    .selectDistinctOn([users.id], { userId: users.id, name: users.name, endedAt: memberships.endedAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.taskForceId, taskForceId), isNotNull(memberships.endedAt), notInArray(memberships.userId, active)))
    .orderBy(users.id, desc(memberships.endedAt));
}

/** The task forces in which the person holds an active membership. */
export async function listActiveTaskForceIdsOfUser(db: Database, userId: string) {
  const rows = await db
    .select({ taskForceId: memberships.taskForceId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)));
  return rows.map((row) => row.taskForceId);
}
