import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { createInvitation, deliverInvitation, writeInvitation } from "@/server/domains/invitations/invitations.service";
import { permissionsOf } from "@/server/auth/permissions";
import { listTaskForceAccess } from "@/server/domains/access";
import {
  findTaskForce,
  insertTaskForce,
  listAllTaskForces,
  updateTaskForce,
} from "./taskForces.queries";
import type { CreateTaskForceInput, InviteCoordinatorInput, UpdateTaskForceInput } from "./taskForces.schemas";

/** The task force as its member sees it, with what their role lets them do (used to hide controls). */
export async function getTaskForce(scope: TaskForceScope) {
  const taskForce = await findTaskForce(await getDb(), scope.taskForceId);
  if (!taskForce) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  return { ...taskForce, role: scope.role, permissions: permissionsOf(scope.role) };
}

/** The task forces the person reaches (memberships and funding programs), for the switcher and the home page. */
export async function listMyTaskForces(user: SessionUser) {
  const reached = await listTaskForceAccess(await getDb(), user.id);
  return reached.map((access) => ({ slug: access.slug, name: access.taskForceName, role: access.role }));
}

export function updateTaskForceSettings(scope: TaskForceScope, input: UpdateTaskForceInput) {
  return inTransaction(async (tx) => {
    const before = await findTaskForce(tx, scope.taskForceId);
    if (!before) throw new DomainError("NOT_FOUND", "taskForceNotFound");
    // Only the settings: the procedure's input also carries `taskForceSlug`, which must not reach the row or the log.
    const after = { name: input.name, timeZone: input.timeZone };
    await updateTaskForce(tx, scope.taskForceId, after);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      { entity: "taskForce", entityId: scope.taskForceId, action: "update", changes: changedFields(before, after) },
    );
  });
}

export async function listTaskForcesForAdmin() {
  return listAllTaskForces(await getDb());
}

/** An administrator creates a task force and invites its first coordinator, in one transaction. */
export async function createTaskForce(admin: SessionUser, input: CreateTaskForceInput, baseUrl: string) {
  const { taskForce, written } = await inTransaction(async (tx) => {
    const settings = { slug: input.slug, name: input.name, timeZone: input.timeZone };
    const created = await insertTaskForce(tx, settings);
    if (!created) throw new DomainError("CONFLICT", "slugTaken", { slug: input.slug }, "slug");
    await recordAudit(
      tx,
      { taskForceId: created.id, actorUserId: admin.id },
      { entity: "taskForce", entityId: created.id, action: "create", changes: changedFields(null, settings) },
    );
    const invitation = await writeInvitation(
      tx,
      { taskForceId: created.id, taskForceName: created.name, userId: admin.id },
      { email: input.coordinatorEmail, role: "coordinator" },
    );
    return { taskForce: created, written: invitation };
  });
  return { taskForce, invitation: await deliverInvitation(written, baseUrl) };
}

export async function inviteCoordinator(admin: SessionUser, input: InviteCoordinatorInput, baseUrl: string) {
  const taskForce = await findTaskForce(await getDb(), input.taskForceId);
  if (!taskForce) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  return createInvitation({ taskForceId: taskForce.id, taskForceName: taskForce.name, userId: admin.id }, { email: input.email, role: "coordinator" }, baseUrl);
}
