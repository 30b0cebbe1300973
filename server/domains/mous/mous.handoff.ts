import { recordAudit } from "@/server/domains/audit/audit.service";
import type { ResponsibilityKind } from "@/server/domains/people";
import { listSignatoryRolesOf, moveSignatoryRoles } from "./mous.queries";

/** The MOUs a person is to sign for their organization, and giving those roles to a successor when they leave (people/handoff.service.ts). */
export const mouSignatories: ResponsibilityKind = {
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
};
