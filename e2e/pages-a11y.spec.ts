import type { Page } from "@playwright/test";
import es from "../app/i18n/messages/es.json";
import { expect, test } from "./test";
import { demoQuarterBack, escapeRegExp, expectNoAxeViolations, fill, LAKESHORE, LAKESHORE_NAME, listOrganizations, listPeople, messages, openInApp, RIVERBEND, RIVERBEND_NAME, roadmapElementName, SHELTER_ORG, signInByApi, trpcQuery, USERS } from "./fixtures";

/*
 * Every page of the app scanned with axe (WCAG 2.0/2.1 A and AA): zero violations. Each page is
 * scanned as the coordinator, who is shown the most on it (every control and form); a member's or a
 * funder's page is scanned again only where they are shown something the coordinator is not (their
 * own tasks and forms, suppressed figures, the portfolio). The other pages each role may open are
 * opened by the link crawl (link-crawl.spec.ts), over HTTP, for every role. Also checks that
 * navigation offers each role only what it may open.
 */

const tf = (path: string, slug = RIVERBEND) => `/tf/${slug}${path}`;

/** The last complete quarter in the demo's time zone, which the seed fills in. */
const lastQuarter = () => demoQuarterBack(1);
const CONTRIBUTIONS_PERIOD = `/contributions/${lastQuarter()}`;
const contributionsPeriodTitle = messages.contributions.periodTitle.replace("{period}", lastQuarter());

/**
 * Opens a page as a person following a link would (the link crawl checks each page's status over
 * HTTP for every role), waits for its heading and scans it.
 */
