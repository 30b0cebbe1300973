import type { Database } from "@/db/client";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "@/server/domains/notifications";
import { currentTime } from "@/server/lib/clock";
import { staleVersion } from "@/server/lib/versions";
import { listActionItems, updateActionItemRow } from "./actionItems.queries";

/*
 * The unfinished action items assigned to a person, and moving them to someone else when they
 * leave (server/domains/handoff/handoff.ts walks a person through it).
 */

/** The successor's organization goes with the record when they have one, so assignee and organization stay a valid pair. */
interface Successor {
  userId: string;
  organizationId: string | null;
}

const OPEN_ACTION_STATUSES = ["to_do", "doing"] as const;

export async function listOpenActionItemsOf(tx: Database, scope: TaskForceScope, userId: string, now = currentTime()) {
  return listActionItems(tx, scope.taskForceId, { assigneeUserId: userId, status: [...OPEN_ACTION_STATUSES] }, todayOfScope(scope, now));
}

/** Gives every unfinished action item assigned to `fromUserId` to the successor, who is told. */
export async function reassignOpenActionItems(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor, now = currentTime()) {
  const items = await listOpenActionItemsOf(tx, scope, fromUserId, now);
  for (const item of items) {
    const after = { assigneeUserId: to.userId, assigneeOrganizationId: to.organizationId ?? item.assigneeOrganizationId };
    const version = await updateActionItemRow(tx, scope.taskForceId, item.id, item.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(item, "actionItemChangedByOther");
    await recordAudit(tx, auditedBy(scope), { entity: "actionItem", entityId: item.id, action: "handoff", changes: changedFields<Record<string, unknown>>(item, after) });
    await noticeWorkChange(tx, scope, { kind: "actionItem", id: item.id, title: item.title, version }, { holderUserId: fromUserId, dueOn: item.dueOn }, { holderUserId: to.userId, dueOn: item.dueOn });
  }
  return items.length;
}
