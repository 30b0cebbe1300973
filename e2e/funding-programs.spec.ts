import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { createOwnTaskForce, expectNoAxeViolations, messages, newSignedInPage, ok, openInApp, signInByApi, translate, trpcMutation, trpcQuery, USERS } from "./fixtures";

/*
 * One access for a funder: an administrator creates a funding program and gives it to the demo
 * funder, the coordinator of a task force of this spec's own puts it into the program, and the
 * funder finds it in their portfolio, labelled with the program, and opens its dashboard. Taken out
 * again, it is gone from the funder's view, so the demo funder ends the spec as they began it.
 */

const t = messages.fundingPrograms;

/** The table row whose cells mention `text`. */
const rowWith = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

test("an administrator gives a program to the demo funder, a coordinator puts their task force in, and the funder sees it until it is taken out", async ({ page, browser }) => {
  test.slow();
  const own = await createOwnTaskForce(browser, "program");
  const programName = `E2E program ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;

  // The administrator creates the program and gives it to the demo funder.
  await signInByApi(page.request, USERS.admin);
  await openInApp(page, "/admin/funding-programs");
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expect(page.getByRole("navigation", { name: messages.frameworks.adminSections }).getByRole("link", { name: t.nav })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page, "funding programs administration");
  const create = page.getByRole("region", { name: t.createHeading });
  await create.getByLabel(t.name).fill(programName);
  await create.getByLabel(t.funderOrganization).fill("E2E Example Foundation");
  await create.getByRole("button", { name: t.create }).click();
  await expect(page.getByRole("status").filter({ hasText: translate("fundingPrograms.created", { name: programName }) })).toBeVisible();

  const program = page.getByRole("region", { name: programName });
  await expect(program.getByText(t.noOfficers)).toBeVisible();
  await program.getByLabel(translate("fundingPrograms.officerEmailLabel", { program: programName })).fill(USERS.funder);
  await program.getByRole("button", { name: t.addOfficer }).click();
  await expect(program.getByRole("rowheader", { name: "Frankie Funder (demo)" })).toBeVisible();
  await expect(program.getByText(t.noTaskForces)).toBeVisible();
  await expectNoAxeViolations(page, "a program with its officer");

  const programs = ok(await trpcQuery<{ id: string; name: string }[]>(page.request, "admin.fundingProgram.list"), "admin.fundingProgram.list");
  const programId = programs.find((one) => one.name === programName)?.id;
  expect(programId, "the program just created").toBeDefined();

  const { context: coordinatorContext, page: coordinator } = await newSignedInPage(browser, own.coordinator.email, own.coordinator.password);
  try {
    // The coordinator puts their task force in, after a confirmation naming who will see it.
    await openInApp(coordinator, `/tf/${own.slug}/settings`);
    const section = coordinator.getByRole("region", { name: t.settingsHeading });
    const row = rowWith(coordinator, programName);
    await expect(row).toContainText(t.notCovered);
    await expect(row).toContainText("Frankie Funder (demo)");
    const join = translate("fundingPrograms.join", { program: programName });
    await row.getByRole("button", { name: join }).click();
    const dialog = coordinator.getByRole("dialog");
    await expect(dialog).toContainText("Frankie Funder (demo)");
    await expectNoAxeViolations(coordinator, "confirmation to put the task force into the program");
    await dialog.getByRole("button", { name: join }).click();
    await expect(section.getByRole("status").filter({ hasText: translate("fundingPrograms.joined", { program: programName }) })).toBeVisible();
    await expect(row).toContainText(t.coveredSinceLabel);
    await expectNoAxeViolations(coordinator, "settings with the task force in a program");

    // The funder finds it in their portfolio, through the program, and opens its dashboard.
    await signInByApi(page.request, USERS.funder);
    await openInApp(page, "/funder");
    const portfolio = page.getByRole("table", { name: messages.funder.caption });
    await expect(portfolio.getByRole("columnheader", { name: messages.funder.accessColumn })).toBeVisible();
    await expect(rowWith(page, own.name)).toContainText(programName);
    await expectNoAxeViolations(page, "portfolio with a task force through a program");
    await portfolio.getByRole("link", { name: own.name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: messages.dashboard.title })).toBeVisible();
    await expect(page.getByText(messages.dashboard.readOnlyNote)).toBeVisible();
    // A plain funder: no settings, no people.
    expect((await page.goto(`/tf/${own.slug}/settings`))?.status()).toBe(404);
    expect((await page.goto(`/tf/${own.slug}/members/people`))?.status()).toBe(404);

    // The audit log of the task force says it went in.
    await openInApp(coordinator, `/tf/${own.slug}/settings/audit`);
    await expect(coordinator.getByText(translate("audit.entry", { entity: messages.audit.entities.fundingProgram, action: messages.audit.actions.addTaskForce }))).toBeVisible();

    // Taken out again, the task force is gone from the funder's view at once.
    await openInApp(coordinator, `/tf/${own.slug}/settings`);
    const leave = translate("fundingPrograms.leave", { program: programName });
    await rowWith(coordinator, programName).getByRole("button", { name: leave }).click();
    await coordinator.getByRole("dialog").getByRole("button", { name: leave }).click();
    await expect(coordinator.getByRole("status").filter({ hasText: translate("fundingPrograms.left", { program: programName }) })).toBeVisible();
    // A fresh load: the header's task-force switcher, in the layout the app keeps across its own
    // navigations, is read again only then.
    await page.goto("/funder");
    await expect(page.getByRole("heading", { level: 1, name: messages.funder.title })).toBeVisible();
    await expect(page.getByText(own.name)).toHaveCount(0);
    expect((await page.goto(`/tf/${own.slug}/dashboard`))?.status()).toBe(404);
  } finally {
    // Whatever failed above, the demo funder leaves with the portfolio they came with.
    await trpcMutation(coordinatorContext.request, "fundingProgram.leave", { taskForceSlug: own.slug, programId });
    await coordinatorContext.close();
  }
});
