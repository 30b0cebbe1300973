import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { managesAllWork, mayUpdateGap } from "@/server/auth/workRights";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { listActionItemsOf } from "@/server/domains/actionItems/actionItems.service";
import { countOpenActionsByGap } from "@/server/domains/actionItems";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { getConsensus } from "@/server/domains/assessments/results.service";
import { findRound } from "@/server/domains/assessments";
import { frameworkElements } from "@/server/domains/frameworks";
import { noticeWorkChange } from "@/server/domains/notifications";
import { checkOwner, listAssignablePeople } from "@/server/domains/people";
import { assertDueNotPast, dueState } from "@/server/lib/due";
import { changedInput, staleVersion } from "@/server/lib/versions";
import { canTransition, GAP_TRANSITIONS, isOpenGapStatus, needsReason, suggestGaps, type ConsensusElement } from "./gaps.rules";
import { findGap, insertGap, insertGapEvent, listGapEvents, listGaps, listLatestGapOwnersByElement, listOpenGapElementKeys, listOpenGapsOwnedBy, updateGapRow, type GapRow } from "./gaps.queries";
import type { ChangeGapStatusInput, CommentOnGapInput, CreateGapInput, GapInput, GapSuggestionsInput, ListGapsInput, UpdateGapInput } from "./gaps.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * Gaps: what the task force means to improve, with owners, due dates and a history; their action
 * plans are the action-item domain's, which this one builds on. Who may change a gap is
 * server/auth/workRights.ts. Every save names the version it was based on; a stale one is refused
 * with who changed the record and when, never silently overwritten.
 */

export const todayOf = (scope: TaskForceScope, now: Date) => ({ today: todayOfScope(scope, now), timeZone: scope.timeZone });

const STALE = "gapChangedByOther";

/* ---------- rights and validation against the task force ---------- */

function assertMayUpdateGap(scope: TaskForceScope, gap: Pick<GapRow, "ownerOrganizationId" | "ownerUserId">) {
  if (!mayUpdateGap(scope, gap)) throw new DomainError("FORBIDDEN", "gapNotOwned");
}

/* ---------- gaps: reading ---------- */

export async function loadGap(db: Database, scope: TaskForceScope, gapId: string, lock?: "update") {
  const gap = await findGap(db, scope.taskForceId, gapId, lock);
  if (!gap) throw new DomainError("NOT_FOUND", "gapNotFound");
  return gap;
}

const areaKeyOf = (elementKey: string) => elementKey.split(".")[0] ?? elementKey;

/**
 * What readers without gap.readInternal (funders) get of a gap: no status notes and no staff names
 * or ids — the owner is the organization; who created or last changed it stays inside the task force.
 */
function publicGap<T extends { statusReason: string | null; ownerUserId: string | null; ownerUserName: string | null; updatedByName: string | null; createdByUserId: string | null }>(gap: T, internal: boolean): T {
  return internal ? gap : { ...gap, statusReason: null, ownerUserId: null, ownerUserName: null, updatedByName: null, createdByUserId: null };
}

export async function listGapsOf(scope: TaskForceScope, input: ListGapsInput, now = currentTime()) {
  const db = await getDb();
  const { today } = todayOf(scope, now);
  const [rows, openActions, framework] = await Promise.all([
    listGaps(db, scope.taskForceId, input, today),
    countOpenActionsByGap(db, scope.taskForceId),
    frameworkElements(db, scope.taskForceId, scope.locale),
  ]);
  const openActionsOf = new Map(openActions.map((row) => [row.gapId, row.open]));
  const internal = can(scope.role, "gap.readInternal");
  return {
    today,
    gaps: rows.map((gap) => ({
      ...publicGap(gap, internal),
      areaKey: areaKeyOf(gap.elementKey),
      // The element's name to show; its key where the current framework no longer has it.
      elementName: framework.elements.get(gap.elementKey)?.name ?? gap.elementKey,
      dueState: dueState(gap.dueOn, today, !isOpenGapStatus(gap.status)),
      openActionCount: openActionsOf.get(gap.id) ?? 0,
      canUpdate: mayUpdateGap(scope, gap),
    })),
  };
}

