import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findAssignablePerson, type ResponsibilityKind } from "@/server/domains/people";
import { findOrganization } from "@/server/domains/organizations";
import { deleteCommitteeMember, findCommittee, insertCommittee, insertCommitteeMember, listCommitteeMembers, listCommittees, listCommitteesChairedByUser, updateCommitteeRow } from "./committees.queries";
import type { CommitteeMemberInput, CreateCommitteeInput, UpdateCommitteeInput } from "./committees.schemas";

/*
 * Committees: standing bodies with a chair organization and, optionally, a chair person who then
 * manages the committee's meetings. Coordinators manage committees (committee.manage).
 */


export async function listCommitteesOf(scope: TaskForceScope) {
  const db = await getDb();
  const [committees, members] = await Promise.all([listCommittees(db, scope.taskForceId), listCommitteeMembers(db, scope.taskForceId)]);
  return {
    committees: committees.map((committee) => ({
      ...committee,
      members: members.filter((member) => member.committeeId === committee.id).map(({ userId, name }) => ({ userId, name })),
    })),
  };
}

async function checkChair(db: Database, scope: TaskForceScope, input: { chairOrganizationId: string | null; chairUserId: string | null }) {
  if (input.chairOrganizationId && !(await findOrganization(db, scope.taskForceId, input.chairOrganizationId))) {
    throw new DomainError("INVALID", "unknownOrganization", {}, "chairOrganizationId");
  }
  if (input.chairUserId && !(await findAssignablePerson(db, scope.taskForceId, input.chairUserId))) {
    throw new DomainError("INVALID", "unknownPerson", {}, "chairUserId");
  }
}

/** A second committee of the same name is refused by a unique index; say so next to the field. */
function duplicateName(error: unknown): never {
  const text = `${(error as { message?: string }).message ?? ""} ${String((error as { cause?: unknown }).cause ?? "")}`;
  if (text.includes("committees_task_force_name_unique")) throw new DomainError("CONFLICT", "committeeNameTaken", {}, "name");
  throw error;
}

export function createCommittee(scope: TaskForceScope, input: CreateCommitteeInput) {
  return inTransaction(async (tx) => {
    await checkChair(tx, scope, input);
    const { name, description, chairOrganizationId, chairUserId } = input;
    const values = { name, description, chairOrganizationId, chairUserId };
    const { id } = await insertCommittee(tx, { ...values, taskForceId: scope.taskForceId }).catch(duplicateName);
    await recordAudit(tx, auditedBy(scope), { entity: "committee", entityId: id, action: "create", changes: changedFields(null, values) });
    return { id };
  });
}

export function updateCommittee(scope: TaskForceScope, input: UpdateCommitteeInput) {
  return inTransaction(async (tx) => {
    const committee = await findCommittee(tx, scope.taskForceId, input.committeeId);
    if (!committee) throw new DomainError("NOT_FOUND", "committeeNotFound");
    await checkChair(tx, scope, input);
    const { name, description, chairOrganizationId, chairUserId } = input;
    const after = { name, description, chairOrganizationId, chairUserId };
    const changes = changedFields<Record<string, unknown>>(committee, after);
    if (Object.keys(changes).length === 0) return;
    await updateCommitteeRow(tx, scope.taskForceId, committee.id, after).catch(duplicateName);
    await recordAudit(tx, auditedBy(scope), { entity: "committee", entityId: committee.id, action: "update", changes });
  });
}

export function addCommitteeMember(scope: TaskForceScope, input: CommitteeMemberInput) {
  return inTransaction(async (tx) => {
    const committee = await findCommittee(tx, scope.taskForceId, input.committeeId);
    if (!committee) throw new DomainError("NOT_FOUND", "committeeNotFound");
    if (!(await findAssignablePerson(tx, scope.taskForceId, input.userId))) throw new DomainError("INVALID", "unknownPerson", {}, "userId");
    const added = await insertCommitteeMember(tx, { taskForceId: scope.taskForceId, committeeId: committee.id, userId: input.userId });
    if (added) {
      await recordAudit(tx, auditedBy(scope), { entity: "committee", entityId: committee.id, action: "addMember", changes: { userId: { from: null, to: input.userId } } });
    }
  });
}

export function removeCommitteeMember(scope: TaskForceScope, input: CommitteeMemberInput) {
  return inTransaction(async (tx) => {
    const removed = await deleteCommitteeMember(tx, scope.taskForceId, input.committeeId, input.userId);
    if (!removed) throw new DomainError("NOT_FOUND", "committeeMemberNotFound");
    await recordAudit(tx, auditedBy(scope), { entity: "committee", entityId: input.committeeId, action: "removeMember", changes: { userId: { from: input.userId, to: null } } });
  });
}

/* ---------- handoff of a departing person's responsibilities (people/handoff.service.ts) ---------- */

/** The committees the person chairs in this task force. */
export function listCommitteesChairedBy(tx: Database, scope: TaskForceScope, userId: string) {
  return listCommitteesChairedByUser(tx, scope.taskForceId, userId);
}

/**
 * Hands every committee chaired by `fromUserId` to `toUserId` (an active member), inside the
 * caller's transaction, with one audit entry per committee. Returns the committees moved.
 */
export async function reassignCommitteeChairs(tx: Database, scope: TaskForceScope, fromUserId: string, toUserId: string) {
  if (!(await findAssignablePerson(tx, scope.taskForceId, toUserId))) throw new DomainError("INVALID", "unknownPerson", {}, "toUserId");
  const chaired = await listCommitteesChairedByUser(tx, scope.taskForceId, fromUserId);
  for (const committee of chaired) {
    await updateCommitteeRow(tx, scope.taskForceId, committee.id, { chairUserId: toUserId });
    await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
      entity: "committee",
      entityId: committee.id,
      action: "reassignChair",
      changes: { chairUserId: { from: fromUserId, to: toUserId } },
    });
  }
  return chaired;
}

export const committeeChairs: ResponsibilityKind = {
  key: "committeeChairs",
  list: async (tx, scope, userId) => (await listCommitteesChairedBy(tx, scope, userId)).map((committee) => ({ id: committee.id, title: committee.name, detail: null })),
  // Each committee handed over is audited above.
  reassign: async (tx, scope, from, to) => (await reassignCommitteeChairs(tx, scope, from, to.userId)).length,
};
