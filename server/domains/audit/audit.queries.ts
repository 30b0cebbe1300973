import { and, asc, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, meetings, memberships, organizations, users, type AuditChanges } from "@/db/schema";
import type { AuditCursor } from "./audit.schemas";

export interface AuditEntryValues {
  taskForceId: string;
  actorUserId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: AuditChanges;
}

export async function insertAuditEntry(db: Database, entry: AuditEntryValues) {
  await db.insert(auditLog).values(entry);
}

/**
 * One page of a task force's log, newest first. Entries of one transaction share a timestamp, so
 * the id breaks ties and a page boundary never skips or repeats an entry.
 */
export function listAuditEntries(db: Database, taskForceId: string, options: { limit: number; cursor?: AuditCursor | null }) {
  const { cursor } = options;
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.taskForceId, taskForceId),
        cursor
          ? or(lt(auditLog.createdAt, cursor.createdAt), and(eq(auditLog.createdAt, cursor.createdAt), lt(auditLog.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit);
}

/** Every entry about the given records of one kind, oldest first (ties in their id's order). */
export function listEntriesAbout(db: Database, taskForceIds: readonly string[], entity: string, entityIds: readonly string[]) {
  if (taskForceIds.length === 0 || entityIds.length === 0) return Promise.resolve([]);
  return db
    .select({ entityId: auditLog.entityId, action: auditLog.action, actorUserId: auditLog.actorUserId, changes: auditLog.changes, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(inArray(auditLog.taskForceId, [...taskForceIds]), eq(auditLog.entity, entity), inArray(auditLog.entityId, [...entityIds])))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

/**
 * The names of the people, organizations and meetings among `ids`, as far as they belong to the task
 * force: people who are or were its members, its own organizations and meetings (by title). An id
 * of anything else stays unnamed.
 */
export async function listNamesInTaskForce(db: Database, taskForceId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const [people, organizationNames, meetingTitles] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.taskForceId, taskForceId)))
      .where(inArray(users.id, [...ids])),
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.taskForceId, taskForceId), inArray(organizations.id, [...ids]))),
    db
      .select({ id: meetings.id, name: meetings.title })
      .from(meetings)
      .where(and(eq(meetings.taskForceId, taskForceId), inArray(meetings.id, [...ids]))),
  ]);
  return [...people, ...organizationNames, ...meetingTitles];
}
