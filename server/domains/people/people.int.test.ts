import { beforeEach, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";

describe("people of a task force", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;

  // A task force of its own per test: these tests change roles and end memberships.
  beforeEach(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createTaskForceWithCoordinator({ coordinatorName: "Cora Coordinator" }));
  });

  const coordinatorCaller = () => callerFor(coordinator);

  it("changes a role, shows it in the list and records who changed what", async () => {
    const organization = await createOrganization(taskForce, { name: "Harbor Legal Aid" });
    const { user, membership } = await createMember(taskForce, "member", { name: "Max Member", organizationId: organization.id });

    await coordinatorCaller().people.update({ taskForceSlug: taskForce.slug, membershipId: membership.id, role: "viewer" });

    const people = await coordinatorCaller().people.list({ taskForceSlug: taskForce.slug });
    expect(people).toContainEqual(
      expect.objectContaining({ membershipId: membership.id, userId: user.id, name: "Max Member", role: "viewer", organizationName: null }),
    );
    const {
      entries: [latest],
    } = await coordinatorCaller().audit.list({ taskForceSlug: taskForce.slug, limit: 1 });
    expect(latest).toMatchObject({
      actorName: "Cora Coordinator",
      entity: "membership",
      entityId: membership.id,
      action: "update",
      changes: { role: { from: "member", to: "viewer" }, organizationId: { from: organization.id, to: null } },
    });
    // What the person can do follows at once.
    const asViewer = await callerFor(user).taskForce.get({ taskForceSlug: taskForce.slug });
    expect(asViewer.role).toBe("viewer");
    expect(asViewer.permissions).not.toContain("membership.manage");
  });

  it("requires an organization of this task force for the member role", async () => {
    const { membership } = await createMember(taskForce, "viewer");
    const missing = await trpcErrorOf(
      coordinatorCaller().people.update({ taskForceSlug: taskForce.slug, membershipId: membership.id, role: "member" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(missing)).toEqual({ organizationId: [{ key: "organizationRequired" }] });

    const other = await createTaskForceWithCoordinator();
    const foreign = await createOrganization(other.taskForce);
    const wrongTaskForce = await trpcErrorOf(
      coordinatorCaller().people.update({
        taskForceSlug: taskForce.slug,
        membershipId: membership.id,
        role: "member",
        organizationId: foreign.id,
      }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(wrongTaskForce)).toMatchObject({ messageKey: "unknownOrganization", field: "organizationId" });
    const people = await coordinatorCaller().people.list({ taskForceSlug: taskForce.slug });
    expect(people.find((person) => person.membershipId === membership.id)?.role).toBe("viewer");
  });

  it("refuses to demote the last coordinator", async () => {
    const error = await trpcErrorOf(
      coordinatorCaller().people.update({ taskForceSlug: taskForce.slug, membershipId: coordinatorMembership.id, role: "viewer" }),
      "CONFLICT",
    );
    expect(domainErrorOf(error).messageKey).toBe("lastCoordinator");
    const people = await coordinatorCaller().people.list({ taskForceSlug: taskForce.slug });
    expect(people.find((person) => person.membershipId === coordinatorMembership.id)?.role).toBe("coordinator");
  });

  it("refuses to remove the last coordinator", async () => {
    const error = await trpcErrorOf(
      coordinatorCaller().people.end({ taskForceSlug: taskForce.slug, membershipId: coordinatorMembership.id }),
      "CONFLICT",
    );
    expect(domainErrorOf(error).messageKey).toBe("lastCoordinator");
    expect((await coordinatorCaller().taskForce.get({ taskForceSlug: taskForce.slug })).role).toBe("coordinator");
  });

  it("lets a coordinator step down once another coordinator remains", async () => {
    const { user: second } = await createMember(taskForce, "coordinator");
    await coordinatorCaller().people.update({ taskForceSlug: taskForce.slug, membershipId: coordinatorMembership.id, role: "viewer" });
    expect((await coordinatorCaller().taskForce.get({ taskForceSlug: taskForce.slug })).role).toBe("viewer");
    // Now the other one is the last.
    const people = await callerFor(second).people.list({ taskForceSlug: taskForce.slug });
    const secondMembership = people.find((person) => person.userId === second.id);
    expect(secondMembership?.role).toBe("coordinator");
    const error = await trpcErrorOf(
      callerFor(second).people.end({ taskForceSlug: taskForce.slug, membershipId: secondMembership?.membershipId ?? "" }),
      "CONFLICT",
    );
    expect(domainErrorOf(error).messageKey).toBe("lastCoordinator");
  });

  it("takes access away at once when a membership ends, and records it", async () => {
    const { user, membership } = await createMember(taskForce, "viewer", { name: "Vera Leaving" });
    expect((await callerFor(user).taskForce.get({ taskForceSlug: taskForce.slug })).role).toBe("viewer");

    await coordinatorCaller().people.end({ taskForceSlug: taskForce.slug, membershipId: membership.id });

    await trpcErrorOf(callerFor(user).taskForce.get({ taskForceSlug: taskForce.slug }), "NOT_FOUND");
    await trpcErrorOf(callerFor(user).people.list({ taskForceSlug: taskForce.slug }), "NOT_FOUND");
    expect(await callerFor(user).taskForce.mine()).toEqual([]);
    const people = await coordinatorCaller().people.list({ taskForceSlug: taskForce.slug });
    expect(people.map((person) => person.name)).not.toContain("Vera Leaving");
    const {
      entries: [latest],
    } = await coordinatorCaller().audit.list({ taskForceSlug: taskForce.slug, limit: 1 });
    expect(latest).toMatchObject({ actorName: "Cora Coordinator", entity: "membership", entityId: membership.id, action: "end" });

    // Ending it again finds nothing to end.
    const again = await trpcErrorOf(coordinatorCaller().people.end({ taskForceSlug: taskForce.slug, membershipId: membership.id }), "NOT_FOUND");
    expect(domainErrorOf(again).messageKey).toBe("membershipNotFound");
  });

  it("does not show a funder the staff directory", async () => {
    const { user } = await createMember(taskForce, "funder");
    await trpcErrorOf(callerFor(user).people.list({ taskForceSlug: taskForce.slug }), "FORBIDDEN");
  });
});
