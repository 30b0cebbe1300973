import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createAssessingTaskForce, createMember, createOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";

/*
 * One rule for who may be given work (assignable.ts): coordinators and members, never a funder or a
 * viewer, wherever a service stores such a person — tried here through each procedure's front door,
 * as a coordinator would (the pickers offer only people.assignable, so these calls bypass the UI).
 */
describe("who may be given work", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let organizationId: string;
  let shelterId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce({ coordinatorName: "Casey Coordinator" }));
    organizationId = (await createOrganization(taskForce, { name: "Harbor Police" })).id;
    shelterId = (await createOrganization(taskForce, { name: "Valley Shelter" })).id;
    ({ user: member } = await createMember(taskForce, "member", { organizationId, name: "Dana Deputy" }));
    ({ user: funder } = await createMember(taskForce, "funder", { name: "Frances Funder" }));
    ({ user: viewer } = await createMember(taskForce, "viewer", { name: "Vic Viewer" }));
  });

  const slug = () => taskForce.slug;
  const outsiders = () => [funder, viewer];

  async function refusedOn(field: string, call: Promise<unknown>) {
    const error = await trpcErrorOf(call, "BAD_REQUEST");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "unknownPerson", field });
  }

  it("offers coordinators and members only, to everyone who may read the directory", async () => {
    for (const reader of [coordinator, member, viewer]) {
      const people = await callerFor(reader).people.assignable({ taskForceSlug: slug() });
      expect(people.map((person) => person.name)).toEqual(["Casey Coordinator", "Dana Deputy"]);
      expect(people.find((person) => person.name === "Dana Deputy")).toMatchObject({ organizationId, organizationName: "Harbor Police" });
    }
    await trpcErrorOf(callerFor(funder).people.assignable({ taskForceSlug: slug() }), "FORBIDDEN");
  });

  it("refuses a funder or a viewer as a gap's owner or an action item's assignee, and takes a member", async () => {
    const coordinatorCaller = callerFor(coordinator);
    const base = { taskForceSlug: slug(), elementKey: "A.mou", title: "Signed MOUs" };
    const { id: meetingId } = await coordinatorCaller.meeting.create({
      taskForceSlug: slug(),
      title: "Quarterly meeting",
      type: "full_task_force",
      startsAt: "2026-11-01T10:00",
      endsAt: "2026-11-01T11:00",
      timeZone: "America/Chicago",
      location: "County building",
      carryForward: false,
    });
    for (const outsider of outsiders()) {
      await refusedOn("ownerUserId", coordinatorCaller.gap.create({ ...base, ownerUserId: outsider.id }));
      await refusedOn("assigneeUserId", coordinatorCaller.actionItem.create({ taskForceSlug: slug(), title: "Call the shelter", assigneeUserId: outsider.id }));
      await refusedOn("assigneeUserId", coordinatorCaller.meeting.createAction({ taskForceSlug: slug(), meetingId, title: "Book the room", assigneeUserId: outsider.id }));
    }
    const gap = await coordinatorCaller.gap.create({ ...base, ownerUserId: member.id });
    const { gap: stored } = await coordinatorCaller.gap.get({ taskForceSlug: slug(), gapId: gap.id });
    expect(stored).toMatchObject({ ownerUserId: member.id, ownerOrganizationId: organizationId });
    for (const outsider of outsiders()) {
      await refusedOn("ownerUserId", coordinatorCaller.gap.update({ taskForceSlug: slug(), gapId: gap.id, version: stored.version, ownerUserId: outsider.id }));
    }
  });

  it("refuses them as a committee's chair or member, an MOU's owner or a requirement's owner", async () => {
    const caller = callerFor(coordinator);
    const { id: committeeId } = await caller.committee.create({ taskForceSlug: slug(), name: "Data committee", chairUserId: member.id });
    const { id: grantId } = await caller.grant.create({
      taskForceSlug: slug(),
      funderName: "Test Funder",
      program: "ECM",
      awardNumber: "TF-ASSIGN-1",
      amount: 1_500_000,
      matchTarget: 375_000,
      periodStart: "2025-10-01",
      periodEnd: "2028-09-30",
    });
    const { id: requirementId } = await caller.grant.addRequirement({ taskForceSlug: slug(), grantId, title: "Quarterly partner survey" });
    const requirement = (await caller.grant.get({ taskForceSlug: slug(), grantId })).requirements.find((candidate) => candidate.id === requirementId)!;
    for (const outsider of outsiders()) {
      await refusedOn("chairUserId", caller.committee.create({ taskForceSlug: slug(), name: `Chaired by ${outsider.name}`, chairUserId: outsider.id }));
      await refusedOn("userId", caller.committee.addMember({ taskForceSlug: slug(), committeeId, userId: outsider.id }));
      await refusedOn(
        "ownerUserId",
        caller.mou.create({ taskForceSlug: slug(), title: "Lead agencies MOU", status: "draft", partyOrganizationIds: [organizationId, shelterId], signatories: [], ownerUserId: outsider.id }),
      );
      await refusedOn("ownerUserId", caller.grant.updateRequirement({ taskForceSlug: slug(), requirementId, version: requirement.version, ownerUserId: outsider.id }));
    }
    await caller.committee.addMember({ taskForceSlug: slug(), committeeId, userId: coordinator.id });
  });

  it("hands a departing member's work only to someone who may be given it", async () => {
    const caller = callerFor(coordinator);
    const { user: leaving } = await createMember(taskForce, "member", { organizationId, name: "Lee Leaving" });
    const overview = await caller.people.handoff({ taskForceSlug: slug(), userId: leaving.id });
    expect(overview.successors.map((successor) => successor.name)).toEqual(["Casey Coordinator", "Dana Deputy"]);
    for (const outsider of outsiders()) await refusedOn("toUserId", caller.people.handOff({ taskForceSlug: slug(), fromUserId: leaving.id, toUserId: outsider.id }));
    expect(await caller.people.handOff({ taskForceSlug: slug(), fromUserId: leaving.id, toUserId: member.id })).toMatchObject({ successorName: "Dana Deputy" });
  });
});
