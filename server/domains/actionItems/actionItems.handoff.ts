import type { Database } from "@/server/lib/unitOfWork";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "@/server/domains/notifications";
import { currentTime } from "@/server/lib/clock";
import type { ResponsibilityKind, Successor } from "@/server/domains/people";
import { staleVersion } from "@/server/lib/versions";
import { listActionItems, updateActionItemRow } from "./actionItems.queries";

/*
 * The unfinished action items assigned to a person, and moving them to someone else when they
 * leave (the people domain's handoff walks a coordinator through it: people/handoff.service.ts).
 */

const OPEN_ACTION_STATUSES = ["to_do", "doing"] as const;

async function listOpenActionItemsOf(tx: Database, scope: TaskForceScope, userId: string, now = currentTime()) {
  return listActionItems(tx, scope.taskForceId, { assigneeUserId: userId, status: [...OPEN_ACTION_STATUSES] }, todayOfScope(scope, now));
}

/** Gives every unfinished action item assigned to `fromUserId` to the successor, who is told. */
async function reassignOpenActionItems(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor, now = currentTime()) {
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

export const openActionItems: ResponsibilityKind = {
  key: "actionItems",
  list: async (tx, scope, userId) => (await listOpenActionItemsOf(tx, scope, userId)).map((item) => ({ id: item.id, title: item.title, detail: item.dueOn })),
  reassign: (tx, scope, from, to) => reassignOpenActionItems(tx, scope, from, to),
};
