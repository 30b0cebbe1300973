import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import * as fakeSmtpServer from "../server/testing/fakeSmtpServer";
import { textOf } from "../server/testing/fakeSmtpServer";
import { createInvitedUser, expectNoAxeViolations, messages, newSignedInPage, openInApp, RIVERBEND, signIn, uniquePassword, USERS } from "./fixtures";
import { e2eSmtpPort } from "./settings";

/*
 * Account recovery as people meet it: "forgot password" by email (the server's SMTP_URL points at
 * an in-process SMTP server this spec starts), a reset link a coordinator issues and passes on, and
 * the demo-data banner on every page.
 */

// Several accounts, emails and sign-ins per test: more than the default 30 s on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const resetLinkIn = (text: string) => {
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no reset link in:\n${text}`);
  return new URL(link).pathname;
};

async function chooseNewPassword(page: Page, password: string) {
  await expect(page.getByRole("heading", { name: messages.resetPassword.title })).toBeVisible();
  await page.getByLabel(messages.resetPassword.password, { exact: true }).fill(password);
  await page.getByLabel(messages.resetPassword.confirm).fill(password);
  await page.getByRole("button", { name: messages.resetPassword.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/reset-password"));
}

test("every page shows the demo banner while demo data is present", async ({ page }) => {
  const banner = page.getByRole("complementary", { name: messages.demo.removeTitle });
  await openInApp(page, "/login");
  await expect(banner).toContainText(messages.demo.banner);
  await signIn(page, USERS.coordinator);
  await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
  await expect(banner).toContainText(messages.demo.banner);
  await openInApp(page, "/account");
  await expect(banner).toContainText(messages.demo.banner);
});

test("forgot password: the emailed link sets a new password once, and signs the person in", async ({ page, browser }) => {
  // Made before the SMTP server listens, so the invitation link comes back to copy (see e2e/settings.ts).
  const person = await createInvitedUser(browser, { role: "viewer", prefix: "forgot" });
  const smtp = await fakeSmtpServer.start(e2eSmtpPort(test.info().parallelIndex));
  try {
    await openInApp(page, "/login");
    await page.getByRole("link", { name: messages.login.forgotPassword }).click();
    await expect(page.getByRole("heading", { name: messages.forgotPassword.title })).toBeVisible();
    await expectNoAxeViolations(page, "forgot password");
    await page.getByLabel(messages.forgotPassword.email).fill(person.email);
    await page.getByRole("button", { name: messages.forgotPassword.submit }).click();
    await expect(page.getByRole("status")).toContainText(person.email);

    // Only this person's mail: notices of other specs' changes may be emailed meanwhile.
    const toPerson = () => smtp.messages.filter((message) => message.to.includes(person.email));
    await expect.poll(() => toPerson().length, { timeout: 15_000 }).toBe(1);
    const path = resetLinkIn(textOf(toPerson()[0]!));

    await openInApp(page, path);
    await expect(page.getByText(person.email)).toBeVisible();
    await expectNoAxeViolations(page, "reset password");
    const newPassword = uniquePassword();
    await chooseNewPassword(page, newPassword);
    await openInApp(page, "/account");
    await expect(page.getByText(messages.account.events.passwordReset)).toBeVisible();

    // The link works once.
    await openInApp(page, path);
    await expect(page.getByRole("heading", { name: messages.resetPassword.usedTitle })).toBeVisible();

    // The old password no longer works; the new one does.
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await openInApp(other, "/login");
      await other.getByLabel(messages.login.email).fill(person.email);
      await other.getByLabel(messages.login.password, { exact: true }).fill(person.password);
      await other.getByRole("button", { name: messages.login.submit }).click();
      await expect(other.getByRole("main").getByRole("alert")).toHaveText(messages.login.invalidCredentials);
      await signIn(other, person.email, newPassword);
    } finally {
      await fresh.close();
    }
  } finally {
    await smtp.close();
  }
});

test("a coordinator issues a reset link for a person of the task force, who sets a new password with it", async ({ browser }) => {
  const person = await createInvitedUser(browser, { role: "viewer", prefix: "coordreset" });
  const { context, page } = await newSignedInPage(browser, USERS.coordinator);
  try {
    await openInApp(page, `/tf/${RIVERBEND}/members/people`);
    await page.getByRole("button", { name: messages.people.resetLinkFor.replace("{name}", person.name) }).click();
    const linkBox = page.getByLabel(messages.people.resetLinkCopy.replace("{name}", person.name), { exact: true });
    await expect(linkBox).toBeVisible();
    const link = await linkBox.inputValue();

    const theirs = await browser.newContext();
    try {
      const theirPage = await theirs.newPage();
      await openInApp(theirPage, new URL(link).pathname);
      const newPassword = uniquePassword();
      await chooseNewPassword(theirPage, newPassword);
      await openInApp(theirPage, "/account");
      await expect(theirPage.getByRole("heading", { name: messages.account.title })).toBeVisible();
    } finally {
      await theirs.close();
    }
  } finally {
    await context.close();
  }
});
