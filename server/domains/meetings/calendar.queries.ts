import { insertOne } from "@/db/rows";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { calendarTokens } from "@/db/schema";

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

/** Whose live token this is, for which task force; null when unknown or revoked. */
export async function findCalendarFeedOwner(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ taskForceId: calendarTokens.taskForceId, userId: calendarTokens.userId })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.tokenHash, tokenHash), isNull(calendarTokens.revokedAt)));
  return row ?? null;
}
