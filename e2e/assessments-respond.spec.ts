import type { Locator, Page } from "@playwright/test";
import type { FrameworkContent } from "../db/schema";
import { expect, test } from "./test";
import {
  demoDateFromToday,
  escapeRegExp,
  expectNoAxeViolations,
  fill,
  frameworkAsShown,
  messageBefore,
  messagePattern,
  messages,
  newSignedInPage,
  ok,
  openInApp,
  openRoundForMember,
  respondAreaLinks,
  RIVERBEND,
  ROUND_SUBMITTED,
  shownElements,
  signInByApi,
  stageChoice,
  translate,
  trpcQuery,
  USERS,
} from "./fixtures";

/*
 * The life of a round from the respondent's side: a coordinator creates and opens it, a member
 * answers with autosave (surviving a reload and an ended session), is told what is missing, follows
 * "next unanswered" through the areas of function, submits, and the coordinator sees the submission
 * and sends a reminder to the others. The answer page shows one area at a time, named in its address.
 */

const m = messages.assessments;
const ROUNDS = `/tf/${RIVERBEND}/assessments`;
const MEMBER_NAME = "Morgan Member (demo)";
/** A round's manage link, whatever the round's title. */
const MANAGE_LINK = new RegExp(`^${escapeRegExp(messageBefore(m.manageRound, "title"))}`);
const progressText = (answered: number, total: number) => fill(m.progress, { answered, total });

/** The fieldsets of every element, those of the areas not shown included (their legend is the element's name). */
const elements = (page: Page) => page.locator("fieldset.element-question");
/** The element whose control has the keyboard. */
const focusedElement = (page: Page) => page.locator("fieldset.element-question:focus-within");
const progressBar = (page: Page) => page.getByRole("progressbar", { name: m.progressLabel });

async function saved(element: Locator) {
  await expect(element.getByRole("status")).toHaveText(messagePattern(m.savedAt, {}, { from: "start" }));
}

type Area = FrameworkContent["areas"][number];

/** The areas of function of a round's framework, as the respond page lists them. */
async function roundAreas(page: Page, roundId: string): Promise<Area[]> {
  const round = ok(await trpcQuery<{ framework: { content: FrameworkContent } }>(page.request, "assessment.get", { taskForceSlug: RIVERBEND, roundId }), "assessment.get");
  return frameworkAsShown(round.framework.content).areas;
}
const areaName = (area: Area) => fill(m.areaHeading, { key: area.key, name: area.name });
/** One element's question, by its name (the fieldset's legend); only while its area is shown. */
const question = (page: Page, name: string) => page.getByRole("group", { name, exact: true });

