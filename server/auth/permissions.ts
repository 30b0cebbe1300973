import type { TASK_FORCE_ROLES } from "@/db/vocabulary/roles";

export type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];

/**
 * Everything a member of a task force may be allowed to do, as `resource.action`. Procedures name
 * the one they need; the role map below decides. Anything missing from the map is refused.
 */
export const PERMISSIONS = [
  "taskForce.read",
  "taskForce.update",
  // Download the whole task force as one archive (coordinators only: it holds every record).
  "taskForce.export",
  // Put the task force into a funding program, or take it out: the program's funders reach it with
  // the funder role (server/domains/fundingPrograms). Coordinators only: it decides who sees the data.
  "fundingProgram.manage",
  "membership.read",
  "membership.manage",
  "invitation.manage",
  "organization.read",
  "organization.manage",
  "audit.read",
  "job.read",
  "assessment.read",
  "assessment.respond",
  "assessment.manage",
  "assessment.readIndividual",
  "target.manage",
  "gap.read",
  "gap.readInternal",
  "gap.manage",
  "gap.update",
  "gap.comment",
  "action.read",
  "action.update",
  "meeting.read",
  "meeting.manage",
  "meeting.manageAll",
  "meeting.approveMinutes",
  "meeting.attend",
  "meeting.comment",
  "committee.read",
  "committee.manage",
  "calendar.subscribe",
  "organization.update",
  "organization.readContacts",
  "organization.readAddress",
  "mou.read",
  "mou.manage",
  "protocol.read",
  "protocol.manage",
  "document.read",
  "memberRecords.readUnshared",
  "contribution.read",
  "contribution.readDetail",
  "contribution.readUnsuppressed",
  "contribution.submit",
  "contribution.manage",
  "grant.read",
  "grant.readInternal",
  "grant.manage",
  "report.generate",
  // May be named owner or assignee of the task force's work (server/domains/people/assignable.ts),
  // and so has tasks of their own to see (dashboard.myTasks).
  "work.own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<TaskForceRole, readonly Permission[]> = {
  coordinator: PERMISSIONS,
  // Staff of a member agency see who is on the task force and which agencies take part.
  // gap.update, gap.comment and action.update are further narrowed by the gaps service for members:
  // gaps their organization owns, actions assigned to them or their organization.
  member: [
    "taskForce.read",
    "membership.read",
    "organization.read",
    "assessment.read",
    "assessment.respond",
    "gap.read",
    "gap.readInternal",
    "gap.update",
    "gap.comment",
    "action.read",
    "action.update",
    // meeting.manage is narrowed by the meetings service to the committees a member chairs.
    "meeting.read",
    "meeting.manage",
    "meeting.attend",
    "meeting.comment",
    "committee.read",
    "calendar.subscribe",
    // Narrowed by the organizations service to the member's own organization.
    "organization.update",
    "organization.readContacts",
    // Street addresses are for the task force's coordinators and member agencies only (shelter
    // locations are often confidential): not viewers, not funders (privacy.md rule 3).
    "organization.readAddress",
    "mou.read",
    "protocol.read",
    "document.read",
    "memberRecords.readUnshared",
    // Their own organization's reports in detail (narrowed by the contributions service), others aggregated.
    "contribution.read",
    "contribution.readUnsuppressed",
    "contribution.submit",
    "grant.read",
    "grant.readInternal",
    "work.own",
  ],
  // Funders see aggregates and shared records, not the staff directory (least privilege): gaps and
  // their status, comments shared with them, no internal notes and no action items.
  // Funders' meetings are narrowed by the meetings service to those whose approved minutes are shared with them.
  // MOUs and protocols (and their documents) only where a coordinator shared them; never contacts.
  // Contributions reach funders aggregated, with small victim-related counts suppressed (no readUnsuppressed).
  // They read grant progress and generate reports from shared records only (no grant.readInternal).
  funder: [
    "taskForce.read",
    "organization.read",
    "assessment.read",
    "gap.read",
    "meeting.read",
    "calendar.subscribe",
    "mou.read",
    "protocol.read",
    "document.read",
    "contribution.read",
    "grant.read",
    "report.generate",
  ],
  viewer: [
    "taskForce.read",
    "membership.read",
    "organization.read",
    "assessment.read",
    "gap.read",
    "gap.readInternal",
    "action.read",
    "meeting.read",
    "committee.read",
    "calendar.subscribe",
    "organization.readContacts",
    "mou.read",
    "protocol.read",
    "document.read",
    "memberRecords.readUnshared",
    "contribution.read",
    "contribution.readUnsuppressed",
    "grant.read",
    "grant.readInternal",
  ],
};

/** Roles whose task forces make up a person's funder portfolio (/funder): the ones they fund. */
export const PORTFOLIO_ROLES: readonly TaskForceRole[] = ["funder"];

/**
 * The role a funding program gives its funders in every task force it covers (server/domains/access).
 * A membership of the person in that task force comes first, whatever its role.
 */
export const PROGRAM_ROLE = "funder" satisfies TaskForceRole;

export function can(role: TaskForceRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: TaskForceRole): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
