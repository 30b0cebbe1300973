import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { fundingPrograms, taskForces, users } from "@/db/schema";

/** Whether any demo task force or account is present: every page then shows the demo banner. */
export async function hasDemoData(db: Database): Promise<boolean> {
  const [taskForce] = await db.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.isDemo, true)).limit(1);
  if (taskForce) return true;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  return Boolean(account);
}

export async function markTaskForceAsDemo(db: Database, taskForceId: string) {
  await db.update(taskForces).set({ isDemo: true }).where(eq(taskForces.id, taskForceId));
}

export function listDemoTaskForces(db: Database) {
  return db.select({ id: taskForces.id, name: taskForces.name, slug: taskForces.slug }).from(taskForces).where(eq(taskForces.isDemo, true)).orderBy(asc(taskForces.name));
}

export function listDemoAccounts(db: Database) {
  return db.select({ id: users.id, email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.isDemo, true)).orderBy(asc(users.email));
}

/** Deletes the demo task forces; every task-force table cascades from task_forces. */
export async function deleteDemoTaskForces(db: Database) {
  const rows = await db.delete(taskForces).where(eq(taskForces.isDemo, true)).returning({ id: taskForces.id });
  return rows.length;
}

/** Deletes the demo's funding programs, with their funders and task forces. */
export async function deleteDemoFundingPrograms(db: Database) {
  await db.delete(fundingPrograms).where(eq(fundingPrograms.isDemo, true));
}

/** Deletes the demo accounts; references to them elsewhere cascade or become empty. */
export async function deleteDemoAccounts(db: Database) {
  const rows = await db.delete(users).where(eq(users.isDemo, true)).returning({ id: users.id });
  return rows.length;
}

/** Accounts and task forces of the demo seeded before the is_demo flag existed, found by their fixed emails and slugs. */
export function findUnflaggedAccounts(db: Database, emails: readonly string[]) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.email, [...emails]), eq(users.isDemo, false)));
}

export async function flagAccountAsDemo(db: Database, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ isDemo: true, passwordHash, passwordChangedAt: at, sessionsValidAfter: at }).where(eq(users.id, userId));
}

export async function flagTaskForcesAsDemo(db: Database, slugs: readonly string[]) {
  await db.update(taskForces).set({ isDemo: true }).where(and(inArray(taskForces.slug, [...slugs]), eq(taskForces.isDemo, false)));
}

export async function setDemoPasswordHash(db: Database, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at, sessionsValidAfter: at }).where(eq(users.isDemo, true));
}
