import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { grantRequirements, requirementStatusChanges, users } from "@/db/schema";

/*
 * The recorded history of requirement statuses (requirement_status_changes): rows are only ever
 * added, never changed, so this file has inserts and reads and nothing else for that table.
 */

type StatusChangeInsert = typeof requirementStatusChanges.$inferInsert;

/** What the recorder needs of a requirement to work out the status it shows. */
export type StatusInput = Awaited<ReturnType<typeof listStatusInputs>>[number];

/**
 * The requirements the recorder is about to record, locked until the transaction ends, in id order
 * (so that two recorders lock in the same order and never wait on each other in a circle). The lock
 * is what makes recording exact: a second process recording the same requirement waits, then sees
 * the first one's row and adds nothing.
 */
export function listStatusInputs(db: Database, taskForceIds: readonly string[], which: { requirementIds: readonly string[] } | { grantId: string }) {
  const where: SQL | undefined =
    "grantId" in which ? eq(grantRequirements.grantId, which.grantId) : inArray(grantRequirements.id, [...which.requirementIds]);
  return db
    .select({
      id: grantRequirements.id,
      taskForceId: grantRequirements.taskForceId,
      grantId: grantRequirements.grantId,
      computedKey: grantRequirements.computedKey,
      status: grantRequirements.status,
      overrideStatus: grantRequirements.overrideStatus,
      overrideReason: grantRequirements.overrideReason,
      createdAt: grantRequirements.createdAt,
    })
    .from(grantRequirements)
    .where(and(inArray(grantRequirements.taskForceId, [...taskForceIds]), where))
    .orderBy(asc(grantRequirements.id))
    .for("update");
}

/** The latest recorded status of each requirement (of all the task forces' requirements, or of the given ones). */
export function listLatestStatusChanges(db: Database, taskForceIds: readonly string[], requirementIds?: readonly string[]) {
  if (taskForceIds.length === 0 || requirementIds?.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([requirementStatusChanges.taskForceId, requirementStatusChanges.requirementId], {
      requirementId: requirementStatusChanges.requirementId,
      sequence: requirementStatusChanges.sequence,
      status: requirementStatusChanges.status,
    })
    .from(requirementStatusChanges)
    .where(
      and(
        inArray(requirementStatusChanges.taskForceId, [...taskForceIds]),
        requirementIds ? inArray(requirementStatusChanges.requirementId, [...requirementIds]) : undefined,
      ),
    )
    .orderBy(requirementStatusChanges.taskForceId, requirementStatusChanges.requirementId, desc(requirementStatusChanges.sequence));
}

export async function insertStatusChanges(db: Database, rows: StatusChangeInsert[]) {
  if (rows.length > 0) await db.insert(requirementStatusChanges).values(rows);
}

const sameRequirement = and(
  eq(grantRequirements.taskForceId, requirementStatusChanges.taskForceId),
  eq(grantRequirements.id, requirementStatusChanges.requirementId),
);

/** Every recorded change of an award's requirements, with the requirement's title and who made it, in requirement order. */
export function listStatusChangesOfGrant(db: Database, taskForceId: string, grantId: string) {
  return db
    .select({
      requirementId: requirementStatusChanges.requirementId,
      sequence: requirementStatusChanges.sequence,
      status: requirementStatusChanges.status,
      source: requirementStatusChanges.source,
      reason: requirementStatusChanges.reason,
      changedAt: requirementStatusChanges.changedAt,
      recordedAt: requirementStatusChanges.recordedAt,
      changedByName: users.name,
      title: grantRequirements.title,
    })
    .from(requirementStatusChanges)
    .innerJoin(grantRequirements, sameRequirement)
    .leftJoin(users, eq(users.id, requirementStatusChanges.changedByUserId))
    .where(and(eq(requirementStatusChanges.taskForceId, taskForceId), eq(grantRequirements.grantId, grantId)))
    .orderBy(asc(grantRequirements.position), asc(grantRequirements.title), asc(grantRequirements.id), asc(requirementStatusChanges.sequence));
}

/** Every recorded change of every award of the task forces, with its award: one query for a portfolio. */
export function listStatusChangesOfTaskForces(db: Database, taskForceIds: readonly string[]) {
  if (taskForceIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      grantId: grantRequirements.grantId,
      requirementId: requirementStatusChanges.requirementId,
      sequence: requirementStatusChanges.sequence,
      status: requirementStatusChanges.status,
      source: requirementStatusChanges.source,
      changedAt: requirementStatusChanges.changedAt,
      recordedAt: requirementStatusChanges.recordedAt,
    })
    .from(requirementStatusChanges)
    .innerJoin(grantRequirements, sameRequirement)
    .where(
      and(
        inArray(requirementStatusChanges.taskForceId, [...taskForceIds]),
        // Said of the requirements too: PostgreSQL carries an equality across a join, not an IN list.
        inArray(grantRequirements.taskForceId, [...taskForceIds]),
      ),
    )
    .orderBy(asc(requirementStatusChanges.requirementId), asc(requirementStatusChanges.sequence));
}
