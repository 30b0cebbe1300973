import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { managesAllWork, mayUpdateActionItem, mayUpdateGap } from "@/server/auth/workRights";
import { DomainError } from "@/server/errors";
import { todayOfScope, type SessionUser, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "@/server/domains/notifications";
import { checkOwner } from "@/server/domains/people";
import { dateInZone } from "@/server/lib/dates";
import { assertDueNotPast, dueState } from "@/server/lib/due";
import { changedInput, staleVersion } from "@/server/lib/versions";
import { findActionItem, findGapOwner, insertActionItem, listActionItems, listActionItemsAssignedTo, updateActionItemRow } from "./actionItems.queries";
import type { ActionItemInput, CreateActionItemInput, ListActionItemsInput, MyActionItemsInput, UpdateActionItemInput } from "./actionItems.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * Action items: steps with an assignee and a due date, of a gap, of a meeting or on their own.
 * Coordinators manage every action; members update those assigned to them or their organization or
 * belonging to a gap their organization owns (server/auth/workRights.ts). Saves name the version
 * they were based on. Gaps and meetings build on this domain: it knows of a gap only its owner.
 */

const STALE = "actionItemChangedByOther";

async function loadActionItem(db: Database, scope: TaskForceScope, actionItemId: string, lock?: "update") {
  const item = await findActionItem(db, scope.taskForceId, actionItemId, lock);
  if (!item) throw new DomainError("NOT_FOUND", "actionItemNotFound");
  return item;
}

export async function listActionItemsOf(scope: TaskForceScope, input: Partial<ListActionItemsInput>, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const rows = await listActionItems(db, scope.taskForceId, input, today);
  return {
    today,
    actionItems: rows.map((item) => ({
      ...item,
      dueState: dueState(item.dueOn, today, item.status === "done"),
      canUpdate: mayUpdateActionItem(scope, item),
    })),
  };
}

/** The actions assigned to the caller in this task force and not done, soonest due first (the "my work" items of their tasks). */
export async function listMyOpenActions(scope: TaskForceScope, now = currentTime()) {
  const today = todayOfScope(scope, now);
  const actions = await listActionItems(await getDb(), scope.taskForceId, { assigneeUserId: scope.userId, status: ["to_do", "doing"] }, today);
  return actions.map((action) => ({
    id: action.id,
    title: action.title,
    dueOn: action.dueOn,
    dueState: dueState(action.dueOn, today, false),
    gapId: action.gapId,
    gapTitle: action.gapTitle,
  }));
}

/** The signed-in person's actions in every task force where they are an active member. */
export async function listMyActionItems(user: SessionUser, input: MyActionItemsInput, now = currentTime()) {
  const rows = await listActionItemsAssignedTo(await getDb(), user.id, input.includeDone);
  return {
    actionItems: rows.map(({ timeZone, ...item }) => {
      const today = dateInZone(now, timeZone);
      return { ...item, today, dueState: dueState(item.dueOn, today, item.status === "done") };
    }),
  };
}

export function createActionItem(scope: TaskForceScope, input: CreateActionItemInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    if (input.gapId) {
      const gap = await findGapOwner(tx, scope.taskForceId, input.gapId);
      if (!gap) throw new DomainError("NOT_FOUND", "gapNotFound");
      if (!mayUpdateGap(scope, gap)) throw new DomainError("FORBIDDEN", "gapNotOwned");
    } else if (!managesAllWork(scope)) {
      throw new DomainError("FORBIDDEN", "standaloneActionNotAllowed");
    }
    return insertCheckedActionItem(tx, scope, input, now);
  });
}

/**
 * Checks the due date and assignee of a new action item, stores it and audits it, inside the
 * caller's transaction. The caller has already decided that the person may create it: a gap's owner
 * here, a meeting's manager in the meetings service (which passes the meeting link).
 */