async function visit(page: Page, path: string, heading: string | RegExp, { axe = true } = {}): Promise<void> {
  await openInApp(page, path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  if (axe) await expectNoAxeViolations(page, path);
}

/** The page of a demo meeting, looked up by title as the person signed in on `page` sees the list. */
async function meetingPath(page: Page, title: string): Promise<string> {
  const { data } = await trpcQuery<{ meetings: { id: string; title: string }[] }>(page.request, "meeting.list", { taskForceSlug: RIVERBEND });
  const meeting = data?.meetings.find((row) => row.title === title);
  expect(meeting, `demo meeting ${title}`).toBeDefined();
  return tf(`/meetings/${meeting!.id}`);
}

/** The demo shelter's profile page (its id comes from the seeded database). */
async function organizationPath(page: Page): Promise<string> {
  const organization = (await listOrganizations(page.request, RIVERBEND)).find((one) => one.name === SHELTER_ORG);
  expect(organization, "the demo shelter").toBeDefined();
  return tf(`/members/${organization?.id ?? ""}`);
}

/** The handoff page of a demo person (looked up by email among the people of the task force). */
async function handoffPath(page: Page, email: string): Promise<string> {
  const person = (await listPeople(page.request, RIVERBEND)).find((one) => one.email === email);
  expect(person, email).toBeDefined();
  return tf(`/members/people/${person?.userId ?? ""}/handoff`);
}

const sectionNav = (page: Page) => page.getByRole("navigation", { name: messages.nav.main });

test.describe("every page passes axe", () => {
  // Each test signs in on its own and only reads, so the file's tests may share the workers.
  test.describe.configure({ mode: "parallel" });

  test("coordinator's section pages", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    for (const [path, heading] of [
      [tf("/dashboard"), messages.dashboard.title],
      [tf("/assessments"), messages.nav.assessments],
      [tf("/gaps"), messages.nav.gaps],
      [tf("/meetings"), messages.nav.meetings],
      [tf("/members"), messages.nav.members],
      [tf("/members/people"), messages.people.title],
    ] as const) {
      await visit(page, path, heading);
    }
  });

  test("coordinator's contributions, grants, settings and account pages", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    for (const [path, heading] of [
      [tf("/contributions"), messages.contributions.title],
      [tf(CONTRIBUTIONS_PERIOD), contributionsPeriodTitle],
      [tf("/grants"), messages.nav.grants],
      [tf("/settings"), messages.settings.title],
      [tf("/settings/audit"), messages.audit.title],
      ["/account", messages.account.title],
    ] as const) {
      await visit(page, path, heading);
    }
  });

  test("coordinator's navigation and task-force switcher", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    // The coordinator sees every section, settings included, with the current one marked.
    await page.goto(tf("/members"));
    const nav = sectionNav(page);
    for (const section of ["dashboard", "assessments", "gaps", "meetings", "members", "contributions", "grants", "settings"] as const) {
      await expect(nav.getByRole("link", { name: messages.nav[section], exact: true })).toBeVisible();
    }
    await expect(nav.getByRole("link", { name: messages.nav.members })).toHaveAttribute("aria-current", "page");

    // The task-force switcher, opened, is accessible too.
    await page.getByText(messages.nav.switcherHint).click();
    await expect(page.getByRole("link", { name: RIVERBEND_NAME })).toBeVisible();
    await expectNoAxeViolations(page, "switcher open");

    // With one task force the home page goes straight to its dashboard.
    await page.goto("/");
    await expect(page).toHaveURL((url) => url.pathname === tf("/dashboard"));
  });

  test("coordinator grant pages", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    await visit(page, tf("/grants/reports"), messages.reports.title);
    await page.goto(tf("/grants"));
    await page.getByRole("link", { name: "DEMO-2025-ECM-0001" }).click();
    await expect(page.getByRole("heading", { level: 1, name: fill(messages.grants.detailHeading, { awardNumber: "DEMO-2025-ECM-0001" }) })).toBeVisible();
    await expectNoAxeViolations(page, "grant page");
  });

  test("coordinator's meeting pages: committees, an approved meeting, a scheduled one", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    await visit(page, tf("/meetings/committees"), messages.committees.title);
    await visit(page, tf("/meetings/decisions"), messages.decisionLog.title);
    await visit(page, await meetingPath(page, "October full task-force meeting (demo)"), "October full task-force meeting (demo)");
    await visit(page, await meetingPath(page, "January full task-force meeting (demo)"), "January full task-force meeting (demo)");
  });

  test("members area pages as a coordinator", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    for (const [path, heading] of [
      [tf("/members/mous"), messages.mous.title],
      [tf("/members/protocols"), messages.protocols.title],
      [await organizationPath(page), SHELTER_ORG],
      [await handoffPath(page, USERS.viewer), messages.handoff.title.replace("{name}", "Val Viewer (demo)")],
    ] as const) {
      await visit(page, path, heading);
    }
  });

  test("member's home and section pages", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.member);
    // Two task forces: the home page lists them.
    await visit(page, "/", messages.home.title);
    await expect(page.getByRole("link", { name: RIVERBEND_NAME })).toBeVisible();
    await expect(page.getByRole("link", { name: LAKESHORE_NAME })).toBeVisible();

    // A member's own tasks, answer links and the committee they sit on.
    for (const [path, heading] of [
      [tf("/dashboard"), messages.dashboard.title],
      [tf("/assessments"), messages.nav.assessments],
      [await meetingPath(page, "Victim services committee (demo)"), "Victim services committee (demo)"],
    ] as const) {
      await visit(page, path, heading);
    }
  });

  test("member's other pages, and no settings", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.member);
    // Their agency's contribution reports and, in Lakeshore, where the same person is a viewer.
    for (const [path, heading] of [
      [tf("/contributions"), messages.contributions.title],
      [tf(CONTRIBUTIONS_PERIOD), contributionsPeriodTitle],
      [tf("/dashboard", LAKESHORE), messages.dashboard.title],
    ] as const) {
      await visit(page, path, heading);
    }

    await page.goto(tf("/dashboard"));
    await expect(sectionNav(page).getByRole("link", { name: messages.nav.members })).toBeVisible();
    await expect(sectionNav(page).getByRole("link", { name: messages.nav.settings })).toHaveCount(0);
    // People is read-only for member agency staff: no invitation form, no role changes.
    await page.goto(tf("/members/people"));
    await expect(page.getByRole("heading", { name: messages.people.inviteTitle })).toHaveCount(0);
    await expect(page.getByRole("button", { name: messages.people.editShort })).toHaveCount(0);
    // Settings, the audit log and progress reports are not theirs.
    expect((await page.goto(tf("/grants/reports")))?.status()).toBe(404);
    expect((await page.goto(tf("/settings")))?.status()).toBe(404);
    expect((await page.goto(tf("/settings/audit")))?.status()).toBe(404);
  });

  // The funder's pages, the ones that write the most sentences from figures (summaries, suppression
  // notes, the site-visit summary), are scanned in Spanish, which axe checks the lang attribute of
  // too; the link crawl reads every page of every role in Spanish as well.
  test.describe("a funder whose browser prefers Spanish", () => {
    test.use({ locale: "es-US" });
    const spanishPeriodTitle = es.contributions.periodTitle.replace("{period}", lastQuarter());
    const spanishNav = (page: Page) => page.getByRole("navigation", { name: es.nav.main });

    test("funder's section pages", async ({ page }) => {
      test.slow();
      await signInByApi(page.request, USERS.funder);
      // Funders see suppressed figures and ratings by group, not by agency.
      for (const [path, heading] of [
        [tf("/dashboard"), es.dashboard.title],
        [tf("/assessments"), es.nav.assessments],
      ] as const) {
        await visit(page, path, heading);
      }
    });

    test("funder's other pages; no settings, no people", async ({ page }) => {
      test.slow();
      await signInByApi(page.request, USERS.funder);
      // No staff contacts for funders on an agency's page.
      await visit(page, await organizationPath(page), SHELTER_ORG);
      await expect(page.getByRole("heading", { name: es.organizations.contactsTitle })).toHaveCount(0);
      for (const [path, heading] of [
        [tf("/members"), es.nav.members],
        [tf(CONTRIBUTIONS_PERIOD), spanishPeriodTitle],
        [tf("/grants/reports"), es.reports.title],
        ["/funder", es.funder.title],
        [`/funder/summary/${RIVERBEND}`, fill(es.funder.summary.title, { name: RIVERBEND_NAME })],
      ] as const) {
        await visit(page, path, heading);
      }
      // Handing off is the coordinators' job.
      expect((await page.goto(tf("/members/people/00000000-0000-4000-8000-000000000000/handoff")))?.status()).toBe(404);

      // (Checked on a page of the task force: the not-found page has no section navigation.)
      await page.goto(tf("/members"));
      await expect(spanishNav(page).getByRole("link", { name: es.nav.members })).toBeVisible();
      await expect(spanishNav(page).getByRole("link", { name: es.nav.settings })).toHaveCount(0);
      // Funders see the agencies, not the staff directory, and cannot add agencies.
      await expect(page.getByRole("link", { name: es.nav.people, exact: true })).toHaveCount(0);
      await expect(page.getByRole("button", { name: es.organizations.add })).toHaveCount(0);

      const people = await page.goto(tf("/members/people"));
      expect(people?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: es.errors.notFoundTitle })).toBeVisible();
      expect((await page.goto(tf("/settings")))?.status()).toBe(404);
    });
  });

  // A viewer is shown the member's pages without their controls, so axe has nothing new to check
  // there, and the link crawl opens every page the viewer is shown. These visits prove the pages that
  // hold the most client components hydrate for the role without a missing text.
  test("viewer's pages render, with no settings", async ({ page }) => {
    await signInByApi(page.request, USERS.viewer);
    for (const [path, heading] of [
      [tf("/dashboard"), messages.dashboard.title],
      [await meetingPath(page, "July full task-force meeting (demo)"), "July full task-force meeting (demo)"],
      [tf(CONTRIBUTIONS_PERIOD), contributionsPeriodTitle],
    ] as const) {
      await visit(page, path, heading, { axe: false });
    }
    await expect(sectionNav(page).getByRole("link", { name: messages.nav.members })).toBeVisible();
    await expect(sectionNav(page).getByRole("link", { name: messages.nav.settings })).toHaveCount(0);
    expect((await page.goto(tf("/settings")))?.status()).toBe(404);
  });

  test("administrator pages", async ({ page }) => {
    await signInByApi(page.request, USERS.admin);
    await visit(page, "/", messages.home.title);
    await visit(page, "/admin/task-forces", messages.admin.title);
    await expect(page.getByRole("rowheader", { name: RIVERBEND_NAME })).toBeVisible();
    // The demo's funding program, with the demo funder and Riverbend in it.
    await visit(page, "/admin/funding-programs", messages.fundingPrograms.title);
    await expect(page.getByRole("region", { name: "Example State ECM Program 2026" }).getByRole("rowheader", { name: RIVERBEND_NAME })).toBeVisible();
    await visit(page, "/admin/frameworks", messages.frameworks.title);
    await expect(page.getByRole("cell", { name: messages.frameworks.paraphrased })).toBeVisible();
    // The default framework's link and heading, whatever its name: "<name> (default)", "<name> (default), version <n>".
    const defaultSuffix = escapeRegExp(fill(messages.frameworks.nameWithDefault, { name: "" }).trim());
    await page.getByRole("link", { name: new RegExp(`${defaultSuffix}$`) }).click();
    const versionSuffix = escapeRegExp(fill(messages.frameworks.versionTitle, { name: "", version: "VERSION" })).replace("VERSION", "\\d+");
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`${defaultSuffix}${versionSuffix}$`) })).toBeVisible();
    await expect(page.getByRole("table", { name: new RegExp(escapeRegExp(roadmapElementName("A.mission"))) })).toBeVisible();
    await expectNoAxeViolations(page, "framework version page");
    await visit(page, "/admin/jobs", messages.jobs.title);
    await expect(page.getByText(messages.jobs.adminOff)).toBeVisible();
    await visit(page, "/account", messages.account.title);
  });

  test("non-administrators cannot open administration", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    const response = await page.goto("/admin/task-forces");
    expect(response?.status()).toBe(404);
    expect((await page.goto("/admin/frameworks"))?.status()).toBe(404);
    expect((await page.goto("/admin/jobs"))?.status()).toBe(404);
    expect((await page.goto("/admin/funding-programs"))?.status()).toBe(404);
  });

  test("pages for people who are not signed in", async ({ page }) => {
    await visit(page, "/login", messages.login.title);
    // An invitation link that does not exist.
    await visit(page, `/invite/${"x".repeat(43)}`, messages.invite.notFoundTitle);
    // An address that does not exist.
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: messages.errors.notFoundTitle })).toBeVisible();
    await expect(page.getByRole("link", { name: messages.errorPage.backHome })).toBeVisible();
    await expectNoAxeViolations(page, "404 page");
  });

  test("the 404 page for a signed-in person", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    const response = await page.goto(tf("/no-such-section"));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: messages.errors.notFoundTitle })).toBeVisible();
    await expectNoAxeViolations(page, "404 page, signed in");
  });
});