export async function getGap(scope: TaskForceScope, input: GapInput, now = currentTime()) {
  const db = await getDb();
  const gap = await loadGap(db, scope, input.gapId);
  const { today } = todayOf(scope, now);
  const internal = can(scope.role, "gap.readInternal");
  const [events, actions, framework] = await Promise.all([
    listGapEvents(db, scope.taskForceId, gap.id),
    can(scope.role, "action.read") ? listActionItemsOf(scope, { gapId: gap.id }, now).then((list) => list.actionItems) : Promise.resolve([]),
    frameworkElements(db, scope.taskForceId, scope.locale),
  ]);
  // Funders see the status history without its notes, and only the comments shared with them.
  const timeline = internal
    ? events
    : events
        .filter((event) => event.kind === "status_change" || (event.kind === "comment" && event.sharedWithFunders))
        // Nor who wrote or changed what: staff names stay inside the task force.
        .map((event) => ({ ...event, body: event.kind === "comment" ? event.body : "", actorUserId: null, actorName: null }));
  const canUpdate = mayUpdateGap(scope, gap);
  return {
    gap: {
      ...publicGap(gap, internal),
      areaKey: areaKeyOf(gap.elementKey),
      element: framework.elements.get(gap.elementKey) ?? null,
      dueState: dueState(gap.dueOn, today, !isOpenGapStatus(gap.status)),
    },
    timeline,
    actionItems: actions,
    canUpdate,
    canComment: can(scope.role, "gap.comment"),
    allowedStatuses: canUpdate ? GAP_TRANSITIONS[gap.status] : [],
  };
}

/** The open gaps the caller owns in this task force, soonest due first (the "my work" items of their tasks). */
export async function listMyOpenGaps(scope: TaskForceScope, now = currentTime()) {
  const today = todayOfScope(scope, now);
  const gaps = await listOpenGapsOwnedBy(await getDb(), scope.taskForceId, scope.userId);
  return gaps.map((gap) => ({ id: gap.id, title: gap.title, dueOn: gap.dueOn, dueState: dueState(gap.dueOn, today, false) }));
}

/** Suggested gaps from a round's consensus (the assessments service computes it; nothing is re-derived here). */
/**
 * Whom to suggest as the owner of an element's next gap: whoever owned its latest gap, while they
 * may still be given work (the person is dropped, their organization kept, once they may not).
 */
async function suggestedOwners(db: Database, scope: TaskForceScope) {
  const [latest, assignable] = await Promise.all([listLatestGapOwnersByElement(db, scope.taskForceId), listAssignablePeople(scope)]);
  const mayOwn = new Set(assignable.map((person) => person.userId));
  return new Map(
    latest.map((row) => [
      row.elementKey,
      { ownerOrganizationId: row.ownerOrganizationId, ownerUserId: row.ownerUserId && mayOwn.has(row.ownerUserId) ? row.ownerUserId : null },
    ]),
  );
}

