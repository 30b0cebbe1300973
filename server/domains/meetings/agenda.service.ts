import { inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findOrganization } from "@/server/domains/organizations";
import { moveInOrder } from "./meetings.rules";
import { deleteAgendaItem, findAgendaItem, insertAgendaItems, listActivePeople, listAgendaItems, nextAgendaPosition, updateAgendaItemRow } from "./meetings.queries";
import type { AddAgendaItemInput, AgendaItemInput, MoveAgendaItemInput, UpdateAgendaItemInput } from "./meetings.schemas";
import { loadManagedMeeting } from "./meetings.service";

/*
 * A meeting's agenda: items with a presenter and time, kept in order; frozen once the minutes are
 * approved. Who may change a meeting is decided in meetings.service.ts.
 */

/* ---------- agenda ---------- */

async function checkPresenter(db: Database, scope: TaskForceScope, input: { presenterUserId: string | null; presenterOrganizationId: string | null }) {
  if (input.presenterOrganizationId && !(await findOrganization(db, scope.taskForceId, input.presenterOrganizationId))) {
    throw new DomainError("INVALID", "unknownOrganization", {}, "presenterOrganizationId");
  }
  if (input.presenterUserId) {
    const people = await listActivePeople(db, scope.taskForceId);
    if (!people.some((person) => person.userId === input.presenterUserId)) throw new DomainError("INVALID", "unknownPerson", {}, "presenterUserId");
  }
}

export function addAgendaItem(scope: TaskForceScope, input: AddAgendaItemInput) {
  return inTransaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    await checkPresenter(tx, scope, input);
    const { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision } = input;
    const values = { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision };
    const position = await nextAgendaPosition(tx, scope.taskForceId, meeting.id);
    const [row] = await insertAgendaItems(tx, [{ ...values, taskForceId: scope.taskForceId, meetingId: meeting.id, position }]);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: row!.id, action: "create", changes: changedFields(null, { ...values, meetingId: meeting.id }) });
    return { id: row!.id };
  });
}

export async function loadAgendaItem(db: Database, scope: TaskForceScope, meetingId: string, agendaItemId: string) {
  const item = await findAgendaItem(db, scope.taskForceId, meetingId, agendaItemId);
  if (!item) throw new DomainError("NOT_FOUND", "agendaItemNotFound");
  return item;
}

export function updateAgendaItem(scope: TaskForceScope, input: UpdateAgendaItemInput) {
  return inTransaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    await checkPresenter(tx, scope, input);
    const { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision } = input;
    const after = { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision };
    const changes = changedFields<Record<string, unknown>>(item, after);
    if (Object.keys(changes).length === 0) return;
    await updateAgendaItemRow(tx, scope.taskForceId, item.id, after);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: item.id, action: "update", changes });
  });
}

export function removeAgendaItem(scope: TaskForceScope, input: AgendaItemInput) {
  return inTransaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    await deleteAgendaItem(tx, scope.taskForceId, item.id);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: item.id, action: "delete", changes: { title: { from: item.title, to: null } } });
  });
}

/** Moves an item one place up or down; positions are rewritten 1..n so they stay dense. */
export function moveAgendaItem(scope: TaskForceScope, input: MoveAgendaItemInput) {
  return inTransaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const items = await listAgendaItems(tx, scope.taskForceId, input.meetingId);
    const index = items.findIndex((item) => item.id === input.agendaItemId);
    if (index < 0) throw new DomainError("NOT_FOUND", "agendaItemNotFound");
    const moved = moveInOrder(items, index, input.direction);
    for (const [at, item] of moved.entries()) {
      if (item.position !== at + 1) await updateAgendaItemRow(tx, scope.taskForceId, item.id, { position: at + 1 });
    }
    await recordAudit(tx, auditedBy(scope), {
      entity: "agendaItem",
      entityId: input.agendaItemId,
      action: "move",
      changes: { position: { from: index + 1, to: moved.findIndex((item) => item.id === input.agendaItemId) + 1 } },
    });
  });
}
