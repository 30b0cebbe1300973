import { onlyRow } from "@/db/rows";
import { and, eq, gt, sql } from "drizzle-orm";
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
      sessionsValidAfter: users.sessionsValidAfter,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export interface AttemptPolicy {
  /** Attempts let through before any delay. */
  free: number;
  /** Delay after the first attempt beyond `free`; it doubles with each further attempt. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** The counter starts over once its first attempt is older than this. */
  windowMinutes: number;
}

/**
 * Claims one attempt for `key` in ONE statement that increments the counter and returns whether
 * this attempt may go ahead, so that parallel attempts cannot all pass a check made before any of
 * them was counted. An attempt inside the current delay is refused and not counted; an attempt
 * let through sets the delay the next one must wait (none for the first `free` ones).
 * Concurrent claims on one key serialise on its row lock; each RETURNING shows its own decision.
 * "No delay" is no timestamp at all: "blocked until this attempt's moment" would refuse a parallel
 * attempt stamped a moment earlier whose statement reaches the row after this one.
 */
export async function claimAttempt(db: Database, key: string, policy: AttemptPolicy, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const stale = sql`${rateLimits.windowStartedAt} < ${new Date(now.getTime() - policy.windowMinutes * 60_000).toISOString()}::timestamptz`;
  const blocked = sql`(${rateLimits.blockedUntil} is not null and ${rateLimits.blockedUntil} > ${at})`;
  const delayAfter = (attempts: ReturnType<typeof sql>) =>
    sql`case when ${attempts} < ${policy.free} then null else ${at} + make_interval(secs => least(${policy.maxDelaySeconds}::float8, ${policy.baseDelaySeconds}::float8 * power(2, ${attempts} - ${policy.free}))) end`;
  return onlyRow(await db
    .insert(rateLimits)
    .values({ key, attempts: 1, windowStartedAt: now, blockedUntil: policy.free <= 1 ? new Date(now.getTime() + policy.baseDelaySeconds * 1000) : null, allowed: true })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        attempts: sql`case when ${stale} then 1 when ${blocked} then ${rateLimits.attempts} else ${rateLimits.attempts} + 1 end`,
        blockedUntil: sql`case when ${stale} then ${delayAfter(sql`1`)} when ${blocked} then ${rateLimits.blockedUntil} else ${delayAfter(sql`(${rateLimits.attempts} + 1)`)} end`,
        allowed: sql`${stale} or not ${blocked}`,
        windowStartedAt: sql`case when ${stale} then ${at} else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ attempts: rateLimits.attempts, blockedUntil: rateLimits.blockedUntil, allowed: rateLimits.allowed }), "rate limit claim");
}

/**
 * Gives back an attempt that succeeded, so that people signing in correctly never use up a shared
 * allowance. A delay set while it was still counted (attempts in flight together reached the free
 * allowance) is lifted once the attempts not given back are within the allowance again: only
 * failures, and attempts still in flight, may hold up the next person.
 */
export async function releaseAttempt(db: Database, key: string, policy: AttemptPolicy) {
  const remaining = sql`greatest(${rateLimits.attempts} - 1, 0)`;
  await db
    .update(rateLimits)
    .set({
      attempts: remaining,
      blockedUntil: sql`case when ${remaining} < ${policy.free} then null else ${rateLimits.blockedUntil} end`,
    })
    .where(eq(rateLimits.key, key));
}

export async function clearAttempts(db: Database, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Remembers that `key` (an account and an address) signed in successfully at `now`. */
export async function rememberKnownAddress(db: Database, key: string, now: Date) {
  await db
    .insert(rateLimits)
    .values({ key, attempts: 0, windowStartedAt: now, allowed: true })
    .onConflictDoUpdate({ target: rateLimits.key, set: { windowStartedAt: now } });
}

/** Whether `key` signed in successfully after `since`. */
export async function isKnownAddress(db: Database, key: string, since: Date) {
  const [row] = await db
    .select({ at: rateLimits.windowStartedAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStartedAt, since)));
  return Boolean(row);
}
