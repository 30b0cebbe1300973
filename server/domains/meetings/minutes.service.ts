import { inTransaction } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { insertCheckedActionItem } from "@/server/domains/actionItems/actionItems.service";
import { findDecision, insertDecision, insertMinuteComment, listAgendaItems, updateDecisionRow, updateMeetingRow, upsertMinutes } from "./meetings.queries";
import type { ApproveMinutesInput, ChangeDecisionStatusInput, CommentOnMinutesInput, CreateMeetingActionInput, RecordDecisionInput, SaveMinutesInput, ShareMinutesInput } from "./meetings.schemas";
import { currentTime } from "@/server/lib/clock";
import { loadAgendaItem } from "./agenda.service";
import { assertNotCancelled } from "./attendance.service";
import { noticeMeeting } from "./meetings.notices";
import { assertDraft, loadManagedMeeting, loadMeeting } from "./meetings.service";

/*
 * A meeting's minutes (drafted, commented on, approved, shared with funders), and the decisions and
 * action items it produced.
 */

/* ---------- minutes ---------- */

export function saveMinutes(scope: TaskForceScope, input: SaveMinutesInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId, "body");
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    const before = (await listAgendaItems(tx, scope.taskForceId, input.meetingId)).find((row) => row.id === item.id)?.minutes ?? "";
    if (before === input.body) return;
    await upsertMinutes(tx, {
      taskForceId: scope.taskForceId,
      meetingId: input.meetingId,
      agendaItemId: item.id,
      body: input.body,
      updatedByUserId: scope.userId,
      updatedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), { entity: "minutes", entityId: item.id, action: "update", changes: { body: { from: before, to: input.body } } });
  });
}

export function approveMinutes(scope: TaskForceScope, input: ApproveMinutesInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (meeting.minutesStatus === "approved") throw new DomainError("CONFLICT", "minutesAlreadyApproved");
    if (!rights.approve) throw new DomainError("FORBIDDEN", "approveNotAllowed");
    // Approving the minutes of a meeting that has taken place says it was held: nobody should have
    // to find the status inside "Change the meeting" first. One that has not started, or was
    // cancelled, has no minutes to approve.
    const markHeld = meeting.status === "scheduled" && meeting.startsAt.getTime() <= now.getTime();
    if (meeting.status !== "held" && !markHeld) throw new DomainError("CONFLICT", "minutesNeedHeldMeeting");
    const after = {
      minutesStatus: "approved" as const,
      minutesApprovedAt: now,
      minutesApprovedByUserId: scope.userId,
      minutesSharedWithFunders: input.sharedWithFunders,
      ...(markHeld ? { status: "held" as const } : {}),
    };
    const version = await updateMeetingRow(tx, scope.taskForceId, meeting.id, meeting.version, { ...after, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "meeting",
      entityId: meeting.id,
      action: "approveMinutes",
      changes: {
        minutesStatus: { from: "draft", to: "approved" },
        minutesApprovedAt: { from: null, to: now.toISOString() },
        minutesSharedWithFunders: { from: false, to: input.sharedWithFunders },
        ...(markHeld ? { status: { from: meeting.status, to: "held" } } : {}),
      },
    });
    if (version !== null) await noticeMeeting(tx, scope, { ...meeting, version }, { kind: "minutesApproved" });
    return { version };
  });
}

export function shareMinutes(scope: TaskForceScope, input: ShareMinutesInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (meeting.minutesStatus !== "approved") throw new DomainError("CONFLICT", "onlyApprovedMinutesShared", {}, "sharedWithFunders");
    if (!rights.share) throw new DomainError("FORBIDDEN", "approveNotAllowed");
    if (meeting.minutesSharedWithFunders === input.sharedWithFunders) return { version: meeting.version };
    const version = await updateMeetingRow(tx, scope.taskForceId, meeting.id, meeting.version, { minutesSharedWithFunders: input.sharedWithFunders, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "meeting",
      entityId: meeting.id,
      action: "shareMinutes",
      changes: { minutesSharedWithFunders: { from: meeting.minutesSharedWithFunders, to: input.sharedWithFunders } },
    });
    return { version };
  });
}

export function commentOnMinutes(scope: TaskForceScope, input: CommentOnMinutesInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId);
    assertDraft(meeting, "body");
    if (!rights.comment) throw new DomainError("FORBIDDEN", "commentNotAllowed");
    const { id } = await insertMinuteComment(tx, { taskForceId: scope.taskForceId, meetingId: meeting.id, body: input.body, authorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "minuteComment", entityId: id, action: "create", changes: { meetingId: { from: null, to: meeting.id }, body: { from: null, to: input.body } } });
    return { id };
  });
}

/* ---------- decisions and actions ---------- */

export function recordDecision(scope: TaskForceScope, input: RecordDecisionInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId, "text");
    if (input.agendaItemId) await loadAgendaItem(tx, scope, meeting.id, input.agendaItemId);
    const { agendaItemId, text, outcome, status } = input;
    const values = { agendaItemId, text, outcome, status };
    const { id } = await insertDecision(tx, { ...values, taskForceId: scope.taskForceId, meetingId: meeting.id, createdByUserId: scope.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "decision", entityId: id, action: "create", changes: changedFields(null, { ...values, meetingId: meeting.id }) });
    return { id };
  });
}

/** A decision's status follows its life after the meeting (in effect → implemented, superseded), so it stays changeable after approval. */
export function changeDecisionStatus(scope: TaskForceScope, input: ChangeDecisionStatusInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const decision = await findDecision(tx, scope.taskForceId, input.decisionId);
    if (!decision) throw new DomainError("NOT_FOUND", "decisionNotFound");
    const { rights } = await loadMeeting(tx, scope, decision.meetingId);
    if (!rights.manageLater) throw new DomainError("FORBIDDEN", "meetingNotManaged");
    if (decision.status === input.status) return;
    await updateDecisionRow(tx, scope.taskForceId, decision.id, { status: input.status, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "decision", entityId: decision.id, action: "changeStatus", changes: { status: { from: decision.status, to: input.status } } });
  });
}

/** An action item created in a meeting goes into the one action tracker (the action-item domain), linked to the meeting. */
export function createMeetingAction(scope: TaskForceScope, input: CreateMeetingActionInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (!rights.manageLater) throw new DomainError("FORBIDDEN", "meetingNotManaged");
    assertNotCancelled(meeting);
    const { title, assigneeUserId, assigneeOrganizationId, dueOn } = input;
    return insertCheckedActionItem(tx, scope, { title, assigneeUserId, assigneeOrganizationId, dueOn, gapId: null, meetingId: meeting.id }, now);
  });
}
