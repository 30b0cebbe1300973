import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./test";
import {
  auditChange,
  escapeRegExp,
  expectNoAxeViolations,
  fill,
  messageBefore,
  messagePattern,
  messages,
  ok,
  openInApp,
  RIVERBEND,
  roadmapElementName,
  roadmapStageName,
  signInByApi,
  translate,
  translatePattern,
  trpcQuery,
  USERS,
} from "./fixtures";

/*
 * Results of an assessment round, the comparison of two rounds, and who sees what: coordinators
 * see every individual rating and record agreed stages and targets; members see only their own
 * rating; funders and viewers see aggregates only. Uses the two closed demo rounds of the seed.
 */

const m = messages.assessmentResults;
const SPRING = "Spring 2026 self-assessment (demo)";
const AUTUMN = "Autumn 2026 self-assessment (demo)";
const tf = (path: string) => `/tf/${RIVERBEND}${path}`;
/** Elements of the roadmap whose results in the demo rounds these tests know. */
const MISSION = roadmapElementName("A.mission");
const PROTOCOLS = roadmapElementName("A.protocols");
/** A stage with its name, as results show it ("4 (Performing)"). */
const stageWithName = (stage: number) => fill(m.stageWithName, { stage, name: roadmapStageName(stage) });
const movedUp = translate("assessmentResults.movement", { movement: "up" });
const individualHeading = new RegExp(`^${escapeRegExp(messageBefore(m.individualHeading, "count"))}`);

/** Fills an ICU message's simple {placeholders}; enough for the plain sentences asserted here. */
async function roundIds(request: APIRequestContext): Promise<{ spring: string; autumn: string }> {
  const rounds = ok(await trpcQuery<{ id: string; title: string }[]>(request, "assessment.list", { taskForceSlug: RIVERBEND }), "assessment.list");
  const spring = rounds.find((round) => round.title === SPRING)?.id;
  const autumn = rounds.find((round) => round.title === AUTUMN)?.id;
  expect(spring && autumn, "both demo rounds exist").toBeTruthy();
  return { spring: spring as string, autumn: autumn as string };
}

const elementArticle = (page: Page, name: string) => page.getByRole("article", { name, exact: true });

/** Opens every chart's table alternative, so axe scans those tables too. */
async function expandChartTables(page: Page) {
  const summaries = page.locator("details.chart-table > summary");
  const count = await summaries.count();
  expect(count, "charts with a table alternative").toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) await summaries.nth(index).click();
  await expect(page.locator("details.chart-table[open] table").first()).toBeVisible();
}

