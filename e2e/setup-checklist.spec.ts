import { expect, test } from "./test";
import { createOwnTaskForce, expectNoAxeViolations, fill, messages, openInApp, signInByApi } from "./fixtures";

/*
 * A task force an administrator has just created: its coordinator's dashboard lists the setup
 * steps, ticks one as soon as its record exists, and can be hidden.
 */

const c = messages.setupChecklist;
test("a new task force's coordinator follows the setup checklist from the dashboard, then hides it", async ({ page, browser }) => {
  test.slow();
  const own = await createOwnTaskForce(browser, "setup");
  await signInByApi(page.request, own.coordinator.email, own.coordinator.password);
  const dashboard = `/tf/${own.slug}/dashboard`;
  await openInApp(page, dashboard);
  const checklist = page.getByRole("region", { name: c.title });
  await expect(checklist).toContainText(fill(c.intro, { done: 0, total: 7 }));
  await expect(checklist.getByRole("listitem")).toHaveCount(7);
  await expectNoAxeViolations(page, "dashboard with the setup checklist");
  // Empty widgets say what is missing in a sentence of their own.
  await expect(page.getByRole("region", { name: messages.dashboard.requirementsTitle })).toContainText(messages.dashboard.requirementsNone);
  await expect(page.getByRole("region", { name: messages.dashboard.gapsTitle })).toContainText(messages.dashboard.gapsNone);
  await expect(page.getByRole("region", { name: messages.localMatch.widgetTitle })).toContainText(messages.localMatch.widgetEmpty);
  // No member organization yet: the contributions widget says so and links to where to add them.
  const contributions = page.getByRole("region", { name: messages.dashboard.contributionsTitle });
  await expect(contributions).not.toContainText("0 of 0");
  const addOrganizations = /<link>(.*?)<\/link>/.exec(messages.dashboard.completenessNoneExpected)![1]!;
  await expect(contributions.getByRole("link", { name: addOrganizations })).toHaveAttribute("href", `/tf/${own.slug}/members`);

  // The first step, from its link: the coordinator confirms the framework in the settings.
  await checklist.getByRole("link", { name: c.step_framework }).click();
  await expect(page).toHaveURL(new RegExp(`/tf/${own.slug}/settings$`));
  const chooser = page.getByRole("form", { name: messages.frameworks.chooserHeading });
  await chooser.getByRole("button", { name: messages.frameworks.chooserSave }).click();
  await expect(chooser.getByRole("status")).toBeVisible();

  await openInApp(page, dashboard);
  await expect(checklist).toContainText(fill(c.intro, { done: 1, total: 7 }));
  await expect(checklist.getByRole("listitem").filter({ hasText: c.step_framework })).toContainText(c.done);
  await expect(checklist.getByRole("listitem").filter({ hasText: c.step_grant })).toContainText(c.toDo);

  await checklist.getByRole("button", { name: c.hide }).click();
  await expect(page.getByRole("status").filter({ hasText: c.hidden })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();
  await expect(page.getByRole("region", { name: c.title })).toHaveCount(0);
});
