import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, noticePreferences, notifications, taskForces, users, type NoticeAttachment, type NoticeDelivery, type NoticeTopic } from "@/db/schema";

export interface NewNotification {
  taskForceId: string;
  userId: string;
  kind: string;
  values: Record<string, string | number>;
  link: string;
  dedupeKey: string;
  /** A file for the email (a meeting's calendar entry); the in-app notice does not show it. */
  attachment?: NoticeAttachment;
}

/**
 * In-app notices; a row whose dedupe key exists already is skipped, which is what makes a reminder
 * job safe to run twice. Returns the people who got a new one, so that email goes only to them.
 */
export async function insertNotificationRows(db: Database, rows: (NewNotification & { delivery: NoticeDelivery })[]) {
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
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.taskForceId, taskForceId), eq(memberships.role, "coordinator"), isNull(memberships.endedAt)));
}

export function listNoticePreferencesOf(db: Database, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: noticePreferences.userId, topic: noticePreferences.topic, delivery: noticePreferences.delivery })
    .from(noticePreferences)
    .where(inArray(noticePreferences.userId, userIds));
}

export async function saveNoticePreference(db: Database, userId: string, topic: NoticeTopic, delivery: NoticeDelivery, now: Date) {
  await db
    .insert(noticePreferences)
    .values({ userId, topic, delivery, updatedAt: now })
    .onConflictDoUpdate({ target: [noticePreferences.userId, noticePreferences.topic], set: { delivery, updatedAt: now } });
}

/**
 * Older unsent notices stay unsent: a server that was off for a week should not flood inboxes with
 * news of last week. Measured on the database's clock, the one that stamped `created_at`.
 */
const MAIL_FRESH_FOR = sql`interval '3 days'`;

interface UnsentMail {
  delivery: Exclude<NoticeDelivery, "inApp">;
  taskForceId?: string;
  limit: number;
  now: Date;
}

/**
 * Claims notices waiting for their email and returns them with their recipient and task force.
 * The claim (emailed_at) commits before anything is sent, and rows another sender holds are
 * skipped, so however many processes send at once, nobody gets the same notice twice; a sender
 * that dies after its claim leaves those notices unmailed rather than mailed twice. Notices of
 * people who have since left the task force are claimed and not returned: they are not sent.
 */
export async function claimUnsentMail(db: Database, { delivery, taskForceId, limit, now }: UnsentMail) {
  const waiting = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        isNull(notifications.emailedAt),
        eq(notifications.delivery, delivery),
        gt(notifications.createdAt, sql`now() - ${MAIL_FRESH_FOR}`),
        taskForceId ? eq(notifications.taskForceId, taskForceId) : undefined,
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(notifications)
    .set({ emailedAt: now })
    .where(inArray(notifications.id, waiting))
    .returning({ id: notifications.id });
  if (claimed.length === 0) return [];
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      values: notifications.values,
      link: notifications.link,
      attachment: notifications.attachment,
      createdAt: notifications.createdAt,
      userId: users.id,
      email: users.email,
      locale: users.locale,
      taskForceId: taskForces.id,
      taskForceName: taskForces.name,
      timeZone: taskForces.timeZone,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(taskForces, eq(taskForces.id, notifications.taskForceId))
    .innerJoin(memberships, and(eq(memberships.taskForceId, notifications.taskForceId), eq(memberships.userId, notifications.userId), isNull(memberships.endedAt)))
    .where(inArray(notifications.id, claimed.map((row) => row.id)))
    .orderBy(asc(notifications.createdAt), sql`${notifications.id}`);
}
