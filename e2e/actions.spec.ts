import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { demoDateFromToday, escapeRegExp, expectNoAxeViolations, messages, newSignedInPage, openInApp, RIVERBEND, SHELTER_ORG, signInByApi, USERS } from "./fixtures";

/*
 * The action tracker: a member sees and completes their seeded actions, a coordinator adds a
 * standalone action (a past due date is refused and the input kept) that the assignee then sees,
 * and funders have neither the link nor the page.
 */

const t = messages.actions;
const actionsPath = `/tf/${RIVERBEND}/actions`;
const sectionNav = (page: Page) => page.getByRole("navigation", { name: messages.nav.main });
const myActions = (page: Page) => page.getByRole("region", { name: t.mineHeading });
const allActions = (page: Page) => page.getByRole("region", { name: t.allHeading });

/** The seeded member's overdue action (server/demo/seed.ts) and their standalone one, due within the week. */
const OVERDUE_ACTION = "Draft the referral protocol with the sheriff's office (demo)";
const DUE_SOON_ACTION = "Circulate the notes of the November partners' meeting (demo)";


test("a member sees their actions with the due state in words and marks one done", async ({ page }) => {
  await signInByApi(page.request, USERS.member);
  await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
  await sectionNav(page).getByRole("link", { name: messages.nav.actions, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === actionsPath);
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: messages.nav.actions, exact: true })).toHaveAttribute("aria-current", "page");

  const overdueRow = myActions(page).getByRole("row").filter({ hasText: OVERDUE_ACTION });
  await expect(overdueRow).toContainText(messages.due.overdue);
  await expect(myActions(page).getByRole("row").filter({ hasText: DUE_SOON_ACTION })).toContainText(messages.due.dueSoon);
  await expectNoAxeViolations(page, "actions page as member");

  await overdueRow.getByRole("button", { name: new RegExp(`^${t.markDone}`) }).click();
  await expect(page.getByRole("status").filter({ hasText: OVERDUE_ACTION })).toBeVisible();
  await expect(myActions(page).getByRole("row").filter({ hasText: OVERDUE_ACTION })).toHaveCount(0);
  const doneRow = allActions(page).getByRole("row").filter({ hasText: OVERDUE_ACTION });
  await expect(doneRow).toContainText(t.status_done);
  await expect(doneRow).not.toContainText(messages.due.overdue);
  await expect(doneRow.getByRole("button")).toHaveCount(0);

  // The filter form narrows the tracker by a plain GET.
  await allActions(page).getByLabel(t.statusFilter).selectOption({ label: t.status_done });
  await allActions(page).getByRole("button", { name: t.applyFilters }).click();
  await expect(page).toHaveURL(/status=done/);
  await expect(allActions(page).getByRole("row").filter({ hasText: OVERDUE_ACTION })).toBeVisible();
  await expect(allActions(page).getByRole("row").filter({ hasText: DUE_SOON_ACTION })).toHaveCount(0);
});

test("a coordinator adds a standalone action; a past due date is refused and the input kept", async ({ page, browser }) => {
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, actionsPath);
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expectNoAxeViolations(page, "actions page as coordinator");

  const title = `Share the shelter bed list with the clinic ${Date.now().toString(36)} (demo)`;
  const form = page.getByRole("form", { name: t.createHeading });
  await form.getByLabel(t.titleLabel).fill(title);
  await form.getByLabel(t.assigneeLabel).selectOption({ label: `Morgan Member (demo) (${SHELTER_ORG})` });
  await form.getByLabel(t.dueOnLabel).fill("2020-01-15");
  await form.getByRole("button", { name: t.create }).click();

  const dueField = form.getByLabel(t.dueOnLabel);
  await expect(dueField).toHaveAttribute("aria-invalid", "true");
  // The field names its problem (and the form-level alert repeats it).
  await expect(dueField).toHaveAccessibleDescription(new RegExp(escapeRegExp(messages.errors.dueOnPast.split("{")[0] ?? "")));
  await expect(form.getByLabel(t.titleLabel)).toHaveValue(title);
  await expect(dueField).toHaveValue("2020-01-15");
  await expectNoAxeViolations(page, "create action with a field error");

  await dueField.fill(demoDateFromToday(10));
  await form.getByRole("button", { name: t.create }).click();
  await expect(page.getByRole("status").filter({ hasText: title })).toBeVisible();
  await expect(allActions(page).getByRole("row").filter({ hasText: title })).toContainText(t.standalone);

  // The assignee finds it under "My actions" in their own session.
  const member = await newSignedInPage(browser, USERS.member);
  await member.page.goto(actionsPath);
  await expect(myActions(member.page).getByRole("row").filter({ hasText: title })).toBeVisible();
  await member.context.close();
});

test("a funder has no Actions link and the page is not found", async ({ page }) => {
  await signInByApi(page.request, USERS.funder);
  await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
  await expect(sectionNav(page).getByRole("link", { name: messages.nav.dashboard })).toBeVisible();
  await expect(sectionNav(page).getByRole("link", { name: messages.nav.actions, exact: true })).toHaveCount(0);
  const response = await page.goto(actionsPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: messages.errors.notFoundTitle })).toBeVisible();
});
