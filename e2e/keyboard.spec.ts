import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./test";
import type { FrameworkContent } from "../db/schema";
import {
  CONTRIBUTION_SUBMITTED,
  demoDateFromToday,
  demoQuarterBack,
  fill,
  frameworkAsShown,
  LAKESHORE,
  listOrganizations,
  messagePattern,
  messages,
  ok,
  openInApp,
  ROUND_SUBMITTED,
  signInByApi,
  translate,
  trpcMutation,
  trpcQuery,
  USERS,
  waitForQuiet,
} from "./fixtures";

/*
 * The core flows with the keyboard alone (issue 19): answering a round, recording attendance,
 * submitting a contribution report and editing a gap. Only Tab, Shift+Tab, Enter, Space, arrows and
 * typed text: no clicks and no fill(). Wherever the keyboard lands, the focus must show.
 *
 * Everything happens in the Lakeshore demo task force, on records each test makes for itself (a
 * round, a meeting, a gap) or that no other spec reads (the coalition's last quarter), so the specs
 * that share this worker's database see the Riverbend demo as they expect it.
 */

const COALITION = "Lakeshore Regional Outreach Coalition (demo)";
const tf = (path: string) => `/tf/${LAKESHORE}${path}`;
const suffix = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 120 } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`${target} not reached with ${limit} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}

/** The element with the focus shows it: an outline or a ring (box shadow) drawn for keyboard focus. */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
      focusVisible: element.matches(":focus-visible"),
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      ring: style.boxShadow !== "none",
    };
  });
  expect(focus, `something has the focus: ${what}`).not.toBeNull();
  expect(focus?.focusVisible, `the browser shows keyboard focus: ${what}`).toBe(true);
  expect(focus?.outline || focus?.ring, `the focus is drawn: ${what}`).toBe(true);
}

/** Opens a page and waits until its client components work (a key pressed earlier would do nothing). */
async function open(page: Page, path: string, heading: string): Promise<void> {
  await openInApp(page, path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await waitForQuiet(page);
}

/**
 * A date (YYYY-MM-DD) as a person types it into this browser's date fields: their parts come in the
 * order of the browser's language, which Intl in the page does not always tell (Chromium's US Spanish
 * field is day first, Intl's es-US month first), so a scratch field shows which part two digits fill.
 */
async function typedDate(page: Page, day: string): Promise<string> {
  await page.evaluate(() => {
    const scratch = document.createElement("input");
    scratch.type = "date";
    scratch.id = "e2e-date-order";
    document.body.append(scratch);
  });
  const scratch = page.locator("#e2e-date-order");
  await scratch.focus();
  await page.keyboard.type("01022003");
  const order = await scratch.inputValue();
  await page.evaluate(() => document.getElementById("e2e-date-order")?.remove());
  const [year, month, date] = day.split("-");
  if (order === "2003-02-01") return `${date}${month}${year}`;
  if (order === "2003-01-02") return `${month}${date}${year}`;
  throw new Error(`a date field of an unknown order: 01022003 typed became “${order}”`);
}

test.beforeEach(async ({ page }) => {
  await signInByApi(page.request, USERS.lakeshoreCoordinator);
});

test("a round is answered and submitted with the keyboard", async ({ page }) => {
  test.slow();
  const m = messages.assessments;
  const title = `Keyboard round ${suffix()}`;
  const { id } = ok(
    await trpcMutation<{ id: string }>(page.request, "assessment.create", { taskForceSlug: LAKESHORE, title, opensOn: demoDateFromToday(0), closesOn: demoDateFromToday(10), audience: "all" }),
    "assessment.create",
  );
  ok(await trpcMutation(page.request, "assessment.open", { taskForceSlug: LAKESHORE, roundId: id }), "assessment.open");
  const round = ok(await trpcQuery<{ framework: { content: FrameworkContent } }>(page.request, "assessment.get", { taskForceSlug: LAKESHORE, roundId: id }), "assessment.get");
  const areas = frameworkAsShown(round.framework.content).areas;
  const total = areas.reduce((sum, area) => sum + area.elements.length, 0);

  await open(page, tf(`/assessments/${id}/respond`), fill(m.respondHeading, { title }));
  const areaLinks = page.getByRole("navigation", { name: m.areasNav }).getByRole("link");
  for (const [areaIndex, area] of areas.entries()) {
    for (const [elementIndex, element] of area.elements.entries()) {
      const question = page.getByRole("group", { name: element.name, exact: true });
      const radios = question.getByRole("radio");
      // Tab enters a radio group with nothing chosen at its first choice.
      await tabTo(page, radios.first());
      if (areaIndex === 0 && elementIndex === 0) {
        await expectFocusVisible(page, "a rating's first choice");
        // Arrow keys move through the choices and choose as they go: stage 3.
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await expect(radios.nth(2)).toBeChecked();
        await page.keyboard.press("Tab");
        await expect(question.getByLabel(m.rationale)).toBeFocused();
        await expectFocusVisible(page, "the rationale");
        await page.keyboard.type("Typed with the keyboard alone.");
      } else {
        await page.keyboard.press("Space");
        await expect(radios.first()).toBeChecked();
      }
      await expect(question.getByRole("status")).toHaveText(messagePattern(m.savedAt, {}, { from: "start" }));
    }
    const following = areas[areaIndex + 1];
    if (following) {
      const next = page.getByRole("link", { name: fill(m.nextArea, { area: fill(m.areaHeading, { key: following.key, name: following.name }) }) });
      await tabTo(page, next);
      await expectFocusVisible(page, "the next area's link");
      await page.keyboard.press("Enter");
      await expect(areaLinks.nth(areaIndex + 1)).toHaveAttribute("aria-current", "step");
    }
  }
  await expect(page.locator(".progress-count")).toHaveText(fill(m.progress, { answered: total, total }));

  const submit = page.getByRole("button", { name: m.submit });
  await tabTo(page, submit);
  await expectFocusVisible(page, "the submit button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: ROUND_SUBMITTED })).toBeVisible();
});

test("attendance is recorded with the keyboard", async ({ page }) => {
  const t = messages.meetings;
  const title = `Keyboard meeting ${suffix()}`;
  const day = demoDateFromToday(-1);
  // Not a full task-force meeting, and never marked held: no attendance figure counts it.
  const { id } = ok(
    await trpcMutation<{ id: string }>(page.request, "meeting.create", {
      taskForceSlug: LAKESHORE,
      title,
      type: "other",
      startsAt: `${day}T10:00`,
      endsAt: `${day}T11:00`,
      timeZone: "America/Chicago",
    }),
    "meeting.create",
  );
  await open(page, tf(`/meetings/${id}`), title);
  const roster = page.getByRole("form", { name: t.recordAttendanceHeading });
  const selects = roster.getByRole("combobox");
  const lines = await selects.count();
  expect(lines, "the roster's lines").toBeGreaterThan(0);

  await tabTo(page, roster.getByRole("button", { name: t.markAllPresent }));
  await expectFocusVisible(page, "mark all present");
  await page.keyboard.press("Enter");
  await expect(selects.first()).toHaveValue("present");
  await expect(selects.last()).toHaveValue("present");

  // The organization as a whole sent its apologies: typing a choice's name picks it.
  const coalition = roster.getByLabel(fill(t.rosterStatusFor, { name: t.wholeOrganization, organization: COALITION }), { exact: true });
  await tabTo(page, coalition);
  await expectFocusVisible(page, "a roster line's status");
  await page.keyboard.type(t.attendance.excused);
  await expect(coalition).toHaveValue("excused");

  await tabTo(page, roster.getByRole("button", { name: t.saveAttendance }));
  await page.keyboard.press("Enter");
  // Every line changed: from nothing recorded to present, or excused.
  await expect(page.getByText(translate("meetings.rosterSaved", { count: lines }))).toBeVisible();
  const recorded = page.getByRole("table", { name: t.attendanceHeading, exact: true });
  await expect(recorded.getByRole("row").filter({ hasText: COALITION }).filter({ hasText: t.attendance.excused })).toHaveCount(1);
  await expect(recorded.getByRole("row").filter({ hasText: t.attendance.present })).toHaveCount(lines - 1);
});

test("a contribution report is filled in and submitted with the keyboard", async ({ page }) => {
  const t = messages.contributions;
  const period = demoQuarterBack(1);
  const coalition = (await listOrganizations(page.request, LAKESHORE)).find((organization) => organization.name === COALITION);
  expect(coalition, "the Lakeshore demo's coalition").toBeDefined();
  await open(page, tf(`/contributions/${period}?organization=${coalition?.id ?? ""}`), fill(t.periodTitle, { period }));
  const form = page.getByRole("form", { name: fill(t.formHeading, { organization: COALITION }) });

  for (const [label, value] of [
    [t.measures.staffHours, "12.5"],
    [t.measures.trainingsDelivered, "1"],
    [t.measures.referralsMade, "3"],
  ] as const) {
    const field = form.getByLabel(label, { exact: true });
    await tabTo(page, field);
    await expectFocusVisible(page, label);
    await page.keyboard.type(value);
    await expect(field).toHaveValue(value);
  }

  // The figures are saved as a draft a moment after the typing stops; submitting after that save keeps the two from racing.
  await expect(page.getByRole("status").filter({ hasText: new RegExp(`^${t.autosave.savedAt.replace("{time}", "")}`) })).toBeVisible();
  await tabTo(page, form.getByRole("button", { name: t.submit, exact: true }));
  await expectFocusVisible(page, "the report's submit button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: CONTRIBUTION_SUBMITTED })).toBeVisible();
  await expect(page.getByText(fill(t.statusLine, { status: t.status.submitted }))).toBeVisible();
  await expect(form.getByLabel(t.measures.staffHours, { exact: true })).toHaveValue("12.5");
});

test("a gap is edited with the keyboard, its due date typed into the date field", async ({ page }) => {
  const t = messages.gaps;
  const framework = ok(
    await trpcQuery<{ content: { areas: { elements: { key: string }[] }[] } }>(page.request, "framework.forTaskForce", { taskForceSlug: LAKESHORE }),
    "framework.forTaskForce",
  );
  const elementKey = framework.content.areas[0]?.elements[0]?.key ?? "";
  const title = `Keyboard gap ${suffix()}`;
  const { id } = ok(await trpcMutation<{ id: string }>(page.request, "gap.create", { taskForceSlug: LAKESHORE, elementKey, title }), "gap.create");
  await open(page, tf(`/gaps/${id}`), title);
  const dueTyped = await typedDate(page, "2099-06-30");

  const form = page.getByRole("form", { name: t.editHeading });
  const newTitle = `Edited by keyboard ${suffix()}`;
  const titleField = form.getByLabel(t.titleLabel, { exact: true });
  await tabTo(page, titleField);
  await expectFocusVisible(page, "the gap's title");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(newTitle);

  const priority = form.getByLabel(t.priorityLabel, { exact: true });
  await tabTo(page, priority);
  // Typing a choice's name picks it (every choice's name may start with the same letter, "Prioridad …").
  await page.keyboard.type(t.priority.high);
  await expect(priority).toHaveValue("high");

  // The date field takes its parts as typed, in the browser language's order, each part in turn.
  const due = form.getByLabel(t.dueLabel, { exact: true });
  await tabTo(page, due);
  await expectFocusVisible(page, "the due date");
  await page.keyboard.type(dueTyped);
  await expect(due).toHaveValue("2099-06-30");

  const save = form.getByRole("button", { name: t.save });
  await tabTo(page, save);
  await expectFocusVisible(page, "save changes");
  await page.keyboard.press("Enter");
  await expect(page.getByText(t.saved)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  // Saved, not only shown: a reload reads the priority and the typed date back from the server.
  await page.reload();
  await expect(form.getByLabel(t.priorityLabel, { exact: true })).toHaveValue("high");
  await expect(form.getByLabel(t.dueLabel, { exact: true })).toHaveValue("2099-06-30");
});
