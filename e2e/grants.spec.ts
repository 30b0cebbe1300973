import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { E2E_LOCALE } from "./settings";
import { expect, test } from "./test";
import {
  demoDateFromToday,
  escapeRegExp,
  expectNoAxeViolations,
  fill,
  format,
  mediumDate,
  messageBefore,
  messagePattern,
  messages,
  newSignedInPage,
  ok,
  openInApp,
  RIVERBEND,
  signIn,
  signInByApi,
  translate,
  translatePattern,
  trpcMutation,
  trpcQuery,
  USERS,
} from "./fixtures";

/*
 * The coordinator's side of issue 7: the dashboard shows every widget from the demo seed, an award's
 * requirements are managed with computed statuses and evidence, and the semiannual progress report
 * is generated, printed to PDF and downloaded as XLSX that opens with the figures on screen and as
 * the PDF made on the server; and
 * issue 20's requirement history: progress over the award as a chart with its table, and every
 * requirement's status as of a past day; and issue 19's local match to date on the award page and
 * the dashboard.
 */

// The demo award's requirements were copied from the catalog's templates in English when it was
// seeded: their titles are stored data, in English whatever the language of the pages.
const DEMO_AWARD = "DEMO-2025-ECM-0001";
const tf = (path: string) => `/tf/${RIVERBEND}${path}`;
const startsWith = (text: string) => new RegExp(`^${escapeRegExp(text)}`);
const dollars = (amount: number) => format.number(amount, { style: "currency", currency: "USD" });
/** A widget's "… last updated" line, by what its data is. */
const lastUpdated = (what: string) => startsWith(fill(messages.dashboard.lastUpdated, { what }));
/** The override of the demo's core-partners requirement gives the US Attorney's Office as its reason. */
const OVERRIDE_REASON = /.*US Attorney's Office/;
/** The requirement history's summary over the demo award: nothing met at its first period's end, some now (of 16, or 17 with the one a test adds). */
const historySummary = new RegExp(
  [16, 17]
    .map(
      (applicable) =>
        translatePattern(
          "requirementHistory.summary",
          { metThen: 0, metNow: /[1-9]\d*/, applicable, since: format.dateTime(new Date("2025-12-15T12:00:00Z"), { month: "long", year: "numeric", timeZone: "UTC" }) },
          { from: "whole" },
        ).source,
    )
    .join("|"),
);
/** A report's change from the previous period, in words ("up 2 from 3"). */
const changeInWords = new RegExp(
  ["up", "down", "unchanged"].map((direction) => translatePattern("reports.comparison.changeWords", { direction, change: /[\d,.]+/, previous: /[\d,.]+/ }).source).join("|"),
);

