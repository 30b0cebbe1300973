import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users, type AuditChanges } from "@/db/schema";
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
