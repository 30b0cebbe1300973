import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { fundingProgramFunders, fundingPrograms, fundingProgramTaskForces, memberships, taskForces } from "@/db/schema";
import { PROGRAM_ROLE, type TaskForceRole } from "@/server/auth/permissions";

/*
 * Who reaches which task force, with which role: the one place that decides it. A person reaches a
 * task force through their active membership in it, with its role; or, without one, as a funder
 * when a funding program they are a funder of covers it. Every path that needs a person's role in a
 * task force reads it here (the task force procedures and file routes through server/trpc/scope.ts,
 * the funder portfolio, the task-force switcher, calendar feeds), so no two of them can disagree,
 * and each reads it from the database on every call: ending a membership or taking a task force out
 * of a program takes the access away at the next request.
 */

/**
 * The task forces `userId` reaches, narrowed by `only`, in one statement. `programs` names the
 * funding programs that give the access, and is empty where a membership does (a membership wins:
 * a member whose task force a program of theirs also covers stays a member).
 */
function accessOf(db: Database, userId: string, only?: SQL) {
  const covered = db
    .select({
      taskForceId: fundingProgramTaskForces.taskForceId,
      programs: sql<string[]>`array_agg(${fundingPrograms.name} order by ${fundingPrograms.name})`.as("programs"),
    })
    .from(fundingProgramTaskForces)
    .innerJoin(fundingProgramFunders, and(eq(fundingProgramFunders.programId, fundingProgramTaskForces.programId), eq(fundingProgramFunders.userId, userId)))
    .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingProgramTaskForces.programId))
    .groupBy(fundingProgramTaskForces.taskForceId)
    .as("covered");
  return db
    .select({
      taskForceId: taskForces.id,
      slug: taskForces.slug,
      taskForceName: taskForces.name,
      timeZone: taskForces.timeZone,
      role: sql<TaskForceRole>`coalesce(${memberships.role}, ${PROGRAM_ROLE}::task_force_role)`,
      organizationId: memberships.organizationId,
      programs: sql<string[]>`case when ${memberships.id} is null then ${covered.programs} else '{}'::text[] end`,
    })
    .from(taskForces)
    .leftJoin(memberships, and(eq(memberships.taskForceId, taskForces.id), eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .leftJoin(covered, eq(covered.taskForceId, taskForces.id))
    .where(and(or(isNotNull(memberships.id), isNotNull(covered.taskForceId)), only))
    .orderBy(asc(taskForces.name));
}

export type TaskForceAccessRow = Awaited<ReturnType<typeof accessOf>>[number];

/** The person's access to one task force, named by its slug or id; null when they reach it in no way. */
export async function findTaskForceAccess(db: Database, userId: string, taskForce: { slug: string } | { id: string }): Promise<TaskForceAccessRow | null> {
  const [row] = await accessOf(db, userId, "slug" in taskForce ? eq(taskForces.slug, taskForce.slug) : eq(taskForces.id, taskForce.id));
  return row ?? null;
}

/** Every task force the person reaches, by name. */
export function listTaskForceAccess(db: Database, userId: string): Promise<TaskForceAccessRow[]> {
  return accessOf(db, userId);
}

/**
 * Whether the person is a funder of a funding program. Their reach is then wider than the task
 * forces they are a member of, and grows with every task force a coordinator puts into the program.
 */
export async function fundsAProgram(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ programId: fundingProgramFunders.programId }).from(fundingProgramFunders).where(eq(fundingProgramFunders.userId, userId)).limit(1);
  return row !== undefined;
}
