import { describe, expect, it } from "vitest";
import { callerFor, createMember, createTaskForceWithCoordinator, dateFromToday, type TestUser } from "@/server/testing/factories";

/*
 * Issue 18: the people expected at a meeting hear, in-app, when it is scheduled, moved or cancelled
 * and when its minutes are approved; a committee's meetings only reach the committee; funders,
 * viewers and the person who made the change hear nothing.
 */

const kindsOf = async (user: TestUser) =>
  (await callerFor(user).notification.list({})).map((notice) => [notice.kind, notice.values.title]).reverse();

describe("meeting notices", () => {
  it("reach those expected at each change, and nobody else", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: advocate } = await createMember(taskForce, "member");
    const { user: deputy } = await createMember(taskForce, "member");
    const { user: funder } = await createMember(taskForce, "funder");
    const { user: viewer } = await createMember(taskForce, "viewer");
    const caller = callerFor(coordinator);
    const slug = taskForce.slug;
    const meeting = (title: string, committeeId: string | null = null) =>
      caller.meeting.create({
        taskForceSlug: slug,
        title,
        type: committeeId ? "committee" : "full_task_force",
        committeeId,
        startsAt: `${dateFromToday(7)}T10:00`,
        endsAt: `${dateFromToday(7)}T11:00`,
        timeZone: taskForce.timeZone,
        location: "Room 2",
        carryForward: false,
      });

    const full = await meeting("Quarterly partners' meeting");
    const moved = await caller.meeting.update({ taskForceSlug: slug, meetingId: full.id, version: full.version, startsAt: `${dateFromToday(8)}T10:00`, endsAt: `${dateFromToday(8)}T11:00` });
    // A new title alone moves nobody's calendar.
    const renamed = await caller.meeting.update({ taskForceSlug: slug, meetingId: full.id, version: moved.version, title: "Partners' meeting" });
    const held = await caller.meeting.update({ taskForceSlug: slug, meetingId: full.id, version: renamed.version, status: "held" });
    expect(held).toBeDefined();
    await caller.meeting.approveMinutes({ taskForceSlug: slug, meetingId: full.id, sharedWithFunders: false });

    const { id: committeeId } = await caller.committee.create({ taskForceSlug: slug, name: "Labor", description: "", chairOrganizationId: null, chairUserId: null });
    await caller.committee.addMember({ taskForceSlug: slug, committeeId, userId: deputy.id });
    const labor = await meeting("Labor committee", committeeId);
    await caller.meeting.update({ taskForceSlug: slug, meetingId: labor.id, version: labor.version, status: "cancelled" });

    expect(await kindsOf(advocate)).toEqual([
      ["meetingScheduled", "Quarterly partners' meeting"],
      ["meetingMoved", "Quarterly partners' meeting"],
      ["minutesApproved", "Partners' meeting"],
    ]);
    expect(await kindsOf(deputy)).toEqual([
      ["meetingScheduled", "Quarterly partners' meeting"],
      ["meetingMoved", "Quarterly partners' meeting"],
      ["minutesApproved", "Partners' meeting"],
      ["meetingScheduled", "Labor committee"],
      ["meetingCancelled", "Labor committee"],
    ]);
    for (const bystander of [coordinator, funder, viewer]) expect(await kindsOf(bystander)).toEqual([]);
    const [latest] = await callerFor(deputy).notification.list({});
    expect(latest?.link).toBe(`/tf/${slug}/meetings/${labor.id}`);
  });

  it("reach a committee's chair who does not sit on it", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: chair } = await createMember(taskForce, "member");
    const { user: other } = await createMember(taskForce, "member");
    const caller = callerFor(coordinator);
    const { id: committeeId } = await caller.committee.create({ taskForceSlug: taskForce.slug, name: "Youth", description: "", chairOrganizationId: null, chairUserId: chair.id });
    await caller.meeting.create({
      taskForceSlug: taskForce.slug,
      title: "Youth committee",
      type: "committee",
      committeeId,
      startsAt: `${dateFromToday(3)}T09:00`,
      endsAt: `${dateFromToday(3)}T10:00`,
      timeZone: taskForce.timeZone,
      location: "",
      carryForward: false,
    });
    expect(await kindsOf(chair)).toEqual([["meetingScheduled", "Youth committee"]]);
    expect(await kindsOf(other)).toEqual([]);
  });
});
