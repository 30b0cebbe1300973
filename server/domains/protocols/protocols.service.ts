import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findProtocol, insertProtocol, listProtocols, updateProtocolRow } from "./protocols.queries";
import type { CreateProtocolInput, UpdateProtocolInput } from "./protocols.schemas";
import { currentTime } from "@/server/lib/clock";

/* Operational protocols on the IACP checklist topics. Coordinators manage; funders see the shared ones. */


export async function listProtocolsOf(scope: TaskForceScope) {
  const rows = await listProtocols(await getDb(), scope.taskForceId, { sharedOnly: !can(scope.role, "memberRecords.readUnshared") });
  return { protocols: rows, canManage: can(scope.role, "protocol.manage") };
}

function recordValues(input: CreateProtocolInput) {
  const { topic, title, status, adoptedOn, nextReviewOn, notes, sharedWithFunders } = input;
  return { topic, title, status, adoptedOn, nextReviewOn, notes, sharedWithFunders };
}

export function createProtocol(scope: TaskForceScope, input: CreateProtocolInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const values = recordValues(input);
    const { id } = await insertProtocol(tx, { ...values, taskForceId: scope.taskForceId, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "protocol", entityId: id, action: "create", changes: changedFields(null, values) });
    return { id };
  });
}

export function updateProtocol(scope: TaskForceScope, input: UpdateProtocolInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const before = await findProtocol(tx, scope.taskForceId, input.protocolId);
    if (!before) throw new DomainError("NOT_FOUND", "protocolNotFound");
    const values = recordValues(input);
    await updateProtocolRow(tx, scope.taskForceId, before.id, { ...values, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "protocol", entityId: before.id, action: "update", changes: changedFields<Record<string, unknown>>(before, values) });
  });
}
