import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, test } from "./test";
import { messages, openInApp, RIVERBEND, SESSION_COOKIE, signIn, USERS, waitForQuiet } from "./fixtures";

/*
 * Security basics the browser can see: headers on every page, a Content-Security-Policy the app
 * actually passes (no violations reported while client code runs), and how the session cookie is set.
 */

/** Collects console errors and CSP violation events from the moment it is called. */
async function watchForProblems(page: Page) {
  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
  // Reported by the page itself, so nothing depends on how Chromium words its console message.
  await page.exposeFunction("__reportCspViolation", (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return { consoleErrors, cspViolations };
}

test.describe("security", () => {
  test("pages carry the security headers and a nonce-based CSP", async ({ page }) => {
    for (const path of ["/login", "/no-such-page", `/invite/${"y".repeat(43)}`]) {
      const response = await page.goto(path);
      expect(response, path).not.toBeNull();
      const headers = response?.headers() ?? {};
      const csp = headers["content-security-policy"] ?? "";
      expect(csp, `${path} CSP`).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(csp, `${path} CSP`).toContain("frame-ancestors 'none'");
      expect(csp, `${path} CSP`).toContain("object-src 'none'");
      expect(csp, `${path} CSP`).not.toMatch(/script-src [^;]*'unsafe-inline'/);
      expect(csp, `${path} CSP`).not.toMatch(/script-src [^;]*'unsafe-eval'/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBeTruthy();
      expect(headers["x-powered-by"], path).toBeUndefined();
    }

    // A fresh nonce for every response, and it is the one on the page's scripts.
    const first = await page.goto("/login");
    const second = await page.goto("/login");
    const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(second?.headers()["content-security-policy"]);
    expect(nonce).toBeTruthy();
    expect(nonceOf(first?.headers()["content-security-policy"])).not.toBe(nonce);
    const inlineScripts = page.locator("script:not([src])");
    const count = await inlineScripts.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1) {
      // Browsers hide the nonce attribute's value from the DOM; the property keeps it.
      expect(await inlineScripts.nth(index).evaluate((script) => (script as HTMLScriptElement).nonce)).toBe(nonce);
    }
  });

  test("API responses are not sniffable either", async ({ request }) => {
    const response = await request.get("/api/auth/csrf");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBeTruthy();
  });

  test("client pages run without CSP violations or console errors", async ({ page }) => {
    const problems = await watchForProblems(page);
    // Sign in through the form (client JS), then use pages with client components and queries.
    await signIn(page, USERS.coordinator);
    await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();
    await page.getByRole("navigation", { name: messages.nav.main }).getByRole("link", { name: messages.nav.members }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/tf/${RIVERBEND}/members`);
    await page.getByRole("link", { name: messages.nav.people, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.people.title })).toBeVisible();
    // A client-side interaction that works only when React hydrated under the CSP.
    await page.getByRole("button", { name: messages.people.edit.replace("{name}", "Val Viewer (demo)") }).click();
    await expect(page.getByRole("button", { name: messages.people.cancel })).toBeVisible();
    await page.getByRole("button", { name: messages.people.cancel }).click();
    await openInApp(page, `/tf/${RIVERBEND}/settings/audit`);
    await expect(page.getByRole("heading", { level: 1, name: messages.audit.title })).toBeVisible();
    await waitForQuiet(page);

    expect(problems.cspViolations, "CSP violations").toEqual([]);
    expect(
      problems.consoleErrors.filter((text) => /content security policy|refused to/i.test(text)),
      "CSP console errors",
    ).toEqual([]);
    expect(problems.consoleErrors, "console errors").toEqual([]);
  });

  test("the session cookie is HttpOnly and SameSite=Lax, and carries no secrets", async ({ page, context }) => {
    await signIn(page, USERS.viewer);
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session, `cookies: ${cookies.map((cookie) => cookie.name).join(", ")}`).toBeTruthy();
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.path).toBe("/");
    // Not readable from page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

    // The session the browser can read holds an id only: no password hash, no email, no role.
    const sessionJson = await page.request.get("/api/auth/session").then((response) => response.json());
    const text = JSON.stringify(sessionJson);
    expect(text).not.toMatch(/argon2|passwordHash|\$2[aby]\$/i);
    expect(text).not.toContain(USERS.viewer);
    // Nor does the account procedure send a hash.
    const me = await page.request.get("/api/trpc/account.me");
    expect(me.ok()).toBeTruthy();
    expect(await me.text()).not.toMatch(/argon2|passwordHash|\$2[aby]\$/i);
  });
});
