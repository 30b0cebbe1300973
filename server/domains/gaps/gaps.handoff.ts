import type { Database } from "@/server/lib/unitOfWork";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { insertGapEvent, listActionItems, listOpenGapsOwnedBy, updateActionItemRow, updateGapRow } from "./gaps.queries";
import { currentTime } from "@/server/lib/clock";
import { noticeWorkChange } from "./gaps.notices";
import { staleVersion, todayOf } from "./gaps.service";

/*
 * What a person holds of gaps and action items, and moving it to someone else when they leave
 * (server/domains/handoff/handoff.ts walks a person through it).
 */

/* ---------- handoff: what a person holds, and moving it to someone else ---------- */

/** The successor's organization goes with the record when they have one, so owner and organization stay a valid pair. */
interface Successor {
  userId: string;
  organizationId: string | null;
}

export function listOpenGapsOf(tx: Database, scope: TaskForceScope, userId: string) {
  return listOpenGapsOwnedBy(tx, scope.taskForceId, userId);
}

/** Gives every open gap `fromUserId` owns to the successor (version bumped, history and audit entries written, the successor told). */
export async function reassignOpenGaps(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor, now = currentTime()) {
  const owned = await listOpenGapsOwnedBy(tx, scope.taskForceId, fromUserId);
  for (const gap of owned) {
    const after = { ownerUserId: to.userId, ownerOrganizationId: to.organizationId ?? gap.ownerOrganizationId };
    const version = await updateGapRow(tx, scope.taskForceId, gap.id, gap.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(gap, "gap");
    await insertGapEvent(tx, { taskForceId: scope.taskForceId, gapId: gap.id, kind: "update", body: "ownerUserId", actorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "gap", entityId: gap.id, action: "handoff", changes: changedFields<Record<string, unknown>>(gap, after) });
    await noticeWorkChange(tx, scope, { kind: "gap", id: gap.id, title: gap.title, version }, { holderUserId: fromUserId, dueOn: gap.dueOn }, { holderUserId: to.userId, dueOn: gap.dueOn });
  }
  return owned.length;
}

const OPEN_ACTION_STATUSES = ["to_do", "doing"] as const;

export async function listOpenActionItemsOf(tx: Database, scope: TaskForceScope, userId: string, now = currentTime()) {
  const { today } = todayOf(scope, now);
  return listActionItems(tx, scope.taskForceId, { assigneeUserId: userId, status: [...OPEN_ACTION_STATUSES] }, today);
}

/** Gives every unfinished action item assigned to `fromUserId` to the successor, who is told. */
export async function reassignOpenActionItems(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor, now = currentTime()) {
  const items = await listOpenActionItemsOf(tx, scope, fromUserId, now);
  for (const item of items) {
    const after = { assigneeUserId: to.userId, assigneeOrganizationId: to.organizationId ?? item.assigneeOrganizationId };
    const version = await updateActionItemRow(tx, scope.taskForceId, item.id, item.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(item, "actionItem");
    await recordAudit(tx, auditedBy(scope), { entity: "actionItem", entityId: item.id, action: "handoff", changes: changedFields<Record<string, unknown>>(item, after) });
    await noticeWorkChange(tx, scope, { kind: "actionItem", id: item.id, title: item.title, version }, { holderUserId: fromUserId, dueOn: item.dueOn }, { holderUserId: to.userId, dueOn: item.dueOn });
  }
  return items.length;
}
