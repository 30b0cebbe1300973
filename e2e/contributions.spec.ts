import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import {
  answerEveryElement,
  CONTRIBUTION_SUBMITTED,
  demoQuarterBack,
  drawEveryChart,
  escapeRegExp,
  expectNoAxeViolations,
  fill,
  listOrganizations,
  messageBefore,
  messagePattern,
  messages,
  openInApp,
  openRoundForMember,
  RIVERBEND,
  ROUND_SUBMITTED,
  SHELTER_ORG,
  signInByApi,
  translate,
  trpcMutation,
  USERS,
} from "./fixtures";

/*
 * The contributions ledger from the demo seed. In the last complete quarter the seed leaves the
 * victim-services agency without a report (its member submits one here, reached from their tasks) and the clinic with a
 * draft (its nurse imports a CSV here); the other tests only read, so the order does not matter.
 */

const t = messages.contributions;
const tasksText = messages.myTasks;
const CLINIC_ORG = "Riverbend Community Health Clinic (demo)";
const SHERIFF_ORG = "Riverbend County Sheriff's Office (demo)";
const SURVIVORS_ORG = "Riverbend Survivor Leadership Council (demo)";

const LAST_QUARTER = demoQuarterBack(1);
const periodPage = (period: string) => `/tf/${RIVERBEND}/contributions/${period}`;
/** A message whose values vary (a time, a reason) as a pattern at the start of a text: its fixed words, with a wildcard for each value. */
const shaped = (text: string) => messagePattern(text, {}, { from: "start" });
/** The form's draft saves, to cut the connection for them. */
const SAVE_DRAFT = /\/api\/trpc\/[^?]*contribution\.saveDraft/;

async function reportForm(page: Page) {
  return page.getByRole("form", { name: fill(t.formHeading, { organization: SHELTER_ORG }) });
}

