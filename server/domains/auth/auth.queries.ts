import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits, users } from "@/db/schema";

export async function findUserCredentialsByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function findSessionUser(db: Database, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Current attempt count for a key within a window that started no earlier than `windowStart`. */
export async function readAttempts(db: Database, key: string, windowStart: Date) {
  const [row] = await db
    .select({ attempts: rateLimits.attempts, windowStartedAt: rateLimits.windowStartedAt })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  if (!row || row.windowStartedAt < windowStart) return { attempts: 0, windowStartedAt: null };
  return row;
}

/** Counts one failed attempt atomically; a window older than `windowStart` starts over. */
export async function recordFailedAttempt(db: Database, key: string, windowStart: Date) {
  await db
    .insert(rateLimits)
    .values({ key, attempts: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        attempts: sql`case when ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${rateLimits.attempts} + 1 end`,
        windowStartedAt: sql`case when ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz then now() else ${rateLimits.windowStartedAt} end`,
      },
    });
}

export async function clearAttempts(db: Database, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
