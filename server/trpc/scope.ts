import { getDb } from "@/server/lib/unitOfWork";
import { can, type Permission } from "@/server/auth/permissions";
import { findActiveMembershipBySlug, listFundedTaskForces } from "@/server/domains/taskForces";
import { createFunderScope, createTaskForceScope, type FunderScope, type MembershipCache, type SessionUser, type TaskForceScope } from "./context";

/**
 * The caller's standing in the task force named by `slug`: a scope when they are an active member
 * holding `permission`; otherwise why not. A non-member is told the task force does not exist.
 * Shared by taskForceProcedure and the route handlers that cannot be tRPC (file upload/download),
 * so both decide access the same way.
 */
export async function resolveTaskForceScope(
  user: SessionUser,
  slug: string,
  permission: Permission,
  memberships?: MembershipCache,
): Promise<{ scope: TaskForceScope } | { refused: "NOT_FOUND" | "FORBIDDEN" }> {
  const membership = await membershipOf(user, slug, memberships);
  if (!membership) return { refused: "NOT_FOUND" };
  if (!can(membership.role, permission)) return { refused: "FORBIDDEN" };
  return {
    scope: createTaskForceScope({
      taskForceId: membership.taskForceId,
      taskForceSlug: slug,
      userId: user.id,
      role: membership.role,
      organizationId: membership.organizationId,
      taskForceName: membership.taskForceName,
      timeZone: membership.timeZone,
    }),
  };
}

/** The caller's active membership in the task force `slug`, read once per request when a cache is given. */
function membershipOf(user: SessionUser, slug: string, memberships: MembershipCache | undefined) {
  const remembered = memberships?.get(slug);
  if (remembered) return remembered;
  const lookup = getDb().then((db) => findActiveMembershipBySlug(db, user.id, slug));
  memberships?.set(slug, lookup);
  return lookup;
}

/** The task forces the caller funds, for the funder's reads across them; empty when they fund none. */
export async function resolveFunderScope(user: SessionUser): Promise<FunderScope> {
  const taskForces = await listFundedTaskForces(await getDb(), user.id);
  return createFunderScope({ userId: user.id, taskForces });
}
