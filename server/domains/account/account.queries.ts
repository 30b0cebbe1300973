import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";

export async function findUserIdByEmail(db: Database, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row?.id ?? null;
}

/** Returns null when the email is already taken (case-insensitive). */
export async function insertUser(db: Database, values: { email: string; name: string; passwordHash: string; isAdmin?: boolean }) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  return row ?? null;
}

export async function findPasswordHash(db: Database, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function updatePasswordHash(db: Database, userId: string, passwordHash: string, changedAt: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: changedAt }).where(eq(users.id, userId));
}

export async function setAdmin(db: Database, userId: string) {
  await db.update(users).set({ isAdmin: true }).where(eq(users.id, userId));
}
