import { insertOne, scoped } from "@/db/rows";
import { aliasedTable, and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { committeeMembers, committees, memberships, organizations, users } from "@/db/schema";

/* The committees of a task force: their chairs and members, and the committees an organization or person sits on. */

/* ---------- committees ---------- */

const chairUsers = aliasedTable(users, "chair_users");

export function listCommittees(db: Database, taskForceId: string) {
  return db
    .select({
      id: committees.id,
      name: committees.name,
      description: committees.description,
      chairOrganizationId: committees.chairOrganizationId,
      chairOrganizationName: organizations.name,
      chairUserId: committees.chairUserId,
      chairUserName: chairUsers.name,
    })
    .from(committees)
    .leftJoin(organizations, and(eq(organizations.taskForceId, committees.taskForceId), eq(organizations.id, committees.chairOrganizationId)))
    .leftJoin(chairUsers, eq(chairUsers.id, committees.chairUserId))
    .where(eq(committees.taskForceId, taskForceId))
    .orderBy(asc(committees.name));
}

/**
 * The committees an organization takes part in: those it chairs, and those on which someone whose
 * active membership is with it sits. Shown on the organization's profile.
 */
export async function listCommitteesOfOrganization(db: Database, taskForceId: string, organizationId: string) {
  const staffSeat = db
    .select({ committeeId: committeeMembers.committeeId })
    .from(committeeMembers)
    .innerJoin(
      memberships,
      and(eq(memberships.taskForceId, committeeMembers.taskForceId), eq(memberships.userId, committeeMembers.userId), isNull(memberships.endedAt)),
    )
    .where(scoped(committeeMembers, taskForceId, eq(memberships.organizationId, organizationId)));
  const rows = await db
    .select({ id: committees.id, name: committees.name, chairOrganizationId: committees.chairOrganizationId })
    .from(committees)
    .where(scoped(committees, taskForceId, or(eq(committees.chairOrganizationId, organizationId), inArray(committees.id, staffSeat))))
    .orderBy(asc(committees.name));
  return rows.map((row) => ({ id: row.id, name: row.name, chairs: row.chairOrganizationId === organizationId }));
}

export async function findCommittee(db: Database, taskForceId: string, committeeId: string) {
  const [row] = await db
    .select()
    .from(committees)
    .where(scoped(committees, taskForceId, eq(committees.id, committeeId)));
  return row ?? null;
}

export function listCommitteeMembers(db: Database, taskForceId: string) {
  return db
    .select({ committeeId: committeeMembers.committeeId, userId: users.id, name: users.name })
    .from(committeeMembers)
    .innerJoin(users, eq(users.id, committeeMembers.userId))
    .where(eq(committeeMembers.taskForceId, taskForceId))
    .orderBy(asc(users.name));
}

/** Committees whose meetings the person may see as a member: they sit on it or chair it. */
export async function listCommitteeIdsOf(db: Database, taskForceId: string, userId: string): Promise<Set<string>> {
  const [seats, chairs] = await Promise.all([
    db
      .select({ id: committeeMembers.committeeId })
      .from(committeeMembers)
      .where(scoped(committeeMembers, taskForceId, eq(committeeMembers.userId, userId))),
    db
      .select({ id: committees.id })
      .from(committees)
      .where(scoped(committees, taskForceId, eq(committees.chairUserId, userId))),
  ]);
  return new Set([...seats, ...chairs].map((row) => row.id));
}

export async function insertCommittee(db: Database, values: typeof committees.$inferInsert) {
  return insertOne(db, committees, values, { id: committees.id }, "committee insert");
}

export async function updateCommitteeRow(db: Database, taskForceId: string, committeeId: string, values: Partial<typeof committees.$inferInsert>) {
  await db
    .update(committees)
    .set(values)
    .where(scoped(committees, taskForceId, eq(committees.id, committeeId)));
}

export async function insertCommitteeMember(db: Database, values: typeof committeeMembers.$inferInsert) {
  const rows = await db.insert(committeeMembers).values(values).onConflictDoNothing().returning({ id: committeeMembers.id });
  return rows.length > 0;
}

export async function deleteCommitteeMember(db: Database, taskForceId: string, committeeId: string, userId: string) {
  const rows = await db
    .delete(committeeMembers)
    .where(scoped(committeeMembers, taskForceId, eq(committeeMembers.committeeId, committeeId), eq(committeeMembers.userId, userId)))
    .returning({ id: committeeMembers.id });
  return rows.length > 0;
}

export function listCommitteesChairedByUser(db: Database, taskForceId: string, userId: string) {
  return db
    .select({ id: committees.id, name: committees.name })
    .from(committees)
    .where(scoped(committees, taskForceId, eq(committees.chairUserId, userId)))
    .orderBy(asc(committees.name));
}