test.describe("assessment results", () => {
  test("a coordinator sees the radar, heat map, disagreement, discipline split and every rating", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    const { autumn } = await roundIds(page.request);
    await openInApp(page, tf(`/assessments/${autumn}`));
    await expect(page.getByRole("heading", { level: 1, name: AUTUMN })).toBeVisible();
    await expect(page.getByText(fill(m.statusLine, { status: translate("assessmentResults.status", { status: "closed" }) }))).toBeVisible();

    // The radar shows this round over the previous closed one, with a summary in words.
    await expect(page.locator("figcaption").filter({ hasText: fill(m.radarCaption, { current: AUTUMN, previous: SPRING }) })).toBeVisible();
    // A drawing is drawn once it is scrolled to (ChartFrame.tsx).
    const radar = page.locator("figure.chart").first();
    await radar.scrollIntoViewIfNeeded();
    await expect(radar.getByRole("application")).toBeVisible();
    await expect(page.locator(".chart-summary").first()).toContainText(messageBefore(m.summaryStrongestWeakest, "strongest"));
    await expect(page.locator(".chart-summary").first()).toContainText(fill(messageBefore(m.summaryMovement, "up"), { previous: SPRING }));

    // The heat map is a table; disagreement is marked in words.
    const heatMap = page.getByRole("table", { name: m.heatCaption });
    await expect(heatMap).toBeVisible();
    await expect(heatMap.getByText(messages.charts.disagreementYes).first()).toBeVisible();
    // Its caption counts the disagreeing elements, and names them when they are few.
    const disagreeingCount = await page.locator("article.element-result.disagreement").count();
    const elementCount = await page.locator("article.element-result").count();
    const named = translatePattern("assessmentResults.heatSummary", { count: disagreeingCount, total: elementCount, names: /.+/ });
    const many = translatePattern("assessmentResults.heatSummaryMany", { count: disagreeingCount, total: elementCount });
    await expect(page.locator("figcaption").filter({ hasText: new RegExp(`${named.source}|${many.source}`) })).toBeVisible();

    // Per element: the result and its source in words, the discipline split, and every rating.
    const agreedElement = elementArticle(page, MISSION);
    await expect(agreedElement).toContainText(messagePattern(m.resultAgreed));
    const medianElement = elementArticle(page, PROTOCOLS);
    await expect(medianElement).toContainText(messagePattern(m.resultMedian));
    await expect(medianElement.getByRole("table", { name: fill(m.disciplineCaption, { element: PROTOCOLS }) })).toBeVisible();
    await expect(medianElement.getByRole("rowheader", { name: messages.disciplines.victimServices })).toBeVisible();
    await expect(medianElement.getByRole("heading", { name: fill(m.individualHeading, { count: 6 }) })).toBeVisible();
    await medianElement.getByText(fill(m.showRatings, { element: PROTOCOLS })).click();
    const ratings = medianElement.getByRole("table", { name: fill(m.individualCaption, { element: PROTOCOLS }) });
    await expect(ratings.getByRole("rowheader", { name: "Avery Advocate (demo)" })).toBeVisible();
    await expect(ratings.getByRole("row").filter({ hasText: "Avery Advocate (demo)" })).toContainText("Riverbend Safe Harbor Victim Services (demo)");

    // A coordinator can go to the round's management; the round is closed, so there is no respond link.
    await expect(page.getByRole("link", { name: m.manage })).toHaveAttribute("href", tf(`/assessments/${autumn}/manage`));
    await expect(page.getByRole("link", { name: m.respond })).toHaveCount(0);

    // The disagreement filter keeps only disagreeing elements on show.
    const total = await page.locator("article.element-result").count();
    await page.getByLabel(m.filterDisagreement).check();
    const disagreeing = await page.locator("article.element-result.disagreement").count();
    expect(disagreeing).toBeGreaterThan(0);
    await expect(page.getByRole("status").filter({ hasText: fill(m.filterCount, { shown: disagreeing, total }) })).toBeVisible();
    await expect(medianElement).toBeHidden();
    await page.getByLabel(m.filterDisagreement).uncheck();

    await expandChartTables(page);
    await expectNoAxeViolations(page, "round results as coordinator");
  });

  test("a coordinator records an agreed stage and a target; both are audited", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    const { autumn } = await roundIds(page.request);
    await openInApp(page, tf(`/assessments/${autumn}`));
    // Not an element other tests read as "median, not yet agreed" or as the one that moved down.
    const elementName = roadmapElementName("A.meetings");
    const element = elementArticle(page, elementName);
    await element.getByText(fill(m.recordSummary, { element: elementName })).click();

    const agreedForm = element.getByRole("form", { name: fill(m.agreedForm, { element: elementName }) });
    await agreedForm.getByLabel(m.agreedStage).selectOption({ label: fill(m.stageOption, { stage: 4, name: roadmapStageName(4) }) });
    // A note that is too long is refused next to the field, and what was typed stays.
    const tooLong = `e2e ${"x".repeat(2001)}`;
    await agreedForm.getByLabel(m.note).fill(tooLong);
    await agreedForm.getByRole("button", { name: m.saveAgreed }).click();
    await expect(agreedForm.getByText(fill(messages.validation.tooLong, { max: 2000 }))).toBeVisible();
    await expect(agreedForm.getByLabel(m.note)).toHaveValue(tooLong);
    await expect(agreedForm.getByLabel(m.agreedStage)).toHaveValue("4");

    const note = `e2e agreed after review ${Date.now().toString(36)}`;
    await agreedForm.getByLabel(m.note).fill(note);
    await agreedForm.getByRole("button", { name: m.saveAgreed }).click();
    await expect(agreedForm.getByRole("status")).toHaveText(fill(m.agreedSaved, { element: elementName }));
    await expect(element).toContainText(fill(m.resultAgreed, { stage: stageWithName(4) }));
    await expect(element).toContainText(note);

    const targetForm = element.getByRole("form", { name: fill(m.targetForm, { element: elementName }) });
    const targetNote = `e2e target ${Date.now().toString(36)}`;
    await targetForm.getByLabel(m.targetStage).selectOption({ label: fill(m.stageOption, { stage: 5, name: roadmapStageName(5) }) });
    await targetForm.getByLabel(m.note).fill(targetNote);
    await targetForm.getByRole("button", { name: m.saveTarget }).click();
    await expect(targetForm.getByRole("status")).toHaveText(fill(m.targetSaved, { element: elementName }));
    await expect(element.locator("dl.stats")).toContainText(stageWithName(5));

    // It stuck, and the audit log says who did it.
    await page.reload();
    await expect(elementArticle(page, elementName)).toContainText(fill(m.resultAgreed, { stage: stageWithName(4) }));
    await openInApp(page, tf("/settings/audit"));
    const agreedRow = page.getByRole("row").filter({ hasText: messages.audit.entities.agreedStage }).filter({ hasText: note });
    await expect(agreedRow.first()).toContainText("Casey Coordinator (demo)");
    await expect(agreedRow.first()).toContainText(auditChange("stage", messages.audit.empty, 4));
    const targetRow = page.getByRole("row").filter({ hasText: messages.audit.entities.elementTarget }).filter({ hasText: targetNote });
    await expect(targetRow.first()).toContainText(auditChange("stage", messages.audit.empty, 5));
  });

  for (const role of ["funder", "viewer"] as const) {
    test(`a ${role} sees aggregates and no individual rating`, async ({ page }) => {
      await signInByApi(page.request, USERS[role]);
      await openInApp(page, tf("/assessments"));
      const { autumn } = await roundIds(page.request);
      await openInApp(page, tf(`/assessments/${autumn}`));
      await expect(page.getByRole("heading", { level: 1, name: AUTUMN })).toBeVisible();
      await expect(page.getByText(m.aggregatesOnly)).toBeVisible();
      await expect(page.getByRole("table", { name: m.heatCaption })).toBeVisible();
      const element = elementArticle(page, PROTOCOLS);
      await expect(element).toContainText(messagePattern(m.resultMedian));
      // Every discipline group of the demo is smaller than three: all are withheld, the two victim-services
      // respondents too (either could subtract their own rating to get the other's).
      const split = element.getByRole("table", { name: fill(m.disciplineCaption, { element: PROTOCOLS }) });
      await expect(split.getByText(m.suppressed).first()).toBeVisible();
      await expect(split.getByRole("row").filter({ hasText: messages.disciplines.victimServices })).toContainText(m.suppressed);

      await expect(page.getByRole("heading", { name: individualHeading })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: m.yourRating })).toHaveCount(0);
      await expect(page.getByText("Avery Advocate (demo)")).toHaveCount(0);
      await expect(page.getByText("Morgan Member (demo)")).toHaveCount(0);
      await expect(page.getByText(fill(m.recordSummary, { element: PROTOCOLS }))).toHaveCount(0);
      await expect(page.getByRole("link", { name: m.manage })).toHaveCount(0);
      if (role === "funder") {
        await expandChartTables(page);
        await expectNoAxeViolations(page, "round results as funder");
      }
    });
  }

  test("a member sees only their own rating", async ({ page }) => {
    await signInByApi(page.request, USERS.member);
    const { autumn } = await roundIds(page.request);
    await openInApp(page, tf(`/assessments/${autumn}`));
    await expect(page.getByRole("heading", { level: 1, name: AUTUMN })).toBeVisible();
    const element = elementArticle(page, PROTOCOLS);
    await expect(element.getByRole("heading", { name: m.yourRating })).toBeVisible();
    await expect(page.getByRole("heading", { name: individualHeading })).toHaveCount(0);
    await expect(page.getByText("Avery Advocate (demo)")).toHaveCount(0);
    await expect(page.getByText("Dana Deputy (demo)")).toHaveCount(0);
    await expect(page.getByRole("link", { name: m.manage })).toHaveCount(0);
    await expect(page.getByText(fill(m.recordSummary, { element: PROTOCOLS }))).toHaveCount(0);
  });

  test("an unknown or malformed round id is the not-found page", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    expect((await page.goto(tf("/assessments/00000000-0000-4000-8000-000000000000")))?.status()).toBe(404);
    expect((await page.goto(tf("/assessments/not-a-round")))?.status()).toBe(404);
  });
});

