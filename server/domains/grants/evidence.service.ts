import { inTransaction } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { evidenceKind, URL_EVIDENCE_KIND } from "./evidenceKinds";
import { deleteEvidenceRow, findEvidence, findEvidenceOfRecord, insertEvidence } from "./grants.queries";
import type { AddEvidenceInput, EvidenceInput } from "./grants.schemas";
import { currentTime } from "@/server/lib/clock";
import { loadRequirement } from "./grants.service";

/*
 * Adding and removing the evidence behind a requirement: a link, or a record of the task force (a
 * round, a meeting, a gap...) checked to belong to it. What each reader sees of it is decided where
 * the award is read (grants.service.ts).
 */

/* ---------- evidence ---------- */

export function addEvidence(scope: TaskForceScope, input: AddEvidenceInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const requirement = await loadRequirement(tx, scope, input.requirementId);
    let values: { kind: string; recordId: string | null; url: string | null; label: string };
    if (input.kind === URL_EVIDENCE_KIND) {
      values = { kind: input.kind, recordId: null, url: input.url, label: input.label };
    } else {
      const definition = evidenceKind(input.kind);
      if (!definition) throw new DomainError("INVALID", "unknownEvidenceKind", { kind: input.kind }, "kind");
      const recordId = input.recordId ?? "";
      // The record must belong to this task force: a link never crosses task forces.
      const [record] = await definition.find(tx, scope.taskForceId, [recordId]);
      if (!record) throw new DomainError("INVALID", "evidenceRecordNotFound", {}, "recordId");
      if (await findEvidenceOfRecord(tx, scope.taskForceId, requirement.id, input.kind, recordId)) {
        throw new DomainError("CONFLICT", "evidenceAlreadyLinked", {}, "recordId");
      }
      values = { kind: input.kind, recordId, url: null, label: input.label || record.label };
    }
    const { id } = await insertEvidence(tx, { ...values, taskForceId: scope.taskForceId, requirementId: requirement.id, createdByUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "requirementEvidence", entityId: id, action: "create", changes: changedFields(null, { requirementId: requirement.id, ...values }) });
    return { id };
  });
}

export function removeEvidence(scope: TaskForceScope, input: EvidenceInput) {
  return inTransaction(async (tx) => {
    const evidence = await findEvidence(tx, scope.taskForceId, input.evidenceId);
    if (!evidence) throw new DomainError("NOT_FOUND", "evidenceNotFound");
    await deleteEvidenceRow(tx, scope.taskForceId, evidence.id);
    await recordAudit(tx, auditedBy(scope), {
      entity: "requirementEvidence",
      entityId: evidence.id,
      action: "delete",
      changes: changedFields<Record<string, unknown>>(
        { requirementId: evidence.requirementId, kind: evidence.kind, recordId: evidence.recordId, url: evidence.url },
        { requirementId: null, kind: null, recordId: null, url: null },
      ),
    });
    return { id: evidence.id };
  });
}
