import type { Database } from "@/server/lib/unitOfWork";
import { getDb } from "@/server/lib/unitOfWork";
import { isReferenceField, type AuditAction, type AuditChanges, type AuditEntity } from "@/db/schema";
import type { TaskForceScope } from "@/server/trpc/context";
import { insertAuditEntry, listAuditEntries, listEntriesAbout, listNamesInTaskForce } from "./audit.queries";
import type { ListAuditInput } from "./audit.schemas";

/** Field-by-field difference of two versions of a record, for the `changes` column. */
export function changedFields<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after)) {
    const from = before?.[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** Who an audit entry of a change made within a task force's scope is by, and in which task force. */
export function auditedBy(scope: Pick<TaskForceScope, "taskForceId" | "userId">) {
  return { taskForceId: scope.taskForceId, actorUserId: scope.userId };
}

/**
 * Writes an audit entry. Call it with the transaction that makes the change it records. The entity
 * and the action come from the audit vocabulary (db/vocabulary/audit.ts), which the catalogs must
 * be able to say.
 */
export function recordAudit(
  tx: Database,
  who: { taskForceId: string; actorUserId: string | null },
  what: { entity: AuditEntity; entityId: string; action: AuditAction; changes?: AuditChanges },
) {
  return insertAuditEntry(tx, { ...who, ...what, changes: what.changes ?? {} });
}

/**
 * What the log holds about some records of one kind (e.g. requirements), oldest first: for a
 * domain that reconstructs a record's past from it. One query for all the records.
 */
export function auditTrailOf(db: Database, taskForceIds: readonly string[], entity: AuditEntity, entityIds: readonly string[]) {
  return listEntriesAbout(db, taskForceIds, entity, entityIds);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of other records the changes of some entries hold. */
export function referencedIds(entries: readonly { changes: AuditChanges }[]): string[] {
  const ids = new Set<string>();
  for (const { changes } of entries) {
    for (const [field, change] of Object.entries(changes)) {
      if (!isReferenceField(field)) continue;
      for (const value of [change.from, change.to].flat()) if (typeof value === "string" && UUID.test(value)) ids.add(value);
    }
  }
  return [...ids];
}

/**
 * A page of the audit log and where the next (older) page starts, or null at the beginning of time;
 * with the names of the people and organizations its changes refer to by id, so the log can say
 * "Owner: Dana Deputy" rather than an id.
 */
export async function listAudit(scope: TaskForceScope, input: ListAuditInput) {
  const db = await getDb();
  // One extra row tells whether an older page exists without a second query.
  const rows = await listAuditEntries(db, scope.taskForceId, { limit: input.limit + 1, cursor: input.cursor });
  const entries = rows.slice(0, input.limit);
  const last = entries.at(-1);
  const nextCursor = rows.length > input.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
  const names = Object.fromEntries((await listNamesInTaskForce(db, scope.taskForceId, referencedIds(entries))).map(({ id, name }) => [id, name]));
  return { entries, nextCursor, names };
}
