import type { Database } from "@/db/client";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "@/server/domains/notifications";
import { currentTime } from "@/server/lib/clock";
import { staleVersion } from "@/server/lib/versions";
import { insertGapEvent, listOpenGapsOwnedBy, updateGapRow } from "./gaps.queries";

/*
 * The open gaps a person owns, and moving them to someone else when they leave
 * (server/domains/handoff/handoff.ts walks a person through it).
 */

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
    if (version === null) throw staleVersion(gap, "gapChangedByOther");
    await insertGapEvent(tx, { taskForceId: scope.taskForceId, gapId: gap.id, kind: "update", body: "ownerUserId", actorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "gap", entityId: gap.id, action: "handoff", changes: changedFields<Record<string, unknown>>(gap, after) });
    await noticeWorkChange(tx, scope, { kind: "gap", id: gap.id, title: gap.title, version }, { holderUserId: fromUserId, dueOn: gap.dueOn }, { holderUserId: to.userId, dueOn: gap.dueOn });
  }
  return owned.length;
}
