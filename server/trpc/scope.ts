import { getDb } from "@/server/lib/unitOfWork";
import type { Locale } from "@/server/lib/translate";
import { can, PORTFOLIO_ROLES, type Permission } from "@/server/auth/permissions";
import { findTaskForceAccess, listTaskForceAccess } from "@/server/domains/access";
import { createFunderScope, createTaskForceScope, type AccessCache, type FunderScope, type SessionUser, type TaskForceScope } from "./context";

/**
 * The caller's standing in the task force named by `slug`: a scope when they reach it (a membership
 * or a funding program: server/domains/access) with a role holding `permission`; otherwise why not.
 * Someone who does not reach it is told the task force does not exist. Shared by taskForceProcedure
 * and the route handlers that cannot be tRPC (file upload/download), so both decide access the
 * same way.
 */
export async function resolveTaskForceScope(
  user: SessionUser,
  slug: string,
  permission: Permission,
  remembered?: AccessCache,
  locale?: Locale,
): Promise<{ scope: TaskForceScope } | { refused: "NOT_FOUND" | "FORBIDDEN" }> {
  const access = await accessOf(user, slug, remembered);
  if (!access) return { refused: "NOT_FOUND" };
  if (!can(access.role, permission)) return { refused: "FORBIDDEN" };
  return {
    scope: createTaskForceScope({
      taskForceId: access.taskForceId,
      taskForceSlug: slug,
      userId: user.id,
      role: access.role,
      organizationId: access.organizationId,
      taskForceName: access.taskForceName,
      timeZone: access.timeZone,
      locale,
    }),
  };
}

/** The caller's access to the task force `slug`, read once per request when a cache is given. */
function accessOf(user: SessionUser, slug: string, remembered: AccessCache | undefined) {
  const known = remembered?.get(slug);
  if (known) return known;
  const lookup = getDb().then((db) => findTaskForceAccess(db, user.id, { slug }));
  remembered?.set(slug, lookup);
  return lookup;
}

/** The task forces the caller funds, for the funder's reads across them; empty when they fund none. */
export async function resolveFunderScope(user: SessionUser, locale?: Locale): Promise<FunderScope> {
  const reached = await listTaskForceAccess(await getDb(), user.id);
  const taskForces = reached
    .filter((access) => PORTFOLIO_ROLES.includes(access.role))
    .map((access) => ({ id: access.taskForceId, slug: access.slug, name: access.taskForceName, timeZone: access.timeZone, programs: access.programs }));
  return createFunderScope({ userId: user.id, taskForces, locale });
}
