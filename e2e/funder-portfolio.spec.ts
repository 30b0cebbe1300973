import ExcelJS from "exceljs";
import { expect, test } from "./test";
import { createInvitedUser, createOwnTaskForce, demoDateFromToday, expectNoAxeViolations, messages, newSignedInPage, ok, openInApp, RIVERBEND_NAME, signInByApi, translate, trpcMutation, trpcQuery, USERS } from "./fixtures";

/*
 * A funder of two task forces — the demo's Riverbend, invited by its coordinator, and a task force
 * of this spec's own, through a funding program — reads the portfolio's charts and their tables,
 * downloads the XLSX (read back here and compared with what the page is built from), and opens a
 * site-visit summary that prints on one page. Axe scans each page. The funder is a new account, so
 * the demo funder's portfolio, which other specs count, stays as it was.
 */

const t = messages.funder;

interface PortfolioRow {
  slug: string;
  name: string;
  lastRound: { title: string } | null;
  requirementSeries: { awardNumber: string; points: { date: string; met: number }[] }[];
  contributionPeriods: { period: string }[];
}

/** A worksheet's rows below its header, as cell values. */
function bodyRows(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet?.eachRow((row, number) => {
    if (number > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return rows;
}

test("a funder of two task forces reads the portfolio charts, downloads the XLSX and prints a site-visit summary", async ({ page, browser }) => {
  test.slow();
  const funder = await createInvitedUser(browser, { role: "funder", prefix: "portfolio" });
  const own = await createOwnTaskForce(browser, "portfolio");
  const award = `E2E-PORTFOLIO-${Date.now().toString(36).toUpperCase()}`;
  const programName = `E2E portfolio program ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;

  // The administrator makes a program for the new funder; the own task force's coordinator records an award and joins it.
  const { context: adminContext } = await newSignedInPage(browser, USERS.admin);
  const { context: coordinatorContext } = await newSignedInPage(browser, own.coordinator.email, own.coordinator.password);
  try {
    const program = ok(
      await trpcMutation<{ id: string }>(adminContext.request, "admin.fundingProgram.create", { name: programName, funderOrganization: "E2E Example Foundation" }),
      "admin.fundingProgram.create",
    );
    ok(await trpcMutation(adminContext.request, "admin.fundingProgram.addFunder", { programId: program.id, email: funder.email }), "admin.fundingProgram.addFunder");
    ok(
      await trpcMutation(coordinatorContext.request, "grant.create", {
        taskForceSlug: own.slug,
        funderName: "E2E Example Foundation",
        program: "ECM",
        awardNumber: award,
        amount: 250000,
        matchTarget: null,
        periodStart: demoDateFromToday(-200),
        periodEnd: demoDateFromToday(900),
      }),
      "grant.create",
    );
    ok(await trpcMutation(coordinatorContext.request, "fundingProgram.join", { taskForceSlug: own.slug, programId: program.id }), "fundingProgram.join");
  } finally {
    await adminContext.close();
    await coordinatorContext.close();
  }

  await signInByApi(page.request, funder.email, funder.password);
  const portfolio = ok(await trpcQuery<PortfolioRow[]>(page.request, "funder.portfolio"), "funder.portfolio");
  expect(portfolio.map((row) => row.name).sort()).toEqual([own.name, RIVERBEND_NAME].sort());
  const riverbend = portfolio.find((row) => row.name === RIVERBEND_NAME);
  expect(riverbend?.lastRound, "the demo's closed rounds").not.toBeNull();

  await openInApp(page, "/funder");
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  const table = page.getByRole("table", { name: t.caption });
  await expect(table.getByRole("rowheader")).toHaveCount(2);

  // Requirements over time: one chart per award, the own task force's among them, each from its
  // recorded history (the end of every reporting period that has ended) to today.
  const requirements = page.getByRole("region", { name: t.charts.requirementsCaption });
  await expect(requirements.getByText(t.charts.requirementsSummary)).toBeVisible();
  const ownAward = translate("funder.charts.requirementsPanelCaption", { award, taskForce: own.name });
  await expect(requirements.locator("figcaption").filter({ hasText: ownAward })).toBeVisible();
  await requirements.getByText(translate("charts.showTable", { caption: ownAward })).click();
  const awardTable = requirements.getByRole("table", { name: ownAward });
  await expect(awardTable.getByRole("columnheader", { name: t.charts.met, exact: true })).toBeVisible();
  // Begun 200 days ago: one semiannual period has ended (before its requirements existed), then today.
  await expect(awardTable.getByRole("rowheader")).toHaveCount(2);

  // Roadmap level by area: Riverbend's latest round against the one before, on one scale; none yet for the new task force.
  const levels = page.getByRole("region", { name: t.charts.levelsCaption });
  await expect(levels.getByText(translate("funder.charts.noRoundPanel", { name: own.name }))).toBeVisible();
  await levels.getByText(translate("charts.showTable", { caption: RIVERBEND_NAME })).click();
  const levelTable = levels.getByRole("table", { name: RIVERBEND_NAME });
  await expect(levelTable.getByRole("columnheader", { name: translate("funder.charts.latestSeries", { round: riverbend?.lastRound?.title ?? "" }) })).toBeVisible();
  await expect(levelTable.getByRole("rowheader").first()).toHaveText(/^A\. /);

  // Contributions reporting: a year of ended periods per task force; the new one expects no organization yet.
  const reporting = page.getByRole("region", { name: t.charts.completenessCaption });
  await expect(reporting.getByText(t.charts.completenessPanelNone)).toBeVisible();
  await reporting.getByText(translate("charts.showTable", { caption: own.name })).click();
  const ownPeriods = portfolio.find((row) => row.name === own.name)?.contributionPeriods ?? [];
  await expect(reporting.getByRole("table", { name: own.name }).getByRole("rowheader")).toHaveText(ownPeriods.map((period) => period.period));
  await expectNoAxeViolations(page, "funder portfolio of two task forces, with its charts' tables open");

  // The XLSX: the portfolio table and one sheet per chart, both task forces, as the page has them.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadXlsx }).click()]);
  expect(download.suggestedFilename()).toMatch(/^funder-portfolio_generated-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([t.export.portfolioSheet, t.export.levelsSheet, t.export.completenessSheet, t.export.requirementsSheet]);
  const [tableSheet, levelSheet, reportingSheet, requirementSheet] = workbook.worksheets;
  expect(bodyRows(tableSheet).map((row) => row[0])).toEqual(portfolio.map((row) => row.name));
  const levelRows = bodyRows(levelSheet);
  expect(levelRows.length).toBeGreaterThan(0);
  expect(levelRows.every((row) => row[0] === RIVERBEND_NAME)).toBe(true);
  expect(bodyRows(reportingSheet).map((row) => [row[0], row[1]])).toEqual(portfolio.flatMap((row) => row.contributionPeriods.map((period) => [row.name, period.period])));
  expect(bodyRows(requirementSheet).map((row) => [row[0], row[1], row[3]])).toEqual(
    portfolio.flatMap((row) => row.requirementSeries.flatMap((series) => series.points.map((point) => [row.name, series.awardNumber, point.met]))),
  );
  expect(bodyRows(requirementSheet).map((row) => row[1])).toContain(award);

  // The site-visit summary of Riverbend: what the portfolio shows of it, on one printed page.
  await table.getByRole("link", { name: `${t.summaryLink} (${RIVERBEND_NAME})` }).click();
  await expect(page.getByRole("heading", { level: 1, name: translate("funder.summary.title", { name: RIVERBEND_NAME }) })).toBeVisible();
  for (const heading of [t.summary.factsHeading, t.summary.awardsHeading, t.charts.levelsCaption, t.charts.completenessCaption]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("term").filter({ hasText: t.lastFullMeetingColumn })).toBeVisible();
  await expectNoAxeViolations(page, "site-visit summary");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: t.summary.print })).toBeHidden();
  const pdf = await page.pdf({ format: "Letter" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, "the summary prints on one page").toBe(1);
  await page.emulateMedia({ media: "screen" });

  // A task force the funder does not fund has no summary for them.
  expect((await page.goto("/funder/summary/lakeshore-demo"))?.status()).toBe(404);
});

test("a chart not yet scrolled to prints as its table, not as an empty box, and closes the table after printing", async ({ page }) => {
  // A short window: the last chart is far below it and is never drawn (ChartFrame.tsx).
  await page.setViewportSize({ width: 1280, height: 400 });
  await signInByApi(page.request, USERS.funder);
  await openInApp(page, "/funder");
  const last = page.locator("figure.chart").last();
  const table = last.locator("details.chart-table");
  await expect(last.locator(".chart-canvas .chart-loading")).toHaveCount(1);
  await expect(table).not.toHaveAttribute("open");

  // The page listens for printing once it has hydrated, so the browser's notice is given until heard.
  await expect
    .poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      return table.evaluate((details) => (details as HTMLDetailsElement).open);
    })
    .toBe(true);
  await page.emulateMedia({ media: "print" });
  await expect(last.locator(".chart-canvas")).toBeHidden();
  await expect(last.getByRole("table")).toBeVisible();

  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(table).not.toHaveAttribute("open");
  await expect(last.locator(".chart-canvas")).toBeVisible();
});
