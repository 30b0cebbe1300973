import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { allProcedures, callerFor, callProcedure, createMember, createOrganization, createTaskForceWithCoordinator, unique, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";

/*
 * Tenancy: a coordinator of task force A has every permission there, and none of it carries over
 * to task force B. Existence of B is not revealed (NOT_FOUND, never FORBIDDEN).
 */

const taskForcePaths = allProcedures()
  .filter(({ meta }) => meta?.access === "taskForce")
  .map(({ path }) => path);

describe("one task force's coordinator and another task force", () => {
  let a: { taskForce: TestTaskForce; coordinator: TestUser };
  let b: { taskForce: TestTaskForce; coordinator: TestUser };
  let bViewer: TestMembership;

  beforeAll(async () => {
    a = await createTaskForceWithCoordinator({ name: "Task Force A" });
    b = await createTaskForceWithCoordinator({ name: "Task Force B" });
    bViewer = (await createMember(b.taskForce, "viewer", { name: "Bo Viewer" })).membership;
    // Activity in both, so that B has audit rows A could leak.
    await callerFor(a.coordinator).organization.create({ taskForceSlug: a.taskForce.slug, name: "A Agency", primaryDiscipline: "health" });
    await callerFor(b.coordinator).organization.create({ taskForceSlug: b.taskForce.slug, name: "B Agency", primaryDiscipline: "education" });
    await callerFor(b.coordinator).people.update({ taskForceSlug: b.taskForce.slug, membershipId: bViewer.id, role: "funder" });
    await callerFor(b.coordinator).invitation.create({ taskForceSlug: b.taskForce.slug, email: `b-${unique()}@example.org`, role: "viewer" });
  });

  it("finds task force procedures to check", () => {
    expect(taskForcePaths.length).toBeGreaterThan(5);
  });

  it.each(taskForcePaths)("%s with B's slug is NOT_FOUND for A's coordinator", async (path) => {
    const error = await trpcErrorOf(callProcedure(a.coordinator, path, { taskForceSlug: b.taskForce.slug }), "NOT_FOUND");
    expect(error.message).toBe("Task force not found");
  });

  it("cannot change a membership of B through A's slug", async () => {
    const error = await trpcErrorOf(
      callerFor(a.coordinator).people.update({ taskForceSlug: a.taskForce.slug, membershipId: bViewer.id, role: "coordinator" }),
      "NOT_FOUND",
    );
    expect(domainErrorOf(error).messageKey).toBe("membershipNotFound");
    const bPeople = await callerFor(b.coordinator).people.list({ taskForceSlug: b.taskForce.slug });
    expect(bPeople.find((person) => person.membershipId === bViewer.id)?.role).toBe("funder");
  });

  it("cannot end a membership of B through A's slug", async () => {
    const error = await trpcErrorOf(
      callerFor(a.coordinator).people.end({ taskForceSlug: a.taskForce.slug, membershipId: bViewer.id }),
      "NOT_FOUND",
    );
    expect(domainErrorOf(error).messageKey).toBe("membershipNotFound");
    const bPeople = await callerFor(b.coordinator).people.list({ taskForceSlug: b.taskForce.slug });
    expect(bPeople.map((person) => person.membershipId)).toContain(bViewer.id);
  });

  it("cannot revoke an invitation of B through A's slug", async () => {
    const [pending] = await callerFor(b.coordinator).invitation.list({ taskForceSlug: b.taskForce.slug });
    expect(pending).toBeDefined();
    const error = await trpcErrorOf(
      callerFor(a.coordinator).invitation.revoke({ taskForceSlug: a.taskForce.slug, invitationId: pending?.id ?? "" }),
      "NOT_FOUND",
    );
    expect(domainErrorOf(error).messageKey).toBe("invitationNotFound");
    const stillPending = await callerFor(b.coordinator).invitation.list({ taskForceSlug: b.taskForce.slug });
    expect(stillPending.map((invitation) => invitation.id)).toContain(pending?.id);
  });

  it("cannot give someone in A an organization of B", async () => {
    const bOrganization = await createOrganization(b.taskForce);
    const { membership } = await createMember(a.taskForce, "viewer");
    const error = await trpcErrorOf(
      callerFor(a.coordinator).people.update({
        taskForceSlug: a.taskForce.slug,
        membershipId: membership.id,
        role: "member",
        organizationId: bOrganization.id,
      }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "unknownOrganization", field: "organizationId" });
  });

  it("sees only A's own rows in A's lists", async () => {
    const organizations = await callerFor(a.coordinator).organization.list({ taskForceSlug: a.taskForce.slug });
    expect(organizations.map((organization) => organization.name)).toEqual(["A Agency"]);
    const people = await callerFor(a.coordinator).people.list({ taskForceSlug: a.taskForce.slug });
    expect(people.map((person) => person.userId)).toContain(a.coordinator.id);
    expect(people.map((person) => person.userId)).not.toContain(b.coordinator.id);
    expect(people.map((person) => person.membershipId)).not.toContain(bViewer.id);
    expect(await callerFor(a.coordinator).invitation.list({ taskForceSlug: a.taskForce.slug })).toEqual([]);
  });

  it("never shows B's audit rows in A's audit log", async () => {
    const bRows = await (await getDb()).select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.taskForceId, b.taskForce.id));
    expect(bRows.length).toBeGreaterThanOrEqual(3);

    const { entries: aEntries } = await callerFor(a.coordinator).audit.list({ taskForceSlug: a.taskForce.slug, limit: 200 });
    expect(aEntries.map((entry) => entry.entity)).toEqual(["organization"]);
    const bIds = new Set(bRows.map((row) => row.id));
    expect(aEntries.filter((entry) => bIds.has(entry.id))).toEqual([]);
  });
});
