import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { auditChange, auditEntry, createInvitedUser, expectNoAxeViolations, LAKESHORE, LAKESHORE_NAME, messages, openInApp, RIVERBEND, RIVERBEND_NAME, signInByApi, USERS } from "./fixtures";

const PEOPLE = `/tf/${RIVERBEND}/members/people`;

/** The row of one person in the people table (their name is the row header). */
const personRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

async function changeRole(page: Page, name: string, roleLabel: string) {
  await page.getByRole("button", { name: messages.people.edit.replace("{name}", name) }).click();
  const row = personRow(page, name);
  await row.getByLabel(messages.people.role, { exact: true }).selectOption({ label: roleLabel });
  await row.getByRole("button", { name: messages.people.save }).click();
}

test.describe("people and settings", () => {
  test("a coordinator changes a viewer to funder and back, and the audit log shows it", async ({ page, browser }) => {
    // A viewer of this test's own, so the demo viewer keeps their role whatever happens here.
    const viewer = await createInvitedUser(browser, { role: "viewer", prefix: "role-change" });
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, PEOPLE);
    await expect(personRow(page, viewer.name)).toContainText(messages.roles.viewer);

    await changeRole(page, viewer.name, messages.roles.funder);
    await expect(page.getByRole("status").filter({ hasText: messages.people.saved })).toBeVisible();
    await expect(personRow(page, viewer.name).getByRole("button", { name: messages.people.save })).toHaveCount(0);
    await expect(personRow(page, viewer.name)).toContainText(messages.roles.funder);

    await changeRole(page, viewer.name, messages.roles.viewer);
    // The row leaves edit mode once the change is saved; until then its role list also reads "Viewer".
    await expect(personRow(page, viewer.name).getByRole("button", { name: messages.people.save })).toHaveCount(0);
    await expect(personRow(page, viewer.name)).toContainText(messages.roles.viewer);

    // It stuck: a fresh load shows the role from the database.
    await page.reload();
    await expect(personRow(page, viewer.name)).toContainText(messages.roles.viewer);

    // Both changes are in the audit log, with who made them.
    await openInApp(page, `/tf/${RIVERBEND}/settings/audit`);
    const changed = page.getByRole("row").filter({ hasText: auditEntry("membership", "update") });
    await expect(changed.filter({ hasText: auditChange("role", messages.roles.viewer, messages.roles.funder) }).first()).toContainText("Casey Coordinator (demo)");
    await expect(changed.filter({ hasText: auditChange("role", messages.roles.funder, messages.roles.viewer) }).first()).toContainText("Casey Coordinator (demo)");
    await expectNoAxeViolations(page, "audit log with changes");
  });

  test("the only coordinator cannot demote themselves", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, PEOPLE);
    const me = "Casey Coordinator (demo)";
    await changeRole(page, me, messages.roles.viewer);
    const row = personRow(page, me);
    await expect(row.getByRole("alert")).toHaveText(messages.errors.lastCoordinator);
    // The form stays open with the choice made, so the coordinator sees what was refused.
    await expect(row.getByLabel(messages.people.role, { exact: true })).toHaveValue("viewer");
    await expectNoAxeViolations(page, "people page with the last-coordinator message");

    await row.getByRole("button", { name: messages.people.cancel }).click();
    await expect(personRow(page, me)).toContainText(messages.roles.coordinator);
    await page.reload();
    await expect(personRow(page, me)).toContainText(messages.roles.coordinator);
  });

  test("settings: an unknown time zone is refused next to the field, a valid one is saved", async ({ page }) => {
    // Lakeshore's own coordinator edits Lakeshore, so Riverbend's settings stay as seeded.
    await signInByApi(page.request, USERS.lakeshoreCoordinator);
    await openInApp(page, `/tf/${LAKESHORE}/settings`);
    const name = page.getByLabel(messages.settings.name);
    const timeZone = page.getByLabel(messages.settings.timeZone);
    const save = page.getByRole("button", { name: messages.settings.save });
    const original = await timeZone.inputValue();

    await timeZone.fill("Mars/Olympus");
    await save.click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(messages.errors.invalidInput);
    await expect(timeZone).toHaveAttribute("aria-invalid", "true");
    await expect(timeZone).toHaveAccessibleDescription(new RegExp(messages.validation.timeZone.replace(/\./g, "\\.")));
    await expect(timeZone).toHaveValue("Mars/Olympus");
    await expect(name).toHaveValue(LAKESHORE_NAME);
    await expectNoAxeViolations(page, "settings with a time-zone error");

    const next = original === "America/Denver" ? "America/Chicago" : "America/Denver";
    await timeZone.fill(next);
    await save.click();
    await expect(page.getByRole("status")).toHaveText(messages.settings.saved);
    await expect(timeZone).not.toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await expect(page.getByLabel(messages.settings.timeZone)).toHaveValue(next);

    // Audited, then put back as it was.
    await openInApp(page, `/tf/${LAKESHORE}/settings/audit`);
    await expect(page.getByRole("row").filter({ hasText: auditEntry("taskForce", "update") }).filter({ hasText: auditChange("timeZone", original, next) }).first()).toBeVisible();
    await openInApp(page, `/tf/${LAKESHORE}/settings`);
    await page.getByLabel(messages.settings.timeZone).fill(original);
    await page.getByRole("button", { name: messages.settings.save }).click();
    await expect(page.getByRole("status")).toHaveText(messages.settings.saved);
  });

  test("a person in two task forces switches between them", async ({ page }) => {
    await signInByApi(page.request, USERS.member);
    await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
    await expect(page.getByText(messages.dashboard.welcome.replace("{taskForce}", RIVERBEND_NAME))).toBeVisible();
    await expect(page.getByText(messages.dashboard.yourRole.replace("{role}", messages.roles.member))).toBeVisible();

    await page.getByText(messages.nav.switcherHint).click();
    await page.getByRole("link", { name: LAKESHORE_NAME }).click();

    await expect(page).toHaveURL((url) => url.pathname === `/tf/${LAKESHORE}/dashboard`);
    await expect(page.getByText(messages.dashboard.welcome.replace("{taskForce}", LAKESHORE_NAME))).toBeVisible();
    // A different role in each task force.
    await expect(page.getByText(messages.dashboard.yourRole.replace("{role}", messages.roles.viewer))).toBeVisible();
  });
});