test.describe("contributions", () => {
  test("a member follows their tasks: answers a round, then logs and submits their agency's quarter", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const roundTitle = `Tasks round ${Date.now().toString(36)}`;
    await openRoundForMember(browser, roundTitle);
    await signInByApi(page.request, USERS.member);
    const dashboard = `/tf/${RIVERBEND}/dashboard`;
    await openInApp(page, dashboard);
    const tasks = page.getByRole("region", { name: tasksText.title });
    await expect(tasks).toBeVisible();
    await expectNoAxeViolations(page, "dashboard with the member's tasks");

    // The round, from its task: every element answered ("don't know" will do here), then submitted.
    await tasks.getByRole("link", { name: fill(tasksText.roundStart, { round: roundTitle }) }).click();
    await expect(page.getByRole("heading", { level: 1, name: fill(messages.assessments.respondHeading, { title: roundTitle }) })).toBeVisible();
    const total = await answerEveryElement(page, () => messages.assessments.dontKnow);
    await expect(page.locator(".progress-count")).toHaveText(fill(messages.assessments.progress, { answered: total, total }));
    await page.getByRole("button", { name: messages.assessments.submit }).click();
    await expect(page.getByRole("status").filter({ hasText: ROUND_SUBMITTED })).toBeVisible();

    // Back on the dashboard the round is done; the quarter's report is still to do.
    await openInApp(page, dashboard);
    await expect(tasks.getByRole("link", { name: fill(tasksText.roundStart, { round: roundTitle }) })).toHaveCount(0);
    await tasks.getByRole("link", { name: fill(tasksText.report_missing, { period: LAST_QUARTER }) }).click();
    await expect(page.getByRole("heading", { level: 1, name: fill(t.periodTitle, { period: LAST_QUARTER }) })).toBeVisible();
    const form = await reportForm(page);
    await expect(form).toBeVisible();

    // A negative number is refused next to its field, and what was typed stays.
    await form.getByLabel(t.measures.staffHours, { exact: true }).fill("-4");
    await form.getByRole("button", { name: t.saveDraft }).click();
    await expect(form.getByText(messages.validation.tooSmall.replace("{min}", "0"))).toBeVisible();
    await expect(form.getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("-4");

    await form.getByLabel(t.measures.staffHours, { exact: true }).fill("42.5");
    await form.getByLabel(t.measures.trainingsDelivered, { exact: true }).fill("2");
    await form.getByLabel(messages.disciplines.health, { exact: true }).fill("12");
    await form.getByLabel(t.measures.potentialVictimsIdentified, { exact: true }).fill("3");
    await form.getByLabel(t.serviceTypes.housing, { exact: true }).fill("4");
    await form.getByRole("button", { name: t.addInKind }).click();
    await form.getByLabel(t.inKindDescription, { exact: true }).last().fill("Shelter beds held for referrals");
    await form.getByLabel(t.inKindValueLabel, { exact: true }).last().fill("1500");
    await form.getByRole("button", { name: t.saveDraft }).click();
    await expect(page.getByRole("status").filter({ hasText: t.saved })).toBeVisible();
    await expect(page.getByText(fill(t.statusLine, { status: t.status.draft }))).toBeVisible();

    await (await reportForm(page)).getByRole("button", { name: t.submit, exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: CONTRIBUTION_SUBMITTED })).toBeVisible();
    await expect(page.getByText(fill(t.statusLine, { status: t.status.submitted }))).toBeVisible();
    await expect((await reportForm(page)).getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("42.5");
    await expect((await reportForm(page)).getByLabel(t.measures.staffHours, { exact: true })).toBeDisabled();
    // The quarter now running may start from the figures just submitted, to change where they differ.
    await openInApp(page, periodPage(demoQuarterBack(0)));
    await page.getByRole("button", { name: fill(t.startFromPrevious, { period: LAST_QUARTER }) }).click();
    await expect(page.getByRole("status").filter({ hasText: fill(t.startedFromPrevious, { period: LAST_QUARTER }) })).toBeVisible();
    await expect((await reportForm(page)).getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("42.5");
    await expect((await reportForm(page)).getByLabel(t.inKindDescription, { exact: true }).last()).toHaveValue("Shelter beds held for referrals");
    // The figures become this quarter's draft on their own, after a short pause; a reload reads them from the server.
    await expect(page.getByRole("status").filter({ hasText: shaped(t.autosave.savedAt) })).toBeVisible();
    await expect(page.getByText(fill(t.statusLine, { status: t.status.draft }))).toBeVisible();
    await expectNoAxeViolations(page, "a report started from last quarter's figures");
    await page.reload();
    await expect((await reportForm(page)).getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("42.5");
    await expect((await reportForm(page)).getByLabel(t.inKindDescription, { exact: true }).last()).toHaveValue("Shelter beds held for referrals");
    await expect(page.getByText(fill(t.statusLine, { status: t.status.draft }))).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: shaped(t.autosave.restored) })).toHaveCount(0);
    // Submitted: no longer among the member's tasks.
    await openInApp(page, dashboard);
    await expect(tasks).toBeVisible();
    await expect(tasks.getByRole("link", { name: new RegExp(LAST_QUARTER) })).toHaveCount(0);
    await openInApp(page, periodPage(LAST_QUARTER));
    // The member's own column in the table, and the others only combined.
    const table = page.getByRole("table", { name: fill(t.tableHeading, { period: LAST_QUARTER }) });
    await expect(table.getByRole("columnheader", { name: new RegExp(SHELTER_ORG.replace(/[()]/g, "\\$&")) })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: new RegExp(t.otherOrganizations.replace(/[()]/g, "\\$&")) })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: new RegExp(CLINIC_ORG.replace(/[()]/g, "\\$&")) })).toHaveCount(0);
    await expectNoAxeViolations(page, "contributions period, member");

    // A second submission for the period is refused clearly.
    const shelter = (await listOrganizations(page.request, RIVERBEND)).find((organization) => organization.name === SHELTER_ORG);
    const again = await trpcMutation(page.request, "contribution.submit", {
      taskForceSlug: RIVERBEND,
      period: LAST_QUARTER,
      organizationId: shelter?.id,
      version: null,
      values: { staffHours: 1 },
    });
    expect(again.error).toMatchObject({ code: "CONFLICT", messageKey: "contributionAlreadySubmitted" });
  });

  test("what is typed is kept on the device while the connection is down, then saved as a draft on its own", async ({ page }) => {
    test.setTimeout(90_000);
    await signInByApi(page.request, USERS.coordinator);
    // The sheriff's office's quarter now running: no other test touches it.
    const sheriff = (await listOrganizations(page.request, RIVERBEND)).find((organization) => organization.name === SHERIFF_ORG);
    expect(sheriff, "the demo sheriff's office").toBeDefined();
    const address = `${periodPage(demoQuarterBack(0))}?organization=${sheriff!.id}`;
    const form = page.getByRole("form", { name: fill(t.formHeading, { organization: SHERIFF_ORG }) });
    const staffHours = form.getByLabel(t.measures.staffHours, { exact: true });
    const status = (message: string) => page.getByRole("status").filter({ hasText: shaped(message) });

    // The connection drops: nothing reaches the server, and the form says the figures are kept here.
    await page.route(SAVE_DRAFT, (route) => route.abort());
    await openInApp(page, address);
    await staffHours.fill("123.5");
    await form.getByRole("button", { name: t.addInKind }).click();
    await form.getByLabel(t.inKindDescription, { exact: true }).last().fill("Loaned laptops for a training (e2e)");
    await form.getByLabel(t.inKindValueLabel, { exact: true }).last().fill("600");
    await expect(status(t.autosave.notSaved)).toContainText(t.autosave.offline);

    // A reload puts back what was typed on this device, and says so; the server still has no report.
    await page.reload();
    await expect(status(t.autosave.restored)).toBeVisible();
    await expect(staffHours).toHaveValue("123.5");
    await expect(form.getByLabel(t.inKindDescription, { exact: true }).last()).toHaveValue("Loaned laptops for a training (e2e)");
    await expect(form.getByLabel(t.inKindValueLabel, { exact: true }).last()).toHaveValue("600");
    await expect(page.getByText(fill(t.statusLine, { status: t.status.missing }))).toBeVisible();
    await expectNoAxeViolations(page, "a report restored from the device");

    // Back online: the next change saves it all as the draft, and a reload reads the draft from the server.
    await page.unroute(SAVE_DRAFT);
    await form.getByLabel(t.measures.outreachEvents, { exact: true }).fill("2");
    await expect(status(t.autosave.savedAt)).toBeVisible();
    await expect(page.getByText(fill(t.statusLine, { status: t.status.draft }))).toBeVisible();
    await page.reload();
    await expect(staffHours).toHaveValue("123.5");
    await expect(form.getByLabel(t.measures.outreachEvents, { exact: true })).toHaveValue("2");
    await expect(form.getByLabel(t.inKindDescription, { exact: true }).last()).toHaveValue("Loaned laptops for a training (e2e)");
    await expect(status(t.autosave.restored)).toHaveCount(0);

    // A change kept only on the device can be discarded: back to the saved figures, for good.
    await page.route(SAVE_DRAFT, (route) => route.abort());
    await staffHours.fill("999");
    await expect(status(t.autosave.notSaved)).toBeVisible();
    await page.reload();
    await expect(staffHours).toHaveValue("999");
    await page.getByRole("button", { name: t.autosave.discard, exact: true }).click();
    await expect(staffHours).toHaveValue("123.5");
    await page.unroute(SAVE_DRAFT);
    await page.reload();
    await expect(staffHours).toHaveValue("123.5");
    await expect(status(t.autosave.restored)).toHaveCount(0);
  });

  test("another agency imports its quarter from a CSV file; a bad file imports nothing", async ({ page }) => {
    test.setTimeout(90_000);
    await signInByApi(page.request, "nurse@example.org");
    await openInApp(page, periodPage(LAST_QUARTER));
    const template = await page.request.get(`${periodPage(LAST_QUARTER)}/download?file=template`);
    expect(template.status()).toBe(200);
    const templateText = await template.text();
    expect(templateText).toContain("organization,staff_hours");
    expect(templateText).toContain(CLINIC_ORG);

    const importForm = page.getByRole("form", { name: t.importHeading });
    const header = "organization,staff_hours,trainings_delivered,people_trained_health,services_medical,in_kind_description,in_kind_value";
    await importForm.getByLabel(t.importFile).setInputFiles({
      name: "clinic-bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n${CLINIC_ORG},-2,1.5,30,9,,\n`),
    });
    await importForm.getByRole("button", { name: t.importButton }).click();
    const problems = importForm.getByRole("alert");
    await expect(problems).toContainText(t.importProblemsHeading);
    await expect(problems).toContainText(messagePattern(t.problemLine, { line: 2, column: "staff_hours" }));
    await expect(problems).toContainText(messagePattern(t.problemLine, { line: 2, column: "trainings_delivered" }));
    await expect(page.getByText(fill(t.statusLine, { status: t.status.draft }))).toBeVisible();

    await importForm.getByLabel(t.importFile).setInputFiles({
      name: "clinic.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${header}\n"${CLINIC_ORG}",38,1,30,9,"Clinic space for a workshop",800\n`),
    });
    await importForm.getByRole("button", { name: t.importButton }).click();
    await expect(importForm.getByRole("status")).toHaveText(translate("contributions.importedOk", { count: 1 }));
    await expect(page.getByText(fill(t.statusLine, { status: t.status.submitted }))).toBeVisible();
    await expect(page.getByRole("form", { name: fill(t.formHeading, { organization: CLINIC_ORG }) }).getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("38");
  });

  test("the coordinator sees completeness and the charts, reminds, and downloads; a funder sees suppressed totals", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, `/tf/${RIVERBEND}/contributions`);
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    const completeness = page.getByRole("table", { name: t.completenessHeading });
    const older = demoQuarterBack(3);
    const row = completeness.getByRole("row", { name: new RegExp(`^${older}`) });
    await expect(row).toContainText(SURVIVORS_ORG);
    await expect(row).toContainText(fill(t.submittedOf, { submitted: 5, expected: 6 }));
    for (const caption of [t.valueByTypeCaption, t.valueByOrganizationCaption, t.trainedCaption, t.completenessCaption]) {
      await expect(page.getByRole("figure", { name: new RegExp(caption) })).toBeVisible();
    }
    await drawEveryChart(page);
    // Each chart's space holds its drawing once it has been scrolled to.
    await expect(page.locator(".chart-canvas").first()).toBeAttached();
    await expect(page.locator(".chart-canvas:not(:has(svg.recharts-surface))")).toHaveCount(0);
    await row.getByRole("button", { name: fill(t.remindLabel, { period: older }) }).click();
    await expect(page.getByRole("status")).toContainText(SURVIVORS_ORG);
    await expectNoAxeViolations(page, "contributions overview, coordinator");

    const xlsx = await page.request.get(`${periodPage(older)}/download?file=xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect(xlsx.headers()["content-disposition"]).toMatch(new RegExp(`attachment; filename="riverbend-demo-contributions-${older}-all-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));

    const funder = await browser.newContext();
    try {
      await signInByApi(funder.request, USERS.funder);
      const csv = await funder.request.get(`${periodPage(older)}/download?file=csv`);
      expect(csv.status()).toBe(200);
      const text = await csv.text();
      expect(text).toContain("suppressed");
      expect(text).not.toContain(SHELTER_ORG);
      const funderPage = await funder.newPage();
      await openInApp(funderPage, periodPage(older));
      await expect(funderPage.getByRole("table", { name: fill(t.tableHeading, { period: older }) }).getByText(messages.suppression.suppressed).first()).toBeVisible();
      await expect(funderPage.getByRole("form", { name: new RegExp(escapeRegExp(messageBefore(t.formHeading, "organization"))) })).toHaveCount(0);
    } finally {
      await funder.close();
    }
    // Someone outside the task force gets nothing from the download route.
    const outsider = await browser.newContext();
    try {
      await signInByApi(outsider.request, USERS.lakeshoreCoordinator);
      expect((await outsider.request.get(`${periodPage(older)}/download?file=csv`)).status()).toBe(404);
    } finally {
      await outsider.close();
    }
  });
});
