import type { TaskForceScope } from "@/server/trpc/context";
import { can } from "./permissions";

/*
 * Rights on one piece of work, beyond the permission map. Coordinators (gap.manage) manage every gap
 * and action; a member may update the gaps their organization owns (or that they own), and the
 * actions assigned to them or their organization or belonging to a gap their organization owns.
 * That narrowing depends on the record, so the map cannot say it; it lives here rather than in the
 * gaps domain because the action-item domain, which gaps builds on, needs the gap rule too (a gap's
 * owner adds its actions).
 */

type Caller = Pick<TaskForceScope, "role" | "userId" | "organizationId">;

export const managesAllWork = (scope: Caller) => can(scope.role, "gap.manage");

export function mayUpdateGap(scope: Caller, gap: { ownerOrganizationId: string | null; ownerUserId: string | null }): boolean {
  if (managesAllWork(scope)) return true;
  if (!can(scope.role, "gap.update")) return false;
  return gap.ownerUserId === scope.userId || (scope.organizationId !== null && gap.ownerOrganizationId === scope.organizationId);
}

export function mayUpdateActionItem(
  scope: Caller,
  item: { assigneeUserId: string | null; assigneeOrganizationId: string | null; gapOwnerOrganizationId: string | null },
): boolean {
  if (managesAllWork(scope)) return true;
  if (!can(scope.role, "action.update")) return false;
  if (item.assigneeUserId === scope.userId) return true;
  if (scope.organizationId === null) return false;
  return item.assigneeOrganizationId === scope.organizationId || item.gapOwnerOrganizationId === scope.organizationId;
}
