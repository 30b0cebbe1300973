import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, taskForces } from "@/db/schema";
import { PORTFOLIO_ROLES } from "@/server/auth/permissions";

export async function findActiveMembershipBySlug(db: Database, userId: string, slug: string) {
  const [row] = await db
    .select({
      taskForceId: taskForces.id,
      role: memberships.role,
      organizationId: memberships.organizationId,
      taskForceName: taskForces.name,
      timeZone: taskForces.timeZone,
    })
    .from(memberships)
    .innerJoin(taskForces, eq(taskForces.id, memberships.taskForceId))
    .where(and(eq(taskForces.slug, slug), eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .limit(1);
  return row ?? null;
}

/** The task forces the person funds: active memberships in a portfolio role, nothing else (the funder's scope). */
export function listFundedTaskForces(db: Database, userId: string) {
  return db
    .select({ id: taskForces.id, slug: taskForces.slug, name: taskForces.name, timeZone: taskForces.timeZone })
    .from(memberships)
    .innerJoin(taskForces, eq(taskForces.id, memberships.taskForceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt), inArray(memberships.role, [...PORTFOLIO_ROLES])))
    .orderBy(asc(taskForces.name));
}

export function listTaskForcesOfUser(db: Database, userId: string) {
  return db
    .select({ slug: taskForces.slug, name: taskForces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(taskForces, eq(taskForces.id, memberships.taskForceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .orderBy(asc(taskForces.name));
}

export async function findTaskForce(db: Database, taskForceId: string) {
  const [row] = await db
    .select({ id: taskForces.id, slug: taskForces.slug, name: taskForces.name, timeZone: taskForces.timeZone })
    .from(taskForces)
    .where(eq(taskForces.id, taskForceId));
  return row ?? null;
}

export async function findTaskForceIdBySlug(db: Database, slug: string) {
  const [row] = await db.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.slug, slug));
  return row?.id ?? null;
}

export async function insertTaskForce(db: Database, values: { slug: string; name: string; timeZone: string; frameworkId?: string | null }) {
  const [row] = await db
    .insert(taskForces)
    .values(values)
    .onConflictDoNothing({ target: taskForces.slug })
    .returning({ id: taskForces.id, slug: taskForces.slug, name: taskForces.name, timeZone: taskForces.timeZone });
  return row ?? null;
}

export async function updateTaskForce(db: Database, taskForceId: string, values: { name: string; timeZone: string }) {
  await db.update(taskForces).set(values).where(eq(taskForces.id, taskForceId));
}

export function listAllTaskForces(db: Database) {
  return db
    .select({
      id: taskForces.id,
      slug: taskForces.slug,
      name: taskForces.name,
      timeZone: taskForces.timeZone,
      createdAt: taskForces.createdAt,
      activeMembers: count(memberships.id),
    })
    .from(taskForces)
    .leftJoin(memberships, and(eq(memberships.taskForceId, taskForces.id), isNull(memberships.endedAt)))
    .groupBy(taskForces.id)
    .orderBy(asc(taskForces.name));
}
