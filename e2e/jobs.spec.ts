import { expect, test } from "./test";
import { expectNoAxeViolations, messages, openInApp, RIVERBEND, signInByApi, USERS } from "./fixtures";

/*
 * Where people see the scheduled jobs: the coordinator's settings page and the administration page.
 * The suite's server runs with JOBS=off (playwright.config.ts), so both say the server leaves the
 * daily jobs to cron; the runs themselves are covered by server/domains/jobs/*.int.test.ts.
 */
test("a coordinator sees the task force's scheduled jobs under settings", async ({ page }) => {
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, `/tf/${RIVERBEND}/settings`);
  const section = page.getByRole("region", { name: messages.jobs.title });
  await expect(section).toBeVisible();
  // The message up to its first value (the daily time): that the server leaves the jobs to cron.
  await expect(section.getByText(messages.jobs.settingsIntroOff.split("{")[0]!.trim(), { exact: false })).toBeVisible();
  await expect(section.getByText(messages.jobs.noRuns)).toBeVisible();
  await expectNoAxeViolations(page, "settings with scheduled jobs");
});

test("an administrator sees the schedule, backups and latest runs", async ({ page }) => {
  await signInByApi(page.request, USERS.admin);
  await openInApp(page, "/admin/jobs");
  await expect(page.getByRole("heading", { level: 1, name: messages.jobs.title })).toBeVisible();
  await expect(page.getByText(messages.jobs.adminOff)).toBeVisible();
  await expect(page.getByText(messages.jobs.backupsOff)).toBeVisible();
  await expect(page.getByRole("link", { name: messages.jobs.navJobs })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page, "administration: jobs and backups");
});
