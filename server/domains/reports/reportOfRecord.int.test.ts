import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createTaskForceWithCoordinator, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";

/*
 * Issue 13, item 5: a funder cannot change compliance. Only the coordinator's report of record
 * counts toward the progress-report requirement and clears an overdue warning; reports a funder
 * generates for themselves do not, and the award page says which report is the one of record.
 */
describe("the report of record", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let grantId: string;
  const slug = () => taskForce.slug;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: funder } = await createMember(taskForce, "funder"));
    // Begun 400 days ago: half-years have ended and their reports are overdue.
    ({ id: grantId } = await callerFor(coordinator).grant.create({
      taskForceSlug: slug(),
      funderName: "Compliance Funder",
      program: "ECM",
      awardNumber: "ROR-1",
      amount: 500_000,
      matchTarget: null,
      periodStart: dateFromToday(-400),
      periodEnd: dateFromToday(700),
    }));
  });

  const award = (user: TestUser) => callerFor(user).grant.get({ taskForceSlug: slug(), grantId });
  const semiannualStatus = async () => (await award(coordinator)).requirements.find((requirement) => requirement.templateKey === "semiannual-report")?.effectiveStatus;

  it("ignores a funder's own reports: the period stays overdue and the requirement unmet", async () => {
    const before = await award(coordinator);
    const overdue = before.reporting.overdue[0];
    if (!overdue) throw new Error("expected an overdue reporting period");
    const lastEnded = before.reporting.periods.filter((period) => period.end < before.today).at(-1)!;
    const statusBefore = await semiannualStatus();
    expect(statusBefore).not.toBe("met");

    for (const period of [overdue, lastEnded]) await callerFor(funder).report.generate({ taskForceSlug: slug(), grantId, periodEnd: period.end });

    const after = await award(coordinator);
    expect(after.reporting.overdue.map((period) => period.end)).toEqual(before.reporting.overdue.map((period) => period.end));
    expect(after.reporting.periods.find((period) => period.end === overdue.end)).toMatchObject({ reported: false, reportOfRecord: null });
    expect(after.reporting.reportedCount).toBe(0);
    expect(await semiannualStatus()).toBe(statusBefore);
    // Nor does the dashboard's overdue warning or the funder's own portfolio change.
    const progress = await callerFor(funder).grant.progress({ taskForceSlug: slug() });
    expect(progress.grants[0]?.overdue.map((period) => period.end)).toContain(overdue.end);
    const [portfolio] = await callerFor(funder).funder.portfolio();
    expect(portfolio?.reporting).toMatchObject({ reported: 0, overdue: before.reporting.overdue.length });
  });

  it("counts the coordinator's report, names it on the award page, and keeps it when a funder generates another", async () => {
    const before = await award(coordinator);
    const overdue = before.reporting.overdue[0]!;
    const lastEnded = before.reporting.periods.filter((period) => period.end < before.today).at(-1)!;
    const { id } = await callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId, periodEnd: overdue.end });
    await callerFor(coordinator).report.generate({ taskForceSlug: slug(), grantId, periodEnd: lastEnded.end });
    await callerFor(funder).report.generate({ taskForceSlug: slug(), grantId, periodEnd: overdue.end });

    const after = await award(coordinator);
    expect(after.reporting.overdue.map((period) => period.end)).not.toContain(overdue.end);
    const period = after.reporting.periods.find((candidate) => candidate.end === overdue.end);
    expect(period).toMatchObject({ reported: true, reportOfRecord: { id, generatedByName: coordinator.name } });
    expect(period?.reportOfRecord?.generatedAt).toBeInstanceOf(Date);
    expect(await semiannualStatus()).toBe("met");

    // The funder sees that a report of record exists and when it was made, but neither who made it
    // nor a link to the task force's own document (which they cannot open).
    const asFunder = (await award(funder)).reporting.periods.find((candidate) => candidate.end === overdue.end);
    expect(asFunder?.reportOfRecord).toMatchObject({ id: null, generatedByName: null });
    expect(asFunder?.reportOfRecord?.generatedAt).toEqual(period?.reportOfRecord?.generatedAt);
    expect(JSON.stringify(await award(funder))).not.toContain(id);
  });
});
