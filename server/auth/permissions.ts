import type { TASK_FORCE_ROLES } from "@/db/schema/roles";

export type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];

/**
 * Everything a member of a task force may be allowed to do, as `resource.action`. Procedures name
 * the one they need; the role map below decides. Anything missing from the map is refused.
 */
export const PERMISSIONS = [
  "taskForce.read",
  "taskForce.update",
  "membership.read",
  "membership.manage",
  "invitation.manage",
  "organization.read",
  "organization.manage",
  "audit.read",
  "assessment.read",
  "assessment.respond",
  "assessment.manage",
  "assessment.readIndividual",
  "target.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<TaskForceRole, readonly Permission[]> = {
  coordinator: PERMISSIONS,
  // Staff of a member agency see who is on the task force and which agencies take part.
  member: ["taskForce.read", "membership.read", "organization.read", "assessment.read", "assessment.respond"],
  // Funders see aggregates and shared records, not the staff directory (least privilege).
  funder: ["taskForce.read", "organization.read", "assessment.read"],
  viewer: ["taskForce.read", "membership.read", "organization.read", "assessment.read"],
};

export function can(role: TaskForceRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: TaskForceRole): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