test.describe("responding to an assessment round", () => {
  test("create, open, respond with autosave, submit, and follow progress", async ({ page, browser }) => {
    test.slow();
    const title = `E2E round ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

    // --- The coordinator creates the round as a draft and opens it. ---
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, ROUNDS);
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
      await openInApp(member, ROUNDS);
      await member.getByRole("link", { name: fill(m.respondTo, { title }) }).click();
      await expect(member.getByRole("heading", { level: 1, name: fill(m.respondHeading, { title }) })).toBeVisible();
      const total = await elements(member).count();
      expect(total).toBeGreaterThan(3);
      await expect(member.locator(".progress-count")).toHaveText(progressText(0, total));
      await expect(progressBar(member)).toHaveAttribute("aria-valuetext", progressText(0, total));
      // The first area is shown until another is chosen; the first three elements are in it.
      await expect(respondAreaLinks(member).first()).toHaveAttribute("aria-current", "step");
      expect(await shownElements(member).count()).toBeGreaterThan(3);

      // A stage is saved at once; the reasons after a pause in typing.
      const first = elements(member).nth(0);
      await first.getByRole("radio", { name: stageChoice(3) }).check();
      await saved(first);
      const textSaved = member.waitForResponse((response) => response.url().includes("assessment.saveDraft") && response.ok());
      await first.getByLabel(m.rationale).fill("Partners meet monthly and share a written protocol.");
      await textSaved;
      await saved(first);

      const second = elements(member).nth(1);
      await second.getByRole("radio", { name: m.notApplicable }).check();
      await saved(second);
      await expect(member.locator(".progress-count")).toHaveText(progressText(2, total));
      await expect(progressBar(member)).toHaveAttribute("aria-valuetext", progressText(2, total));
      await expect(member.getByText(messages.privacy.noSurvivorNames).first()).toBeVisible();
      await expectNoAxeViolations(member, "respond page with saved answers");

      // A reload shows what the server has.
      await member.reload();
      await expect(elements(member).nth(0).getByRole("radio", { name: stageChoice(3) })).toBeChecked();
      await expect(elements(member).nth(0).getByLabel(m.rationale)).toHaveValue("Partners meet monthly and share a written protocol.");
      await expect(elements(member).nth(1).getByRole("radio", { name: m.notApplicable })).toBeChecked();
      await expect(member.locator(".progress-count")).toHaveText(progressText(2, total));

      // The session ends: the answer stays on this device and is saved after signing in again.
      await memberContext.clearCookies();
      const third = elements(member).nth(2);
      await third.getByRole("radio", { name: stageChoice(2) }).check();
      await expect(member.getByRole("alert").filter({ hasText: m.sessionEnded })).toBeVisible();
      await expect(third.getByRole("status")).toHaveText(m.keptOnDevice);
      const signInLink = member.getByRole("link", { name: m.signInAgain });
      await expect(signInLink).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(new URL(member.url()).pathname)}`);
      await signInByApi(member.request, USERS.member);
      await member.reload();
      await expect(elements(member).nth(2).getByRole("radio", { name: stageChoice(2) })).toBeChecked();
      await saved(elements(member).nth(2));
      await expect(member.locator(".progress-count")).toHaveText(progressText(3, total));
      await member.reload();
      await expect(elements(member).nth(2).getByRole("radio", { name: stageChoice(2) })).toBeChecked();

      // Submitting early names what is missing, in every area, and links to it.
      await member.getByRole("button", { name: m.submit }).click();
      const missingMessage = fill(messages.errors.responsesMissing, { missing: total - 3, total });
      await expect(member.getByRole("alert").filter({ hasText: missingMessage })).toBeVisible();
      const missing = member.getByRole("navigation", { name: m.missingHeading });
      // Focus moves to the list, so a keyboard or screen-reader user lands on what is left to do.
      await expect(missing).toBeFocused();
      await expect(missing.getByRole("listitem")).toHaveCount(total - 3);
      await expectNoAxeViolations(member, "respond page listing what is missing");
      // An element of another area: following its link shows that area and puts the keyboard on the element.
      const roundId = new URL(member.url()).pathname.split("/").at(-2) ?? "";
      const secondArea = (await roundAreas(member, roundId))[1]!;
      const target = secondArea.elements[0]!;
      await missing.getByRole("link", { name: fill(m.missingElement, { element: target.name, area: areaName(secondArea) }), exact: true }).click();
      await expect(respondAreaLinks(member).nth(1)).toHaveAttribute("aria-current", "step");
      await expect(member).toHaveURL(new RegExp(`[?&]area=${secondArea.key}#element-`));
      await expect(question(member, target.name).getByRole("radio").first()).toBeFocused();
      await expect(elements(member).nth(0)).toBeHidden();

      // The rest, by "next unanswered": "don't know" for the element it brings up, until none is left.
      // It goes on through the later areas, then round to the ones left in the first.
      const next = member.getByRole("button", { name: m.nextUnanswered });
      for (let left = total - 3; left > 0; left -= 1) {
        const id = await focusedElement(member).getAttribute("id");
        const current = member.locator(`fieldset[id="${id}"]`);
        await current.getByRole("radio", { name: m.dontKnow }).check();
        // Saved before going on, so the count (and where "next" looks) includes it.
        await saved(current);
        if (left > 1) await next.click();
      }
      await expect(member.locator(".progress-count")).toHaveText(progressText(total, total));
      await expect(progressBar(member)).toHaveAttribute("aria-valuetext", progressText(total, total));
      // With nothing left, the bar's button leads to the submit button instead.
      await expect(next).toHaveCount(0);
      await member.getByRole("button", { name: m.goToSubmit }).click();
      await expect(member.getByRole("button", { name: m.submit })).toBeFocused();
      await member.getByRole("button", { name: m.submit }).click();
      await expect(member.getByRole("status").filter({ hasText: ROUND_SUBMITTED })).toContainText(m.submittedOn.split("</date>")[1]!);
      await expect(member.getByRole("button", { name: m.submit })).toHaveCount(0);
      await expectNoAxeViolations(member, "respond page after submitting");
    } finally {
      await memberContext.close();
    }

    // --- The coordinator sees the submission and reminds the others. ---
    await openInApp(page, manageUrl);
    const memberRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MEMBER_NAME }) });
    await expect(memberRow).toContainText(m.respondentStatus.submitted);
    const notSubmitted = page.getByRole("list", { name: new RegExp(`^${escapeRegExp(messageBefore(m.notSubmittedHeading, "count"))}`) });
    await expect(notSubmitted).not.toContainText(MEMBER_NAME);
    await expect(page.getByRole("table", { name: m.byDiscipline })).toContainText(messages.disciplines.victimServices);
    await page.getByRole("button", { name: m.sendReminder }).click();
    // Everyone who has not submitted is reminded (these servers send no email).
    const waiting = await notSubmitted.getByRole("listitem").count();
    expect(waiting).toBeGreaterThan(0);
    const reminded = page.getByRole("status").filter({ hasText: translate("assessments.reminded", { notified: waiting, already: 0, emailed: 0 }) });
    await expect(reminded).toBeVisible();
    await expectNoAxeViolations(page, "manage page after a reminder");

    // Pressing again the same day reminds nobody twice.
    await page.getByRole("button", { name: m.sendReminder }).click();
    await expect(page.getByRole("status").filter({ hasText: translate("assessments.reminded", { notified: 0, already: waiting, emailed: 0 }) })).toBeVisible();

    // The list shows one submission.
    await openInApp(page, ROUNDS);
    const listRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) });
    await expect(listRow).toContainText(m.status.open);
    await expect(listRow.getByRole("cell").filter({ hasText: messagePattern(m.submittedOf, { submitted: 1, asked: /\d+/ }, { from: "whole" }) })).toHaveCount(1);
  });

  test("one area at a time: the address keeps the place, typing survives a change of area, and next unanswered goes on across areas", async ({ browser }) => {
    test.slow();
    const title = `Areas round ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const roundId = await openRoundForMember(browser, title);
    const { context, page } = await newSignedInPage(browser, USERS.member);
    try {
      const areas = await roundAreas(page, roundId);
      const [first, second] = areas;
      expect(first && second && second.elements.length > 1 && first.elements.length > 2, "two areas, of several elements each").toBeTruthy();
      if (!first || !second) return;
      const total = areas.reduce((sum, area) => sum + area.elements.length, 0);
      const respond = `/tf/${RIVERBEND}/assessments/${roundId}/respond`;
      const links = respondAreaLinks(page);
      const next = page.getByRole("button", { name: m.nextUnanswered });

      // Without an area in the address the first is shown; each area says how much of it is rated.
      await openInApp(page, respond);
      await expect(page.getByRole("heading", { level: 1, name: fill(m.respondHeading, { title }) })).toBeVisible();
      await expect(links).toHaveCount(areas.length);
      for (const [index, area] of areas.entries()) {
        await expect(links.nth(index)).toContainText(areaName(area));
        await expect(links.nth(index)).toContainText(fill(m.areaCount, { answered: 0, total: area.elements.length }));
      }
      await expect(links.first()).toHaveAttribute("aria-current", "step");
      await expect(links.nth(1)).not.toHaveAttribute("aria-current");
      await expect(shownElements(page)).toHaveCount(first.elements.length);
      await expect(progressBar(page)).toHaveAttribute("aria-valuetext", progressText(0, total));
      await expectNoAxeViolations(page, "respond page, first area");

      // Reasons without a rating are not sent to the server: they are kept on this device.
      const rated = question(page, first.elements[0]!.name);
      const unrated = question(page, first.elements[1]!.name);
      const draft = "Still to ask the shelter about this one.";
      await unrated.getByLabel(m.rationale).fill(draft);
      await expect(unrated.getByRole("status")).toHaveText(m.needsRating);
      // A stage, then reasons typed and the area changed at once, before the pause that saves typing.
      await rated.getByRole("radio", { name: stageChoice(2) }).check();
      await saved(rated);
      const reasons = "Two partner agencies share a written referral protocol.";
      const reasonsSaved = page.waitForResponse((response) => response.url().includes("assessment.saveDraft") && response.ok());
      await rated.getByLabel(m.rationale).fill(reasons);
      await links.nth(1).click();
      await expect(page).toHaveURL(new RegExp(`[?&]area=${second.key}$`));
      await expect(links.nth(1)).toHaveAttribute("aria-current", "step");
      await expect(page.getByRole("heading", { level: 2, name: areaName(second) })).toBeFocused();
      await expect(shownElements(page)).toHaveCount(second.elements.length);
      await expect(question(page, second.elements[0]!.name)).toBeVisible();
      // The hidden element still saves what was typed in it.
      await reasonsSaved;
      await expect(links.first()).toContainText(fill(m.areaCount, { answered: 1, total: first.elements.length }));

      // Back returns to the first area, with what was typed in both elements.
      await page.goBack();
      await expect(page).toHaveURL(/\/respond$/);
      await expect(links.first()).toHaveAttribute("aria-current", "step");
      await expect(rated.getByLabel(m.rationale)).toHaveValue(reasons);
      await saved(rated);
      await expect(unrated.getByLabel(m.rationale)).toHaveValue(draft);

      // A reload brings the saved reasons from the server and the unsaved ones from this device.
      await page.reload();
      await expect(rated.getByLabel(m.rationale)).toHaveValue(reasons);
      await expect(unrated.getByLabel(m.rationale)).toHaveValue(draft);
      await expect(unrated.getByRole("status")).toHaveText(m.needsRating);

      // An address naming no area of this framework shows the first; one naming an area shows that one.
      await openInApp(page, `${respond}?area=Z`);
      await expect(links.first()).toHaveAttribute("aria-current", "step");
      await expect(shownElements(page)).toHaveCount(first.elements.length);
      await openInApp(page, `${respond}?area=${second.key}`);
      await expect(links.nth(1)).toHaveAttribute("aria-current", "step");
      await expect(question(page, second.elements[0]!.name)).toBeVisible();
      // The links at the foot of an area lead to the areas beside it.
      await page.getByRole("link", { name: fill(m.previousArea, { area: areaName(first) }) }).click();
      await expect(links.first()).toHaveAttribute("aria-current", "step");
      await expect(page.getByRole("heading", { level: 2, name: areaName(first) })).toBeFocused();

      // "Next unanswered" passes the rated element and lands on the one with only a draft, keyboard on its first choice.
      await next.click();
      await expect(unrated.getByRole("radio").first()).toBeFocused();
      await unrated.getByRole("radio", { name: m.notApplicable }).check();
      await saved(unrated);
      await expect(unrated.getByLabel(m.rationale)).toHaveValue(draft);
      // The rest of the first area by hand; then "next unanswered" goes on into the second area.
      for (const element of first.elements.slice(2)) {
        const rest = question(page, element.name);
        await rest.getByRole("radio", { name: m.dontKnow }).check();
        await saved(rest);
      }
      await expect(links.first()).toContainText(fill(m.areaCount, { answered: first.elements.length, total: first.elements.length }));
      await expect(progressBar(page)).toHaveAttribute("aria-valuetext", progressText(first.elements.length, total));
      await next.click();
      await expect(page).toHaveURL(new RegExp(`[?&]area=${second.key}#element-`));
      await expect(links.nth(1)).toHaveAttribute("aria-current", "step");
      await expect(question(page, second.elements[0]!.name).getByRole("radio").first()).toBeFocused();

      // At 320 pixels wide the bar stays at the top of the window, and the element brought up is below it, not under it.
      await page.setViewportSize({ width: 320, height: 640 });
      await next.click();
      const broughtUp = question(page, second.elements[1]!.name);
      await expect(broughtUp.getByRole("radio").first()).toBeFocused();
      const bar = await page.locator(".respond-bar").boundingBox();
      const box = await broughtUp.boundingBox();
      expect(bar, "the progress bar is on screen").not.toBeNull();
      expect(box, "the element brought up is on screen").not.toBeNull();
      expect(Math.round(bar!.y)).toBe(0);
      expect(bar!.width).toBeLessThanOrEqual(320);
      expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
      await expectNoAxeViolations(page, "respond page, second area, 320 pixels wide");
    } finally {
      await context.close();
    }
  });

  test("a closed round tells the member so instead of showing the form", async ({ page }) => {
    await signInByApi(page.request, USERS.member);
    await openInApp(page, ROUNDS);
    await expectNoAxeViolations(page, "rounds list (member)");
    // A seeded round the member answered; other specs may add closed rounds they were not asked in.
    const closedRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Autumn 2026 self-assessment (demo)" }) });
    await expect(closedRow).toContainText(m.status.closed);
    const results = await closedRow.getByRole("link", { name: m.results }).getAttribute("href");
    expect(results).toBeTruthy();
    // Members get no manage link.
    await expect(page.getByRole("link", { name: MANAGE_LINK })).toHaveCount(0);
    await openInApp(page, `${results}/respond`);
    await expect(page.getByText(m.respondClosed)).toBeVisible();
    await expect(page.locator("fieldset.element-question")).toHaveCount(0);
    await expectNoAxeViolations(page, "respond page of a closed round");
  });

  test("a closed round's manage page asks for a reason before reopening", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, ROUNDS);
    const closedRow = page.getByRole("row").filter({ hasText: m.status.closed }).first();
    await closedRow.getByRole("link", { name: MANAGE_LINK }).click();
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
    await openInApp(page, ROUNDS);
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
    await expect(page.locator("dl.details")).toContainText(translate("assessments.audienceChosenCount", { count: asked }));
  });
});
