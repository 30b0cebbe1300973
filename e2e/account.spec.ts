import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { createInvitedUser, expectNoAxeViolations, messages, openInApp, RIVERBEND, signIn, uniquePassword } from "./fixtures";

/*
 * Changing one's password. Each test uses a person of its own (invited during the test), so the demo
 * accounts keep the published password and the specs do not depend on their order.
 */

function passwordForm(page: Page) {
  return {
    current: page.getByLabel(messages.account.currentPassword, { exact: true }),
    next: page.getByLabel(messages.account.newPassword, { exact: true }),
    confirm: page.getByLabel(messages.account.confirmPassword, { exact: true }),
    submit: page.getByRole("button", { name: messages.account.save }),
  };
}

test.describe("account", () => {
  test("a wrong current password and a mismatch are shown next to their fields", async ({ page, browser }) => {
    const person = await createInvitedUser(browser, { role: "viewer", prefix: "pw-errors" });
    await signIn(page, person.email, person.password);
    await openInApp(page, "/account");
    await expect(page.getByText(messages.account.signedInAs.replace("{name}", person.name).replace("{email}", person.email))).toBeVisible();
    const form = passwordForm(page);

    // Wrong current password.
    const newPassword = uniquePassword();
    await form.current.fill("definitely not my password");
    await form.next.fill(newPassword);
    await form.confirm.fill(newPassword);
    await form.submit.click();
    await expect(form.current).toHaveAttribute("aria-invalid", "true");
    await expect(form.current).toHaveAccessibleDescription(messages.errors.wrongCurrentPassword);
    await expect(form.next).toHaveValue(newPassword);
    await expectNoAxeViolations(page, "account with a wrong current password");

    // The two new passwords differ: refused in the browser, next to the repeat field.
    await form.current.fill(person.password);
    await form.next.fill(newPassword);
    await form.confirm.fill(`${newPassword}x`);
    await form.submit.click();
    await expect(form.confirm).toHaveAttribute("aria-invalid", "true");
    await expect(form.confirm).toHaveAccessibleDescription(messages.validation.passwordMismatch);
    await expect(page.getByRole("status")).toHaveCount(0);

    // Too short: the server's rule, shown by the new-password field (after its hint).
    await form.next.fill("short");
    await form.confirm.fill("short");
    await form.submit.click();
    await expect(form.next).toHaveAttribute("aria-invalid", "true");
    await expect(form.next).toHaveAccessibleDescription(new RegExp(messages.validation.tooShort.replace("{min}", "12")));

    // None of these changed the password.
    await page.getByRole("button", { name: messages.nav.signOut, exact: true }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, person.email, person.password);
    await expect(page).toHaveURL((url) => url.pathname === `/tf/${RIVERBEND}/dashboard`);
  });

  test("after a change the new password signs in and the old one does not", async ({ page, browser }) => {
    const person = await createInvitedUser(browser, { role: "viewer", prefix: "pw-change" });
    await signIn(page, person.email, person.password);
    await openInApp(page, "/account");
    const form = passwordForm(page);
    const newPassword = uniquePassword();
    await form.current.fill(person.password);
    await form.next.fill(newPassword);
    await form.confirm.fill(newPassword);
    await form.submit.click();
    await expect(page.getByRole("status")).toHaveText(messages.account.saved);
    // The form is emptied, so the password does not linger on screen.
    await expect(form.current).toHaveValue("");

    // This browser stays signed in (it signed in again with the new password).
    await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();

    await page.getByRole("button", { name: messages.nav.signOut }).click();
    await expect(page).toHaveURL(/\/login/);

    // The old password no longer works…
    await page.getByLabel(messages.login.email).fill(person.email);
    await page.getByLabel(messages.login.password, { exact: true }).fill(person.password);
    await page.getByRole("button", { name: messages.login.submit }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(messages.login.invalidCredentials);

    // …the new one does.
    await signIn(page, person.email, newPassword);
    await expect(page).toHaveURL((url) => url.pathname === `/tf/${RIVERBEND}/dashboard`);
  });

  test("sessions signed in before a password change are ended", async ({ page, browser }) => {
    const person = await createInvitedUser(browser, { role: "viewer", prefix: "pw-other-device" });
    // A second device, signed in before the change.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, person.email, person.password);

      await signIn(page, person.email, person.password);
      await openInApp(page, "/account");
      const form = passwordForm(page);
      const newPassword = uniquePassword();
      await form.current.fill(person.password);
      await form.next.fill(newPassword);
      await form.confirm.fill(newPassword);
      await form.submit.click();
      await expect(page.getByRole("status")).toHaveText(messages.account.saved);

      await openInApp(otherPage, `/tf/${RIVERBEND}/dashboard`);
      await expect(otherPage).toHaveURL(/\/login/);
    } finally {
      await other.close();
    }
  });

  test("a person chooses how each kind of notice reaches them, and the choice stays", async ({ page, browser }) => {
    const person = await createInvitedUser(browser, { role: "member", prefix: "notice-choice" });
    await signIn(page, person.email, person.password);
    await openInApp(page, "/account");
    const t = messages.noticePreferences;
    await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
    const meetings = page.getByLabel(t.topics.meetings.label, { exact: true });
    await expect(meetings).toHaveValue("email");
    await meetings.selectOption("digest");
    await expect(page.getByRole("status").filter({ hasText: t.saved.replace("{topic}", t.topics.meetings.label).replace("{delivery}", t.deliveries.digest) })).toBeVisible();
    await expectNoAxeViolations(page, "account with notice choices");

    await page.reload();
    await expect(page.getByLabel(t.topics.meetings.label, { exact: true })).toHaveValue("digest");
    await expect(page.getByLabel(t.topics.workGiven.label, { exact: true })).toHaveValue("email");
  });
});
