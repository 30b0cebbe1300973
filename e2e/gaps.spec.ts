import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./test";
import {
  demoDateFromToday,
  escapeRegExp,
  expectNoAxeViolations,
  fill,
  format,
  listPeople,
  messageBefore,
  messagePattern,
  messages,
  newSignedInPage,
  ok,
  openInApp,
  RIVERBEND,
  signInByApi,
  trpcMutation,
  trpcQuery,
  USERS,
} from "./fixtures";

/*
 * Gaps and action plans. Every test makes the gaps it works on (from a suggestion or by API), so it
 * depends on no other spec and changes nothing another spec reads (the seeded gaps stay as they are).
 */

const t = messages.gaps;
const GAPS = `/tf/${RIVERBEND}/gaps`;
const AUTUMN = "Autumn 2026 self-assessment (demo)";
const FUTURE = "2099-06-30";
const suffix = () => Math.random().toString(36).slice(2, 7);

/** A gap made by API (as the coordinator signed in on `request`) on the framework's first element. */
async function createGapByApi(request: APIRequestContext, title: string): Promise<string> {
  const framework = ok(
    await trpcQuery<{ content: { areas: { elements: { key: string }[] }[] } }>(request, "framework.forTaskForce", { taskForceSlug: RIVERBEND }),
    "framework.forTaskForce",
  );
  const elementKey = framework.content.areas[0]?.elements[0]?.key ?? "";
  const { id } = ok(await trpcMutation<{ id: string }>(request, "gap.create", { taskForceSlug: RIVERBEND, elementKey, title }), "gap.create");
  return id;
}

async function addAction(page: Page, title: string, assigneeUserId: string, dueOn: string) {
  const form = page.getByRole("form", { name: t.addActionHeading });
  await form.getByLabel(t.actionTitleLabel, { exact: true }).fill(title);
  await form.getByLabel(t.assigneePersonLabel, { exact: true }).selectOption(assigneeUserId);
  await form.getByLabel(t.actionDueLabel, { exact: true }).fill(dueOn);
  await form.getByRole("button", { name: t.addAction }).click();
}

