import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { grantReports, type ReportCell, type ReportContent, type ReportSectionContent } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { reportingPeriods, type ReportingPeriod } from "@/server/domains/grants/grants.rules";
import { insertContributionReport, insertMeeting } from "@/server/domains/grants/records.fixtures";
import { zonedTimeToInstant } from "@/server/domains/meetings/meetings.rules";
import { periodContaining, previousPeriod, type Period } from "@/server/domains/contributions/periods";
import { addDays } from "@/server/lib/dates";
import { smallCellThreshold } from "@/server/env";
import { reportToXlsx, sectionToCsv } from "./reports.export";
import { LEGACY_TRAININGS_SECTION } from "./sections.fixtures";

/*
 * Change between reports (issue 20): a report sets its figures beside the previous reporting
 * period's, built for that period at generation in the task force's zone; an award's first period
 * has none; a funder's previous figures are the previous period's published, suppressed figures,
 * and a change is suppressed wherever either side is.
 */

const quarterFields = (quarter: Period) => ({ period: quarter.key, periodStart: quarter.start, periodEnd: quarter.end });
const sectionOf = (content: ReportContent, key: string) => content.sections.find((section) => section.key === key)!;
const totalOf = (section: ReportSectionContent, label: string) => section.totals.find((total) => total.label === label);
const textKey = (section: ReportSectionContent, row: Record<string, ReportCell>) =>
  JSON.stringify(section.columns.filter((column) => column.type === "text").map((column) => row[column.key] ?? null));

async function createAward(taskForce: TestTaskForce, coordinator: TestUser, periodStart: string) {
  const periodEnd = dateFromToday(700);
  const { id } = await callerFor(coordinator).grant.create({
    taskForceSlug: taskForce.slug,
    funderName: "Example Foundation",
    program: "ECM",
    awardNumber: `CMP-${periodStart}`,
    amount: 100_000,
    matchTarget: null,
    periodStart,
    periodEnd,
    applyEcmTemplate: false,
  });
  return { grantId: id, periods: reportingPeriods({ periodStart, periodEnd, reportingCadence: "semiannual" }) };
}

async function reportOf(user: TestUser, taskForce: TestTaskForce, grantId: string, period: ReportingPeriod) {
  const caller = callerFor(user);
  const { id } = await caller.report.generate({ taskForceSlug: taskForce.slug, grantId, periodEnd: period.end });
  return (await caller.report.get({ taskForceSlug: taskForce.slug, reportId: id })).content;
}

