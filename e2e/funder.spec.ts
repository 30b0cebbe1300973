import { expect, test } from "./test";
import { expectNoAxeViolations, LAKESHORE, LAKESHORE_NAME, messagePattern, messages, ok, openInApp, RIVERBEND, RIVERBEND_NAME, SHELTER_ORG, signIn, signInByApi, trpcMutation, trpcQuery, USERS } from "./fixtures";

/* A funder signs in and sees their portfolio and nothing else; the drill-down is read-only. */

test("a funder sees only the task forces they fund, sorts the table and opens a read-only dashboard", async ({ page }) => {
  await signIn(page, USERS.funder);
  await page.getByRole("link", { name: messages.nav.funder }).click();
  await expect(page.getByRole("heading", { level: 1, name: messages.funder.title })).toBeVisible();
  const table = page.getByRole("table", { name: messages.funder.caption });
  await expect(table.getByRole("rowheader")).toHaveCount(1);
  await expect(table.getByRole("link", { name: RIVERBEND_NAME, exact: true })).toBeVisible();
  await expect(page.getByText(LAKESHORE_NAME)).toHaveCount(0);
  await expect(table.getByText(/^A\. .*: /).first()).toBeVisible();
  await expect(table.getByRole("columnheader", { name: new RegExp(messages.funder.contributionsColumn) })).toBeVisible();
  await expect(table.getByText(messagePattern(messages.funder.contributionsCell, { submitted: /\d+/, expected: /\d+/, period: /\d{4}-.+/ }))).toBeVisible();

  const nameHeader = table.getByRole("columnheader", { name: new RegExp(messages.funder.taskForceColumn) });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  const dueHeader = table.getByRole("columnheader", { name: new RegExp(messages.funder.nextDueColumn) });
  await dueHeader.getByRole("button").click();
  await expect(dueHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await expectNoAxeViolations(page, "funder portfolio");

  await table.getByRole("link", { name: RIVERBEND_NAME, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();
  await expect(page.getByText(messages.dashboard.readOnlyNote)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: messages.dashboard.requirementsTitle })).toBeVisible();
  // Aggregates only: completeness as counts, never which agency is missing.
  const contributions = page.getByRole("region", { name: messages.dashboard.contributionsTitle });
  await expect(contributions.getByText(messagePattern(messages.dashboard.completenessValue, { expected: /\d+/ }))).toBeVisible();
  await expect(contributions.getByText(SHELTER_ORG)).toHaveCount(0);
  await expect(page.getByRole("region", { name: messages.dashboard.coverageTitle })).toBeVisible();
  await expectNoAxeViolations(page, "funder dashboard");
  await openInApp(page, `/tf/${RIVERBEND}/grants`);
  await expect(page.getByRole("heading", { name: messages.grants.createHeading })).toHaveCount(0);
  expect((await page.goto(`/tf/${LAKESHORE}/dashboard`))?.status()).toBe(404);
});

test("the funder's data stops at their portfolio: other task forces, internal reports and changes are refused", async ({ page }) => {
  await signInByApi(page.request, USERS.funder);
  const portfolio = ok(await trpcQuery<{ slug: string }[]>(page.request, "funder.portfolio"), "funder.portfolio");
  expect(portfolio.map((row) => row.slug)).toEqual([RIVERBEND]);
  expect((await trpcQuery(page.request, "grant.list", { taskForceSlug: LAKESHORE })).error?.code).toBe("NOT_FOUND");
  const { grants } = ok(await trpcQuery<{ grants: { id: string }[] }>(page.request, "grant.list", { taskForceSlug: RIVERBEND }), "grant.list");
  const grantId = grants[0]?.id;
  expect((await trpcMutation(page.request, "grant.addRequirement", { taskForceSlug: RIVERBEND, grantId, title: "x" })).error?.code).toBe("FORBIDDEN");
  // Funders may generate reports; theirs hold shared records only.
  const { id } = ok(await trpcMutation<{ id: string }>(page.request, "report.generate", { taskForceSlug: RIVERBEND, grantId, periodEnd: "2026-06-30" }), "report.generate");
  const report = ok(await trpcQuery<{ audience: string }>(page.request, "report.get", { taskForceSlug: RIVERBEND, reportId: id }), "report.get");
  expect(report.audience).toBe("funder");
  const xlsx = await page.request.get(`/tf/${RIVERBEND}/grants/reports/${id}/export?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-disposition"]).toContain(".xlsx");
  const pdf = await page.request.get(`/tf/${RIVERBEND}/grants/reports/${id}/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // A coordinator has no portfolio link.
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, `/tf/${RIVERBEND}/dashboard`);
  await expect(page.getByRole("link", { name: messages.nav.funder })).toHaveCount(0);
});