test("the coordinator's dashboard shows every widget of the demo, each linking to its page", async ({ page }) => {
  await signIn(page, USERS.coordinator);
  await expect(page).toHaveURL((url) => url.pathname === tf("/dashboard"));
  const d = messages.dashboard;
  for (const title of [d.requirementsTitle, d.nextReportTitle, messages.localMatch.widgetTitle, d.radarTitle, d.trendTitle, d.gapsTitle, d.coverageTitle, d.contributionsTitle, messages.mous.renewalsTitle]) {
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  const requirements = page.getByRole("region", { name: d.requirementsTitle });
  await expect(requirements.getByText(messagePattern(d.requirementsMet, { applicable: /\d+/ }))).toBeVisible();
  await expect(requirements.getByText(lastUpdated(d.requirementsWhat))).toBeVisible();
  await expect(requirements.getByRole("link", { name: d.requirementsLink })).toHaveAttribute("href", tf("/grants"));

  const nextReport = page.getByRole("region", { name: d.nextReportTitle });
  await expect(nextReport.getByText(d.nextDueLabel.replace("{award}", DEMO_AWARD))).toBeVisible();
  await expect(nextReport.getByText(startsWith(d.suspensionLabel))).toBeVisible();

  const localMatch = page.getByRole("region", { name: messages.localMatch.widgetTitle });
  await expect(localMatch.getByRole("rowheader", { name: DEMO_AWARD }).getByRole("link")).toHaveAttribute("href", /\/grants\/[0-9a-f-]{36}$/);
  await expect(localMatch.getByRole("progressbar", { name: messages.localMatch.barLabel })).toBeVisible();
  await expect(localMatch.getByText(messagePattern(messages.localMatch.figure, { matched: /\$[\d,]+\.\d\d/, target: dollars(375_000), share: /\d+(\.\d)?\s?%/ }, { from: "whole" }))).toBeVisible();
  await expect(localMatch.getByText(lastUpdated(messages.localMatch.widgetWhat))).toBeVisible();

  const gaps = page.getByRole("region", { name: d.gapsTitle });
  await expect(gaps.getByRole("rowheader", { name: d.gapsOpen })).toBeVisible();
  await expect(gaps.getByText(lastUpdated(d.gapsWhat))).toBeVisible();
  // (The absent-discipline alert is checked in meetings.spec.ts, whose meeting changes it.)
  const coverage = page.getByRole("region", { name: d.coverageTitle });
  await expect(coverage.getByText(lastUpdated(d.coverageWhat))).toBeVisible();
  await expect(coverage.getByRole("link", { name: d.coverageLink })).toHaveAttribute("href", tf("/meetings"));
  await expect(coverage.getByText(translatePattern("dashboard.attendanceSummary", { latest: /\d+\s?%/, overall: /\d+\s?%/, count: 3 }, { from: "whole" }))).toBeVisible();
  const recent = coverage.getByRole("table", { name: translate("dashboard.recentMeetingsCaption", { count: 3 }) });
  await expect(recent.getByRole("row")).toHaveCount(4);
  await expect(recent.getByRole("rowheader", { name: /October full task-force meeting \(demo\)/ }).getByRole("link")).toHaveAttribute("href", /\/meetings\/[0-9a-f-]{36}$/);

  const contributions = page.getByRole("region", { name: d.contributionsTitle });
  await expect(contributions.getByRole("rowheader", { name: startsWith(messageBefore(d.completenessLabel, "period")) })).toBeVisible();
  await expect(contributions.getByText(messagePattern(d.completenessValue, { expected: /\d+/ }))).toBeVisible();
  await expect(contributions.getByText(lastUpdated(d.contributionsWhat))).toBeVisible();
  await expect(contributions.getByRole("link", { name: d.contributionsLink })).toHaveAttribute("href", tf("/contributions"));

  const mous = page.getByRole("region", { name: messages.mous.renewalsTitle });
  await expect(mous.getByRole("link", { name: d.mousLink, exact: true })).toHaveAttribute("href", tf("/members/mous"));

  // Each chart has its numbers as a table too.
  await expect(page.getByRole("region", { name: d.radarTitle }).getByText(messagePattern(messages.charts.showTable, {}, { from: "whole" }))).toBeVisible();
  await expect(coverage.getByText(messagePattern(messages.charts.showTable, {}, { from: "whole" }))).toBeVisible();
  await expectNoAxeViolations(page, "dashboard");
});

test("a coordinator sees computed statuses with their reason and adds a requirement of their own", async ({ page }) => {
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, tf("/grants"));
  await page.getByRole("link", { name: DEMO_AWARD }).click();
  await expect(page.getByRole("heading", { level: 1, name: fill(messages.grants.detailHeading, { awardNumber: DEMO_AWARD }) })).toBeVisible();
  const corePartners = page.getByRole("row", { name: /^Core partners engaged, including prosecution/ });
  await expect(corePartners.getByText(messagePattern(messages.requirements.overriddenBecause, { computed: messages.requirements.status.met, reason: OVERRIDE_REASON }, { from: "start" }))).toBeVisible();
  await expect(page.getByRole("row", { name: /^Start-up phase completed/ }).getByText(startsWith(messages.requirements.computedPrefix))).toBeVisible();
  await expect(page.getByRole("row", { name: /^Written operational protocols/ }).getByRole("link", { name: /Written referral protocol/ })).toBeVisible();

  const title = `Partner survey ${Date.now()}`;
  const ownForm = page.getByRole("form", { name: messages.requirements.ownForm });
  await ownForm.getByRole("button", { name: messages.requirements.addOwn }).click();
  await expect(ownForm.getByText(messages.validation.required)).toBeVisible();
  await ownForm.getByLabel(messages.requirements.titleLabel).fill(title);
  await ownForm.getByRole("button", { name: messages.requirements.addOwn }).click();
  // In the requirements section (the progress section's "as of" table lists them too).
  await expect(page.getByRole("region", { name: messages.requirements.heading }).getByRole("rowheader", { name: new RegExp(title) })).toBeVisible();
  await expectNoAxeViolations(page, "grant page");
});

