import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { noticeWorkChange } from "./gaps.notices";
import { dueState } from "./gaps.rules";
import { dateInZone } from "@/server/lib/dates";
import { findActionItem, insertActionItem, listActionItems, listActionItemsAssignedTo, listOpenGapsOwnedBy, updateActionItemRow } from "./gaps.queries";
import type { ActionItemInput, CreateActionItemInput, ListActionItemsInput, MyActionItemsInput, UpdateActionItemInput } from "./gaps.schemas";
import { currentTime } from "@/server/lib/clock";
import { assertDueNotPast, changedInput, checkOwner, loadGap, managesAll, mayUpdateActionItem, mayUpdateGap, staleVersion, todayOf } from "./gaps.service";

/*
 * Action items: steps with an assignee and a due date, of a gap, of a meeting or on their own.
 * Coordinators manage every action; members update those assigned to them or their organization or
 * belonging to a gap their organization owns. Saves name the version they were based on.
 */

/* ---------- action items ---------- */

async function loadActionItem(db: Database, scope: TaskForceScope, actionItemId: string, lock?: "update") {
  const item = await findActionItem(db, scope.taskForceId, actionItemId, lock);
  if (!item) throw new DomainError("NOT_FOUND", "actionItemNotFound");
  return item;
}

export async function listActionItemsOf(scope: TaskForceScope, input: ListActionItemsInput, now = currentTime()) {
  const db = await getDb();
  const { today } = todayOf(scope, now);
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

/**
 * The caller's unfinished work in this task force, soonest due first: the actions assigned to them
 * and the open gaps they own (the "my work" items of their tasks).
 */
export async function listMyOpenWork(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const { today } = todayOf(scope, now);
  const [actions, gaps] = await Promise.all([
    listActionItems(db, scope.taskForceId, { assigneeUserId: scope.userId, status: ["to_do", "doing"] }, today),
    listOpenGapsOwnedBy(db, scope.taskForceId, scope.userId),
  ]);
  const item = (row: { id: string; title: string; dueOn: string | null }) => ({ id: row.id, title: row.title, dueOn: row.dueOn, dueState: dueState(row.dueOn, today, false) });
  return {
    actions: actions.map((action) => ({ ...item(action), gapId: action.gapId, gapTitle: action.gapTitle })),
    gaps: gaps.map(item),
  };
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
      const gap = await loadGap(tx, scope, input.gapId);
      if (!mayUpdateGap(scope, gap)) throw new DomainError("FORBIDDEN", "gapNotOwned");
    } else if (!managesAll(scope)) {
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
  const { today } = todayOf(scope, now);
  assertDueNotPast(input.dueOn, today);
  const assigneeOrganizationId = await checkOwner(
    tx,
    scope,
    { organizationId: input.assigneeOrganizationId, userId: input.assigneeUserId },
    { organization: "assigneeOrganizationId", person: "assigneeUserId" },
  );
  const values = { ...input, assigneeOrganizationId };
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
    if (item.version !== input.version) throw staleVersion(item, "actionItem");
    const { today } = todayOf(scope, now);

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
    if (version === null) throw staleVersion(item, "actionItem");
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
    if (item.version !== input.version) throw staleVersion(item, "actionItem");
    if (item.status === "done") throw new DomainError("CONFLICT", "actionItemAlreadyDone");
    const version = await updateActionItemRow(tx, scope.taskForceId, item.id, input.version, {
      status: "done",
      completedAt: now,
      updatedByUserId: scope.userId,
      updatedAt: now,
    });
    if (version === null) throw staleVersion(item, "actionItem");
    await recordAudit(tx, auditedBy(scope), {
      entity: "actionItem",
      entityId: item.id,
      action: "complete",
      changes: { status: { from: item.status, to: "done" }, completedAt: { from: null, to: now.toISOString() } },
    });
    return { version };
  });
}
