import { insertOne } from "@/db/rows";
import { and, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accountEvents, accountTokens, users } from "@/db/schema";

export type AccountTokenPurpose = (typeof accountTokens.$inferInsert)["purpose"];

export async function findUserIdByEmail(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row?.id ?? null;
}

/** Returns null when the email is already taken (case-insensitive). */
export async function insertUser(db: Database, values: { email: string; name: string; passwordHash: string; isAdmin?: boolean; isDemo?: boolean; locale?: string | null }) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  return row ?? null;
}

export async function setPreferredLocale(db: Database, userId: string, locale: string) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function findPasswordHash(db: Database, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function setAdmin(db: Database, userId: string) {
  await db.update(users).set({ isAdmin: true }).where(eq(users.id, userId));
}

/** Sets a new password and ends every session that began before `changedAt`. */
export async function setPasswordAndEndSessions(db: Database, userId: string, passwordHash: string, changedAt: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: changedAt, sessionsValidAfter: changedAt }).where(eq(users.id, userId));
}

/** Ends every session of these people that began before `at`. */
export async function endSessionsOf(db: Database, userIds: string[], at: Date) {
  if (userIds.length === 0) return;
  await db.update(users).set({ sessionsValidAfter: at }).where(inArray(users.id, userIds));
}

export async function findAccountById(db: Database, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function findAccountByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row ?? null;
}

export async function countAdministrators(db: Database, options: { excludeDemo?: boolean } = {}) {
  const [row] = await db
    .select({ count: count() })
    .from(users)
    .where(options.excludeDemo ? and(eq(users.isAdmin, true), eq(users.isDemo, false)) : eq(users.isAdmin, true));
  return row?.count ?? 0;
}

export interface AccountEventValues {
  userId: string | null;
  actorUserId: string | null;
  action: string;
  details?: Record<string, string | number | boolean | null>;
}

export async function insertAccountEvent(db: Database, event: AccountEventValues) {
  await db.insert(accountEvents).values({ ...event, details: event.details ?? {} });
}

export function listAccountEvents(db: Database, userId: string, limit: number) {
  return db
    .select({ id: accountEvents.id, action: accountEvents.action, createdAt: accountEvents.createdAt, actorName: users.name, details: accountEvents.details })
    .from(accountEvents)
    .leftJoin(users, eq(users.id, accountEvents.actorUserId))
    .where(eq(accountEvents.userId, userId))
    .orderBy(desc(accountEvents.createdAt))
    .limit(limit);
}

export async function insertAccountToken(
  db: Database,
  values: { purpose: AccountTokenPurpose; userId: string | null; tokenHash: string; issuedByUserId: string | null; expiresAt: Date },
) {
  return insertOne(db, accountTokens, values, { id: accountTokens.id }, "account token insert");
}

/** A new link replaces the unused ones of the same purpose and account, so only the latest works. */
export async function expireUnusedTokens(db: Database, purpose: AccountTokenPurpose, userId: string | null, now: Date) {
  await db
    .update(accountTokens)
    .set({ expiresAt: now })
    .where(
      and(
        eq(accountTokens.purpose, purpose),
        userId ? eq(accountTokens.userId, userId) : isNull(accountTokens.userId),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    );
}

export async function findAccountTokenByHash(db: Database, purpose: AccountTokenPurpose, tokenHash: string) {
  const [row] = await db
    .select({
      id: accountTokens.id,
      userId: accountTokens.userId,
      email: users.email,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
    })
    .from(accountTokens)
    .leftJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.purpose, purpose), eq(accountTokens.tokenHash, tokenHash)));
  return row ?? null;
}

/** Marks the token used, only while it is unused and unexpired: of two simultaneous uses one wins. */
export async function claimAccountToken(db: Database, tokenId: string, now: Date) {
  const rows = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning({ id: accountTokens.id });
  return rows.length > 0;
}
