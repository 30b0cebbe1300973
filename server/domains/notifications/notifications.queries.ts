import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, notifications, taskForces, users } from "@/db/schema";

export interface NewNotification {
  taskForceId: string;
  userId: string;
  kind: string;
  values: Record<string, string | number>;
  link: string;
  dedupeKey: string;
}

/**
 * In-app notices; a row whose dedupe key exists already is skipped, which is what makes a reminder
 * job safe to run twice. Returns the people who got a new one, so that email goes only to them.
 */
export async function insertNotifications(db: Database, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ userId: notifications.userId, dedupeKey: notifications.dedupeKey });
}

/** Someone who left a task force no longer sees its notices: only active memberships count. */
const inActiveMembership = (userId: string) =>
  and(eq(notifications.userId, userId), isNull(memberships.endedAt));

export function listNotificationsOfUser(db: Database, userId: string, limit: number) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      values: notifications.values,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      taskForceName: taskForces.name,
    })
    .from(notifications)
    .innerJoin(taskForces, eq(taskForces.id, notifications.taskForceId))
    .innerJoin(memberships, and(eq(memberships.taskForceId, notifications.taskForceId), eq(memberships.userId, userId)))
    .where(inActiveMembership(userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function countUnreadNotificationsOfUser(db: Database, userId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.taskForceId, notifications.taskForceId), eq(memberships.userId, userId)))
    .where(and(inActiveMembership(userId), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

/** Marks the user's own notices read; ids of other people's notices are simply not matched. */
export async function markNotificationsRead(db: Database, userId: string, ids: string[] | "all", now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    );
}

/** The task force's active coordinators with their email: recipients of task-force-wide reminders. */
export function listActiveCoordinators(db: Database, taskForceId: string) {
  return db
    .select({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.role, "coordinator"), isNull(memberships.endedAt)));
}
