import { insertOne } from "@/db/rows";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarTokens, memberships, taskForces } from "@/db/schema";

/* Calendar feed tokens: one secret address per person and task force for their meetings. */

/* ---------- calendar tokens ---------- */

export async function findLiveCalendarToken(db: Database, taskForceId: string, userId: string) {
  const [row] = await db
    .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.taskForceId, taskForceId), eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)));
  return row ?? null;
}

export async function revokeCalendarTokens(db: Database, taskForceId: string, userId: string, now: Date) {
  const rows = await db
    .update(calendarTokens)
    .set({ revokedAt: now })
    .where(and(eq(calendarTokens.taskForceId, taskForceId), eq(calendarTokens.userId, userId), isNull(calendarTokens.revokedAt)))
    .returning({ id: calendarTokens.id });
  return rows.map((row) => row.id);
}

export async function insertCalendarToken(db: Database, values: typeof calendarTokens.$inferInsert) {
  return insertOne(db, calendarTokens, values, { id: calendarTokens.id }, "calendar token insert");
}

/** The live token's owner and their active membership in its task force, or null (revoked, unknown, membership ended). */
export async function findCalendarFeedOwner(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      taskForceId: calendarTokens.taskForceId,
      taskForceSlug: taskForces.slug,
      taskForceName: taskForces.name,
      timeZone: taskForces.timeZone,
      userId: calendarTokens.userId,
      role: memberships.role,
      organizationId: memberships.organizationId,
    })
    .from(calendarTokens)
    .innerJoin(taskForces, eq(taskForces.id, calendarTokens.taskForceId))
    .innerJoin(
      memberships,
      and(eq(memberships.taskForceId, calendarTokens.taskForceId), eq(memberships.userId, calendarTokens.userId), isNull(memberships.endedAt)),
    )
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt)));
  return row ?? null;
}