test.describe("gaps", () => {
  test("a coordinator turns an element below its target into a gap from the round's results, the form filled in", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    const rounds = ok(await trpcQuery<{ id: string; title: string }[]>(page.request, "assessment.list", { taskForceSlug: RIVERBEND }), "assessment.list");
    const autumn = rounds.find((round) => round.title === AUTUMN);
    expect(autumn, "the demo's autumn round").toBeDefined();
    await openInApp(page, `/tf/${RIVERBEND}/assessments/${autumn!.id}`);
    const offer = page.getByRole("link", { name: new RegExp(`^${escapeRegExp(messageBefore(messages.assessmentResults.createGap, "element"))}`) }).first();
    await expect(offer).toBeVisible();
    const element = /“(.+)”/.exec((await offer.textContent()) ?? "")?.[1] ?? "";
    await offer.click();

    await expect(page).toHaveURL(/\/gaps\?round=.+&element=.+#create-gap-heading$/);
    const form = page.getByRole("form", { name: t.createHeading });
    await expect(page.getByText(new RegExp(`^${escapeRegExp(fill(messageBefore(t.prefilledFrom, "element"), { round: AUTUMN }))}`))).toBeVisible();
    await expect(form.getByLabel(t.titleLabel, { exact: true })).toHaveValue(messagePattern(t.suggestedTitleRaise, { element, current: /\d/, target: /\d/ }, { from: "whole" }));
    await expect(form.getByLabel(t.elementLabel, { exact: true }).locator("option:checked")).toContainText(element);
    await expectNoAxeViolations(page, "gaps page with a gap filled in from results");

    await form.getByLabel(t.dueLabel, { exact: true }).fill(FUTURE);
    await form.getByRole("button", { name: t.create }).click();
    const created = page.getByRole("status").getByRole("link").first();
    await expect(created).toBeVisible();
    await created.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(element);
  });

  test("a suggested gap becomes an action plan; two members of two organizations complete their actions", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await signInByApi(page.request, USERS.coordinator);
    await openInApp(page, GAPS);
    const suggestions = page.getByRole("region", { name: t.suggestedHeading });
    await suggestions.getByLabel(t.roundLabel).selectOption({ label: AUTUMN });
    const createButton = suggestions.getByRole("button", { name: t.createFromSuggestion }).first();
    await expect(createButton).toBeVisible();
    await createButton.click();
    const link = page.getByRole("status").getByRole("link").first();
    await expect(link).toBeVisible();
    await link.click();
    await page.waitForURL(/\/gaps\/[0-9a-f-]{36}$/);
    const gapUrl = page.url();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const people = await listPeople(page.request, RIVERBEND);
    const member = people.find((person) => person.email === USERS.member);
    const deputy = people.find((person) => person.email === "deputy@example.org");
    expect(member && deputy && member.organizationId !== deputy.organizationId).toBeTruthy();

    // A due date in the past is refused with a clear message; what was typed stays.
    const pastTitle = `Past action ${suffix()}`;
    await addAction(page, pastTitle, member!.userId, "2020-01-01");
    const form = page.getByRole("form", { name: t.addActionHeading });
    await expect(form.getByText(messagePattern(messages.errors.dueOnPast)).first()).toBeVisible();
    await expect(form.getByLabel(t.actionTitleLabel, { exact: true })).toHaveValue(pastTitle);

    const memberAction = `Shelter action ${suffix()}`;
    const deputyAction = `Sheriff action ${suffix()}`;
    await addAction(page, memberAction, member!.userId, FUTURE);
    await expect(page.getByRole("row", { name: new RegExp(memberAction) })).toBeVisible();
    await addAction(page, deputyAction, deputy!.userId, FUTURE);
    await expect(page.getByRole("row", { name: new RegExp(deputyAction) })).toBeVisible();

    for (const [email, title] of [
      [USERS.member, memberAction],
      ["deputy@example.org", deputyAction],
    ] as const) {
      const { context, page: own } = await newSignedInPage(browser, email);
      try {
        await openInApp(own, gapUrl);
        const row = own.getByRole("row", { name: new RegExp(title) });
        await row.getByRole("button", { name: t.completeNamed.replace("{title}", title) }).click();
        await expect(row.getByRole("cell", { name: t.actionStatus.done, exact: true })).toBeVisible();
      } finally {
        await context.close();
      }
    }

    await page.reload();
    for (const title of [memberAction, deputyAction]) {
      await expect(page.getByRole("row", { name: new RegExp(title) }).getByRole("cell", { name: t.actionStatus.done, exact: true })).toBeVisible();
    }
  });

  test("the second of two people saving the same gap is refused with who changed it, and keeps what they typed", async ({ page, browser }) => {
    await signInByApi(page.request, USERS.coordinator);
    const gapId = await createGapByApi(page.request, `Conflict gap ${suffix()}`);
    const { context, page: other } = await newSignedInPage(browser, USERS.coordinator);
    try {
      await openInApp(page, `${GAPS}/${gapId}`);
      await openInApp(other, `${GAPS}/${gapId}`);
      const firstTitle = `Saved first ${suffix()}`;
      const secondTitle = `Saved second ${suffix()}`;
      const firstForm = page.getByRole("form", { name: t.editHeading });
      await firstForm.getByLabel(t.titleLabel).fill(firstTitle);
      await firstForm.getByLabel(t.dueLabel).fill(FUTURE);
      await firstForm.getByRole("button", { name: t.save }).click();
      await expect(page.getByText(t.saved)).toBeVisible();
      // The history names the changes in words, not by the fields' names in the code ("dueOn").
      const history = page.getByRole("region", { name: t.timelineHeading });
      await expect(history).toContainText(fill(t.eventUpdate, { fields: format.list([t.changedField.title, t.changedField.dueOn], { type: "conjunction" }) }));

      const secondForm = other.getByRole("form", { name: t.editHeading });
      await secondForm.getByLabel(t.titleLabel).fill(secondTitle);
      await secondForm.getByRole("button", { name: t.save }).click();
      await expect(secondForm.getByRole("alert")).toContainText(messagePattern(messages.errors.gapChangedByOther, { by: "Casey Coordinator (demo)" }));
      // The latest saved details show, and the typed title is still in the form.
      await expect(other.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
      await expect(secondForm.getByLabel(t.titleLabel)).toHaveValue(secondTitle);
      // Saving again, knowingly, applies it.
      await secondForm.getByRole("button", { name: t.save }).click();
      await expect(other.getByRole("heading", { level: 1 })).toHaveText(secondTitle);
    } finally {
      await context.close();
    }
  });

  test("a funder sees the gap and the comments shared with funders, not the internal ones", async ({ page, browser }) => {
    await signInByApi(page.request, USERS.coordinator);
    const title = `Funder gap ${suffix()}`;
    const gapId = await createGapByApi(page.request, title);
    const internal = `Internal note ${suffix()}`;
    const shared = `Shared note ${suffix()}`;
    ok(await trpcMutation(page.request, "gap.comment", { taskForceSlug: RIVERBEND, gapId, body: internal }), "internal comment");
    ok(await trpcMutation(page.request, "gap.comment", { taskForceSlug: RIVERBEND, gapId, body: shared, sharedWithFunders: true }), "shared comment");
    await openInApp(page, `${GAPS}/${gapId}`);
    await expect(page.getByText(internal)).toBeVisible();

    const { context, page: funder } = await newSignedInPage(browser, USERS.funder);
    try {
      await openInApp(funder, `${GAPS}/${gapId}`);
      await expect(funder.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(funder.getByText(shared)).toBeVisible();
      await expect(funder.getByText(internal)).toHaveCount(0);
      await expect(funder.getByRole("form", { name: t.editHeading })).toHaveCount(0);
    } finally {
      await context.close();
    }
  });

  test("list, board and detail pages have no axe violations", async ({ page }) => {
    await signInByApi(page.request, USERS.coordinator);
    const gapId = await createGapByApi(page.request, `Axe gap ${suffix()}`);
    await openInApp(page, GAPS);
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    await expectNoAxeViolations(page, "gaps list");
    await page.getByRole("link", { name: t.viewBoard }).click();
    await page.waitForURL(/view=board/);
    await expect(page.getByRole("heading", { name: new RegExp(t.status.open) }).first()).toBeVisible();
    await expectNoAxeViolations(page, "gaps board");
    await openInApp(page, `${GAPS}/${gapId}`);
    await expect(page.getByRole("heading", { name: t.actionsHeading })).toBeVisible();
    await expectNoAxeViolations(page, "gap detail");
  });

  // The closed loop: a later round shows the element reached its target, and the gap offers to resolve.
  test("a later round that reaches the target lets the coordinator resolve the gap", async ({ page, browser }) => {
    test.setTimeout(90_000);
    await signInByApi(page.request, USERS.coordinator);
    const framework = ok(
      await trpcQuery<{ content: { areas: { elements: { key: string }[] }[] } }>(page.request, "framework.forTaskForce", { taskForceSlug: RIVERBEND }),
      "framework.forTaskForce",
    );
    const elementKeys = framework.content.areas.flatMap((area) => area.elements.map((element) => element.key));
    const { id: gapId } = ok(
      await trpcMutation<{ id: string }>(page.request, "gap.create", {
        taskForceSlug: RIVERBEND,
        elementKey: elementKeys[0],
        title: `Closed loop ${suffix()}`,
        targetStage: 3,
      }),
      "gap.create",
    );

    // A new round, answered at stage 4 by two members and closed.
    const people = await listPeople(page.request, RIVERBEND);
    const respondents = ["advocate@example.org", "deputy@example.org"];
    const userIds = respondents.map((email) => people.find((person) => person.email === email)?.userId);
    const today = demoDateFromToday();
    const roundTitle = `Re-assessment ${suffix()}`;
    const { id: roundId } = ok(
      await trpcMutation<{ id: string }>(page.request, "assessment.create", {
        taskForceSlug: RIVERBEND,
        title: roundTitle,
        opensOn: today,
        closesOn: FUTURE,
        audience: "chosen",
        userIds,
      }),
      "assessment.create",
    );
    ok(await trpcMutation(page.request, "assessment.open", { taskForceSlug: RIVERBEND, roundId }), "assessment.open");
    for (const email of respondents) {
      const { context } = await newSignedInPage(browser, email);
      try {
        for (const elementKey of elementKeys) {
          ok(await trpcMutation(context.request, "assessment.saveDraft", { taskForceSlug: RIVERBEND, roundId, elementKey, answer: "stage", stage: 4 }), "saveDraft");
        }
        ok(await trpcMutation(context.request, "assessment.submit", { taskForceSlug: RIVERBEND, roundId }), "submit");
      } finally {
        await context.close();
      }
    }
    ok(await trpcMutation(page.request, "assessment.close", { taskForceSlug: RIVERBEND, roundId }), "assessment.close");

    await openInApp(page, `${GAPS}/${gapId}`);
    await expect(page.getByText(t.targetReached.replace("{round}", roundTitle))).toBeVisible();
    await page.getByRole("button", { name: t.markResolved }).click();
    await expect
      .poll(async () => ok(await trpcQuery<{ gap: { status: string } }>(page.request, "gap.get", { taskForceSlug: RIVERBEND, gapId }), "gap.get").gap.status)
      .toBe("resolved");
    await expect(page.getByRole("button", { name: t.markResolved })).toHaveCount(0);
    await expectNoAxeViolations(page, "gap resolved after the target was reached");
  });
});
