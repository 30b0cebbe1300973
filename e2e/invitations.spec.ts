import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { createInvitedUser, escapeRegExp, expectNoAxeViolations, fill, LAKESHORE, messages, openInApp, RIVERBEND, RIVERBEND_NAME, SHELTER_ORG, signInByApi, translate, uniqueEmail, uniquePassword, USERS } from "./fixtures";

const PEOPLE = `/tf/${RIVERBEND}/members/people`;

/** The invitation form on the people page (its Email field, not the tables' Email columns). */
function inviteForm(page: Page) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: messages.people.invite, exact: true }) });
  return {
    email: form.getByLabel(messages.people.email, { exact: true }),
    role: form.getByLabel(messages.people.role, { exact: true }),
    organization: form.getByLabel(messages.people.organization, { exact: true }),
    submit: form.getByRole("button", { name: messages.people.invite, exact: true }),
    alert: form.getByRole("alert"),
  };
}

async function openPeopleAsCoordinator(page: Page) {
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, PEOPLE);
  await expect(page.getByRole("heading", { name: messages.people.inviteTitle })).toBeVisible();
}

/** Invites through the form and returns the link shown to copy (SMTP is off in e2e). */
async function invite(page: Page, email: string, role: string, organization?: string): Promise<string> {
  const form = inviteForm(page);
  await form.email.fill(email);
  await form.role.selectOption({ label: role });
  if (organization) await form.organization.selectOption({ label: organization });
  await form.submit.click();
  await expect(page.getByRole("status").filter({ hasText: email })).toContainText(
    messages.people.invitedLink.replace("{email}", email),
  );
  const link = await page.getByLabel(messages.people.linkLabel).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]{20,}$/);
  return link;
}

