import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contributionInKindItems, PROGRAM_CURRENCY, type ReportCell, type ReportColumn, type ReportSectionContent } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { insertContributionReport } from "@/server/domains/grants/records.fixtures";
import { upsertSettings } from "@/server/domains/contributions/contributions.queries";
import { periodContaining, previousPeriod } from "@/server/domains/contributions/periods";
import { currencyNumberFormat } from "@/server/lib/translate";
import { reportToXlsx, sectionToCsv } from "./reports.export";

/*
 * Every export of a report carries what its page shows: the page renders report.get's content
 * (its table cells and totals), so each section's cells and totals are compared, in order, with
 * the section's XLSX sheet and its CSV. Regression: the trainings CSV left out the totals the page
 * and the XLSX show, and money read "13,977.5" instead of "$13,977.50".
 */

/** A cell as the XLSX should hold it: numbers and money as numbers, dates as dates, blanks absent. */
function expectedXlsx(column: ReportColumn, value: ReportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

/** A field as the CSV should write it: money with its two decimals, numbers as written, blanks empty. */
function expectedCsv(column: ReportColumn, value: ReportCell): string {
  if (value === null) return "";
  if (column.type === "money" && typeof value === "number") return value.toFixed(2);
  return String(value);
}

/** The section's table and totals, read back from its sheet (row 1 is the heading). */
function sheetOf(workbook: ExcelJS.Workbook, section: ReportSectionContent) {
  const sheet = workbook.getWorksheet(section.title)!;
  const width = section.columns.length;
  const values = (rowNumber: number, columns = width) =>
    Array.from({ length: columns }, (_, index) => {
      const value = sheet.getRow(rowNumber).getCell(index + 1).value;
      return value === undefined ? null : value;
    });
  return {
    header: values(1),
    rows: section.rows.map((_, index) => values(index + 2)),
    formats: section.rows.map((_, index) => section.columns.map((__, column) => sheet.getRow(index + 2).getCell(column + 1).numFmt)),
    // A blank row between the table and its totals.
    gap: section.totals.length > 0 ? values(section.rows.length + 2) : [],
    totals: section.totals.map((_, index) => values(section.rows.length + 3 + index, 2)),
  };
}

function csvOf(section: ReportSectionContent) {
  const records: string[][] = parse(sectionToCsv(section), { bom: true });
  const width = section.columns.length;
  return {
    header: records[0],
    rows: records.slice(1, 1 + section.rows.length),
    gap: section.totals.length > 0 ? records[1 + section.rows.length] : undefined,
    totals: records.slice(2 + section.rows.length).map((record) => record.slice(0, 2)),
    widths: records.map((record) => record.length).filter((length) => length !== width),
  };
}

describe("progress report exports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let grantId: string;
  let periodEnd: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: funder } = await createMember(taskForce, "funder"));
    // A quarter that ended long enough ago for its victim-related counts to be published, in the
    // award's first reporting period: the report shows them as published, suppressed.
    const within = previousPeriod(previousPeriod(periodContaining(dateFromToday(0), "quarter")));
    ({ id: grantId } = await callerFor(coordinator).grant.create({
      taskForceSlug: taskForce.slug,
      funderName: "Test Funder",
      program: "ECM",
      awardNumber: "X-1",
      amount: 250_000,
      matchTarget: 50_000,
      periodStart: within.start,
      periodEnd: dateFromToday(700),
    }));
    periodEnd = reportingPeriods({ periodStart: within.start, periodEnd: dateFromToday(700), reportingCadence: "semiannual" })[0]!.end;
    const db = await getDb();
    // $25.50 an hour: 100.5 staff hours are worth $2,562.75.
    await upsertSettings(db, taskForce.id, { staffHourlyRateCents: 2550 });
    const quarter = { period: within.key, periodStart: within.start, periodEnd: within.end };
    const shelter = await createOrganization(taskForce, { name: "Shelter" });
    const clinic = await createOrganization(taskForce, { name: "Clinic" });
    const report = await insertContributionReport(taskForce, shelter.id, quarter, {
      staffHours: 100.5,
      trainingsDelivered: 2,
      peopleTrained: { health: 12, education: 3 },
      potentialVictimsIdentified: 3,
      confirmedVictimsIdentified: 25,
      referralsReceived: 12,
      services: { housing: 4, medical: 30, food: 15 },
    });
    await insertContributionReport(taskForce, clinic.id, quarter, { trainingsDelivered: 1, peopleTrained: { health: 5 } });
    // In-kind of $11,414.75: with the staff time, $13,977.50 in all.
    await db.insert(contributionInKindItems).values({ taskForceId: taskForce.id, reportId: report.id, position: 0, description: "Meeting space", estimatedValueCents: 1_141_475 });
  });

  const generate = async (user: TestUser) => {
    const caller = callerFor(user);
    const { id } = await caller.report.generate({ taskForceSlug: taskForce.slug, grantId, periodEnd });
    // What the page renders: report.get, the procedure the print view calls.
    const page = await caller.report.get({ taskForceSlug: taskForce.slug, reportId: id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(page.content, page.generatedAt)).buffer);
    return { page, workbook };
  };

  it.each([
    ["the coordinator", () => coordinator],
    ["a funder", () => funder],
  ])("gives %s, section by section, the figures of the page in the XLSX and in every CSV", async (_, who) => {
    const { page, workbook } = await generate(who());
    for (const section of page.content.sections) {
      const sheet = sheetOf(workbook, section);
      const csv = csvOf(section);
      const headers = section.columns.map((column) => column.header);
      expect({ section: section.key, xlsx: sheet.header, csv: csv.header }).toEqual({ section: section.key, xlsx: headers, csv: headers });
      const cells = section.rows.map((row) => section.columns.map((column) => row[column.key] ?? null));
      expect({ section: section.key, rows: sheet.rows }).toEqual({
        section: section.key,
        rows: cells.map((row) => row.map((value, index) => expectedXlsx(section.columns[index]!, value))),
      });
      expect({ section: section.key, rows: csv.rows }).toEqual({
        section: section.key,
        rows: cells.map((row) => row.map((value, index) => expectedCsv(section.columns[index]!, value))),
      });
      const totals = section.totals.map((total) => [total.label, total.value]);
      expect({ section: section.key, xlsx: sheet.totals, csv: csv.totals }).toEqual({
        section: section.key,
        xlsx: totals,
        csv: totals.map(([label, value]) => [label, String(value)]),
      });
      expect(sheet.gap.every((value) => value === null)).toBe(true);
      expect(csv.gap?.every((field) => field === "") ?? true).toBe(true);
      // Every CSV record is as wide as the heading, the totals included.
      expect(csv.widths).toEqual([]);
      // Money cells carry the currency's format in the sheet; other cells do not.
      section.columns.forEach((column, index) => {
        const formats = new Set(sheet.formats.map((row) => row[index]));
        if (column.type === "money") expect(formats).toEqual(new Set([currencyNumberFormat(column.currency)]));
        else expect(formats.has(currencyNumberFormat(PROGRAM_CURRENCY))).toBe(false);
      });
    }

    // The figures the issue names, as a reader sees them in each form.
    const trainings = page.content.sections.find((section) => section.key === "trainings")!;
    expect(trainings.totals).toEqual([
      { label: "Trainings delivered", value: 3 },
      { label: "People trained", value: 20 },
    ]);
    expect(sectionToCsv(trainings)).toContain("\r\n,\r\nTrainings delivered,3\r\nPeople trained,20\r\n");

    const contributions = page.content.sections.find((section) => section.key === "contributions")!;
    expect(contributions.columns.slice(1).map((column) => column.header)).toEqual([`In the period (${PROGRAM_CURRENCY})`, `Since the award began (${PROGRAM_CURRENCY})`]);
    const money = new Map(contributions.rows.map((row) => [row.measure, [row.period, row.toDate]]));
    expect(money.get("Staff-time value")).toEqual([2562.75, 2562.75]);
    expect(money.get("In-kind value")).toEqual([11414.75, 11414.75]);
    expect(money.get("Total value")).toEqual([13977.5, 13977.5]);
    expect(money.get("Match target")).toEqual([null, 50_000]);
    expect(sectionToCsv(contributions)).toContain("Total value,13977.50,13977.50\r\n");
    expect(sectionToCsv(contributions)).toContain("Match target,,50000.00\r\n");
    const totalCell = workbook.getWorksheet(contributions.title)!.getRow(5).getCell(2);
    expect([totalCell.value, totalCell.numFmt]).toEqual([13977.5, "[$$]#,##0.00"]);
    expect(contributions.totals).toContainEqual({ label: "Staff hours in the period", value: 100.5 });
    expect(contributions.totals).toContainEqual({ label: "Match reached (percent of target)", value: 28 });

    // Small counts are suppressed on the page, and identically in both files (compared above).
    const victims = page.content.sections.find((section) => section.key === "victimCounts")!;
    const suppressed = victims.rows.filter((row) => row.count === "suppressed").map((row) => row.measure);
    expect(suppressed).toEqual(["Persons identified as potential victims", "Services: Food", "Services: Housing"]);
    const csvText = sectionToCsv(victims);
    expect(csvText).toContain("Persons identified as potential victims,suppressed,\r\n");
    expect(csvText).not.toMatch(/,(3|4|15),/);
  });
});