export async function insertCheckedActionItem(
  tx: Database,
  scope: TaskForceScope,
  input: Omit<CreateActionItemInput, "gapId"> & { gapId?: string | null; meetingId?: string | null },
  now: Date,
) {
  assertDueNotPast(input.dueOn, todayOfScope(scope, now));
  const assigneeOrganizationId = await checkOwner(
    tx,
    scope,
    { organizationId: input.assigneeOrganizationId, userId: input.assigneeUserId },
    { organization: "assigneeOrganizationId", person: "assigneeUserId" },
  );
  // Named fields: the procedure's input also carries taskForceSlug, which belongs in neither the row nor the log.
  const { gapId, meetingId, title, assigneeUserId, dueOn } = input;
  const values = { gapId, meetingId, title, assigneeUserId, assigneeOrganizationId, dueOn };
  const { id, version } = await insertActionItem(tx, {
    ...values,
    taskForceId: scope.taskForceId,
    createdByUserId: scope.userId,
    updatedByUserId: scope.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(tx, auditedBy(scope), { entity: "actionItem", entityId: id, action: "create", changes: changedFields(null, values) });
  await noticeWorkChange(tx, scope, { kind: "actionItem", id, title: input.title, version }, null, { holderUserId: input.assigneeUserId ?? null, dueOn: input.dueOn ?? null });
  return { id, version };
}

const ACTION_FIELDS = ["title", "assigneeUserId", "assigneeOrganizationId", "dueOn", "status"] as const;

export function updateActionItem(scope: TaskForceScope, input: UpdateActionItemInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const item = await loadActionItem(tx, scope, input.actionItemId, "update");
    if (!mayUpdateActionItem(scope, item)) throw new DomainError("FORBIDDEN", "actionItemNotAssigned");
    if (item.version !== input.version) throw staleVersion(item, STALE);
    const today = todayOfScope(scope, now);

    const after: ReturnType<typeof changedInput<UpdateActionItemInput, (typeof ACTION_FIELDS)[number]>> & { completedAt?: Date | null } =
      changedInput(input, item, ACTION_FIELDS);
    if ("dueOn" in after) assertDueNotPast(input.dueOn, today);
    if ("assigneeOrganizationId" in after || "assigneeUserId" in after) {
      const organizationId = input.assigneeOrganizationId !== undefined ? input.assigneeOrganizationId : item.assigneeOrganizationId;
      const userId = input.assigneeUserId !== undefined ? input.assigneeUserId : item.assigneeUserId;
      const stored = await checkOwner(tx, scope, { organizationId, userId }, { organization: "assigneeOrganizationId", person: "assigneeUserId" });
      if (stored !== item.assigneeOrganizationId) after.assigneeOrganizationId = stored;
    }
    if ("status" in after) after.completedAt = after.status === "done" ? now : null;
    if (Object.keys(after).length === 0) return { version: item.version };

    const version = await updateActionItemRow(tx, scope.taskForceId, item.id, input.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(item, STALE);
    await recordAudit(tx, auditedBy(scope), { entity: "actionItem", entityId: item.id, action: "update", changes: changedFields<Record<string, unknown>>(item, after) });
    // Work that is done needs no one's attention.
    if (("status" in after ? after.status : item.status) !== "done") {
      const holding = (field: "assigneeUserId" | "dueOn") => (field in after ? (after[field] ?? null) : item[field]);
      await noticeWorkChange(
        tx,
        scope,
        { kind: "actionItem", id: item.id, title: after.title ?? item.title, version },
        { holderUserId: item.assigneeUserId, dueOn: item.dueOn },
        { holderUserId: holding("assigneeUserId"), dueOn: holding("dueOn") },
      );
    }
    return { version };
  });
}

export function completeActionItem(scope: TaskForceScope, input: ActionItemInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const item = await loadActionItem(tx, scope, input.actionItemId, "update");
    if (!mayUpdateActionItem(scope, item)) throw new DomainError("FORBIDDEN", "actionItemNotAssigned");
    if (item.version !== input.version) throw staleVersion(item, STALE);
    if (item.status === "done") throw new DomainError("CONFLICT", "actionItemAlreadyDone");
    const version = await updateActionItemRow(tx, scope.taskForceId, item.id, input.version, {
      status: "done",
      completedAt: now,
      updatedByUserId: scope.userId,
      updatedAt: now,
    });
    if (version === null) throw staleVersion(item, STALE);
    await recordAudit(tx, auditedBy(scope), {
      entity: "actionItem",
      entityId: item.id,
      action: "complete",
      changes: { status: { from: item.status, to: "done" }, completedAt: { from: null, to: now.toISOString() } },
    });
    return { version };
  });
}
