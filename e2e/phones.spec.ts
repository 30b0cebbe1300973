import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { demoQuarterBack, escapeRegExp, expectNoAxeViolations, fill, messages, RIVERBEND, RIVERBEND_NAME, signInByApi, USERS } from "./fixtures";

/*
 * Phones (issue 19): each role's pages at 320 CSS pixels wide, where WCAG 1.4.10 asks content to
 * reflow, and one flow at 375 (a common phone). Both navigations fold behind their menu buttons,
 * nothing makes the page scroll sideways, a wide table scrolls inside its own box with its first
 * column kept in view, and axe finds nothing. A few pages per role only: each scan costs a second.
 */

const PHONE = { width: 320, height: 640 };
const tf = (path: string) => `/tf/${RIVERBEND}${path}`;
const n = messages.nav;

const accountNav = (page: Page) => page.getByRole("navigation", { name: n.account });
const sectionsNav = (page: Page) => page.getByRole("navigation", { name: n.main });
const headerMenu = (page: Page) => accountNav(page).getByRole("button", { name: n.menu });
const sectionsMenu = (page: Page) => sectionsNav(page).getByRole("button", { name: n.sectionsMenu });

/** The page reflows: nothing in it is wider than the window, so it never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `the page's width at ${width} pixels (${page.url()})`).toBeLessThanOrEqual(width + 1);
}

/** Opens a page, checks its heading, scans it with axe (which waits for the page to settle), then its width. */
async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoAxeViolations(page, `${path} at ${page.viewportSize()?.width} pixels`);
  await expectNoSidewaysScroll(page);
}

/** Opens a folded menu with its button; the page has settled (a visit's axe scan), so the button works. */
async function openMenu(button: Locator): Promise<void> {
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
}

/** Follows a link of the sections menu; the next page shows the menu folded again. */
async function goToSection(page: Page, section: keyof typeof n, heading: string | RegExp): Promise<void> {
  await openMenu(sectionsMenu(page));
  await sectionsNav(page).getByRole("link", { name: n[section], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(sectionsMenu(page)).toHaveAttribute("aria-expanded", "false");
  await expect(sectionsNav(page).getByRole("link", { name: n[section], exact: true })).toBeHidden();
}

test.describe("at 320 pixels wide", () => {
  test.use({ viewport: PHONE });

  test("a coordinator uses both menus and scrolls a wide table in its own box", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    await visit(page, tf("/dashboard"), messages.dashboard.title);

    // Folded: the links wait behind their buttons.
    await expect(accountNav(page).getByRole("link", { name: n.account })).toBeHidden();
    await expect(sectionsNav(page).getByRole("link", { name: n.meetings, exact: true })).toBeHidden();
    await expect(headerMenu(page)).toHaveAttribute("aria-controls", /.+/);

    // The header's menu opens over the page; Escape from inside it closes it and gives the button the focus back.
    await openMenu(headerMenu(page));
    await expect(accountNav(page).getByRole("link", { name: n.account })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.keyboard.press("Tab");
    await expect(headerMenu(page)).not.toBeFocused();
    await page.keyboard.press("Escape");
    await expect(headerMenu(page)).toHaveAttribute("aria-expanded", "false");
    await expect(headerMenu(page)).toBeFocused();
    await expect(accountNav(page).getByRole("link", { name: n.account })).toBeHidden();

    await goToSection(page, "meetings", messages.meetings.title);
    await expectNoAxeViolations(page, "meetings at 320 pixels");
    await expectNoSidewaysScroll(page);

    // Every organization's column: wider than the phone, so the table scrolls inside its box.
    const period = demoQuarterBack(1);
    await visit(page, tf(`/contributions/${period}`), fill(messages.contributions.periodTitle, { period }));
    const box = page.getByRole("group", { name: fill(messages.contributions.tableHeading, { period }), exact: true });
    const sizes = await box.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(sizes.scrollWidth, "the table is wider than its box").toBeGreaterThan(sizes.clientWidth);
    const firstCell = box.getByRole("rowheader").first();
    const before = await firstCell.boundingBox();
    // The box takes the focus (reaching it by Tab is keyboard.spec.ts's part); its arrow keys scroll it.
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    // The first column stays where it was while the others move under it.
    expect((await firstCell.boundingBox())?.x).toBeCloseTo(before?.x ?? Number.NaN, 0);
    await expectNoSidewaysScroll(page);
  });

  test("a member moves between sections and their notifications from the menus", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.member);
    await visit(page, tf("/gaps"), messages.gaps.title);
    await goToSection(page, "assessments", messages.assessments.title);
    await expectNoAxeViolations(page, "assessments at 320 pixels");
    await expectNoSidewaysScroll(page);

    await openMenu(headerMenu(page));
    await accountNav(page).getByRole("link", { name: new RegExp(`^${escapeRegExp(messages.notificationsPage.nav)}`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.notificationsPage.title })).toBeVisible();
    await expect(headerMenu(page)).toHaveAttribute("aria-expanded", "false");
    await expectNoSidewaysScroll(page);
  });

  test("a funder reads the portfolio and a funded task force's pages", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.funder);
    await visit(page, "/funder", messages.funder.title);
    await page.getByRole("table", { name: messages.funder.caption }).getByRole("link", { name: RIVERBEND_NAME, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();
    await expectNoAxeViolations(page, "the funder's dashboard at 320 pixels");
    await expectNoSidewaysScroll(page);
    await goToSection(page, "grants", messages.nav.grants);
    await expectNoSidewaysScroll(page);
  });
});

test.describe("at 375 pixels wide", () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test("a coordinator's members directory and settings forms fit the phone", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    await visit(page, tf("/members"), messages.nav.members);
    await goToSection(page, "settings", messages.settings.title);
    await expectNoAxeViolations(page, "settings at 375 pixels");
    await expectNoSidewaysScroll(page);
  });
});
