import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, taskForces } from "@/db/schema";

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