test("the semiannual report is generated with progress shown, prints to PDF and downloads as XLSX matching the screen and as PDF", async ({ page }) => {
  test.slow();
  await signInByApi(page.request, USERS.coordinator);
  const { grants } = ok(await trpcQuery<{ grants: { id: string; awardNumber: string }[] }>(page.request, "grant.list", { taskForceSlug: RIVERBEND }), "grant.list");
  const grantId = grants.find((grant) => grant.awardNumber === DEMO_AWARD)?.id;
  const detail = ok(await trpcQuery<{ requirements: unknown[] }>(page.request, "grant.get", { taskForceSlug: RIVERBEND, grantId }), "grant.get");

  await openInApp(page, tf("/grants/reports"));
  await expect(page.getByRole("heading", { level: 1, name: messages.reports.title })).toBeVisible();
  const period = page.getByLabel(messages.reports.periodLabel);
  await period.selectOption({ value: `${grantId}|2026-06-30` });
  await page.getByRole("button", { name: messages.reports.generate }).click();
  await expect(page.getByRole("status").filter({ hasText: messages.reports.generated })).toBeVisible();
  await page.getByRole("link", { name: messages.reports.openReport }).click();

  await expect(page.getByRole("heading", { level: 1, name: startsWith(fill(messages.reports.documentTitle, { taskForce: "Riverbend" })) })).toBeVisible();
  for (const section of Object.values(messages.reports.sections)) await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  // Issue 20: the figures stand beside the previous reporting period's (the award began 2025-10-01),
  // compared totals in a table of their own, each change written in words for a screen reader too.
  const c = messages.reports.comparison;
  await expect(page.getByRole("definition").filter({ hasText: new RegExp(`${escapeRegExp(mediumDate("2025-10-01"))}.+${escapeRegExp(mediumDate("2025-12-31"))}`) })).toBeVisible();
  const trainingTotals = page.getByRole("table", { name: fill(c.totalsCaption, { section: messages.reports.sections.trainings }) });
  await expect(trainingTotals.getByRole("columnheader", { name: c.previousPeriod, exact: true })).toBeVisible();
  await expect(trainingTotals.getByRole("row", { name: new RegExp(`^${messages.contributions.measures.trainingsDelivered} `) })).toContainText(changeInWords);
  await expectNoAxeViolations(page, "report print view");

  // Print view: the app's frame is hidden and the report itself is what prints.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: messages.nav.main })).toBeHidden();
  await expect(page.getByRole("button", { name: messages.reports.print })).toBeHidden();
  const pdf = await page.pdf({ format: "Letter", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThan(10);
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: messages.reports.downloadXlsx }).click()]);
  expect(download.suggestedFilename()).toMatch(/^riverbend-demo_progress-report_2026-01-01_to_2026-06-30_generated-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(messages.reports.sheets));
  const sheet = workbook.getWorksheet(messages.reports.sheets.requirements)!;
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1 && (row.values as unknown[]).length > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  const requirementRows = rows.slice(0, detail.requirements.length);
  expect(requirementRows.map((row) => row[0])).toContain("Start-up phase completed");
  const totals = Object.fromEntries(rows.slice(detail.requirements.length).map((row) => [row[0], row[1]]));
  expect(totals[messages.reports.totals.requirements]).toBe(detail.requirements.length);
  // The figures match the print view of the same report.
  await expect(page.getByText(`${messages.reports.totals.requirements}: ${detail.requirements.length}`, { exact: true })).toBeVisible();
  const lead = requirementRows.find((row) => row[0] === "Signed MOU between the leads, kept current");
  expect(lead?.[4]).toEqual(new Date("2027-03-31T00:00:00Z"));

  // The PDF made on the server downloads beside it, named like it.
  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: messages.reports.downloadPdf }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^riverbend-demo_progress-report_2026-01-01_to_2026-06-30_generated-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await readFile(await pdfDownload.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a coordinator corrects an award's terms: a refusal names the field and keeps what was typed", async ({ page }) => {
  await signInByApi(page.request, USERS.coordinator);
  const awardNumber = `E2E-EDIT-${Date.now()}`;
  const { id } = ok(
    await trpcMutation<{ id: string }>(page.request, "grant.create", {
      taskForceSlug: RIVERBEND,
      funderName: "Example Foundation (demo)",
      program: "Regional collaboration",
      awardNumber,
      amount: 250000,
      matchTarget: null,
      periodStart: "2026-01-01",
      periodEnd: "2027-12-31",
      applyEcmTemplate: false,
    }),
    "grant.create",
  );
  await openInApp(page, tf(`/grants/${id}`));
  const g = messages.grants;
  // No match target: the local-match section says so and leads to the terms.
  const localMatch = page.getByRole("region", { name: messages.localMatch.heading });
  await expect(localMatch.getByText(messages.localMatch.noTarget)).toBeVisible();
  await expect(localMatch.getByRole("link", { name: messages.localMatch.setTarget })).toHaveAttribute("href", "#edit-terms");
  await page.getByText(g.editTerms).click();
  const form = page.getByRole("form", { name: g.editTermsForm });
  await expect(form.getByLabel(g.amountLabel)).toHaveValue("250000");

  await form.getByLabel(g.amountLabel).fill("275,500.00");
  await form.getByLabel(g.periodEndLabel).fill("2025-06-30");
  await form.getByRole("button", { name: g.saveTerms }).click();
  await expect(form.getByLabel(g.periodEndLabel)).toHaveAccessibleDescription(messages.errors.periodEndBeforeStart);
  // Nothing is lost: the amount typed is still there to save once the date is fixed.
  await expect(form.getByLabel(g.amountLabel)).toHaveValue("275,500.00");
  await expectNoAxeViolations(page, "award terms with an error");

  await form.getByLabel(g.periodEndLabel).fill("2028-06-30");
  await form.getByLabel(g.cadenceLabel).selectOption("quarterly");
  await form.getByRole("button", { name: g.saveTerms }).click();
  await expect(page.getByRole("status").filter({ hasText: g.termsSaved })).toBeVisible();
  const terms = page.getByRole("region", { name: g.awardHeading }).getByRole("definition");
  await expect(terms.filter({ hasText: dollars(275_500) })).toBeVisible();
  await expect(terms.filter({ hasText: g.cadence.quarterly })).toBeVisible();
  // Reporting periods follow the new terms: quarterly, up to the new end.
  await expect(page.getByRole("rowheader", { name: new RegExp(escapeRegExp(`${mediumDate("2028-04-01")} – ${mediumDate("2028-06-30")}`)) })).toBeVisible();
});