describe("change between reports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let grantId: string;
  let periods: ReportingPeriod[];
  let current: ReportingPeriod;
  let previous: ReportingPeriod;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    // An award that began over a year ago: the current period has a whole one before it.
    ({ grantId, periods } = await createAward(taskForce, coordinator, dateFromToday(-400)));
    const today = dateFromToday(0);
    const index = periods.findIndex((period) => period.start <= today && period.end >= today);
    [previous, current] = [periods[index - 1]!, periods[index]!];

    // Meetings belong to a period by their day in the task force's zone (Chicago): the evening of
    // the previous period's last day is already the next day in UTC, and must count for that period.
    const zone = taskForce.timeZone;
    await insertMeeting(taskForce, { title: "Last evening", startsAt: zonedTimeToInstant(`${previous.end}T23:30`, zone)!, status: "held" });
    await insertMeeting(taskForce, { title: "First morning", startsAt: zonedTimeToInstant(`${current.start}T00:30`, zone)!, status: "held" });
    // Before the previous period: neither period's.
    await insertMeeting(taskForce, { title: "Long ago", startsAt: zonedTimeToInstant(`${addDays(previous.start, -1)}T12:00`, zone)!, status: "held" });

    const trainer = await createOrganization(taskForce, { name: "Trainer" });
    await insertContributionReport(taskForce, trainer.id, quarterFields(periodContaining(previous.start, "quarter")), { trainingsDelivered: 4, staffHours: 10, peopleTrained: { health: 8 } });
    await insertContributionReport(taskForce, trainer.id, quarterFields(periodContaining(current.start, "quarter")), { trainingsDelivered: 6, staffHours: 12.5, peopleTrained: { education: 5 } });
    await insertContributionReport(taskForce, trainer.id, quarterFields(previousPeriod(periodContaining(previous.start, "quarter"))), { trainingsDelivered: 50, staffHours: 500 });
  });

  it("sets each figure beside the previous reporting period's, its days taken in the task force's zone", async () => {
    const content = await reportOf(coordinator, taskForce, grantId, current);
    expect(content.comparedWith).toEqual({ start: previous.start, end: previous.end });

    const meetings = sectionOf(content, "meetings");
    expect(totalOf(meetings, "Meetings held in the period")).toEqual({ label: "Meetings held in the period", value: 1, previous: 1, change: 0, changePercent: 0 });
    const trainings = sectionOf(content, "trainings");
    expect(totalOf(trainings, "Trainings delivered")).toEqual({ label: "Trainings delivered", value: 6, previous: 4, change: 2, changePercent: 50 });
    // A sector of the previous period only stays, at 0 now, in the order it had then.
    expect(trainings.rows).toEqual([
      { sector: "Health and mental health", peopleTrained: 0, peopleTrainedPrevious: 8, peopleTrainedChange: -8, peopleTrainedChangePercent: -100 },
      { sector: "Education", peopleTrained: 5, peopleTrainedPrevious: 0, peopleTrainedChange: 5, peopleTrainedChangePercent: null },
    ]);
    expect(totalOf(sectionOf(content, "contributions"), "Staff hours in the period")).toMatchObject({ value: 12.5, previous: 10, change: 2.5, changePercent: 25 });
    // Figures of the present have no previous figure.
    expect(totalOf(sectionOf(content, "gaps"), "Gaps open now")).not.toHaveProperty("previous");
    expect(sectionOf(content, "requirements").totalsHeader).toBeUndefined();
    expect(sectionOf(content, "mousProtocols").columns.some((column) => column.comparison)).toBe(false);
  });

  it("builds the previous figures as the previous period's own report shows them", async () => {
    const [now, before] = [await reportOf(coordinator, taskForce, grantId, current), await reportOf(coordinator, taskForce, grantId, previous)];
    let compared = 0;
    for (const section of now.sections) {
      const own = sectionOf(before, section.key);
      for (const total of section.totals.filter((candidate) => "previous" in candidate)) {
        expect({ section: section.key, label: total.label, previous: total.previous }).toEqual({ section: section.key, label: total.label, previous: totalOf(own, total.label)?.value });
        compared += 1;
      }
      const ownRows = new Map(own.rows.map((row) => [textKey(own, row), row]));
      for (const column of section.columns.filter((candidate) => candidate.comparison?.role === "previous")) {
        const of = column.comparison!.of;
        for (const row of section.rows) {
          const then = ownRows.get(textKey(section, row));
          // A row that period left out had 0 of what this row counts.
          const expected = then ? (then[of] ?? null) : row[of] === null ? null : 0;
          expect({ section: section.key, row: textKey(section, row), previous: row[column.key] }).toEqual({ section: section.key, row: textKey(section, row), previous: expected });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(15);
  });

  it("leaves the award's first period without previous figures or changes: blank, not 0, and says why", async () => {
    const content = await reportOf(coordinator, taskForce, grantId, periods[0]!);
    expect(content.comparedWith).toBeNull();
    const compared = content.sections.flatMap((section) => section.columns.filter((column) => column.comparison).map((column) => ({ section, column })));
    expect(compared.length).toBeGreaterThan(5);
    for (const { section, column } of compared) {
      expect(section.rows.map((row) => row[column.key])).toEqual(section.rows.map(() => null));
      if (column.comparison!.role === "previous") expect(column.header).toMatch(/: previous period \(none: first period of the award\)$/);
    }
    const totals = content.sections.flatMap((section) => section.totals.filter((total) => "previous" in total));
    expect(totals.length).toBeGreaterThan(5);
    expect(totals.every((total) => total.previous === null && total.change === null && total.changePercent === null)).toBe(true);
    expect(sectionOf(content, "trainings").totalsHeader?.[2]).toBe("Previous period (none: first period of the award)");
  });

  it("reads a report stored before figures were compared as it was: report.get (which the page renders) and its files", async () => {
    // The content a report was stored with before this change: nothing compared.
    const legacy: ReportContent = {
      title: `Progress report: ${taskForce.name}`,
      taskForceName: taskForce.name,
      taskForceSlug: taskForce.slug,
      grant: { funderName: "Example Foundation", program: "ECM", awardNumber: "OLD-1", amount: 100_000, periodStart: periods[0]!.start, periodEnd: dateFromToday(700) },
      period: { start: previous.start, end: previous.end, dueOn: previous.dueOn },
      sections: [LEGACY_TRAININGS_SECTION],
    };
    const db = await getDb();
    const [stored] = await db
      .insert(grantReports)
      .values({ taskForceId: taskForce.id, grantId, periodStart: previous.start, periodEnd: previous.end, audience: "internal", content: legacy, generatedByUserId: coordinator.id })
      .returning({ id: grantReports.id });
    const report = await callerFor(coordinator).report.get({ taskForceSlug: taskForce.slug, reportId: stored!.id });
    expect(report.content).toEqual(legacy);
    expect(sectionToCsv(report.content.sections[0]!)).toBe("Sector,People trained\r\nHealth and mental health,8\r\n,\r\nTrainings delivered,4\r\n");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(report.content, report.generatedAt)).buffer);
    const sheet = workbook.getWorksheet("Trainings and people trained")!;
    expect([1, 2, 3, 4].map((row) => sheet.getRow(row).values)).toEqual([
      [undefined, "Sector", "People trained"],
      [undefined, "Health and mental health", 8],
      [],
      [undefined, "Trainings delivered", 4],
    ]);
  });
});

