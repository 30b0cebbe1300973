import { expect, test } from "./test";
import { createOwnTaskForce, escapeRegExp, expectNoAxeViolations, fill, messageBefore, messages, openInApp, signInByApi, translate } from "./fixtures";

/*
 * Issue 18: a coordinator brings the member organizations and people in from a spreadsheet: the
 * preview names each bad row's problem and nothing is written; the corrected file is imported at
 * once and its people invited (links to pass on, as these servers send no email).
 */

const t = messages.onboarding;
/** The import button, whatever the number of rows its name counts. */
const importButtonName = new RegExp(`^${escapeRegExp(messageBefore(t.confirm, "count"))}`);
const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

test("a coordinator previews a file with bad rows, is refused, and imports the corrected file", async ({ page, browser }) => {
  test.slow();
  const own = await createOwnTaskForce(browser, "import");
  await signInByApi(page.request, own.coordinator.email, own.coordinator.password);
  await openInApp(page, `/tf/${own.slug}/members`);
  await page.getByRole("link", { name: t.importLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  // The template downloads as a workbook.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: t.templateXlsx }).click();
  expect((await download).suggestedFilename()).toBe("task-force-import.xlsx");

  const file = page.getByLabel(t.file);
  await file.setInputFiles(
    csvFile(
      "organizations.csv",
      "name,primary_discipline,task_force_role\nLakeside Police Department,Law enforcement — local/state,Lead law enforcement\nStargazers,Astrology,\nHarborlight Advocates,Victim services,Lead victim services\n",
    ),
  );
  await page.getByRole("button", { name: t.preview }).click();
  const organizations = page.getByRole("table", { name: t.organizationsTable });
  await expect(organizations.getByRole("row")).toHaveCount(4);
  const problemRow = organizations.getByRole("row", { name: /Stargazers/ });
  await expect(problemRow).toContainText(t.actions.error);
  await expect(problemRow).toContainText(fill(t.problems.importUnknownValue, { value: "Astrology" }));
  await expect(page.getByText(t.fixFirst)).toBeVisible();
  // No way to import while a row has a problem.
  await expect(page.getByRole("button", { name: importButtonName })).toHaveCount(0);
  await expectNoAxeViolations(page, "import preview with problems");

  await file.setInputFiles(
    csvFile(
      "organizations.csv",
      "name,primary_discipline,task_force_role\nLakeside Police Department,Law enforcement — local/state,Lead law enforcement\nHarborlight Advocates,Victim services,Lead victim services\n",
    ),
  );
  await page.getByRole("button", { name: t.preview }).click();
  await expect(organizations.getByRole("row")).toHaveCount(3);
  await page.getByRole("button", { name: translate("onboarding.confirm", { count: 2 }) }).click();
  await expect(page.getByRole("status").filter({ hasText: translate("onboarding.done", { create: 2, update: 0, invite: 0 }).trim() })).toBeVisible();

  // Then the people, who join the organizations just added.
  await file.setInputFiles(
    csvFile("people.csv", "email,name,organization,role\nrowan.staff@example.org,Rowan Staff,Lakeside Police Department,member\nsam.viewer@example.org,Sam Viewer,,viewer\n"),
  );
  await page.getByRole("button", { name: t.preview }).click();
  await expect(page.getByRole("table", { name: t.peopleTable }).getByRole("row", { name: /rowan\.staff@example\.org/ })).toContainText(t.actions.invite);
  await page.getByRole("button", { name: translate("onboarding.confirm", { count: 2 }) }).click();
  await expect(page.getByText(t.linksIntro)).toBeVisible();
  await expect(page.getByRole("textbox", { name: messages.people.linkLabel }).first()).toHaveValue(/\/invite\//);
  // Every link in one box too, a line per person, to paste into a message.
  await expect(page.getByRole("textbox", { name: t.linkSheet })).toHaveValue(/^rowan\.staff@example\.org\t\S+\/invite\/\S+\nsam\.viewer@example\.org\t\S+\/invite\/\S+$/);
  await expectNoAxeViolations(page, "import done");

  await openInApp(page, `/tf/${own.slug}/members`);
  await expect(page.getByRole("link", { name: "Lakeside Police Department" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Harborlight Advocates" })).toBeVisible();
});
