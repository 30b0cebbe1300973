import type { Database } from "@/server/lib/unitOfWork";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "@/server/domains/notifications";
import type { ResponsibilityKind, Successor } from "@/server/domains/people";
import { currentTime } from "@/server/lib/clock";
import { staleVersion } from "@/server/lib/versions";
import { insertGapEvent, listOpenGapsOwnedBy, updateGapRow } from "./gaps.queries";

/*
 * The open gaps a person owns, and moving them to someone else when they leave (the people
 * domain's handoff walks a coordinator through it: people/handoff.service.ts).
 */

/** Gives every open gap `fromUserId` owns to the successor (version bumped, history and audit entries written, the successor told). */
async function reassignOpenGaps(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor, now = currentTime()) {
  const owned = await listOpenGapsOwnedBy(tx, scope.taskForceId, fromUserId);
  for (const gap of owned) {
    const after = { ownerUserId: to.userId, ownerOrganizationId: to.organizationId ?? gap.ownerOrganizationId };
    const version = await updateGapRow(tx, scope.taskForceId, gap.id, gap.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(gap, "gapChangedByOther");
    await insertGapEvent(tx, { taskForceId: scope.taskForceId, gapId: gap.id, kind: "update", body: "ownerUserId", actorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "gap", entityId: gap.id, action: "handoff", changes: changedFields<Record<string, unknown>>(gap, after) });
    await noticeWorkChange(tx, scope, { kind: "gap", id: gap.id, title: gap.title, version }, { holderUserId: fromUserId, dueOn: gap.dueOn }, { holderUserId: to.userId, dueOn: gap.dueOn });
  }
  return owned.length;
}

export const openGaps: ResponsibilityKind = {
  key: "gaps",
  list: async (tx, scope, userId) => (await listOpenGapsOwnedBy(tx, scope.taskForceId, userId)).map((gap) => ({ id: gap.id, title: gap.title, detail: gap.dueOn })),
  reassign: (tx, scope, from, to) => reassignOpenGaps(tx, scope, from, to),
};
