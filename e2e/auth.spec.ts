import { expect, test } from "./test";
import { expectNoAxeViolations, LAKESHORE, messages, openInApp, RIVERBEND, signIn, uniqueEmail, USERS } from "./fixtures";

test.describe("signing in and out", () => {
  test("the sign-in page has no accessibility violations", async ({ page }) => {
    await openInApp(page, "/login");
    await expect(page.getByRole("heading", { name: messages.login.title })).toBeVisible();
    await expectNoAxeViolations(page, "/login");
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await openInApp(page, "/login");
    const email = page.getByLabel(messages.login.email);
    const password = page.getByLabel(messages.login.password, { exact: true });
    const submit = page.getByRole("button", { name: messages.login.submit });
    // Scoped to main: Next.js's route announcer is an (empty) alert too.
    const alert = page.getByRole("main").getByRole("alert");

    // An existing account with a wrong password.
    await email.fill(USERS.viewer);
    await password.fill("not-the-right-password");
    await submit.click();
    await expect(alert).toHaveText(messages.login.invalidCredentials);
    await expect(page).toHaveURL(/\/login/);
    // What the person typed stays, so they can correct it.
    await expect(email).toHaveValue(USERS.viewer);
    await expectNoAxeViolations(page, "/login with an error");

    // An address without an account: the very same sentence, so nobody learns who has an account.
    await email.fill(uniqueEmail("nobody"));
    await password.fill("not-the-right-password");
    await submit.click();
    await expect(submit).toBeEnabled();
    await expect(alert).toHaveText(messages.login.invalidCredentials);
    await expect(page).toHaveURL(/\/login/);
  });

  const landings: { who: string; email: string; path: string | RegExp; heading: string }[] = [
    { who: "coordinator", email: USERS.coordinator, path: `/tf/${RIVERBEND}/dashboard`, heading: messages.dashboard.title },
    // Two task forces: the home page lists both.
    { who: "member", email: USERS.member, path: "/", heading: messages.home.title },
    { who: "funder", email: USERS.funder, path: `/tf/${RIVERBEND}/dashboard`, heading: messages.dashboard.title },
    { who: "viewer", email: USERS.viewer, path: `/tf/${RIVERBEND}/dashboard`, heading: messages.dashboard.title },
    { who: "Lakeshore coordinator", email: USERS.lakeshoreCoordinator, path: `/tf/${LAKESHORE}/dashboard`, heading: messages.dashboard.title },
    // No membership: the home page with the way to administration.
    { who: "platform administrator", email: USERS.admin, path: "/", heading: messages.home.title },
  ];

  for (const landing of landings) {
    test(`the ${landing.who} signs in, lands on ${landing.path} and signs out`, async ({ page }) => {
      await signIn(page, landing.email);
      await expect(page).toHaveURL((url) => url.pathname === landing.path);
      await expect(page.getByRole("heading", { level: 1, name: landing.heading })).toBeVisible();
      if (landing.email === USERS.admin) {
        await expect(page.getByRole("link", { name: messages.nav.admin }).first()).toBeVisible();
      } else {
        await expect(page.getByRole("link", { name: messages.nav.admin })).toHaveCount(0);
      }

      await page.getByRole("button", { name: messages.nav.signOut }).click();
      await expect(page).toHaveURL(/\/login\?signedOut=1/);
      await expect(page.getByRole("status")).toHaveText(messages.login.signedOut);

      // Signed out for real: the app sends them back to the sign-in page.
      await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("signed out, a task-force page redirects to the sign-in page", async ({ page }) => {
    await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    await expect(page.getByRole("heading", { name: messages.login.title })).toBeVisible();
  });

  test("signed out, the API refuses task-force data with UNAUTHORIZED", async ({ request }) => {
    const response = await request.get(
      `/api/trpc/people.list?input=${encodeURIComponent(JSON.stringify({ json: { taskForceSlug: RIVERBEND } }))}`,
    );
    expect(response.status()).toBe(401);
  });
});
