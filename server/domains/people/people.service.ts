import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { assertOrganizationInTaskForce } from "@/server/domains/organizations/organizations.service";
import {
  countActiveCoordinatorsForUpdate,
  endMembershipRow,
  findActiveMembership,
  listActiveMemberships,
  listActiveTaskForceIdsOfUser,
  updateMembershipRole,
} from "./people.queries";
import type { EndMembershipInput, UpdateMembershipInput } from "./people.schemas";
import { endSessionsOf } from "@/server/domains/account";
import { fundsAProgram } from "@/server/domains/access";
import type { IssueResetLinkInput } from "@/server/domains/account/account.schemas";
import { issueResetLinkForMember } from "@/server/domains/account/account.service";
import { revokePendingInvitationsBy } from "@/server/domains/invitations";
import { currentTime } from "@/server/lib/clock";

export async function listPeople(scope: TaskForceScope) {
  return listActiveMemberships(await getDb(), scope.taskForceId);
}

async function loadMembership(tx: Database, scope: TaskForceScope, membershipId: string) {
  const membership = await findActiveMembership(tx, scope.taskForceId, membershipId);
  if (!membership) throw new DomainError("NOT_FOUND", "membershipNotFound");
  return membership;
}

/** A task force always keeps at least one coordinator, or nobody could manage it any more. */
async function assertAnotherCoordinatorRemains(tx: Database, scope: TaskForceScope) {
  if ((await countActiveCoordinatorsForUpdate(tx, scope.taskForceId)) <= 1) {
    throw new DomainError("CONFLICT", "lastCoordinator");
  }
}

/**
 * A person who loses a role: their sessions end (they sign in again and see only what they may now
 * do), and a coordinator's pending invitations in this task force are withdrawn, so nobody joins
 * on the word of someone who no longer coordinates it.
 */
async function afterRoleRemoved(tx: Database, scope: TaskForceScope, userId: string, formerRole: string, now: Date) {
  await endSessionsOf(tx, [userId], now);
  if (formerRole !== "coordinator") return;
  for (const invitationId of await revokePendingInvitationsBy(tx, scope.taskForceId, userId, now)) {
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "invitation", entityId: invitationId, action: "revoke", changes: { reason: { from: null, to: "inviterNoLongerCoordinator" } } },
    );
  }
}

export function updateMembership(scope: TaskForceScope, input: UpdateMembershipInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const before = await loadMembership(tx, scope, input.membershipId);
    const organizationId = input.organizationId ?? null;
    if (organizationId) await assertOrganizationInTaskForce(tx, scope, organizationId, "organizationId");
    if (before.role === "coordinator" && input.role !== "coordinator") await assertAnotherCoordinatorRemains(tx, scope);
    const after = { role: input.role, organizationId };
    await updateMembershipRole(tx, scope.taskForceId, input.membershipId, after);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "membership", entityId: input.membershipId, action: "update", changes: changedFields(before, after) },
    );
    if (before.role !== input.role) await afterRoleRemoved(tx, scope, before.userId, before.role, now);
  });
}

export function endMembership(scope: TaskForceScope, input: EndMembershipInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const membership = await loadMembership(tx, scope, input.membershipId);
    if (membership.role === "coordinator") await assertAnotherCoordinatorRemains(tx, scope);
    await endMembershipRow(tx, scope.taskForceId, input.membershipId, now);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "membership", entityId: input.membershipId, action: "end", changes: { endedAt: { from: null, to: now } } },
    );
    await afterRoleRemoved(tx, scope, membership.userId, membership.role, now);
  });
}

/** How far a person's account reaches: their memberships, and whether a funding program widens it. */
async function reachOf(tx: Database, userId: string) {
  const [memberOf, funds] = await Promise.all([listActiveTaskForceIdsOfUser(tx, userId), fundsAProgram(tx, userId)]);
  return { memberOf, fundsAProgram: funds };
}

/** A coordinator's reset link for a person of the task force: the account domain's rules, on this domain's memberships. */
export function issueResetLinkForPerson(scope: TaskForceScope, input: IssueResetLinkInput, baseUrl: string, now = currentTime()) {
  return issueResetLinkForMember(scope, input, reachOf, baseUrl, now);
}
