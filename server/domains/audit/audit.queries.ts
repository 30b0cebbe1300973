import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users, type AuditChanges } from "@/db/schema";

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

export function listAuditEntries(db: Database, taskForceId: string, options: { limit: number; before?: Date }) {
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
      and(eq(auditLog.taskForceId, taskForceId), options.before ? lt(auditLog.createdAt, options.before) : undefined),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(options.limit);
}