/** The demo award's id, from the awards list of whoever is signed in. */
async function demoAwardId(request: Parameters<typeof trpcQuery>[0]) {
  const { grants } = ok(await trpcQuery<{ grants: { id: string; awardNumber: string }[] }>(request, "grant.list", { taskForceSlug: RIVERBEND }), "grant.list");
  const id = grants.find((grant) => grant.awardNumber === DEMO_AWARD)?.id;
  if (!id) throw new Error(`no demo award ${DEMO_AWARD}`);
  return id;
}

test("the award page shows requirements over the award as a chart with its table, and their statuses as of a past day", async ({ page }) => {
  await signInByApi(page.request, USERS.coordinator);
  const grantId = await demoAwardId(page.request);
  await openInApp(page, tf(`/grants/${grantId}`));
  const h = messages.requirementHistory;
  const progress = page.getByRole("region", { name: h.heading });
  // The demo's first reporting period ended with nothing met; some requirements are met by now (of
  // the demo's 16, and the one an earlier test of this file adds).
  await expect(progress.getByText(historySummary)).toBeVisible();

  await progress.getByText(fill(messages.charts.showTable, { caption: h.chartCaption })).click();
  const chartTable = progress.getByRole("table", { name: h.chartCaption });
  const firstPeriod = chartTable.getByRole("row", { name: startsWith(mediumDate("2025-12-31")) });
  await expect(firstPeriod.getByRole("cell")).toHaveText(["0", "0", "16"]);
  await expect(chartTable.getByRole("rowheader", { name: h.today, exact: true })).toBeVisible();

  // The end of the first reporting period, from its link: every requirement there, none met yet.
  await progress.getByRole("link", { name: fill(h.periodEndLink, { start: mediumDate("2025-10-01"), end: mediumDate("2025-12-31") }) }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("asOf") === "2025-12-31");
  const statuses = progress.getByRole("table", { name: fill(h.asOfCaption, { date: mediumDate("2025-12-31") }) });
  await expect(statuses.getByRole("row")).toHaveCount(17);
  await expect(statuses.getByRole("cell", { name: messages.requirements.status.met, exact: true })).toHaveCount(0);
  await expect(progress.getByRole("strong").filter({ hasText: fill(h.periodEndLink, { start: mediumDate("2025-10-01"), end: mediumDate("2025-12-31") }) })).toHaveAttribute("aria-current", "true");

  // A day typed in the form: today, where the coordinator's override stands with its reason and who made it.
  const form = page.getByRole("form", { name: h.asOfForm });
  await form.getByLabel(h.asOfLabel).fill(demoDateFromToday());
  await form.getByRole("button", { name: h.show }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("asOf") === demoDateFromToday());
  const corePartners = progress.getByRole("row", { name: /^Core partners engaged, including prosecution/ });
  await expect(corePartners.getByRole("cell", { name: messages.requirements.status.in_progress, exact: true })).toBeVisible();
  await expect(corePartners.getByRole("cell", { name: new RegExp(`^${escapeRegExp(`${h.source.override} ${fill(h.by, { name: "Casey Coordinator (demo)" })} ${messageBefore(h.reason, "reason")}`)}${OVERRIDE_REASON.source}`) })).toBeVisible();
  await expectNoAxeViolations(page, "award progress over time");
});

