import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import { demoDateFromToday, expectNoAxeViolations, fill, messages, newSignedInPage, RIVERBEND, signInByApi, USERS } from "./fixtures";

/*
 * The life of a round from the respondent's side: a coordinator creates and opens it, a member
 * answers with autosave (surviving a reload and an ended session), is told what is missing, submits,
 * and the coordinator sees the submission and sends a reminder to the others.
 */

const m = messages.assessments;
const ROUNDS = `/tf/${RIVERBEND}/assessments`;
const MEMBER_NAME = "Morgan Member (demo)";
const progressText = (answered: number, total: number) => fill(m.progress, { answered, total });

/** The fieldset of one element (its legend is the element's name). */
const elements = (page: Page) => page.locator("fieldset.element-question");

async function saved(element: Locator) {
  await expect(element.getByRole("status")).toHaveText(/^Saved /);
}

test.describe("responding to an assessment round", () => {
  test("create, open, respond with autosave, submit, and follow progress", async ({ page, browser }) => {
    test.slow();
    const title = `E2E round ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

    // --- The coordinator creates the round as a draft and opens it. ---
    await signInByApi(page.request, USERS.coordinator);
    await page.goto(ROUNDS);
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
    await expectNoAxeViolations(page, "rounds list (coordinator)");

    // A closing date before the opening date is refused next to the field, and what was typed stays.
    const create = page.getByRole("form", { name: m.createHeading });
    await create.getByLabel(m.roundTitle).fill(title);
    await create.getByLabel(m.opensOn).fill(demoDateFromToday(0));
    await create.getByLabel(m.closesOn).fill(demoDateFromToday(-3));
    await create.getByRole("button", { name: m.create }).click();
    await expect(create.getByText(messages.validation.closesBeforeOpens)).toBeVisible();
    await expect(create.getByLabel(m.roundTitle)).toHaveValue(title);
    await expect(create.getByLabel(m.closesOn)).toHaveAttribute("aria-invalid", "true");

    await create.getByLabel(m.closesOn).fill(demoDateFromToday(30));
    await create.getByRole("button", { name: m.create }).click();
    // Created: the coordinator is taken to the new round's manage page, which says so.
    await expect(page.getByRole("heading", { level: 1, name: fill(m.manageHeading, { title }) })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: fill(m.created, { title }) })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText(m.status.draft);
    await expectNoAxeViolations(page, "manage page of a draft round");
    await page.getByRole("button", { name: m.openRound }).click();
    await expect(page.getByRole("status").filter({ hasText: m.roundOpened })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText(m.status.open);
    const manageUrl = page.url();

    // --- A member responds. ---
    const { context: memberContext, page: member } = await newSignedInPage(browser, USERS.member);
    try {
      await member.goto(ROUNDS);
      await member.getByRole("link", { name: fill(m.respondTo, { title }) }).click();
      await expect(member.getByRole("heading", { level: 1, name: fill(m.respondHeading, { title }) })).toBeVisible();
      const total = await elements(member).count();
      expect(total).toBeGreaterThan(3);
      await expect(member.locator(".progress-count")).toHaveText(progressText(0, total));

      // A stage is saved at once; the reasons after a pause in typing.
      const first = elements(member).nth(0);
      await first.getByRole("radio", { name: /^Stage 3:/ }).check();
      await saved(first);
      const textSaved = member.waitForResponse((response) => response.url().includes("assessment.saveDraft") && response.ok());
      await first.getByLabel(m.rationale).fill("Partners meet monthly and share a written protocol.");
      await textSaved;
      await saved(first);

      const second = elements(member).nth(1);
      await second.getByRole("radio", { name: m.notApplicable }).check();
      await saved(second);
      await expect(member.locator(".progress-count")).toHaveText(progressText(2, total));
      await expect(member.getByText(messages.privacy.noSurvivorNames).first()).toBeVisible();
      await expectNoAxeViolations(member, "respond page with saved answers");

      // A reload shows what the server has.
      await member.reload();
      await expect(elements(member).nth(0).getByRole("radio", { name: /^Stage 3:/ })).toBeChecked();
      await expect(elements(member).nth(0).getByLabel(m.rationale)).toHaveValue("Partners meet monthly and share a written protocol.");
      await expect(elements(member).nth(1).getByRole("radio", { name: m.notApplicable })).toBeChecked();
      await expect(member.locator(".progress-count")).toHaveText(progressText(2, total));

      // The session ends: the answer stays on this device and is saved after signing in again.
      await memberContext.clearCookies();
      const third = elements(member).nth(2);
      await third.getByRole("radio", { name: /^Stage 2:/ }).check();
      await expect(member.getByRole("alert").filter({ hasText: m.sessionEnded })).toBeVisible();
      await expect(third.getByRole("status")).toHaveText(m.keptOnDevice);
      const signInLink = member.getByRole("link", { name: m.signInAgain });
      await expect(signInLink).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(new URL(member.url()).pathname)}`);
      await signInByApi(member.request, USERS.member);
      await member.reload();
      await expect(elements(member).nth(2).getByRole("radio", { name: /^Stage 2:/ })).toBeChecked();
      await saved(elements(member).nth(2));
      await expect(member.locator(".progress-count")).toHaveText(progressText(3, total));
      await member.reload();
      await expect(elements(member).nth(2).getByRole("radio", { name: /^Stage 2:/ })).toBeChecked();

      // Submitting early names what is missing and links to it.
      await member.getByRole("button", { name: m.submit }).click();
      const missingMessage = fill(messages.errors.responsesMissing, { missing: total - 3, total });
      await expect(member.getByRole("alert").filter({ hasText: missingMessage })).toBeVisible();
      const missing = member.getByRole("navigation", { name: m.missingHeading });
      // Focus moves to the list, so a keyboard or screen-reader user lands on what is left to do.
      await expect(missing).toBeFocused();
      await expect(missing.getByRole("listitem")).toHaveCount(total - 3);
      await missing.getByRole("link").first().click();
      await expect(member).toHaveURL(/#element-/);

      // The rest: "don't know" for every element still without an answer.
      for (let index = 3; index < total; index += 1) {
        await elements(member).nth(index).getByRole("radio", { name: m.dontKnow }).check();
      }
      await expect(member.locator(".progress-count")).toHaveText(progressText(total, total));
      await member.getByRole("button", { name: m.submit }).click();
      await expect(member.getByRole("status").filter({ hasText: "Submitted on" })).toContainText("you can revise until the round closes");
      await expect(member.getByRole("button", { name: m.submit })).toHaveCount(0);
      await expectNoAxeViolations(member, "respond page after submitting");
    } finally {
      await memberContext.close();
    }

    // --- The coordinator sees the submission and reminds the others. ---
    await page.goto(manageUrl);
    const memberRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MEMBER_NAME }) });
    await expect(memberRow).toContainText(m.respondentStatus.submitted);
    const notSubmitted = page.getByRole("list", { name: /^Not submitted yet/ });
    await expect(notSubmitted).not.toContainText(MEMBER_NAME);
    await expect(page.getByRole("table", { name: m.byDiscipline })).toContainText(messages.disciplines.victimServices);
    await page.getByRole("button", { name: m.sendReminder }).click();
    const reminded = page.getByRole("status").filter({ hasText: /^Reminded \d+ (person|people) \(0 already reminded today\); emailed 0\.$/ });
    await expect(reminded).toBeVisible();
    await expectNoAxeViolations(page, "manage page after a reminder");

    // Pressing again the same day reminds nobody twice.
    await page.getByRole("button", { name: m.sendReminder }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Reminded 0 people \(\d+ already reminded today\)/ })).toBeVisible();

    // The list shows one submission.
    await page.goto(ROUNDS);
    const listRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) });
    await expect(listRow).toContainText(m.status.open);
    await expect(listRow.getByRole("cell").filter({ hasText: /^1 of \d+ submitted$/ })).toHaveCount(1);
  });

  test("a closed round tells the member so instead of showing the form", async ({ page }) => {
    await signInByApi(page.request, USERS.member);
    await page.goto(ROUNDS);
    await expectNoAxeViolations(page, "rounds list (member)");
    // A seeded round the member answered; other specs may add closed rounds they were not asked in.
    const closedRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Autumn 2026 self-assessment (demo)" }) });
    await expect(closedRow).toContainText(m.status.closed);
    const results = await closedRow.getByRole("link", { name: m.results }).getAttribute("href");
    expect(results).toBeTruthy();
    // Members get no manage link.
    await expect(page.getByRole("link", { name: /^Manage / })).toHaveCount(0);
    await page.goto(`${results}/respond`);
    await expect(page.getByText(m.respondClosed)).toBeVisible();
    await expect(page.locator("fieldset.element-question")).toHaveCount(0);
    await expectNoAxeViolations(page, "respond page of a closed round");
  });

  test("a closed round's manage page asks for a reason before reopening", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    await page.goto(ROUNDS);
    const closedRow = page.getByRole("row").filter({ hasText: m.status.closed }).first();
    await closedRow.getByRole("link", { name: /^Manage / }).click();
    await expect(page.getByRole("heading", { level: 2, name: m.reopenHeading })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText(m.status.closed);
    // A closed seeded round has people who submitted and no reminder to send.
    await expect(page.getByRole("button", { name: m.sendReminder })).toHaveCount(0);
    await page.getByRole("button", { name: m.reopenRound }).click();
    await expect(page.getByLabel(m.reopenReason)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(messages.validation.required)).toBeVisible();
    await expect(page.locator("dl.details")).toContainText(m.status.closed);
    await expectNoAxeViolations(page, "manage page of a closed round, reason refused");
  });

  test("a coordinator can ask a whole organization at once", async ({ page }) => {
    const title = `Agency round ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    await signInByApi(page.request, USERS.coordinator);
    await page.goto(ROUNDS);
    const create = page.getByRole("form", { name: m.createHeading });
    await create.getByLabel(m.roundTitle).fill(title);
    await create.getByLabel(m.opensOn).fill(demoDateFromToday(0));
    await create.getByLabel(m.closesOn).fill(demoDateFromToday(14));
    await create.getByLabel(m.audienceChosen).check();
    const shelter = "Riverbend Safe Harbor Victim Services (demo)";
    await create.getByRole("button", { name: fill(m.chooseWholeOrganization, { organization: shelter }) }).click();
    const group = create.getByRole("group", { name: shelter });
    const boxes = group.getByRole("checkbox");
    const asked = await boxes.count();
    expect(asked).toBeGreaterThanOrEqual(2);
    for (const box of await boxes.all()) await expect(box).toBeChecked();
    await expectNoAxeViolations(page, "create form with people grouped by organization");
    await create.getByRole("button", { name: m.create }).click();
    await expect(page.getByRole("status").filter({ hasText: fill(m.created, { title }) })).toBeVisible();
    await expect(page.locator("dl.details")).toContainText(`${asked} chosen people`);
  });
});
