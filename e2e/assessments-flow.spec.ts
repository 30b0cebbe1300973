import type { Browser, Page } from "@playwright/test";
import type { FrameworkContent } from "../db/schema";
import { expect, test } from "./test";
import {
  answerEveryElement,
  demoDateFromToday,
  expectNoAxeViolations,
  fill,
  frameworkAsShown,
  listPeople,
  messagePattern,
  messages,
  newSignedInPage,
  ok,
  openInApp,
  RIVERBEND,
  ROUND_SUBMITTED,
  signInByApi,
  stageChoice,
  translate,
  trpcMutation,
  trpcQuery,
  USERS,
} from "./fixtures";

/*
 * The "done means", end to end: a round is opened, three members of different disciplines
 * respond in their own browsers, the coordinator reads consensus, disagreement and the discipline
 * split, records an agreed stage and closes the round; a second round follows and the two are
 * compared.
 */

const a = messages.assessments;
const r = messages.assessmentResults;
const movedUp = translate("assessmentResults.movement", { movement: "up" });
/** Three demo members: victim services, local law enforcement and prosecution. */
const RESPONDENTS = [
  { email: "advocate@example.org", firstStage: 1, discipline: messages.disciplines.victimServices },
  { email: "deputy@example.org", firstStage: 4, discipline: messages.disciplines.lawEnforcementLocalState },
  { email: "prosecutor@example.org", firstStage: 2, discipline: messages.disciplines.prosecution },
] as const;


/** Creates and opens a round asking exactly the three respondents; returns its id. */
async function openRound(page: Page, title: string): Promise<string> {
  const people = await listPeople(page.request, RIVERBEND);
  const userIds = RESPONDENTS.map(({ email }) => people.find((person) => person.email === email)?.userId);
  expect(userIds.every(Boolean), "the three demo respondents are members").toBeTruthy();
  const { id } = ok(
    await trpcMutation<{ id: string }>(page.request, "assessment.create", {
      taskForceSlug: RIVERBEND,
      title,
      opensOn: demoDateFromToday(0),
      closesOn: demoDateFromToday(21),
      audience: "chosen",
      userIds,
    }),
    "assessment.create",
  );
  ok(await trpcMutation(page.request, "assessment.open", { taskForceSlug: RIVERBEND, roundId: id }), "assessment.open");
  return id;
}

/** One respondent answers every element in the browser: the first element as given, the rest stage 3. */
async function respondInBrowser(browser: Browser, email: string, roundId: string, firstStage: number) {
  const { context, page } = await newSignedInPage(browser, email);
  try {
    await openInApp(page, `/tf/${RIVERBEND}/assessments/${roundId}/respond`);
    const total = await answerEveryElement(page, (index) => stageChoice(index === 0 ? firstStage : 3));
    expect(total).toBeGreaterThan(20);
    await expect(page.locator(".progress-count").first()).toHaveText(fill(a.progress, { answered: total, total }));
    await page.getByRole("button", { name: a.submit }).click();
    await expect(page.getByText(ROUND_SUBMITTED)).toBeVisible();
  } finally {
    await context.close();
  }
}

