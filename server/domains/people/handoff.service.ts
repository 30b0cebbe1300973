import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findAssignablePerson, listAssignablePeople } from "./assignable";
import type { HandOffInput, HandoffOverviewInput } from "./handoff.schemas";
import { findLatestMembershipOfUser, listFormerMembers } from "./people.queries";

/*
 * Handoff: when someone leaves (or is about to), a coordinator sees everything they hold and gives
 * it all to one active member in one transaction. What a person can hold is kept by the domains
 * that build on people (action items, gaps, committees, MOUs): each says how to list and move its
 * kind of responsibility, and the root router hands those kinds in (server/trpc/root.ts), so this
 * domain imports none of them and no circle forms. A new kind is one more entry there.
 */

/** The kinds of responsibility a person can hold (the handoff page names each from its catalog). */
export type ResponsibilityKey = "actionItems" | "gaps" | "mouSignatories" | "committeeChairs";

export interface HeldItem {
  id: string;
  title: string;
  /** A calendar date or a title that helps tell items apart (due date, signing title). */
  detail: string | null;
}

/** The successor's organization goes with a record when they have one, so holder and organization stay a valid pair. */
export interface Successor {
  userId: string;
  organizationId: string | null;
}

export interface ResponsibilityKind {
  key: ResponsibilityKey;
  list(tx: Database, scope: TaskForceScope, userId: string): Promise<HeldItem[]>;
  /** Moves everything of this kind; returns how many records moved. */
  reassign(tx: Database, scope: TaskForceScope, fromUserId: string, to: Successor): Promise<number>;
}

async function loadPerson(db: Database, scope: TaskForceScope, userId: string) {
  const person = await findLatestMembershipOfUser(db, scope.taskForceId, userId);
  if (!person) throw new DomainError("NOT_FOUND", "membershipNotFound");
  return person;
}

function holdingsOf(db: Database, scope: TaskForceScope, userId: string, kinds: readonly ResponsibilityKind[]) {
  return Promise.all(kinds.map(async (kind) => ({ key: kind.key, items: await kind.list(db, scope, userId) })));
}

/** Everything the person holds, and who could take it over (people who may be given work, other than them). */
export async function getHandoffOverview(scope: TaskForceScope, input: HandoffOverviewInput, kinds: readonly ResponsibilityKind[]) {
  const db = await getDb();
  const person = await loadPerson(db, scope, input.userId);
  const [responsibilities, people] = await Promise.all([holdingsOf(db, scope, person.userId, kinds), listAssignablePeople(scope)]);
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
export function handOff(scope: TaskForceScope, input: HandOffInput, kinds: readonly ResponsibilityKind[]) {
  return inTransaction(async (tx) => {
    const person = await loadPerson(tx, scope, input.fromUserId);
    if (input.toUserId === person.userId) throw new DomainError("INVALID", "handoffToSelf", {}, "toUserId");
    const successor = await findAssignablePerson(tx, scope.taskForceId, input.toUserId);
    if (!successor) throw new DomainError("INVALID", "unknownPerson", {}, "toUserId");
    const moved: Record<string, number> = {};
    for (const kind of kinds) {
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
