import { getDb, transaction, type Database } from "@/db/client";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findOrganization, insertOrganization, listOrganizations } from "./organizations.queries";
import type { CreateOrganizationInput } from "./organizations.schemas";

export async function listTaskForceOrganizations(scope: Pick<TaskForceScope, "taskForceId">) {
  return listOrganizations(await getDb(), scope.taskForceId);
}

/** Refuses an organization id of another task force (or none), naming the form field at fault. */
export async function assertOrganizationInTaskForce(
  tx: Database,
  scope: Pick<TaskForceScope, "taskForceId">,
  organizationId: string,
  field: string,
) {
  const organization = await findOrganization(tx, scope.taskForceId, organizationId);
  if (!organization) throw new DomainError("INVALID", "unknownOrganization", {}, field);
  return organization;
}

export function createOrganization(scope: TaskForceScope, input: CreateOrganizationInput) {
  return transaction(async (tx) => {
    // Named fields, not `...input`: the procedure's input also carries `taskForceSlug`.
    const organization = await insertOrganization(tx, {
      taskForceId: scope.taskForceId,
      name: input.name,
      primaryDiscipline: input.primaryDiscipline,
    });
    if (!organization) throw new DomainError("CONFLICT", "organizationNameTaken", { name: input.name }, "name");
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      {
        entity: "organization",
        entityId: organization.id,
        action: "create",
        changes: { name: { from: null, to: input.name }, primaryDiscipline: { from: null, to: input.primaryDiscipline } },
      },
    );
    return organization;
  });
}
