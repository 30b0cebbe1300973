import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contributionInKindItems, PROGRAM_CURRENCY, type ReportCell, type ReportColumn, type ReportSectionContent } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { reportingPeriods, type ReportingPeriod } from "@/server/domains/grants/grants.rules";
import { insertContributionReport } from "@/server/domains/grants/records.fixtures";
import { upsertSettings } from "@/server/domains/contributions/contributions.queries";
import { periodContaining, previousPeriod } from "@/server/domains/contributions/periods";
import { currencyNumberFormat } from "@/server/lib/translate";
import { bandsOf, contentOf, findText, missingInOrder, readPdf, textOf, type PdfFile } from "@/server/testing/pdfText";
import { reportToXlsx, sectionToCsv } from "./reports.export";
import { handleReportExport } from "./reports.http";
import { PDF_MARGINS } from "./reports.pdf";

/*
 * Every export of a report carries what its page shows: the page renders report.get's content
 * (its table cells and totals, the previous period's figures and the changes among them), so each
 * section's cells and totals are compared, in order, with the section's XLSX sheet and its CSV; and
 * the PDF's text, read back as a PDF reader reads it, holds the XLSX's headings, rows and totals in
 * the same order, written as the page writes them.
 * Regression: the trainings CSV left out the totals the page and the XLSX show, and money read
 * "13,977.5" instead of "$13,977.50".
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

/** A total as the page lays it out: label and figure, then (when compared) the previous figure, the change and the change in percent. */
const totalCellsOf = (section: ReportSectionContent) =>
  section.totals.map((total) => (section.totalsHeader ? [total.label, total.value, total.previous ?? null, total.change ?? null, total.changePercent ?? null] : [total.label, total.value]));

/** The section's table and totals, read back from its sheet (row 1 is the heading). */
function sheetOf(workbook: ExcelJS.Workbook, section: ReportSectionContent) {
  const sheet = workbook.getWorksheet(section.sheetName ?? section.title)!;
  const width = section.columns.length;
  const values = (rowNumber: number, columns = width) =>
    Array.from({ length: columns }, (_, index) => {
      const value = sheet.getRow(rowNumber).getCell(index + 1).value;
      return value === undefined ? null : value;
    });
  // A blank row between the table and its totals, then the totals' heading when they are compared.
  const totalsStart = section.rows.length + 3 + (section.totalsHeader ? 1 : 0);
  const totalsWidth = section.totalsHeader?.length ?? 2;
  return {
    header: values(1),
    rows: section.rows.map((_, index) => values(index + 2)),
    formats: section.rows.map((_, index) => section.columns.map((__, column) => sheet.getRow(index + 2).getCell(column + 1).numFmt)),
    gap: section.totals.length > 0 ? values(section.rows.length + 2) : [],
    totalsHeader: section.totalsHeader ? values(section.rows.length + 3, totalsWidth) : undefined,
    totals: section.totals.map((_, index) => values(totalsStart + index, totalsWidth)),
  };
}

/**
 * A figure of the XLSX as the PDF should write it, formatted here with Intl as the page shows it
 * (a change with its sign, a blank as "—", the suppression word as it is).
 */
function pdfFigure(kind: Pick<ReportColumn, "type"> & { currency?: string }, value: ExcelJS.CellValue, signed = false): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(value);
  if (typeof value !== "number") return String(value);
  const signDisplay = signed ? "exceptZero" : "auto";
  if (kind.type === "money") return new Intl.NumberFormat("en-US", { style: "currency", currency: kind.currency, signDisplay }).format(value);
  if (kind.type === "percent") return new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1, signDisplay }).format(value / 100);
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, signDisplay }).format(value);
}

/** What the PDF should say of a section, in order: its title, its totals (under their heading when compared), then its table's heading and rows — the sheet's, read back. */
function pdfLinesOf(section: ReportSectionContent, sheet: ReturnType<typeof sheetOf>): string[] {
  const plain = { type: "number" } as const;
  const totals = sheet.totalsHeader
    ? [
        sheet.totalsHeader.join(" "),
        ...sheet.totals.map(([label, value, previous, change, percent]) =>
          [label, pdfFigure(plain, value!), pdfFigure(plain, previous!), pdfFigure(plain, change!, true), pdfFigure({ type: "percent" }, percent!, true)].join(" "),
        ),
      ]
    : sheet.totals.map(([label, value]) => `${label}: ${pdfFigure(plain, value!)}`);
  const changes = section.columns.map((column) => column.comparison !== undefined && column.comparison.role !== "previous");
  const table =
    sheet.rows.length === 0
      ? ["Nothing to report for this period."]
      : [sheet.header.join(" "), ...sheet.rows.map((row) => row.map((value, index) => pdfFigure(section.columns[index]!, value, changes[index])).join(" "))];
  return [section.title, ...totals, ...table];
}

