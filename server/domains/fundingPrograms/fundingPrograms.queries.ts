import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { fundingProgramFunders, fundingPrograms, fundingProgramTaskForces, taskForces, users } from "@/db/schema";

export async function insertFundingProgram(db: Database, values: typeof fundingPrograms.$inferInsert) {
  // Null when the name is taken (the unique index on lower(name)).
  const [row] = await db.insert(fundingPrograms).values(values).onConflictDoNothing().returning({ id: fundingPrograms.id, name: fundingPrograms.name });
  return row ?? null;
}

export async function findFundingProgram(db: Database, programId: string) {
  const [row] = await db.select({ id: fundingPrograms.id, name: fundingPrograms.name }).from(fundingPrograms).where(eq(fundingPrograms.id, programId));
  return row ?? null;
}

export function listFundingPrograms(db: Database) {
  return db
    .select({
      id: fundingPrograms.id,
      name: fundingPrograms.name,
      funderOrganization: fundingPrograms.funderOrganization,
      description: fundingPrograms.description,
      createdAt: fundingPrograms.createdAt,
    })
    .from(fundingPrograms)
    .orderBy(asc(fundingPrograms.name));
}

/** Every program's funders, by name. */
export function listProgramFunders(db: Database) {
  return db
    .select({ programId: fundingProgramFunders.programId, userId: users.id, name: users.name, email: users.email, addedAt: fundingProgramFunders.addedAt })
    .from(fundingProgramFunders)
    .innerJoin(users, eq(users.id, fundingProgramFunders.userId))
    .orderBy(asc(users.name));
}

/** Every program's task forces, by name. */
export function listProgramTaskForces(db: Database) {
  return db
    .select({
      programId: fundingProgramTaskForces.programId,
      taskForceId: taskForces.id,
      slug: taskForces.slug,
      name: taskForces.name,
      addedAt: fundingProgramTaskForces.addedAt,
    })
    .from(fundingProgramTaskForces)
    .innerJoin(taskForces, eq(taskForces.id, fundingProgramTaskForces.taskForceId))
    .orderBy(asc(taskForces.name));
}

/** The task forces one program covers, for the audit entries of a change to its funders. */
export async function listTaskForceIdsOfProgram(db: Database, programId: string) {
  const rows = await db.select({ taskForceId: fundingProgramTaskForces.taskForceId }).from(fundingProgramTaskForces).where(eq(fundingProgramTaskForces.programId, programId));
  return rows.map((row) => row.taskForceId);
}

/** False when the person is a funder of the program already. */
export async function insertProgramFunder(db: Database, values: typeof fundingProgramFunders.$inferInsert) {
  const rows = await db.insert(fundingProgramFunders).values(values).onConflictDoNothing().returning({ userId: fundingProgramFunders.userId });
  return rows.length > 0;
}

/** The person as a funder of the program, or null when they are not one. */
export async function findProgramFunder(db: Database, programId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(fundingProgramFunders)
    .innerJoin(users, eq(users.id, fundingProgramFunders.userId))
    .where(and(eq(fundingProgramFunders.programId, programId), eq(fundingProgramFunders.userId, userId)));
  return row ?? null;
}

export async function deleteProgramFunder(db: Database, programId: string, userId: string) {
  await db.delete(fundingProgramFunders).where(and(eq(fundingProgramFunders.programId, programId), eq(fundingProgramFunders.userId, userId)));
}

/** False when the program covers the task force already. */
export async function insertProgramTaskForce(db: Database, values: typeof fundingProgramTaskForces.$inferInsert) {
  const rows = await db.insert(fundingProgramTaskForces).values(values).onConflictDoNothing().returning({ taskForceId: fundingProgramTaskForces.taskForceId });
  return rows.length > 0;
}

/** False when the program did not cover the task force. */
export async function deleteProgramTaskForce(db: Database, programId: string, taskForceId: string) {
  const rows = await db
    .delete(fundingProgramTaskForces)
    .where(and(eq(fundingProgramTaskForces.programId, programId), eq(fundingProgramTaskForces.taskForceId, taskForceId)))
    .returning({ taskForceId: fundingProgramTaskForces.taskForceId });
  return rows.length > 0;
}

/** The programs that cover one task force, with when it was put into each. */
export function listProgramsCovering(db: Database, taskForceId: string) {
  return db
    .select({ programId: fundingProgramTaskForces.programId, addedAt: fundingProgramTaskForces.addedAt })
    .from(fundingProgramTaskForces)
    .where(eq(fundingProgramTaskForces.taskForceId, taskForceId));
}
