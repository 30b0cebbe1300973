import { beforeAll, describe, expect, it } from "vitest";
import { answersForAll, callerFor, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, createTaskForce, addMembership, createUser, dateFromToday, respond, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { countSelects } from "@/server/testing/queryCount";

describe("the funder portfolio and the dashboard figures", () => {
  let funded: TestTaskForce;
  let notFunded: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let respondent: TestUser;

  beforeAll(async () => {
    ({ taskForce: funded, coordinator } = await createAssessingTaskForce({ name: "Funded Task Force" }));
    notFunded = await createTaskForce({ name: "Other Task Force" });
    funder = await createUser({ name: "Fran Funder" });
    await addMembership(funded, funder, "funder");
    // Being a viewer elsewhere does not put a task force into the portfolio.
    await addMembership(notFunded, funder, "viewer");
    ({ user: respondent } = await createMember(funded, "member", { name: "Rae Respondent" }));

    const caller = callerFor(coordinator);
    await caller.grant.create({
      taskForceSlug: funded.slug,
      funderName: "F",
      program: "ECM",
      awardNumber: "P-1",
      amount: 10,
      matchTarget: null,
      periodStart: dateFromToday(-400),
      periodEnd: dateFromToday(700),
    });
    const round = await createAssessmentRound(funded, coordinator, { title: "Spring round" });
    await respond(coordinator, funded, round.id, answersForAll(2));
    await respond(respondent, funded, round.id, answersForAll(4, { "B.services": 5 }));
    // A third, different answer: a funder sees no rating group smaller than three or all but one alike (ratingPrivacy.ts).
    await respond((await createMember(funded, "member", { name: "Tia Third" })).user, funded, round.id, answersForAll(3, { "B.services": 1 }));
    await caller.assessment.close({ taskForceSlug: funded.slug, roundId: round.id });
    await createGapFor(funded, coordinator, { dueOn: dateFromToday(10) });
    await createGapFor(funded, coordinator, { dueOn: dateFromToday(3) });
  });

  it("shows a funder only the task forces they fund, as aggregates without anyone's ratings", async () => {
    const portfolio = await callerFor(funder).funder.portfolio();
    expect(portfolio.map((row) => row.slug)).toEqual([funded.slug]);
    const [row] = portfolio;
    expect(row?.areas.map((area) => [area.key, area.level])).toEqual([
      ["A", 3],
      // Medians 3 (2, 3 and 4) and 2 (1, 2 and 5).
      ["B", 2.5],
    ]);
    expect(row?.progress).toMatchObject({ total: 16 });
    expect(row?.reporting.ended).toBeGreaterThanOrEqual(1);
    expect(row?.nextDue?.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row?.openGaps).toBe(2);
    expect(row?.updatedAt).toBeInstanceOf(Date);
    // Contributions reporting of the last ended period: counts only, never which agency is missing.
    expect(row?.contributions).toMatchObject({ submitted: 0, reportingRate: 0 });
    expect(row?.contributions?.period).toMatch(/^\d{4}-(Q[1-4]|\d{2})$/);
    expect(row?.contributions?.expected).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(portfolio);
    expect(text).not.toContain(respondent.id);
    expect(text).not.toContain("Rae Respondent");
    expect(text).not.toContain(notFunded.slug);
  });

  it("is empty for people who fund nothing, such as a coordinator", async () => {
    expect(await callerFor(coordinator).funder.portfolio()).toEqual([]);
  });

  it("counts open, overdue and resolved gaps with when they last changed", async () => {
    const summary = await callerFor(funder).dashboard.gaps({ taskForceSlug: funded.slug });
    expect(summary).toMatchObject({ open: 2, overdue: 0, resolved: 0 });
    expect(summary.updatedAt).toBeInstanceOf(Date);
  });
  it("gives each funded task force its own figures, read for all of them at once", async () => {
    const { taskForce: second, coordinator: secondCoordinator } = await createAssessingTaskForce({ name: "Second Funded Task Force" });
    await createGapFor(second, secondCoordinator);
    const twoFunded = await createUser({ name: "Pat Two Portfolios" });
    await addMembership(funded, twoFunded, "funder");
    await addMembership(second, twoFunded, "funder");
    const portfolio = await callerFor(twoFunded).funder.portfolio();
    expect(portfolio.map((row) => [row.slug, row.openGaps, row.areas.length, row.progress.total])).toEqual([
      [funded.slug, 2, 2, 16],
      [second.slug, 1, 0, 0],
    ]);
  });

  // Regression: the portfolio read trends, contributions, meetings and requirements once per funded task force (found by `npm run bench`).
  it("issues as many queries for two funded task forces as for one", async () => {
    const { taskForce: second } = await createAssessingTaskForce();
    const oneFunded = await createUser();
    const twoFunded = await createUser();
    await addMembership(funded, oneFunded, "funder");
    await addMembership(funded, twoFunded, "funder");
    await addMembership(second, twoFunded, "funder");
    const one = await countSelects(() => callerFor(oneFunded).funder.portfolio());
    expect(one).toBeGreaterThan(0);
    expect(await countSelects(() => callerFor(twoFunded).funder.portfolio())).toBe(one);
  });
});