describe("change between a funder's reports", () => {
  const threshold = smallCellThreshold();
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let grantId: string;
  let first: ReportingPeriod;
  let second: ReportingPeriod;
  let firstQuarter: Period;

  /** The victim-related counts of a report: by measure, this period's, the previous, the change and the change in percent. */
  const victimCounts = (content: ReportContent): Record<string, ReportCell[]> =>
    Object.fromEntries(sectionOf(content, "victimCounts").rows.map((row) => [String(row.measure), [row.count, row.countPrevious, row.countChange, row.countChangePercent].map((cell) => cell ?? null)]));

  beforeAll(async () => {
    expect(threshold).toBe(10);
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: funder } = await createMember(taskForce, "funder"));
    // Two reporting periods whose contribution reports are all due, so their counts are published.
    const aligned = reportingPeriods({ periodStart: dateFromToday(-900), periodEnd: dateFromToday(0), reportingCadence: "semiannual" });
    const secondIndex = aligned.findLastIndex((period) => period.end < dateFromToday(-40));
    [first, second] = [aligned[secondIndex - 1]!, aligned[secondIndex]!];
    let periods: ReportingPeriod[];
    ({ grantId, periods } = await createAward(taskForce, coordinator, first.start));
    expect(periods.slice(0, 2).map((period) => period.end)).toEqual([first.end, second.end]);

    firstQuarter = periodContaining(first.start, "quarter");
    const shelter = await createOrganization(taskForce, { name: "Shelter" });
    await insertContributionReport(taskForce, shelter.id, quarterFields(firstQuarter), {
      potentialVictimsIdentified: 3,
      confirmedVictimsIdentified: 40,
      referralsReceived: 20,
      services: { housing: 12, medical: 30 },
    });
    await insertContributionReport(taskForce, shelter.id, quarterFields(periodContaining(second.start, "quarter")), {
      potentialVictimsIdentified: 25,
      confirmedVictimsIdentified: 52,
      referralsReceived: 4,
      services: { medical: 33 },
    });
  });

  it("suppresses a previous figure as that period's own report does, and a change wherever either side is suppressed", async () => {
    const content = await reportOf(funder, taskForce, grantId, second);
    expect(victimCounts(content)).toEqual({
      // 3 the period before: suppressed there, so here, and the change with it.
      "Persons identified as potential victims": [25, "suppressed", "suppressed", "suppressed"],
      "Persons identified as confirmed victims": [52, 40, 12, 30],
      "Referrals made": [0, 0, 0, null],
      // 4 now: suppressed, and so is the change from the 20 shown before.
      "Referrals received": ["suppressed", 20, "suppressed", "suppressed"],
      "Services: Housing": [0, 12, -12, -100],
      "Services: Medical": [33, 30, 3, 10],
      "Services provided, total": [33, 42, -9, -21.4],
    });
    // The same numbers the funder reads of that period in its own report.
    const own = sectionOf(await reportOf(funder, taskForce, grantId, first), "victimCounts");
    const previousCounts = Object.fromEntries(sectionOf(content, "victimCounts").rows.map((row) => [row.measure, row.countPrevious]));
    expect(previousCounts).toEqual(Object.fromEntries(own.rows.map((row) => [row.measure, row.count])));
    // A report for outside use whoever makes it: the coordinator's holds the same figures.
    expect(victimCounts(await reportOf(coordinator, taskForce, grantId, second))).toEqual(victimCounts(content));
  });

  it("after a late report of the previous period, shows what that period shows now: less, never a different number", async () => {
    const before = victimCounts(await reportOf(funder, taskForce, grantId, second));
    // After publication: a clinic's report of the previous period comes in late, stamped by the
    // app's clock as publications are (a database's own clock may differ from a faked one).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const clinic = await createOrganization(taskForce, { name: "Clinic" });
    await callerFor(coordinator).contribution.submit({
      taskForceSlug: taskForce.slug,
      organizationId: clinic.id,
      period: firstQuarter.key,
      version: null,
      values: { confirmedVictimsIdentified: 5 },
      peopleTrained: {},
      services: { housing: 2 },
      inKind: [],
    });

    const after = victimCounts(await reportOf(funder, taskForce, grantId, second));
    // 40 was shown, 45 would give away the clinic's 5: withheld, and so is the change.
    expect(after["Persons identified as confirmed victims"]).toEqual([52, "suppressed", "suppressed", "suppressed"]);
    expect(after["Services: Medical"]).toEqual([33, 30, 3, 10]);
    expect(after["Services: Housing"]).toEqual([0, "suppressed", "suppressed", "suppressed"]);
    expect(after["Services provided, total"]).toEqual([33, "suppressed", "suppressed", "suppressed"]);
    for (const [measure, [, previousThen]] of Object.entries(before)) {
      const previousNow = after[measure]?.[1];
      if (typeof previousThen === "number" && typeof previousNow === "number") expect({ measure, previousNow }).toEqual({ measure, previousNow: previousThen });
    }
    // And the period's own report, made now, agrees.
    const own = sectionOf(await reportOf(funder, taskForce, grantId, first), "victimCounts");
    for (const row of own.rows) expect({ measure: row.measure, previous: after[String(row.measure)]?.[1] }).toEqual({ measure: row.measure, previous: row.count });
  });
});