test.describe("invitations", () => {
  test("a coordinator invites a member of an organization, who creates an account and joins", async ({ page, browser }) => {
    await openPeopleAsCoordinator(page);
    const email = uniqueEmail("joiner");
    const link = await invite(page, email, messages.roles.member, SHELTER_ORG);
    // The invitation waits in the pending list, with its role and organization.
    const pendingRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: email }) });
    await expect(pendingRow).toContainText(messages.roles.member);
    await expect(pendingRow).toContainText(SHELTER_ORG);
    await expectNoAxeViolations(page, "people page with a new invitation");

    // The invitee, in a browser of their own.
    const invitee = await browser.newContext();
    try {
      const newcomer = await invitee.newPage();
      await openInApp(newcomer, link);
      await expect(newcomer.getByRole("heading", { level: 1, name: messages.invite.joinTitle.replace("{taskForce}", RIVERBEND_NAME) })).toBeVisible();
      await expect(newcomer.getByText(SHELTER_ORG)).toBeVisible();
      await expectNoAxeViolations(newcomer, "invitation page (new account)");

      const name = `E2E Joiner ${Date.now().toString(36)}`;
      await newcomer.getByLabel(messages.invite.name).fill(name);
      await newcomer.getByLabel(messages.invite.password).fill(uniquePassword());
      await newcomer.getByRole("button", { name: messages.invite.accept }).click();

      await newcomer.waitForURL((url) => url.pathname === `/tf/${RIVERBEND}/dashboard`);
      await expect(newcomer.getByText(messages.dashboard.yourRole.replace("{role}", messages.roles.member))).toBeVisible();
      await expect(newcomer.getByRole("link", { name: new RegExp(`${messages.nav.account}.*${escapeRegExp(name)}`) })).toBeVisible();

      // The link works once.
      await openInApp(newcomer, link);
      await expect(newcomer.getByRole("heading", { level: 1, name: messages.invite.usedTitle })).toBeVisible();
      await expectNoAxeViolations(newcomer, "invitation already used");
    } finally {
      await invitee.close();
    }

    // The coordinator now sees the newcomer among the people, and the invitation is no longer pending.
    await page.reload();
    const personRow = page.getByRole("row").filter({ hasText: email });
    await expect(personRow).toHaveCount(1);
    await expect(personRow).toContainText(SHELTER_ORG);
    await expect(page.getByRole("button", { name: messages.people.revoke.replace("{email}", email) })).toHaveCount(0);
  });

  test("an invalid email is shown next to the Email field and what was typed stays", async ({ page }) => {
    await openPeopleAsCoordinator(page);
    const form = inviteForm(page);
    await form.email.fill("not-an-email");
    await form.role.selectOption({ label: messages.roles.viewer });
    await form.submit.click();

    await expect(form.alert).toHaveText(messages.errors.invalidInput);
    await expect(form.email).toHaveAttribute("aria-invalid", "true");
    await expect(form.email).toHaveAccessibleDescription(messages.validation.email);
    await expect(form.email).toHaveValue("not-an-email");
    await expect(form.role).toHaveValue("viewer");
    // Only the field at fault is marked.
    await expect(form.organization).not.toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "invitation form with an email error");
  });

  test("a pasted list invites everyone on it with one role, or nobody while one address is wrong", async ({ page }) => {
    await openPeopleAsCoordinator(page);
    const section = page.getByRole("region", { name: messages.people.inviteSeveralTitle });
    const emails = section.getByLabel(messages.people.emails, { exact: true });
    const [first, second] = [uniqueEmail("pasted"), uniqueEmail("pasted")];
    const pasted = `${first}, not-an-address\n${second}`;
    await emails.fill(pasted);
    await section.getByLabel(messages.people.role, { exact: true }).selectOption({ label: messages.roles.viewer });
    await section.getByRole("button", { name: messages.people.inviteSeveral }).click();
    await expect(section.getByRole("alert")).toContainText(fill(messages.errors.invitationEmailsInvalid, { emails: "not-an-address" }));
    await expect(emails).toHaveValue(pasted);
    await expectNoAxeViolations(page, "invite several, refused");

    await emails.fill(`${first}\n${second}`);
    await section.getByRole("button", { name: messages.people.inviteSeveral }).click();
    await expect(section.getByRole("status").first()).toHaveText(translate("people.invitedSeveral", { count: 2 }));
    for (const email of [first, second]) {
      await expect(section.getByRole("status").filter({ hasText: email })).toContainText(messages.people.invitedLink.replace("{email}", email));
      await expect(page.getByRole("row").filter({ hasText: email })).toContainText(messages.roles.viewer);
    }
  });

  test("member agency staff need an organization", async ({ page }) => {
    await openPeopleAsCoordinator(page);
    const form = inviteForm(page);
    const email = uniqueEmail("no-org");
    await form.email.fill(email);
    await form.role.selectOption({ label: messages.roles.member });
    await form.submit.click();

    await expect(form.alert).toHaveText(messages.errors.invalidInput);
    await expect(form.organization).toHaveAttribute("aria-invalid", "true");
    await expect(form.organization).toHaveAccessibleDescription(new RegExp(escapeRegExp(messages.validation.organizationRequired)));
    await expect(form.email).toHaveValue(email);
    await expect(form.email).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
    await expectNoAxeViolations(page, "invitation form with an organization error");
  });

  test("a revoked invitation's link shows the withdrawn page", async ({ page, browser }) => {
    await openPeopleAsCoordinator(page);
    const email = uniqueEmail("revoked");
    const link = await invite(page, email, messages.roles.viewer);

    await page.getByRole("button", { name: messages.people.revoke.replace("{email}", email) }).click();
    await expect(page.getByRole("status").filter({ hasText: messages.people.revoked.replace("{email}", email) })).toBeVisible();
    await expect(page.getByRole("button", { name: messages.people.revoke.replace("{email}", email) })).toHaveCount(0);

    const stranger = await browser.newContext();
    try {
      const invitee = await stranger.newPage();
      await openInApp(invitee, link);
      await expect(invitee.getByRole("heading", { level: 1, name: messages.invite.revokedTitle })).toBeVisible();
      await expect(invitee.getByRole("button", { name: messages.invite.accept })).toHaveCount(0);
      await expectNoAxeViolations(invitee, "invitation withdrawn");
    } finally {
      await stranger.close();
    }
  });

  test("someone who already has an account signs in and joins; another account is told to sign out", async ({ page, browser }) => {
    // A person with an account in Lakeshore only.
    const person = await createInvitedUser(browser, {
      role: "viewer",
      prefix: "existing",
      taskForceSlug: LAKESHORE,
      coordinator: USERS.lakeshoreCoordinator,
    });
    await openPeopleAsCoordinator(page);
    const link = await invite(page, person.email, messages.roles.funder);

    // Opened while signed in as somebody else (the coordinator): told what to do, nothing accepted.
    await openInApp(page, link);
    await expect(
      page.getByText(messages.invite.wrongAccount.replace("{current}", USERS.coordinator).replace("{email}", person.email)),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: messages.invite.accept })).toHaveCount(0);
    await expectNoAxeViolations(page, "invitation for another account");

    const own = await browser.newContext();
    try {
      const invitee = await own.newPage();
      await openInApp(invitee, link);
      await expect(invitee.getByText(messages.invite.signInToAccept.replace("{email}", person.email))).toBeVisible();
      await expectNoAxeViolations(invitee, "invitation for an existing account");
      await invitee.getByRole("link", { name: messages.invite.signIn }).click();
      await expect(invitee).toHaveURL(/\/login\?callbackUrl=/);

      await invitee.getByLabel(messages.login.email).fill(person.email);
      await invitee.getByLabel(messages.login.password, { exact: true }).fill(person.password);
      await invitee.getByRole("button", { name: messages.login.submit }).click();
      // Back on the invitation, now signed in as the invited address.
      await expect(invitee).toHaveURL((url) => url.pathname === new URL(link).pathname);
      await expectNoAxeViolations(invitee, "invitation ready to accept");
      await invitee.getByRole("button", { name: messages.invite.accept }).click();

      await invitee.waitForURL((url) => url.pathname === `/tf/${RIVERBEND}/dashboard`);
      await expect(invitee.getByText(messages.dashboard.yourRole.replace("{role}", messages.roles.funder))).toBeVisible();
      // Now in two task forces, with a different role in each.
      await openInApp(invitee, "/");
      await expect(invitee.getByText(messages.home.yourRole.replace("{role}", messages.roles.funder))).toBeVisible();
      await expect(invitee.getByText(messages.home.yourRole.replace("{role}", messages.roles.viewer))).toBeVisible();
    } finally {
      await own.close();
    }
  });
});