export async function listGapSuggestions(scope: TaskForceScope, input: GapSuggestionsInput) {
  const db = await getDb();
  const consensus = await getConsensus(scope, { roundId: input.roundId });
  const [openGapElements, owners] = await Promise.all([listOpenGapElementKeys(db, scope.taskForceId), suggestedOwners(db, scope)]);
  const elements: ConsensusElement[] = consensus.areas.flatMap((area) =>
    area.elements.map((element) => ({
      key: element.key,
      areaKey: area.key,
      name: element.name,
      resultStage: element.result.stage,
      targetStage: element.target?.stage ?? null,
      answerCount: element.answerCount,
      // Suggestions are made by those who see every group; for anyone else a withheld group counts as no signal.
      dontKnowCount: element.stats?.dontKnowCount ?? 0,
      disagreement: element.stats?.disagreement ?? false,
    })),
  );
  return {
    round: consensus.round,
    suggestions: suggestGaps(elements, openGapElements).map((suggestion) => ({
      ...suggestion,
      /**
       * What gap.create takes to turn the suggestion into a gap, with a suggested owner; the title
       * is worded in the person's language from the element and stages, the due date is theirs.
       */
      prefill: {
        elementKey: suggestion.elementKey,
        priority: suggestion.priority,
        currentStage: suggestion.currentStage,
        targetStage: suggestion.targetStage,
        sourceRoundId: consensus.round.id,
        ownerOrganizationId: owners.get(suggestion.elementKey)?.ownerOrganizationId ?? null,
        ownerUserId: owners.get(suggestion.elementKey)?.ownerUserId ?? null,
      },
    })),
  };
}

/* ---------- gaps: changing ---------- */

export function createGap(scope: TaskForceScope, input: CreateGapInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { today } = todayOf(scope, now);
    const { elements } = await frameworkElements(tx, scope.taskForceId, scope.locale);
    if (!elements.has(input.elementKey)) throw new DomainError("INVALID", "unknownElement", { elementKey: input.elementKey }, "elementKey");
    if (input.sourceRoundId && !(await findRound(tx, scope.taskForceId, input.sourceRoundId))) {
      throw new DomainError("INVALID", "unknownRound", {}, "sourceRoundId");
    }
    assertDueNotPast(input.dueOn, today);
    const ownerOrganizationId = await checkOwner(
      tx,
      scope,
      { organizationId: input.ownerOrganizationId, userId: input.ownerUserId },
      { organization: "ownerOrganizationId", person: "ownerUserId" },
    );
    // Named fields: the procedure's input also carries taskForceSlug, which belongs in neither the row nor the log.
    const { elementKey, title, description, priority, currentStage, targetStage, ownerUserId, dueOn, sourceRoundId, evidenceLinks } = input;
    const values = { elementKey, title, description, priority, currentStage, targetStage, ownerOrganizationId, ownerUserId, dueOn, sourceRoundId, evidenceLinks };
    const { id, version } = await insertGap(tx, {
      ...values,
      taskForceId: scope.taskForceId,
      createdByUserId: scope.userId,
      updatedByUserId: scope.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertGapEvent(tx, { taskForceId: scope.taskForceId, gapId: id, kind: "status_change", toStatus: "open", actorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "gap", entityId: id, action: "create", changes: changedFields(null, values) });
    await noticeWorkChange(tx, scope, { kind: "gap", id, title, version }, null, { holderUserId: ownerUserId, dueOn });
    return { id, version };
  });
}

const GAP_FIELDS = ["title", "description", "priority", "currentStage", "targetStage", "ownerOrganizationId", "ownerUserId", "dueOn", "evidenceLinks"] as const;