test("a funder sees the award's progress over time and why a status was overridden, but not who changed it", async ({ page }) => {
  await signInByApi(page.request, USERS.funder);
  const grantId = await demoAwardId(page.request);
  await openInApp(page, tf(`/grants/${grantId}`));
  const h = messages.requirementHistory;
  const progress = page.getByRole("region", { name: h.heading });
  await expect(progress.getByText(historySummary)).toBeVisible();
  const corePartners = progress.getByRole("row", { name: /^Core partners engaged, including prosecution/ });
  await expect(corePartners.getByRole("cell", { name: new RegExp(`^${escapeRegExp(`${h.source.override} ${messageBefore(h.reason, "reason")}`)}${OVERRIDE_REASON.source}`) })).toBeVisible();
  await expect(progress.getByText(/Casey Coordinator/)).toHaveCount(0);
  await expectNoAxeViolations(page, "award progress over time, as a funder");
});

interface MatchFigures {
  totalCents: number;
  targetCents: number;
  share: number;
  remainingCents: number;
}

const money = (cents: number) => new Intl.NumberFormat(E2E_LOCALE, { style: "currency", currency: "USD" }).format(cents / 100);
/** "$12,400.00 of $375,000.00 matched (3.3%)", as the page words the figures. */
const matchFigure = (match: MatchFigures) =>
  fill(messages.localMatch.figure, {
    matched: money(match.totalCents),
    target: money(match.targetCents),
    share: new Intl.NumberFormat(E2E_LOCALE, { style: "percent", maximumFractionDigits: 1 }).format(match.share),
  });