test("a round from opening to comparison with the next one", async ({ browser, page }) => {
  test.slow();
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signInByApi(page.request, USERS.coordinator);
  const framework = ok(await trpcQuery<{ content: FrameworkContent }>(page.request, "framework.forTaskForce", { taskForceSlug: RIVERBEND }), "framework");
  const elements = frameworkAsShown(framework.content).areas.flatMap((area) => area.elements);
  const first = elements[0]!;

  // --- Round one: three members respond in their own browsers. ---
  const firstTitle = `Flow round one ${suffix}`;
  const firstId = await openRound(page, firstTitle);
  for (const respondent of RESPONDENTS) await respondInBrowser(browser, respondent.email, firstId, respondent.firstStage);

  // --- The coordinator reads consensus, disagreement and the discipline split. ---
  await openInApp(page, `/tf/${RIVERBEND}/assessments/${firstId}`);
  await expect(page.getByRole("heading", { level: 1, name: firstTitle })).toBeVisible();
  const article = page.getByRole("article", { name: first.name, exact: true });
  await expect(article).toContainText(r.disagreementBadge);
  await expect(article).toContainText(messagePattern(r.resultMedian));
  const split = article.getByRole("table", { name: fill(r.disciplineCaption, { element: first.name }) });
  for (const respondent of RESPONDENTS) await expect(split.getByRole("rowheader", { name: respondent.discipline })).toBeVisible();
  await expectNoAxeViolations(page, "results of a fresh round");

  // An agreed stage after discussion becomes the result.
  await article.getByText(fill(r.recordSummary, { element: first.name })).click();
  const agreedForm = article.getByRole("form", { name: fill(r.agreedForm, { element: first.name }) });
  await agreedForm.getByLabel(r.agreedStage).selectOption("2");
  await agreedForm.getByLabel(r.note).fill(`Agreed at the flow review ${suffix}`);
  await agreedForm.getByRole("button", { name: r.saveAgreed }).click();
  await expect(agreedForm.getByRole("status")).toHaveText(fill(r.agreedSaved, { element: first.name }));
  await expect(article).toContainText(messagePattern(r.resultAgreed));

  // Closing is done on the manage page, after a confirmation in a dialog of the page: Escape keeps
  // the round open and gives focus back to the button; the dialog's own button closes it.
  await openInApp(page, `/tf/${RIVERBEND}/assessments/${firstId}/manage`);
  const closeButton = page.getByRole("button", { name: a.closeRound });
  await closeButton.click();
  const confirmation = page.getByRole("dialog", { name: fill(a.confirmClose, { title: firstTitle }) });
  await expect(confirmation.getByRole("button", { name: a.keepOpen })).toBeFocused();
  await expectNoAxeViolations(page, "closing a round: the confirmation");
  await page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(closeButton).toBeFocused();
  await closeButton.click();
  await confirmation.getByRole("button", { name: a.closeRound }).click();
  await expect(page.getByRole("status").filter({ hasText: a.roundClosed })).toBeVisible();

  // --- Round two: everyone now rates every element one stage higher. ---
  const secondTitle = `Flow round two ${suffix}`;
  const secondId = await openRound(page, secondTitle);
  for (const respondent of RESPONDENTS) {
    const { context } = await newSignedInPage(browser, respondent.email);
    try {
      for (const element of elements) {
        ok(
          await trpcMutation(context.request, "assessment.saveDraft", {
            taskForceSlug: RIVERBEND,
            roundId: secondId,
            elementKey: element.key,
            answer: "stage",
            stage: 4,
          }),
          "saveDraft",
        );
      }
      ok(await trpcMutation(context.request, "assessment.submit", { taskForceSlug: RIVERBEND, roundId: secondId }), "submit");
    } finally {
      await context.close();
    }
  }
  ok(await trpcMutation(page.request, "assessment.close", { taskForceSlug: RIVERBEND, roundId: secondId }), "close");

  // --- The comparison: every element moved up (from the agreed 2 or the median 3 to 4). ---
  await openInApp(page, `/tf/${RIVERBEND}/assessments/compare?a=${firstId}&b=${secondId}`);
  await expect(page.getByText(fill(r.movementCount, { label: movedUp, count: elements.length }))).toBeVisible();
  await expect(page.getByText(fill(r.movementCount, { label: translate("assessmentResults.movement", { movement: "down" }), count: 0 }))).toBeVisible();
  await expectNoAxeViolations(page, "comparison of the two flow rounds");

  // The same respondents answered both rounds, so the stricter comparison agrees (medians 3 → 4).
  await openInApp(page, `/tf/${RIVERBEND}/assessments/compare?a=${firstId}&b=${secondId}&same=1`);
  await expect(page.getByText(translate("assessmentResults.respondentsInBoth", { count: 3 }))).toBeVisible();
  await expect(page.getByText(fill(r.movementCount, { label: movedUp, count: elements.length }))).toBeVisible();
});
