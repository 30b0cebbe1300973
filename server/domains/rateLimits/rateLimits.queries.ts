import { onlyRow } from "@/db/rows";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Counts one request against `key` and returns the count in the current window, in one statement:
 * concurrent requests each get a different count, so none slips past a limit that a read followed
 * by a write would let through. A window that started before `windowStart` starts over at 1.
 */
export async function countRequest(db: Database, key: string, windowStart: Date, now: Date): Promise<number> {
  const expired = sql`${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const row = onlyRow(await db
    .insert(rateLimits)
    .values({ key, attempts: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${rateLimits.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ attempts: rateLimits.attempts }), "rate limit upsert");
  return row.attempts;
}
