import type { Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import en from "../app/i18n/messages/en.json";
import es from "../app/i18n/messages/es.json";
import { DEFAULT_FRAMEWORK_CONTENT } from "../server/domains/frameworks/defaultFrameworkContent";
import { expect, test } from "./test";
import { createInvitedUser, expectNoAxeViolations, ok, openInApp, RIVERBEND, signInByApi, trpcMutation, USERS } from "./fixtures";

/*
 * Issue 21: the language switch on every page, before and after signing in. The first visit follows
 * the browser's languages; a choice made while signed in is kept on the account and follows the
 * person to another device; pages in Spanish pass axe (which also checks the lang attribute). Each
 * test sets its browser's language and reads both catalogs, so it runs the same whatever E2E_LOCALE.
 */

const spanish = createTranslator({ locale: "es-US", messages: es });

const switchTo = (page: Page, languageName: string) => page.getByRole("form", { name: /^(Language|Idioma)$/ }).getByRole("button", { name: languageName, exact: true });

test.describe("a browser that prefers Spanish", () => {
  test.use({ locale: "es-MX" });

  test("is answered in US Spanish before signing in, and the switch on the sign-in page changes it", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "es-US");
    await expect(page.getByRole("heading", { level: 1, name: es.login.title })).toBeVisible();
    await expect(page.getByLabel(es.login.email)).toBeVisible();
    await expectNoAxeViolations(page, "sign-in page in Spanish");

    await switchTo(page, "English").click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: en.login.title })).toBeVisible();

    await switchTo(page, "Español").click();
    await expect(page.getByRole("heading", { level: 1, name: es.login.title })).toBeVisible();
    await page.getByRole("link", { name: es.login.forgotPassword }).click();
    await expect(page.getByRole("heading", { level: 1, name: es.forgotPassword.title })).toBeVisible();
  });
});

test.describe("a person's choice", () => {
  // Starts in English, whatever language the rest of the suite reads (E2E_LOCALE).
  test.use({ locale: "en-US" });

  test("follows them to another device, and pages and server errors read in Spanish", async ({ page, browser, baseURL }) => {
    test.slow();
    const person = await createInvitedUser(browser, { role: "member", prefix: "spanish" });
    await signInByApi(page.request, person.email, person.password);
    await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: en.dashboard.title })).toBeVisible();

    await switchTo(page, "Español").click();
    await expect(page).toHaveURL(new RegExp(`/tf/${RIVERBEND}/dashboard$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "es-US");
    await expect(page.getByRole("heading", { level: 1, name: es.dashboard.title })).toBeVisible();
    await expect(page.getByRole("navigation", { name: es.nav.main })).toBeVisible();
    await expectNoAxeViolations(page, "dashboard in Spanish");

    // Another device, whose browser asks for English: the account's choice wins.
    const other = await browser.newContext({ baseURL, locale: "en-US" });
    try {
      const otherPage = await other.newPage();
      await signInByApi(otherPage.request, person.email, person.password);
      await otherPage.goto(`/tf/${RIVERBEND}/gaps`);
      await expect(otherPage.getByRole("heading", { level: 1, name: es.gaps.title })).toBeVisible();
    } finally {
      await other.close();
    }

    // A refusal from the server is shown next to its field in the person's language.
    await openInApp(page, "/account");
    await page.getByLabel(es.account.currentPassword, { exact: true }).fill("definitely not my password");
    await page.getByLabel(es.account.newPassword, { exact: true }).fill("a fresh passphrase for spanish");
    await page.getByLabel(es.account.confirmPassword, { exact: true }).fill("a fresh passphrase for spanish");
    await page.getByRole("button", { name: es.account.save }).click();
    await expect(page.getByLabel(es.account.currentPassword, { exact: true })).toHaveAccessibleDescription(es.errors.wrongCurrentPassword);
    await expectNoAxeViolations(page, "account page in Spanish with an error");

    // And back to English, on the account too.
    await switchTo(page, "English").click();
    await expect(page.getByRole("heading", { level: 1, name: en.account.title })).toBeVisible();
  });
});

test.describe("the roadmap in Spanish", () => {
  test.use({ locale: "es-MX" });

  test("reads in Spanish where the framework has it, and a framework without Spanish says it is shown in English", async ({ page }) => {
    await signInByApi(page.request, USERS.admin);
    // A state's own instrument, written in English only.
    const imported = ok(
      await trpcMutation<{ frameworkId: string }>(page.request, "framework.import", {
        json: JSON.stringify({
          format: "task-force-roadmap/framework",
          formatVersion: 1,
          key: `state-tool-${Date.now()}`,
          name: "State self-assessment tool",
          wordingNote: "official",
          content: {
            stages: [1, 2, 3, 4, 5].map((number) => ({ number, name: `Level ${number}`, description: "" })),
            areas: [{ key: "S", name: "Structure", elements: [{ key: "S.charter", name: "Charter", description: "A written charter." }] }],
          },
        }),
      }),
      "framework import",
    );
    await openInApp(page, `/admin/frameworks/${imported.frameworkId}`);
    // Five stage names, the area's name, the element's name and description.
    await expect(page.getByTestId("framework-language-note")).toHaveText(spanish("frameworkLanguage.untranslatedNote", { count: 8 }));
    await expect(page.getByRole("heading", { level: 4, name: "Charter" })).toBeVisible();
    await expectNoAxeViolations(page, "framework without Spanish, read in Spanish");

    // The shipped roadmap is written in Spanish too: no note.
    await openInApp(page, "/admin/frameworks");
    const spanishRoadmap = DEFAULT_FRAMEWORK_CONTENT.translations!.es!;
    await page.getByRole("link", { name: new RegExp(`^${spanishRoadmap.name}`) }).click();
    await expect(page.getByRole("table", { name: new RegExp(spanishRoadmap.elements!["A.mission"]!.name!) })).toBeVisible();
    await expect(page.getByTestId("framework-language-note")).toHaveCount(0);
  });
});