/** The demo award's local match to date, as the server computes it for whoever is signed in. */
async function demoAwardMatch(request: Parameters<typeof trpcQuery>[0], grantId: string) {
  const { awards } = ok(await trpcQuery<{ awards: { id: string; match: MatchFigures }[] }>(request, "grant.match", { taskForceSlug: RIVERBEND }), "grant.match");
  const match = awards.find((award) => award.id === grantId)?.match;
  if (!match) throw new Error(`no local match for the demo award ${DEMO_AWARD}`);
  return match;
}

test("the award page shows the local match to date against its target, with a bar, the breakdown and a warning while hours are valued at $0", async ({ page, browser }) => {
  await signInByApi(page.request, USERS.coordinator);
  const grantId = await demoAwardId(page.request);
  const match = await demoAwardMatch(page.request, grantId);
  expect(match.totalCents).toBeGreaterThan(0);
  await openInApp(page, tf(`/grants/${grantId}`));
  const m = messages.localMatch;
  const section = page.getByRole("region", { name: m.heading });
  expect(money(match.targetCents)).toBe("$375,000.00");
  await expect(section.getByText(matchFigure(match), { exact: true })).toBeVisible();
  await expect(section.getByRole("progressbar", { name: m.barLabel })).toBeVisible();
  await expect(section.getByText(fill(m.remaining, { remaining: money(match.remainingCents) }))).toBeVisible();
  const breakdown = section.getByRole("table", { name: m.breakdownCaption });
  await expect(breakdown.getByRole("rowheader")).toHaveText([m.inKind, m.staffTime, m.consultantTime, m.total, m.target, m.left]);
  await expect(breakdown.getByRole("row", { name: new RegExp(`^${m.total}`) }).getByRole("cell").last()).toHaveText(money(match.totalCents));
  // The demo's hourly rates are set: no warning.
  await expect(section.getByText(m.unvaluedBoth)).toHaveCount(0);
  await expectNoAxeViolations(page, "award page with its local match");

  // Without rates, staff and consultant hours count for $0 until a coordinator sets them again.
  const settings = ok(await trpcQuery<{ periodLength: string; staffHourlyRate: number; consultantHourlyRate: number; dueDays: number }>(page.request, "contribution.settings", { taskForceSlug: RIVERBEND }), "contribution.settings");
  ok(await trpcMutation(page.request, "contribution.updateSettings", { taskForceSlug: RIVERBEND, ...settings, staffHourlyRate: 0, consultantHourlyRate: 0 }), "contribution.updateSettings");
  try {
    await page.reload();
    await expect(section.getByText(m.unvaluedBoth)).toBeVisible();
    await expect(section.getByRole("link", { name: m.setRates })).toHaveAttribute("href", tf("/settings#contribution-settings-heading"));
    // The figure drops by the hours' value.
    const unvalued = await demoAwardMatch(page.request, grantId);
    expect(unvalued.totalCents).toBeLessThan(match.totalCents);
    await expect(section.getByText(matchFigure(unvalued), { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, "award page with hours valued at $0");

    // A funder reads the same figure and the warning, without the way to the settings.
    const funder = await newSignedInPage(browser, USERS.funder);
    try {
      await funder.page.goto(tf(`/grants/${grantId}`));
      const funderSection = funder.page.getByRole("region", { name: m.heading });
      await expect(funderSection.getByText(matchFigure(unvalued), { exact: true })).toBeVisible();
      await expect(funderSection.getByText(m.unvaluedBoth)).toBeVisible();
      await expect(funderSection.getByRole("link", { name: m.setRates })).toHaveCount(0);
    } finally {
      await funder.context.close();
    }
  } finally {
    ok(await trpcMutation(page.request, "contribution.updateSettings", { taskForceSlug: RIVERBEND, ...settings }), "contribution.updateSettings");
  }
});