function csvOf(section: ReportSectionContent) {
  const records: string[][] = parse(sectionToCsv(section), { bom: true });
  const totalsStart = 2 + section.rows.length + (section.totalsHeader ? 1 : 0);
  const totalsWidth = section.totalsHeader?.length ?? 2;
  return {
    header: records[0]!.slice(0, section.columns.length),
    rows: records.slice(1, 1 + section.rows.length).map((record) => record.slice(0, section.columns.length)),
    gap: section.totals.length > 0 ? records[1 + section.rows.length] : undefined,
    totalsHeader: section.totalsHeader ? records[2 + section.rows.length]!.slice(0, totalsWidth) : undefined,
    totals: records.slice(totalsStart).map((record) => record.slice(0, totalsWidth)),
    // Every record as wide as the widest (compared totals can be wider than a narrow table): one width.
    widths: [...new Set(records.map((record) => record.length))],
    headerPadding: records[0]!.slice(section.columns.length).filter((field) => field !== ""),
  };
}

describe("progress report exports", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let grantId: string;
  let first: ReportingPeriod;
  let second: ReportingPeriod;

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
    // The award's first reporting period holds that quarter; its second has begun (it holds the
    // current quarter) and nothing of it is published: its victim-related counts are suppressed.
    [first, second] = reportingPeriods({ periodStart: within.start, periodEnd: dateFromToday(700), reportingCadence: "semiannual" }) as [ReportingPeriod, ReportingPeriod];
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
    // In the current quarter (of the second reporting period) the clinic has trained 20 in health
    // already: a rise on the first period's 17, a change with its sign.
    const current = periodContaining(dateFromToday(0), "quarter");
    await insertContributionReport(taskForce, clinic.id, { period: current.key, periodStart: current.start, periodEnd: current.end }, { peopleTrained: { health: 20 } });
    // In-kind of $11,414.75: with the staff time, $13,977.50 in all.
    await db.insert(contributionInKindItems).values({ taskForceId: taskForce.id, reportId: report.id, position: 0, description: "Meeting space", estimatedValueCents: 1_141_475 });
  });

  const generate = async (user: TestUser, period: ReportingPeriod) => {
    const caller = callerFor(user);
    const { id } = await caller.report.generate({ taskForceSlug: taskForce.slug, grantId, periodEnd: period.end });
    // What the page renders: report.get, the procedure the print view calls.
    const page = await caller.report.get({ taskForceSlug: taskForce.slug, reportId: id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(page.content, page.generatedAt)).buffer);
    // The PDF as its link downloads it.
    const url = `http://localhost/tf/${taskForce.slug}/grants/reports/${id}/export?format=pdf`;
    const response = await handleReportExport(new Request(url), user, taskForce.slug, id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    return { page, workbook, pdf };
  };

  /**
   * The PDF says what the XLSX says, section by section and in order; every page names the task
   * force, the award and the period, and is numbered. `period` is what the PDF's heading shows.
   */
  function expectPdfOfXlsx(page: Awaited<ReturnType<typeof generate>>["page"], workbook: ExcelJS.Workbook, pdf: PdfFile, period: ReportingPeriod) {
    const date = (value: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${value}T12:00:00Z`));
    const content = contentOf(pdf, PDF_MARGINS.top, PDF_MARGINS.bottom);
    const expected = page.content.sections.flatMap((section) => pdfLinesOf(section, sheetOf(workbook, section)));
    expect(missingInOrder(content.join(" "), expected)).toEqual([]);
    pdf.pages.forEach((pdfPage, index) => {
      const { heading, foot } = bandsOf(pdfPage, PDF_MARGINS.top, PDF_MARGINS.bottom);
      const headingText = textOf(heading);
      for (const part of [taskForce.name, "X-1", `${date(period.start)} – ${date(period.end)}`]) expect({ page: index + 1, heading: headingText }).toEqual({ page: index + 1, heading: expect.stringContaining(part) });
      expect(textOf(foot)).toBe(`Page ${index + 1} of ${pdf.pages.length}`);
    });
  }

  /** The pieces of the PDF's text between a section's title and the next section's. */
  function pdfSection(page: Awaited<ReturnType<typeof generate>>["page"], pdf: PdfFile, key: string): string[] {
    const pieces = contentOf(pdf, PDF_MARGINS.top, PDF_MARGINS.bottom);
    const index = page.content.sections.findIndex((section) => section.key === key);
    const next = page.content.sections[index + 1];
    const start = findText(pieces, page.content.sections[index]!.title)!.end;
    return pieces.slice(start, next ? findText(pieces, next.title, start)!.start : pieces.length);
  }

  /** Each section's cells and totals, in order, are the same on the page, in the XLSX and in the CSV. */
  function expectExportsOfPage(page: Awaited<ReturnType<typeof generate>>["page"], workbook: ExcelJS.Workbook) {
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
      const totals = totalCellsOf(section);
      expect({ section: section.key, xlsx: sheet.totalsHeader, csv: csv.totalsHeader }).toEqual({ section: section.key, xlsx: section.totalsHeader, csv: section.totalsHeader });
      expect({ section: section.key, xlsx: sheet.totals, csv: csv.totals }).toEqual({
        section: section.key,
        xlsx: totals,
        csv: totals.map((row) => row.map((value) => (value === null ? "" : String(value)))),
      });
      expect(sheet.gap.every((value) => value === null)).toBe(true);
      expect(csv.gap?.every((field) => field === "") ?? true).toBe(true);
      // Every CSV record is as wide as every other, the totals included; the heading is padded with blanks.
      expect({ section: section.key, widths: csv.widths.length, padding: csv.headerPadding }).toEqual({ section: section.key, widths: 1, padding: [] });
      // Money cells carry the currency's format in the sheet (a change's with its sign); other cells do not.
      section.columns.forEach((column, index) => {
        const formats = new Set(sheet.formats.map((row) => row[index]));
        const currency = currencyNumberFormat(PROGRAM_CURRENCY);
        const signed = `+${currency};-${currency};${currency}`;
        if (column.type === "money") expect(formats).toEqual(new Set([column.comparison?.role === "change" ? signed : currency]));
        else expect(formats.has(currency) || formats.has(signed)).toBe(false);
      });
    }
  }

  it.each([
    ["the coordinator", () => coordinator],
    ["a funder", () => funder],
  ])("gives %s, section by section, the figures of the page in the XLSX, in every CSV and in the PDF", async (_, who) => {
    const { page, workbook, pdf } = await generate(who(), first);
    expectExportsOfPage(page, workbook);
    expectPdfOfXlsx(page, workbook, pdf, first);
    // The award's first period: nothing to compare with, said in the report and in the headings.
    expect(page.content.comparedWith).toBeNull();

    // The figures the issue names, as a reader sees them in each form.
    const trainings = page.content.sections.find((section) => section.key === "trainings")!;
    expect(trainings.totals).toEqual([
      { label: "Trainings delivered", value: 3, previous: null, change: null, changePercent: null },
      { label: "People trained", value: 20, previous: null, change: null, changePercent: null },
    ]);
    expect(sectionToCsv(trainings)).toContain(
      "\r\n,,,,\r\nFigure,This period,Previous period (none: first period of the award),Change,Change (percent)\r\nTrainings delivered,3,,,\r\nPeople trained,20,,,\r\n",
    );

    const contributions = page.content.sections.find((section) => section.key === "contributions")!;
    expect(contributions.columns.slice(1).map((column) => column.header)).toEqual([
      `In the period (${PROGRAM_CURRENCY})`,
      `In the period (${PROGRAM_CURRENCY}): previous period (none: first period of the award)`,
      `In the period (${PROGRAM_CURRENCY}): change`,
      `In the period (${PROGRAM_CURRENCY}): change (percent)`,
      `Since the award began (${PROGRAM_CURRENCY})`,
    ]);
    const money = new Map(contributions.rows.map((row) => [row.measure, [row.period, row.toDate]]));
    expect(money.get("Staff-time value")).toEqual([2562.75, 2562.75]);
    expect(money.get("In-kind value")).toEqual([11414.75, 11414.75]);
    expect(money.get("Total value")).toEqual([13977.5, 13977.5]);
    expect(money.get("Match target")).toEqual([null, 50_000]);
    expect(sectionToCsv(contributions)).toContain("Total value,13977.50,,,,13977.50\r\n");
    expect(sectionToCsv(contributions)).toContain("Match target,,,,,50000.00\r\n");
    expect(textOf(pdf.pages.flatMap((pdfPage) => pdfPage.pieces))).toContain("Total value $13,977.50 — — — $13,977.50");
    const totalCell = workbook.getWorksheet(contributions.title)!.getRow(5).getCell(2);
    expect([totalCell.value, totalCell.numFmt]).toEqual([13977.5, "[$$]#,##0.00"]);
    expect(contributions.totals).toContainEqual({ label: "Staff hours in the period", value: 100.5, previous: null, change: null, changePercent: null });
    expect(contributions.totals).toContainEqual({ label: "Match reached (percent of target)", value: 28, previous: null, change: null, changePercent: null });

    // Small counts are suppressed on the page, and identically in both files (compared above).
    const victims = page.content.sections.find((section) => section.key === "victimCounts")!;
    const suppressed = victims.rows.filter((row) => row.count === "suppressed").map((row) => row.measure);
    expect(suppressed).toEqual(["Persons identified as potential victims", "Services: Food", "Services: Housing"]);
    const csvText = sectionToCsv(victims);
    expect(csvText).toContain("Persons identified as potential victims,suppressed,,,,\r\n");
    expect(csvText).not.toMatch(/,(3|4|15),/);
    const pdfVictims = pdfSection(page, pdf, "victimCounts");
    // Each suppressed cell (a count, a share) says so in the PDF too, and no small count is written.
    expect(pdfVictims.filter((piece) => piece === "suppressed")).toHaveLength(victims.rows.flatMap((row) => Object.values(row)).filter((value) => value === "suppressed").length);
    expect(pdfVictims.filter((piece) => /^[+-]?(3|4|15)%?$/.test(piece.trim()))).toEqual([]);
  });

  it.each([
    ["the coordinator", () => coordinator],
    ["a funder", () => funder],
  ])("gives %s the previous period's figures and the changes on the page, in the XLSX, in every CSV and in the PDF alike", async (_, who) => {
    const { page, workbook, pdf } = await generate(who(), second);
    expectExportsOfPage(page, workbook);
    expectPdfOfXlsx(page, workbook, pdf, second);
    expect(page.content.comparedWith).toEqual({ start: first.start, end: first.end });

    // More trained in health this period; none in education: that sector of the previous one stays, at 0, and shows the fall.
    const trainings = page.content.sections.find((section) => section.key === "trainings")!;
    expect(trainings.rows).toEqual([
      { sector: "Health and mental health", peopleTrained: 20, peopleTrainedPrevious: 17, peopleTrainedChange: 3, peopleTrainedChangePercent: 17.6 },
      { sector: "Education", peopleTrained: 0, peopleTrainedPrevious: 3, peopleTrainedChange: -3, peopleTrainedChangePercent: -100 },
    ]);
    expect(textOf(pdf.pages.flatMap((pdfPage) => pdfPage.pieces))).toContain("Health and mental health 20 17 +3 +17.6%");
    expect(sectionToCsv(trainings)).toContain("Figure,This period,Previous period,Change,Change (percent)\r\nTrainings delivered,0,3,-3,-100\r\n");
    const contributions = page.content.sections.find((section) => section.key === "contributions")!;
    expect(contributions.rows.find((row) => row.measure === "Total value")).toEqual({
      measure: "Total value",
      period: 0,
      periodPrevious: 13977.5,
      periodChange: -13977.5,
      periodChangePercent: -100,
      toDate: 13977.5,
    });
    expect(sectionToCsv(contributions)).toContain("Total value,0.00,13977.50,-13977.50,-100,13977.50\r\n");
    const change = workbook.getWorksheet(contributions.title)!.getRow(5).getCell(4);
    expect([change.value, change.numFmt]).toEqual([-13977.5, "+[$$]#,##0.00;-[$$]#,##0.00;[$$]#,##0.00"]);

    // The previous figures of victim-related counts are the first period's report's, as this reader
    // sees them there (suppressed alike); this period publishes nothing yet, so every change is suppressed.
    const victims = page.content.sections.find((section) => section.key === "victimCounts")!;
    const firstReport = await generate(who(), first);
    const firstCounts = new Map(firstReport.page.content.sections.find((section) => section.key === "victimCounts")!.rows.map((row) => [row.measure, row.count]));
    for (const row of victims.rows) {
      expect({ measure: row.measure, previous: row.countPrevious }).toEqual({ measure: row.measure, previous: firstCounts.get(row.measure) ?? 0 });
      expect([row.count, row.countChange, row.countChangePercent]).toEqual(["suppressed", "suppressed", "suppressed"]);
    }
    expect(victims.rows.find((row) => row.measure === "Persons identified as confirmed victims")?.countPrevious).toBe(25);
    expect(victims.rows.find((row) => row.measure === "Persons identified as potential victims")?.countPrevious).toBe("suppressed");
    expect(sectionToCsv(victims)).not.toMatch(/,-?(3|4|15),/);
    expect(pdfSection(page, pdf, "victimCounts").filter((piece) => /^[+-]?(3|4|15)%?$/.test(piece.trim()))).toEqual([]);
  });
});
