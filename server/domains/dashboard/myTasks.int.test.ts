import { beforeAll, describe, expect, it } from "vitest";
import { answersForAll, callerFor, createActionItemFor, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, dateFromToday, respond, TEST_ELEMENT_KEYS, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { dueReportOf } from "@/server/domains/contributions/contributions.due";
import { DEFAULT_CONTRIBUTION_SETTINGS } from "@/server/domains/contributions/contributions.rules";

/*
 * Issue 18: "my tasks" at the top of the dashboard. Each item is the caller's own: a colleague's
 * round, actions, gaps and committee meetings never show, and a task disappears once it is done.
 */

describe("my tasks", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let advocate: TestUser;
  let advocateOrganizationId: string;
  let colleague: TestUser;
  let roundId: string;
  let actionId: string;

  const slug = () => taskForce.slug;
  const tasksOf = (user: TestUser) => callerFor(user).dashboard.myTasks({ taskForceSlug: slug() });

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createAssessingTaskForce());
    const created = await createMember(taskForce, "member", { name: "Ada Advocate" });
    advocate = created.user;
    advocateOrganizationId = created.membership.organizationId!;
    ({ user: colleague } = await createMember(taskForce, "member", { name: "Cole Colleague" }));

    // A round for everyone, which the advocate has begun; one only the colleague is asked in.
    ({ id: roundId } = await createAssessmentRound(taskForce, coordinator, { title: "Spring self-assessment", closesOn: dateFromToday(14) }));
    await respond(advocate, taskForce, roundId, { "A.mou": 2 }, { submit: false });
    await createAssessmentRound(taskForce, coordinator, { title: "Colleague only", audience: "chosen", userIds: [colleague.id] });

    ({ id: actionId } = await createActionItemFor(taskForce, coordinator, { title: "Draft the referral protocol", assigneeUserId: advocate.id, dueOn: dateFromToday(3) }));
    await createActionItemFor(taskForce, coordinator, { title: "Book the training room", assigneeUserId: advocate.id, dueOn: dateFromToday(20) });
    await createActionItemFor(taskForce, coordinator, { title: "Colleague's action", assigneeUserId: colleague.id });
    await createGapFor(taskForce, coordinator, { title: "No shelter MOU", ownerUserId: advocate.id, dueOn: dateFromToday(30) });
    await createGapFor(taskForce, coordinator, { title: "Colleague's gap", ownerUserId: colleague.id });

    const coordinatorCaller = callerFor(coordinator);
    const meeting = (title: string, day: number, committeeId: string | null = null) =>
      coordinatorCaller.meeting.create({
        taskForceSlug: slug(),
        title,
        type: committeeId ? "committee" : "full_task_force",
        committeeId,
        startsAt: `${dateFromToday(day)}T10:00`,
        endsAt: `${dateFromToday(day)}T11:30`,
        timeZone: taskForce.timeZone,
        location: "County building, room 2",
        carryForward: false,
      });
    await meeting("Full task force, this week", 2);
    await meeting("Full task force, in ten days", 10);
    const { id: committeeId } = await coordinatorCaller.committee.create({ taskForceSlug: slug(), name: "Labor trafficking", description: "", chairOrganizationId: null, chairUserId: null });
    await coordinatorCaller.committee.addMember({ taskForceSlug: slug(), committeeId, userId: colleague.id });
    await meeting("Labor committee, this week", 1, committeeId);
  });

  it("gathers the caller's own round, report, actions, gaps and meetings of the week, soonest first", async () => {
    const tasks = await tasksOf(advocate);
    expect(tasks.rounds).toEqual([{ id: roundId, title: "Spring self-assessment", closesOn: dateFromToday(14), elementCount: TEST_ELEMENT_KEYS.length, answeredCount: 1 }]);
    // The report of the period the reminder job asks for on the task force's date.
    const due = dueReportOf(DEFAULT_CONTRIBUTION_SETTINGS, tasks.today);
    expect(tasks.report).toEqual({ period: due.period.key, dueOn: due.dueOn, overdue: tasks.today > due.dueOn, status: "missing" });
    expect(tasks.actions.map((action) => [action.title, action.dueState])).toEqual([
      ["Draft the referral protocol", "dueSoon"],
      ["Book the training room", "later"],
    ]);
    expect(tasks.gaps.map((gap) => gap.title)).toEqual(["No shelter MOU"]);
    // Not the meeting after this week, and not a committee the advocate does not sit on.
    expect(tasks.meetings.map((meeting) => meeting.title)).toEqual(["Full task force, this week"]);
    expect((await tasksOf(colleague)).meetings.map((meeting) => meeting.title)).toEqual(["Labor committee, this week", "Full task force, this week"]);
  });

  it("follows the report from missing to draft to submitted, and back when it is returned", async () => {
    const { report } = await tasksOf(advocate);
    const advocateCaller = callerFor(advocate);
    const input = {
      taskForceSlug: slug(),
      period: report!.period,
      organizationId: advocateOrganizationId,
      values: { staffHours: 12 },
      peopleTrained: {},
      services: {},
      inKind: [],
    };
    const draft = await advocateCaller.contribution.saveDraft({ ...input, version: null });
    expect((await tasksOf(advocate)).report).toMatchObject({ period: report!.period, status: "draft" });
    const submitted = await advocateCaller.contribution.submit({ ...input, version: draft.version });
    expect((await tasksOf(advocate)).report).toBeNull();
    await callerFor(coordinator).contribution.returnForCorrection({ taskForceSlug: slug(), reportId: submitted.id, version: submitted.version, reason: "Hours look doubled" });
    expect((await tasksOf(advocate)).report).toMatchObject({ status: "returned" });
    // The coordinator belongs to no organization: no report task of theirs.
    expect((await tasksOf(coordinator)).report).toBeNull();
  });

  it("drops a task once it is done", async () => {
    await respond(advocate, taskForce, roundId, answersForAll(3));
    const action = (await callerFor(advocate).actionItem.list({ taskForceSlug: slug(), assigneeUserId: advocate.id })).actionItems.find((item) => item.id === actionId)!;
    await callerFor(advocate).actionItem.complete({ taskForceSlug: slug(), actionItemId: actionId, version: action.version });
    const tasks = await tasksOf(advocate);
    expect(tasks.rounds).toEqual([]);
    expect(tasks.actions.map((item) => item.title)).toEqual(["Book the training room"]);
  });

  it("is refused to funders and viewers, who hold no work of their own", async () => {
    for (const role of ["funder", "viewer"] as const) {
      const { user } = await createMember(taskForce, role);
      await trpcErrorOf(tasksOf(user), "FORBIDDEN");
    }
  });
});
