import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import type { Permission } from "@/server/auth/permissions";

/**
 * The task force of the current URL with the caller's role and permissions. Non-members get the
 * not-found page, the same as for a task force that does not exist.
 */
export const loadTaskForce = cache(async (slug: string, path: string) => {
  const caller = await serverCaller();
  return loadForPage(() => caller.taskForce.get({ taskForceSlug: slug }), path);
});

/** Pages check their own permission (layouts are not re-run on every navigation). */
export async function requireTaskForcePermission(slug: string, path: string, permission: Permission) {
  const taskForce = await loadTaskForce(slug, path);
  if (!taskForce.permissions.includes(permission)) notFound();
  return taskForce;
}
