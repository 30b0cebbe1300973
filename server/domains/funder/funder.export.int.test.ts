import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMembership,
  answersForAll,
  callerFor,
  createAdmin,
  createAssessingTaskForce,
  createAssessmentRound,
  createMember,
  createUser,
  dateFromToday,
  respond,
  unique,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import { periodContaining, previousPeriod } from "@/server/domains/contributions/periods";
import { dateInZone } from "@/server/lib/dates";
import es from "@/app/i18n/messages/es.json";

/*
 * The portfolio's charts and files as a funder of two task forces sees them — one by invitation, one
 * through a funding program — read back from the XLSX and CSV and compared with what the page gets.
 * The second task force's ratings may not be shown (two respondents): its levels stay empty
 * everywhere, in the files too.
 */

type PortfolioRows = Awaited<ReturnType<ReturnType<typeof callerFor>["funder"]["portfolio"]>>;

/** Each sheet of an XLSX file as rows of cell values (null where empty), header first. */
async function sheetsOf(base64: string) {
  const bytes = Buffer.from(base64, "base64");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value ?? null)));
    return { name: sheet.name, rows };
  });
}

/** A calendar date as the XLSX holds it: a date at midnight UTC. */
const day = (value: string | null) => (value === null ? null : new Date(`${value}T00:00:00Z`));
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

