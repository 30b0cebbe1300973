import { getDb, transaction } from "@/db/client";
import { DomainError } from "@/server/errors";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { createInvitation } from "@/server/domains/invitations/invitations.service";
import { permissionsOf } from "@/server/auth/permissions";
import {
  findTaskForce,
  insertTaskForce,
  listAllTaskForces,
  listTaskForcesOfUser,
  updateTaskForce,
} from "./taskForces.queries";
import type { CreateTaskForceInput, InviteCoordinatorInput, UpdateTaskForceInput } from "./taskForces.schemas";

/** The task force as its member sees it, with what their role lets them do (used to hide controls). */
export async function getTaskForce(scope: TaskForceScope) {
  const taskForce = await findTaskForce(await getDb(), scope.taskForceId);
  if (!taskForce) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  return { ...taskForce, role: scope.role, permissions: permissionsOf(scope.role) };
}

export async function listMyTaskForces(user: SessionUser) {
  return listTaskForcesOfUser(await getDb(), user.id);
}

export function updateTaskForceSettings(scope: TaskForceScope, input: UpdateTaskForceInput) {
  return transaction(async (tx) => {
    const before = await findTaskForce(tx, scope.taskForceId);
    if (!before) throw new DomainError("NOT_FOUND", "taskForceNotFound");
    await updateTaskForce(tx, scope.taskForceId, input);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "taskForce", entityId: scope.taskForceId, action: "update", changes: changedFields(before, input) },
    );
  });
}

export async function listTaskForcesForAdmin() {
  return listAllTaskForces(await getDb());
}

/** An administrator creates a task force and invites its first coordinator in one step. */
export async function createTaskForce(admin: SessionUser, input: CreateTaskForceInput) {
  const taskForce = await transaction(async (tx) => {
    const created = await insertTaskForce(tx, { slug: input.slug, name: input.name, timeZone: input.timeZone });
    if (!created) throw new DomainError("CONFLICT", "slugTaken", { slug: input.slug }, "slug");
    await recordAudit(
      tx,
      { taskForceId: created.id, actorUserId: admin.id },
      { entity: "taskForce", entityId: created.id, action: "create", changes: changedFields(null, { slug: input.slug, name: input.name, timeZone: input.timeZone }) },
    );
    return created;
  });
  const invitation = await createInvitation(
    { taskForceId: taskForce.id, userId: admin.id },
    { email: input.coordinatorEmail, role: "coordinator" },
  );
  return { taskForce, invitation };
}

export function inviteCoordinator(admin: SessionUser, input: InviteCoordinatorInput) {
  return createInvitation({ taskForceId: input.taskForceId, userId: admin.id }, { email: input.email, role: "coordinator" });
}
