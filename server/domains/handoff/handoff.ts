import { getDb, transaction, type Database } from "@/db/client";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { listOpenActionItemsOf, reassignOpenActionItems } from "@/server/domains/actionItems/actionItems.handoff";
import { listOpenGapsOf, reassignOpenGaps } from "@/server/domains/gaps/gaps.handoff";
import { listCommitteesChairedBy, reassignCommitteeChairs } from "@/server/domains/meetings/committees.service";
import { listSignatoryRolesOf, moveSignatoryRoles } from "@/server/domains/mous";
import { findAssignablePerson, findLatestMembershipOfUser, listAssignablePeople, listFormerMembers } from "@/server/domains/people";
import type { HandOffInput, HandoffOverviewInput } from "./handoff.schemas";

/*
 * Handoff (its own domain because it composes others: people, gaps, meetings, MOUs, which may in
 * turn use people without a circle): when someone leaves (or is about to), a coordinator sees everything they hold and gives
 * it all to one active member in one transaction. Each kind of responsibility says how to list and
 * how to move it, using its own domain's service; a new kind (committee chairs, …) is one entry.
 */

export interface HeldItem {
  id: string;
  title: string;
  /** A calendar date or a title that helps tell items apart (due date, signing title). */
  detail: string | null;
}

interface Successor {
  userId: string;
  organizationId: string | null;
}

interface ResponsibilityKind {
  key: string;
  list(tx: Database, scope: TaskForceScope, userId: string): Promise<HeldItem[]>;
  /** Moves everything of this kind; returns how many records moved. */
  reassign(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor): Promise<number>;
}

export const RESPONSIBILITY_KINDS = [
  {
    key: "actionItems",
    list: async (tx, scope, userId) =>
      (await listOpenActionItemsOf(tx, scope, userId)).map((item) => ({ id: item.id, title: item.title, detail: item.dueOn })),
    reassign: (tx, scope, from, to) => reassignOpenActionItems(tx, scope, from, to),
  },
  {
    key: "gaps",
    list: async (tx, scope, userId) => (await listOpenGapsOf(tx, scope, userId)).map((gap) => ({ id: gap.id, title: gap.title, detail: gap.dueOn })),
    reassign: (tx, scope, from, to) => reassignOpenGaps(tx, scope, from, to),
  },
  {
    key: "mouSignatories",
    list: async (tx, scope, userId) =>
      (await listSignatoryRolesOf(tx, scope.taskForceId, userId)).map((role) => ({ id: role.mouId, title: role.title, detail: role.signingTitle || null })),
    reassign: async (tx, scope, from, to) => {
      const moved = await moveSignatoryRoles(tx, scope.taskForceId, from, to.userId);
      for (const row of moved) {
        await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
          entity: "mou",
          entityId: row.mouId,
          action: "handoff",
          changes: { signatory: { from, to: to.userId } },
        });
      }
      return moved.length;
    },
  },
  {
    key: "committeeChairs",
    list: async (tx, scope, userId) =>
      (await listCommitteesChairedBy(tx, scope, userId)).map((committee) => ({ id: committee.id, title: committee.name, detail: null })),
    // The meetings domain audits each committee it hands over.
    reassign: async (tx, scope, from, to) => (await reassignCommitteeChairs(tx, scope, from, to.userId)).length,
  },
] as const satisfies readonly ResponsibilityKind[];

export type ResponsibilityKey = (typeof RESPONSIBILITY_KINDS)[number]["key"];

async function loadPerson(db: Database, scope: TaskForceScope, userId: string) {
  const person = await findLatestMembershipOfUser(db, scope.taskForceId, userId);
  if (!person) throw new DomainError("NOT_FOUND", "membershipNotFound");
  return person;
}

async function holdingsOf(db: Database, scope: TaskForceScope, userId: string) {
  const lists = await Promise.all(RESPONSIBILITY_KINDS.map(async (kind) => ({ key: kind.key as ResponsibilityKey, items: await kind.list(db, scope, userId) })));
  return lists;
}

/** Everything the person holds, and who could take it over (people who may be given work, other than them). */
export async function getHandoffOverview(scope: TaskForceScope, input: HandoffOverviewInput) {
  const db = await getDb();
  const person = await loadPerson(db, scope, input.userId);
  const [responsibilities, people] = await Promise.all([holdingsOf(db, scope, person.userId), listAssignablePeople(scope)]);
  return {
    person: { userId: person.userId, name: person.name, endedAt: person.endedAt },
    responsibilities,
    successors: people.filter((one) => one.userId !== person.userId).map((one) => ({ userId: one.userId, name: one.name, organizationName: one.organizationName })),
  };
}

export async function listFormerMembersOf(scope: TaskForceScope) {
  return listFormerMembers(await getDb(), scope.taskForceId);
}

/** Moves every responsibility of the person to the successor in one transaction, with one summary audit entry. */
export function handOff(scope: TaskForceScope, input: HandOffInput) {
  return transaction(async (tx) => {
    const person = await loadPerson(tx, scope, input.fromUserId);
    if (input.toUserId === person.userId) throw new DomainError("INVALID", "handoffToSelf", {}, "toUserId");
    const successor = await findAssignablePerson(tx, scope.taskForceId, input.toUserId);
    if (!successor) throw new DomainError("INVALID", "unknownPerson", {}, "toUserId");
    const moved: Record<string, number> = {};
    for (const kind of RESPONSIBILITY_KINDS) {
      moved[kind.key] = await kind.reassign(tx, scope, person.userId, { userId: successor.userId, organizationId: successor.organizationId });
    }
    await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
      entity: "handoff",
      entityId: person.userId,
      action: "reassign",
      changes: { to: { from: person.userId, to: successor.userId }, moved: { from: null, to: moved } },
    });
    return { moved, successorName: successor.name };
  });
}