export function updateGap(scope: TaskForceScope, input: UpdateGapInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const gap = await loadGap(tx, scope, input.gapId, "update");
    assertMayUpdateGap(scope, gap);
    if (gap.version !== input.version) throw staleVersion(gap, STALE);
    const { today } = todayOf(scope, now);

    const after = changedInput(input, gap, GAP_FIELDS);
    if ("ownerOrganizationId" in after && !managesAllWork(scope)) {
      // A member handing a gap to another organization would take it out of their own hands.
      throw new DomainError("FORBIDDEN", "gapOwnerChangeNotAllowed", {}, "ownerOrganizationId");
    }
    if ("dueOn" in after) assertDueNotPast(input.dueOn, today);
    if ("ownerOrganizationId" in after || "ownerUserId" in after) {
      const organizationId = input.ownerOrganizationId !== undefined ? input.ownerOrganizationId : gap.ownerOrganizationId;
      const userId = input.ownerUserId !== undefined ? input.ownerUserId : gap.ownerUserId;
      const stored = await checkOwner(tx, scope, { organizationId, userId }, { organization: "ownerOrganizationId", person: "ownerUserId" });
      if (stored !== gap.ownerOrganizationId) after.ownerOrganizationId = stored;
    }
    const fields = Object.keys(after);
    if (fields.length === 0) return { version: gap.version };

    const version = await updateGapRow(tx, scope.taskForceId, gap.id, input.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(gap, STALE);
    await insertGapEvent(tx, { taskForceId: scope.taskForceId, gapId: gap.id, kind: "update", body: fields.join(", "), actorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "gap", entityId: gap.id, action: "update", changes: changedFields<Record<string, unknown>>(gap, after) });
    if (isOpenGapStatus(gap.status)) {
      await noticeWorkChange(
        tx,
        scope,
        { kind: "gap", id: gap.id, title: after.title ?? gap.title, version },
        { holderUserId: gap.ownerUserId, dueOn: gap.dueOn },
        { holderUserId: "ownerUserId" in after ? (after.ownerUserId ?? null) : gap.ownerUserId, dueOn: "dueOn" in after ? (after.dueOn ?? null) : gap.dueOn },
      );
    }
    return { version };
  });
}

export function changeGapStatus(scope: TaskForceScope, input: ChangeGapStatusInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const gap = await loadGap(tx, scope, input.gapId, "update");
    assertMayUpdateGap(scope, gap);
    if (gap.version !== input.version) throw staleVersion(gap, STALE);
    if (!canTransition(gap.status, input.status)) {
      throw new DomainError("CONFLICT", "gapTransitionNotAllowed", { from: gap.status, to: input.status }, "status");
    }
    if (needsReason(input.status) && !input.note) throw new DomainError("INVALID", "statusReasonRequired", { status: input.status }, "note");
    const after = {
      status: input.status,
      statusReason: needsReason(input.status) ? input.note : null,
      resolvedAt: input.status === "resolved" ? now : null,
    };
    const version = await updateGapRow(tx, scope.taskForceId, gap.id, input.version, { ...after, updatedByUserId: scope.userId, updatedAt: now });
    if (version === null) throw staleVersion(gap, STALE);
    await insertGapEvent(tx, {
      taskForceId: scope.taskForceId,
      gapId: gap.id,
      kind: "status_change",
      fromStatus: gap.status,
      toStatus: input.status,
      body: input.note,
      actorUserId: scope.userId,
      createdAt: now,
    });
    await recordAudit(tx, auditedBy(scope), {
      entity: "gap",
      entityId: gap.id,
      action: "changeStatus",
      changes: { status: { from: gap.status, to: input.status }, ...(input.note ? { note: { from: null, to: input.note } } : {}) },
    });
    return { version };
  });
}

/**
 * Anyone who may comment may do so on any gap of the task force; sharing a comment with funders is
 * for those who may update the gap, since it speaks for the task force.
 */
export function commentOnGap(scope: TaskForceScope, input: CommentOnGapInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const gap = await loadGap(tx, scope, input.gapId);
    if (input.sharedWithFunders && !mayUpdateGap(scope, gap)) throw new DomainError("FORBIDDEN", "shareCommentNotAllowed", {}, "sharedWithFunders");
    await insertGapEvent(tx, {
      taskForceId: scope.taskForceId,
      gapId: gap.id,
      kind: "comment",
      body: input.body,
      sharedWithFunders: input.sharedWithFunders,
      actorUserId: scope.userId,
      createdAt: now,
    });
    await recordAudit(tx, auditedBy(scope), {
      entity: "gap",
      entityId: gap.id,
      action: "comment",
      changes: { body: { from: null, to: input.body }, sharedWithFunders: { from: null, to: input.sharedWithFunders } },
    });
  });
}
