import { describe, expect, it } from "vitest";
import {
  answersForAll,
  callerFor,
  createAssessingTaskForce,
  createAssessmentRound,
  createMember,
  respond,
} from "@/server/testing/factories";

const reminders = <T extends { kind: string }>(notices: T[]) => notices.filter((notice) => notice.kind === "assessmentReminder");

/** A reminder reaches the person's notices, which only they can read and mark read. */
describe("in-app notifications", () => {
  async function remindedTaskForce() {
    const { taskForce, coordinator } = await createAssessingTaskForce({ name: "Noticing Task Force" });
    const pending = await createMember(taskForce, "member");
    const bystander = await createMember(taskForce, "member");
    const round = await createAssessmentRound(taskForce, coordinator, { title: "Winter round" });
    // Opening the round told everyone asked in it (assessments.notices.int.test.ts); read, so the
    // unread counts here are the reminder's.
    for (const user of [coordinator, pending.user, bystander.user]) await callerFor(user).notification.markRead({ all: true });
    await respond(coordinator, taskForce, round.id, answersForAll(3));
    await respond(bystander.user, taskForce, round.id, answersForAll(3));
    await callerFor(coordinator).assessment.remind({ taskForceSlug: taskForce.slug, roundId: round.id });
    return { taskForce, coordinator, pending, bystander, round };
  }

  it("shows a reminder to the person it is for, unread, with its link and task force", async () => {
    const { taskForce, pending, round } = await remindedTaskForce();
    const caller = callerFor(pending.user);
    expect(await caller.notification.unreadCount()).toBe(1);
    expect(reminders(await caller.notification.list({}))).toEqual([
      expect.objectContaining({
        kind: "assessmentReminder",
        values: expect.objectContaining({ roundTitle: "Winter round" }),
        link: `/tf/${taskForce.slug}/assessments/${round.id}/respond`,
        taskForceName: "Noticing Task Force",
        readAt: null,
      }),
    ]);
  });

  it("shows nothing to people who were not reminded", async () => {
    const { bystander, coordinator } = await remindedTaskForce();
    expect(reminders(await callerFor(bystander.user).notification.list({}))).toEqual([]);
    expect(await callerFor(coordinator).notification.unreadCount()).toBe(0);
  });

  it("marks only the person's own notices read", async () => {
    const { pending, bystander } = await remindedTaskForce();
    const [notice] = await callerFor(pending.user).notification.list({});
    // Someone else naming that id changes nothing.
    await callerFor(bystander.user).notification.markRead({ ids: [notice!.id] });
    expect(await callerFor(pending.user).notification.unreadCount()).toBe(1);

    await callerFor(pending.user).notification.markRead({ ids: [notice!.id] });
    expect(await callerFor(pending.user).notification.unreadCount()).toBe(0);
    expect((await callerFor(pending.user).notification.list({}))[0]?.readAt).toBeInstanceOf(Date);
  });

  it("marks all read at once", async () => {
    const { pending } = await remindedTaskForce();
    await callerFor(pending.user).notification.markRead({ all: true });
    expect(await callerFor(pending.user).notification.unreadCount()).toBe(0);
  });

  it("hides a task force's notices once the person has left it", async () => {
    const { taskForce, coordinator, pending } = await remindedTaskForce();
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: pending.membership.id });
    expect(await callerFor(pending.user).notification.list({})).toEqual([]);
    expect(await callerFor(pending.user).notification.unreadCount()).toBe(0);
  });
});
