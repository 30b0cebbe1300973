import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { callerFor, createActionItemFor, createAssessingTaskForce, createGapFor, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";

describe("handing off a departing member's responsibilities", () => {
  async function setUp() {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const leaverOrg = await createOrganization(taskForce, { name: "Leaver Agency" });
    const successorOrg = await createOrganization(taskForce, { name: "Successor Agency" });
    const { user: leaver, membership } = await createMember(taskForce, "member", { organizationId: leaverOrg.id, name: "Lee Leaver" });
    const { user: successor } = await createMember(taskForce, "member", { organizationId: successorOrg.id, name: "Sam Successor" });
    const gap = await createGapFor(taskForce, coordinator, { title: "Signed MOUs", ownerUserId: leaver.id, dueOn: dateFromToday(20) });
    await createActionItemFor(taskForce, coordinator, { gapId: gap.id, title: "Draft the MOU", assigneeUserId: leaver.id });
    const done = await createActionItemFor(taskForce, coordinator, { title: "Finished", assigneeUserId: leaver.id });
    await callerFor(leaver).actionItem.complete({ taskForceSlug: taskForce.slug, actionItemId: done.id, version: done.version });
    const { id: mouId } = await callerFor(coordinator).mou.create({
      taskForceSlug: taskForce.slug,
      title: "Partnership MOU",
      partyOrganizationIds: [leaverOrg.id, successorOrg.id],
      signatories: [{ userId: leaver.id, signingTitle: "Director" }],
    });
    const { id: committeeId } = await callerFor(coordinator).committee.create({
      taskForceSlug: taskForce.slug,
      name: "Victim Services Committee",
      chairOrganizationId: leaverOrg.id,
      chairUserId: leaver.id,
    });
    return { taskForce, coordinator, leaver, membership, successor, successorOrg, gap, mouId, committeeId };
  }

  it("shows everything the person holds after their membership ended, and moves it all to one member in one step", async () => {
    const { taskForce, coordinator, leaver, membership, successor, successorOrg, gap, mouId, committeeId } = await setUp();
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: membership.id });
    const former = await callerFor(coordinator).people.former({ taskForceSlug: taskForce.slug });
    expect(former.map((person) => person.name)).toContain("Lee Leaver");

    const overview = await callerFor(coordinator).people.handoff({ taskForceSlug: taskForce.slug, userId: leaver.id });
    expect(Object.fromEntries(overview.responsibilities.map((kind) => [kind.key, kind.items.map((item) => item.title)]))).toEqual({
      actionItems: ["Draft the MOU"],
      gaps: ["Signed MOUs"],
      mouSignatories: ["Partnership MOU"],
      committeeChairs: ["Victim Services Committee"],
    });
    expect(overview.successors.map((person) => person.name)).toContain("Sam Successor");
    expect(overview.successors.map((person) => person.userId)).not.toContain(leaver.id);

    const result = await callerFor(coordinator).people.handOff({ taskForceSlug: taskForce.slug, fromUserId: leaver.id, toUserId: successor.id });
    expect(result.moved).toEqual({ actionItems: 1, gaps: 1, mouSignatories: 1, committeeChairs: 1 });

    // The successor is told of each piece of work now theirs.
    const notices = await callerFor(successor).notification.list({});
    expect(notices.map((notice) => [notice.kind, notice.values.title]).sort()).toEqual([
      ["actionItemAssigned", "Draft the MOU"],
      ["gapAssigned", "Signed MOUs"],
    ]);

    const after = await callerFor(coordinator).people.handoff({ taskForceSlug: taskForce.slug, userId: leaver.id });
    expect(after.responsibilities.every((kind) => kind.items.length === 0)).toBe(true);
    const { gap: moved } = await callerFor(coordinator).gap.get({ taskForceSlug: taskForce.slug, gapId: gap.id });
    expect(moved).toMatchObject({ ownerUserId: successor.id, ownerOrganizationId: successorOrg.id });
    const { mou } = await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId });
    expect(mou.signatories).toEqual([{ userId: successor.id, name: "Sam Successor", signingTitle: "Director" }]);
    const { committees } = await callerFor(coordinator).committee.list({ taskForceSlug: taskForce.slug });
    expect(committees.find((committee) => committee.id === committeeId)).toMatchObject({ chairUserId: successor.id });
    const audit = await (await getDb()).select({ entity: auditLog.entity, action: auditLog.action }).from(auditLog).where(eq(auditLog.taskForceId, taskForce.id));
    expect(audit).toEqual(expect.arrayContaining([{ entity: "handoff", action: "reassign" }, { entity: "gap", action: "handoff" }, { entity: "actionItem", action: "handoff" }, { entity: "mou", action: "handoff" }, { entity: "committee", action: "reassignChair" }]));
  });

  it("refuses a successor outside the task force or the leaver themselves, and moves nothing then", async () => {
    const { taskForce, coordinator, leaver } = await setUp();
    const outsider = (await createTaskForceWithCoordinator()).coordinator;
    const error = await trpcErrorOf(callerFor(coordinator).people.handOff({ taskForceSlug: taskForce.slug, fromUserId: leaver.id, toUserId: outsider.id }), "BAD_REQUEST");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "unknownPerson", field: "toUserId" });
    const self = await trpcErrorOf(callerFor(coordinator).people.handOff({ taskForceSlug: taskForce.slug, fromUserId: leaver.id, toUserId: leaver.id }), "BAD_REQUEST");
    expect(domainErrorOf(self).messageKey).toBe("handoffToSelf");
    const overview = await callerFor(coordinator).people.handoff({ taskForceSlug: taskForce.slug, userId: leaver.id });
    expect(overview.responsibilities.map((kind) => kind.items.length)).toEqual([1, 1, 1, 1]);
  });

  it("is for coordinators only", async () => {
    const { taskForce, leaver, successor } = await setUp();
    await trpcErrorOf(callerFor(successor).people.handOff({ taskForceSlug: taskForce.slug, fromUserId: leaver.id, toUserId: successor.id }), "FORBIDDEN");
    await trpcErrorOf(callerFor(successor).people.handoff({ taskForceSlug: taskForce.slug, userId: leaver.id }), "FORBIDDEN");
  });
});