test.describe("comparing rounds", () => {
  test("spring against autumn shows movement, and same respondents only changes the counts", async ({ page }) => {
    test.slow();
    await signInByApi(page.request, USERS.coordinator);
    const { spring, autumn } = await roundIds(page.request);
    await openInApp(page, tf(`/assessments/compare?a=${spring}&b=${autumn}`));
    await expect(page.getByRole("heading", { level: 1, name: m.compareTitle })).toBeVisible();
    await expect(page.getByRole("heading", { name: fill(m.comparing, { a: SPRING, b: AUTUMN }) })).toBeVisible();
    await expect(page.getByLabel(m.roundA)).toHaveValue(spring);
    await expect(page.getByLabel(m.roundB)).toHaveValue(autumn);

    const counts = page.locator(".movement-counts li");
    const read = async () => {
      const texts = await counts.allInnerTexts();
      return texts.map((text) => Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN));
    };
    const [up, down, unchanged, notComparable] = await read();
    expect(up).toBeGreaterThan(0);
    expect(down).toBeGreaterThan(0);
    expect((up ?? 0) + (down ?? 0) + (unchanged ?? 0) + (notComparable ?? 0)).toBe(23);
    await expect(counts.first()).toContainText(fill(m.movementCount, { label: movedUp, count: up ?? 0 }));
    await expect(page.getByRole("cell", { name: new RegExp(escapeRegExp(movedUp)) }).first()).toBeVisible();

    // The nurse joined after spring: with the same respondents only, autumn counts five people, not six.
    const missionRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: MISSION }) });
    await expect(missionRow.getByRole("cell").nth(4)).toHaveText("6");
    await page.getByLabel(m.sameRespondents).check();
    await page.getByRole("button", { name: m.compareSubmit }).click();
    await page.waitForURL((url) => url.searchParams.get("same") === "1");
    await expect(page.getByText(m.comparingSame)).toBeVisible();
    await expect(page.getByLabel(m.sameRespondents)).toBeChecked();
    await expect(missionRow.getByRole("cell").nth(4)).toHaveText("5");
    // Agreed stages are left out: both sides are medians now.
    await expect(missionRow).not.toContainText(messagePattern(m.sourceAgreed));

    // The trend of each area across the closed rounds, with its summary in words.
    const trend = page.locator("figure").filter({ hasText: m.trendCaption });
    // Other specs may close rounds of their own after autumn, so only the start of the span is fixed.
    await expect(trend).toContainText(fill(messageBefore(m.trendSummary, "last"), { first: SPRING }));
    await trend.scrollIntoViewIfNeeded();
    await expect(trend.getByRole("application")).toBeVisible();

    await expandChartTables(page);
    await expect(trend.getByRole("row").filter({ hasText: AUTUMN })).toBeVisible();
    await expectNoAxeViolations(page, "compare rounds");
  });

  test("bad or missing round ids give a clear message, not a crash", async ({ page }) => {
    await signInByApi(page.request, USERS.funder);
    const { autumn } = await roundIds(page.request);
    for (const query of [`?a=not-a-round&b=${autumn}`, `?a=00000000-0000-4000-8000-000000000000&b=${autumn}`]) {
      const response = await page.goto(tf(`/assessments/compare${query}`));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("status").filter({ hasText: m.badRound })).toBeVisible();
    }
    // Without a choice, the two latest rounds are compared.
    await openInApp(page, tf("/assessments/compare"));
    await expect(page.getByRole("heading", { name: messagePattern(m.comparing) })).toBeVisible();
    await expectNoAxeViolations(page, "compare rounds as funder");
  });
});
