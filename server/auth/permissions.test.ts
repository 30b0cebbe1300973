import { describe, expect, it } from "vitest";
import { TASK_FORCE_ROLES } from "@/db/vocabulary/roles";
import { can, PERMISSIONS, permissionsOf, type Permission } from "./permissions";

describe("role permissions", () => {
  it("gives a coordinator every permission", () => {
    for (const permission of PERMISSIONS) expect(can("coordinator", permission), permission).toBe(true);
    expect([...permissionsOf("coordinator")].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("lets only coordinators and members be given work, never a funder or a viewer", () => {
    expect(TASK_FORCE_ROLES.filter((role) => can(role, "work.own"))).toEqual(["coordinator", "member"]);
  });

  it("refuses what no role map lists (deny by default)", () => {
    const unknown = "grant.approve" as Permission;
    for (const role of TASK_FORCE_ROLES) expect(can(role, unknown), role).toBe(false);
  });

  it("lets a funder read the task force, its agencies and assessment aggregates, and manage nothing", () => {
    expect(permissionsOf("funder")).toEqual([
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
    ]);
    const writes = PERMISSIONS.filter((permission) => /\.(manage|update)$/.test(permission));
    expect(writes.length).toBeGreaterThan(0);
    for (const permission of writes) expect(can("funder", permission), permission).toBe(false);
    // Least privilege: a funder does not see the staff directory or the audit log.
    expect(can("funder", "membership.read")).toBe(false);
    expect(can("funder", "audit.read")).toBe(false);
    expect(can("funder", "assessment.readIndividual")).toBe(false);
    expect(can("funder", "assessment.respond")).toBe(false);
    // MOUs and protocols only where shared (decided in their services); never staff contacts.
    expect(can("funder", "organization.readContacts")).toBe(false);
    expect(can("funder", "memberRecords.readUnshared")).toBe(false);
    // Contributions reach funders aggregated and suppressed only.
    for (const permission of ["contribution.readDetail", "contribution.readUnsuppressed", "contribution.submit"] as const) {
      expect(can("funder", permission), permission).toBe(false);
    }
  });

  it("lets members respond to assessments, viewers only read aggregates, and only coordinators see individual ratings", () => {
    expect(can("member", "assessment.respond")).toBe(true);
    expect(can("viewer", "assessment.respond")).toBe(false);
    for (const role of ["member", "viewer", "funder"] as const) {
      expect(can(role, "assessment.read"), role).toBe(true);
      for (const permission of ["assessment.manage", "assessment.readIndividual", "target.manage"] as const) {
        expect(can(role, permission), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it("lets members and viewers read but not manage or see the audit log", () => {
    for (const role of ["member", "viewer"] as const) {
      expect(can(role, "taskForce.read")).toBe(true);
      expect(can(role, "membership.read")).toBe(true);
      expect(can(role, "organization.read")).toBe(true);
      for (const permission of ["taskForce.update", "membership.manage", "invitation.manage", "organization.manage", "audit.read"] as const) {
        expect(can(role, permission), `${role} ${permission}`).toBe(false);
      }
    }
  });

  it("lets coordinators manage gaps, members update (their own, checked by the service), funders and viewers only read", () => {
    expect(can("coordinator", "gap.manage")).toBe(true);
    for (const permission of ["gap.update", "gap.comment", "action.update"] as const) {
      expect(can("member", permission), permission).toBe(true);
      expect(can("viewer", permission), permission).toBe(false);
      expect(can("funder", permission), permission).toBe(false);
    }
    expect(can("member", "gap.manage")).toBe(false);
    // Funders see gaps and their status, not internal notes or the action tracker.
    expect(can("funder", "gap.read")).toBe(true);
    expect(can("funder", "gap.readInternal")).toBe(false);
    expect(can("funder", "action.read")).toBe(false);
    expect(can("viewer", "gap.readInternal")).toBe(true);
  });

  it("lets coordinators manage meetings and approve minutes; members manage (as chairs, checked by the service), attend and comment", () => {
    for (const permission of ["meeting.manageAll", "meeting.approveMinutes", "committee.manage"] as const) {
      for (const role of ["member", "funder", "viewer"] as const) expect(can(role, permission), `${role} ${permission}`).toBe(false);
    }
    for (const permission of ["meeting.manage", "meeting.attend", "meeting.comment"] as const) {
      expect(can("member", permission), permission).toBe(true);
      expect(can("viewer", permission), permission).toBe(false);
      expect(can("funder", permission), permission).toBe(false);
    }
  });

  it("lets coordinators manage grants; everyone reads them; coordinators and funders generate reports; funders see shared records only", () => {
    expect(can("coordinator", "grant.manage")).toBe(true);
    for (const role of ["member", "viewer", "funder"] as const) {
      expect(can(role, "grant.read"), role).toBe(true);
      expect(can(role, "grant.manage"), role).toBe(false);
    }
    expect(can("funder", "report.generate")).toBe(true);
    expect(can("member", "report.generate")).toBe(false);
    expect(can("viewer", "report.generate")).toBe(false);
    expect(can("funder", "grant.readInternal")).toBe(false);
    expect(can("member", "grant.readInternal")).toBe(true);
  });

  it("lists only known permissions for every role", () => {
    for (const role of TASK_FORCE_ROLES) {
      for (const permission of permissionsOf(role)) expect(PERMISSIONS).toContain(permission);
    }
  });
});