describe("the funder portfolio's charts, site-visit summary and files", () => {
  let first: TestTaskForce;
  let second: TestTaskForce;
  let unfunded: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;
  let programName: string;
  let lastQuarter: string;
  let portfolio: PortfolioRows;

  beforeAll(async () => {
    ({ taskForce: first, coordinator } = await createAssessingTaskForce({ name: "Portfolio Alpha Task Force" }));
    const secondCreated = await createAssessingTaskForce({ name: "Portfolio Beta Task Force" });
    second = secondCreated.taskForce;
    ({ taskForce: unfunded } = await createAssessingTaskForce({ name: "Portfolio Unfunded Task Force" }));
    funder = await createUser({ name: "Pat Portfolio" });
    await addMembership(first, funder, "funder");
    // A viewer elsewhere: that task force is not theirs to fund, nor in their files.
    await addMembership(unfunded, funder, "viewer");
    // The second task force reaches the funder through a funding program.
    programName = `Portfolio program ${unique()}`;
    const admin = callerFor(await createAdmin());
    const program = await admin.admin.fundingProgram.create({ name: programName, funderOrganization: "Example Foundation" });
    await admin.admin.fundingProgram.addFunder({ programId: program.id, email: funder.email });
    await admin.admin.fundingProgram.addTaskForce({ programId: program.id, taskForceId: second.id });

    const award = (taskForceSlug: string, awardNumber: string) => ({
      taskForceSlug,
      funderName: "Example Foundation",
      program: "ECM",
      awardNumber,
      amount: 1000,
      matchTarget: null,
      periodStart: dateFromToday(-400),
      periodEnd: dateFromToday(700),
    });
    await callerFor(coordinator).grant.create(award(first.slug, "ALPHA-1"));
    await callerFor(secondCreated.coordinator).grant.create(award(second.slug, "BETA-1"));

    // Two closed rounds in the first task force, answered differently enough to be shown.
    const rae = await createMember(first, "member", { name: "Rae Respondent" });
    member = rae.user;
    const tia = (await createMember(first, "member", { name: "Tia Third" })).user;
    const spring = await createAssessmentRound(first, coordinator, { title: "Spring round" });
    await respond(coordinator, first, spring.id, answersForAll(2));
    await respond(member, first, spring.id, answersForAll(4, { "B.services": 5 }));
    await respond(tia, first, spring.id, answersForAll(3, { "B.services": 1 }));
    await callerFor(coordinator).assessment.close({ taskForceSlug: first.slug, roundId: spring.id });
    const autumn = await createAssessmentRound(first, coordinator, { title: "Autumn round", closesOn: dateFromToday(31) });
    await respond(coordinator, first, autumn.id, answersForAll(3));
    await respond(member, first, autumn.id, answersForAll(4));
    await respond(tia, first, autumn.id, answersForAll(5));
    await callerFor(coordinator).assessment.close({ taskForceSlug: first.slug, roundId: autumn.id });

    // Two people only in the second task force's round: a group too small to show.
    const secondRound = await createAssessmentRound(second, secondCreated.coordinator, { title: "Beta round" });
    await respond(secondCreated.coordinator, second, secondRound.id, answersForAll(2));
    await respond((await createMember(second, "member")).user, second, secondRound.id, answersForAll(4));
    await callerFor(secondCreated.coordinator).assessment.close({ taskForceSlug: second.slug, roundId: secondRound.id });

    // One of the first task force's two organizations reports on the last ended quarter.
    lastQuarter = previousPeriod(periodContaining(dateInZone(new Date(), first.timeZone), "quarter")).key;
    await callerFor(coordinator).contribution.submit({
      taskForceSlug: first.slug,
      period: lastQuarter,
      organizationId: rae.membership.organizationId ?? "",
      version: null,
      values: { staffHours: 12, trainingsDelivered: 1 },
      peopleTrained: {},
      services: {},
      inKind: [],
    });

    portfolio = await callerFor(funder).funder.portfolio();
  });

  it("charts both funded task forces: levels by area, completeness per period, requirement counts per award", () => {
    expect(portfolio.map((row) => [row.slug, row.programs])).toEqual([
      [first.slug, []],
      [second.slug, [programName]],
    ]);
    const [alpha, beta] = portfolio;
    expect(alpha?.areas.map((area) => [area.key, area.level, area.previous])).toEqual([
      ["A", 4, 3],
      ["B", 4, 2.5],
    ]);
    expect([alpha?.lastRound?.title, alpha?.previousRound?.title]).toEqual(["Autumn round", "Spring round"]);
    // Withheld by the rating-group rules: the areas are named, their levels are not given.
    expect(beta?.areas.map((area) => [area.key, area.level, area.previous])).toEqual([
      ["A", null, null],
      ["B", null, null],
    ]);
    expect(beta?.previousRound).toBeNull();

    // A year of ended quarters, oldest first; the last one is the table's "contributions" figure.
    expect(alpha?.contributionPeriods.map((period) => period.period)).toEqual([3, 2, 1, 0].map((back) => {
      let period = previousPeriod(periodContaining(dateInZone(new Date(), first.timeZone), "quarter"));
      for (let step = 0; step < back; step += 1) period = previousPeriod(period);
      return period.key;
    }));
    expect(alpha?.contributionPeriods.at(-1)).toMatchObject({ period: lastQuarter, expected: 2, submitted: 1, reportingRate: 0.5 });
    expect(alpha?.contributions).toEqual(alpha?.contributionPeriods.at(-1));
    expect(alpha?.contributionPeriods.slice(0, -1).every((period) => period.expected === 2 && period.submitted === 0)).toBe(true);

    // Per award: the recorded history at the end of each reporting period that has ended (the
    // requirements were made today, so none existed then), and today's counts as the progress says.
    for (const row of [alpha, beta]) {
      expect(row?.awards).toHaveLength(1);
      const [awardRow] = row?.awards ?? [];
      const [series] = row?.requirementSeries ?? [];
      expect(row?.requirementSeries).toHaveLength(1);
      expect(series).toMatchObject({ grantId: awardRow?.grantId, awardNumber: awardRow?.awardNumber, taskForceSlug: row?.slug });
      const past = series?.points.slice(0, -1) ?? [];
      // A semiannual award begun 400 days ago has ended two reporting periods.
      expect(past).toHaveLength(2);
      for (const point of past) expect(point).toMatchObject({ met: 0, inProgress: 0, notStarted: 0 });
      expect(past.every((point) => point.date < (row?.today ?? ""))).toBe(true);
      expect(series?.points.at(-1)).toEqual({ date: row?.today, met: awardRow?.progress.met, inProgress: awardRow?.progress.inProgress, notStarted: awardRow?.progress.notStarted });
      expect(awardRow?.progress.total).toBe(16);
    }
    expect(JSON.stringify(portfolio)).not.toContain(unfunded.slug);
  });

  it("reports the same completeness the task force's contributions page shows the funder", async () => {
    const overview = await callerFor(funder).contribution.overview({ taskForceSlug: first.slug });
    for (const period of portfolio[0]?.contributionPeriods ?? []) {
      const shown = overview.completeness.find((row) => row.period === period.period);
      expect(shown).toMatchObject({ expected: period.expected, submitted: period.submitted, reportingRate: period.reportingRate });
    }
  });

  it("writes the page's rows to the XLSX, one sheet per table, withheld levels left empty", async () => {
    const file = await callerFor(funder).funder.export({ format: "xlsx" });
    expect(file.fileName).toMatch(/^funder-portfolio_generated-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await sheetsOf(file.base64);
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Portfolio", "Roadmap level by area", "Contributions reporting", "Requirements met over time"]);
    const [table, levels, reporting, requirements] = sheets;
    const [alpha, beta] = portfolio;
    if (!alpha || !beta) throw new Error("two rows expected");

    expect(table?.rows[0]).toEqual([
      "Task force",
      "Access through",
      "Roadmap stage by area",
      "Latest closed round",
      "Requirements met",
      "Requirements that apply",
      "Requirements met (%)",
      "Reports generated",
      "Reporting periods ended",
      "Reports overdue",
      "Last ended contributions period",
      "Organizations reported",
      "Organizations expected to report",
      "Organizations reported (%)",
      "Open gaps",
      "Last full meeting shared with funders",
      "Next report due",
      "Data last updated",
    ]);
    const tableRow = (row: typeof alpha, access: string, areas: string) => [
      row.name,
      access,
      areas,
      row.lastRound?.title ?? null,
      row.progress.met,
      row.progress.total - row.progress.notApplicable,
      percent(row.progress.share),
      row.reporting.reported,
      row.reporting.ended,
      row.reporting.overdue,
      row.contributions?.period ?? null,
      row.contributions?.expected ? row.contributions.submitted : null,
      row.contributions?.expected ?? null,
      row.contributions?.expected ? percent(row.contributions.reportingRate) : null,
      row.openGaps,
      day(row.lastFullMeetingOn),
      day(row.nextDue?.dueOn ?? null),
      row.updatedAt ? day(dateInZone(row.updatedAt, row.timeZone)) : null,
    ];
    expect(table?.rows.slice(1)).toEqual([
      tableRow(alpha, "Your invitation to the task force", "A. Structure and leadership: 4.0; B. Identification and services: 4.0"),
      tableRow(beta, programName, "A. Structure and leadership: —; B. Identification and services: —"),
    ]);
    // The first task force's figures as a reader sees them: half its organizations reported.
    expect(table?.rows[1]?.slice(10, 14)).toEqual([lastQuarter, 1, 2, 50]);

    expect(levels?.rows).toEqual([
      ["Task force", "Area", "Latest closed round", "Level", "Previous closed round", "Level in the previous round"],
      [alpha.name, "A. Structure and leadership", "Autumn round", 4, "Spring round", 3],
      [alpha.name, "B. Identification and services", "Autumn round", 4, "Spring round", 2.5],
      [beta.name, "A. Structure and leadership", "Beta round", null, null, null],
      [beta.name, "B. Identification and services", "Beta round", null, null, null],
    ]);

    expect(reporting?.rows[0]).toEqual(["Task force", "Period", "Period start", "Period end", "Organizations expected to report", "Organizations reported", "Organizations reported (%)"]);
    expect(reporting?.rows.slice(1)).toEqual(
      [alpha, beta].flatMap((row) =>
        row.contributionPeriods.map((period) => [row.name, period.period, day(period.start), day(period.end), period.expected, period.submitted, period.expected > 0 ? percent(period.reportingRate) : null]),
      ),
    );
    expect(reporting?.rows.at(4)?.slice(4)).toEqual([2, 1, 50]);

    expect(requirements?.rows).toEqual([
      ["Task force", "Award", "Date", "Met", "In progress", "Not started"],
      ...[alpha, beta].flatMap((row) =>
        row.requirementSeries.flatMap((series) => series.points.map((point) => [row.name, series.awardNumber, day(point.date), point.met, point.inProgress, point.notStarted])),
      ),
    ]);
    expect([...new Set(requirements?.rows.slice(1).map((row) => row[1]))]).toEqual(["ALPHA-1", "BETA-1"]);
  });

  it("writes the portfolio table to the CSV as the XLSX's first sheet has it", async () => {
    const file = await callerFor(funder).funder.export({ format: "csv" });
    expect(file.fileName).toMatch(/\.csv$/);
    const text = Buffer.from(file.base64, "base64").toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text.slice(1)) as string[][];
    const [table] = await sheetsOf((await callerFor(funder).funder.export({ format: "xlsx" })).base64);
    const asText = (value: unknown) => (value === null ? "" : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    expect(rows).toEqual(table?.rows.map((row) => row.map(asText)));
    expect(rows.map((row) => row[0])).toEqual(["Task force", portfolio[0]?.name, portfolio[1]?.name]);
    expect(rows[2]?.[2]).toBe("A. Structure and leadership: —; B. Identification and services: —");
  });

  it("heads the files in the language of the funder who asks, with the same figures", async () => {
    const english = await sheetsOf((await callerFor(funder).funder.export({ format: "xlsx" })).base64);
    const spanish = await sheetsOf((await callerFor(funder, { locale: "es-US" }).funder.export({ format: "xlsx" })).base64);
    const sheets = es.funder.export;
    expect(spanish.map((sheet) => sheet.name)).toEqual([sheets.portfolioSheet, sheets.levelsSheet, sheets.completenessSheet, sheets.requirementsSheet]);
    expect(spanish[0]?.rows[0]?.slice(0, 3)).toEqual([es.funder.taskForceColumn, es.funder.accessColumn, es.funder.stageColumn]);
    // Headings and words change; names and figures do not.
    expect(spanish.map((sheet) => sheet.rows.slice(1).map((row) => row.filter((cell) => typeof cell === "number")))).toEqual(
      english.map((sheet) => sheet.rows.slice(1).map((row) => row.filter((cell) => typeof cell === "number"))),
    );
    const csv = Buffer.from((await callerFor(funder, { locale: "es-US" }).funder.export({ format: "csv" })).base64, "base64").toString("utf8");
    expect((parse(csv.slice(1)) as string[][])[0]?.[0]).toBe(es.funder.taskForceColumn);
  });

  it("gives a site-visit summary of a funded task force exactly as its portfolio row, and of no other", async () => {
    const caller = callerFor(funder);
    expect(await caller.funder.summary({ taskForceSlug: second.slug })).toEqual(portfolio[1]);
    expect(await caller.funder.summary({ taskForceSlug: first.slug })).toEqual(portfolio[0]);
    // Viewing a task force is not funding it, and existence is not revealed.
    await trpcErrorOf(caller.funder.summary({ taskForceSlug: unfunded.slug }), "NOT_FOUND");
    await trpcErrorOf(caller.funder.summary({ taskForceSlug: `no-such-${unique()}` }), "NOT_FOUND");
  });

  it("refuses the export and the summaries to the task force's coordinator and members, who fund nothing", async () => {
    for (const user of [coordinator, member]) {
      await trpcErrorOf(callerFor(user).funder.export({ format: "xlsx" }), "FORBIDDEN");
      await trpcErrorOf(callerFor(user).funder.export({ format: "csv" }), "FORBIDDEN");
      await trpcErrorOf(callerFor(user).funder.summary({ taskForceSlug: first.slug }), "FORBIDDEN");
    }
    await trpcErrorOf(callerFor(null).funder.export({ format: "xlsx" }), "UNAUTHORIZED");
  });

  it("takes a task force out of the files the moment it leaves the funder's scope", async () => {
    const leaving = await createAssessingTaskForce({ name: "Portfolio Gamma Task Force" });
    const { user, membership } = await createMember(leaving.taskForce, "funder", { name: "Lee Leaving" });
    await addMembership(first, user, "funder");
    const caller = callerFor(user);
    const namesIn = async () => (await sheetsOf((await caller.funder.export({ format: "xlsx" })).base64))[0]?.rows.slice(1).map((row) => row[0]);
    expect(await namesIn()).toEqual([first.name, leaving.taskForce.name]);
    await callerFor(leaving.coordinator).people.end({ taskForceSlug: leaving.taskForce.slug, membershipId: membership.id });
    expect(await namesIn()).toEqual([first.name]);
    await trpcErrorOf(caller.funder.summary({ taskForceSlug: leaving.taskForce.slug }), "NOT_FOUND");
  });
});
