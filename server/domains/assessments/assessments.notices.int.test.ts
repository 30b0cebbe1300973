import { describe, expect, it } from "vitest";
import { runReminders } from "@/server/domains/jobs/reminders.service";
import { answersForAll, callerFor, createAssessingTaskForce, createAssessmentRound, createMember, dateFromToday, respond, type TestUser } from "@/server/testing/factories";
import { currentTime } from "@/server/lib/clock";

/*
 * Issue 18: people asked in a round hear when it opens for them, when its closing date moves and,
 * from the daily job, two days before it closes while they have not submitted; nobody else does.
 */

const noticesOf = async (user: TestUser) =>
  (await callerFor(user).notification.list({})).filter((notice) => notice.kind.startsWith("assessment")).map((notice) => [notice.kind, notice.values.closesOn]);

describe("round notices", () => {
  it("tell the people asked when a round opens and when it is extended, not those who submitted or were not asked", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const { user: asked } = await createMember(taskForce, "member");
    const { user: done } = await createMember(taskForce, "member");
    const { user: notAsked } = await createMember(taskForce, "member");
    const { user: viewer } = await createMember(taskForce, "viewer");
    const closesOn = dateFromToday(10);
    const round = await createAssessmentRound(taskForce, coordinator, { audience: "chosen", userIds: [asked.id, done.id], closesOn });
    expect(await noticesOf(asked)).toEqual([["assessmentOpened", closesOn]]);
    expect(await noticesOf(notAsked)).toEqual([]);
    expect(await noticesOf(viewer)).toEqual([]);
    const [opened] = await callerFor(asked).notification.list({});
    expect(opened?.link).toBe(`/tf/${taskForce.slug}/assessments/${round.id}/respond`);

    await respond(done, taskForce, round.id, answersForAll(2));
    const later = dateFromToday(20);
    await callerFor(coordinator).assessment.extend({ taskForceSlug: taskForce.slug, roundId: round.id, closesOn: later });
    expect(await noticesOf(asked)).toEqual([
      ["assessmentExtended", later],
      ["assessmentOpened", closesOn],
    ]);
    expect(await noticesOf(done)).toEqual([["assessmentOpened", closesOn]]);
  });

  it("remind those not submitted two days before the round closes, once, through the daily job", async () => {
    const { taskForce, coordinator } = await createAssessingTaskForce();
    const { user: late } = await createMember(taskForce, "member");
    const { user: done } = await createMember(taskForce, "member");
    const closesOn = dateFromToday(5);
    const round = await createAssessmentRound(taskForce, coordinator, { audience: "chosen", userIds: [late.id, done.id], closesOn });
    await respond(done, taskForce, round.id, answersForAll(2));
    const day = 86_400_000;
    const now = currentTime().getTime();

    // Three days before: nothing yet. Two days before (the task force's date): once, however often the job runs.
    await runReminders(new Date(now + 2 * day));
    expect((await noticesOf(late)).map(([kind]) => kind)).toEqual(["assessmentOpened"]);
    await runReminders(new Date(now + 3 * day));
    await runReminders(new Date(now + 3 * day + 60_000));
    expect(await noticesOf(late)).toEqual([
      ["assessmentClosingSoon", closesOn],
      ["assessmentOpened", closesOn],
    ]);
    expect((await noticesOf(done)).map(([kind]) => kind)).toEqual(["assessmentOpened"]);
  });
});
