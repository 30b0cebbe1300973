import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import ICAL from "ical.js";
import { expectNoAxeViolations, fill, messageBefore, messages, newSignedInPage, openInApp, RIVERBEND, signIn, signInByApi, translate, trpcMutation, trpcQuery, USERS } from "./fixtures";

/*
 * The "done means" of meeting records, from the demo seed: a coordinator schedules a full
 * task-force meeting whose agenda carries October's open actions forward, records five
 * organizations, writes and approves minutes with a decision and two actions, downloads the ICS (read
 * with ical.js), and sees the discipline coverage on the dashboard change. Then funders and members.
 */

const t = messages.meetings;
const tf = (path: string) => `/tf/${RIVERBEND}${path}`;
const ORGANIZATIONS = [
  "Riverbend County Sheriff's Office (demo)",
  "Riverbend Safe Harbor Victim Services (demo)",
  "Riverbend County Prosecutor's Office (demo)",
  "State Labor Standards Office, Riverbend District (demo)",
  "Riverbend Community Health Clinic (demo)",
];

/** The dashboard's coverage summary, up to the disciplines absent from all recent meetings: how many core ones were at the latest. */
const coreDisciplinesAt = (present: number) => fill(messageBefore(messages.dashboard.coverageSummary, "absent"), { present, core: 3 });

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).summary);

const section = (page: Page, heading: string) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });

test("a coordinator runs a meeting from agenda to approved minutes, and the dashboard's discipline coverage follows", async ({ page }) => {
  test.slow();
  const title = `November full meeting ${Date.now().toString(36)}`;
  await signIn(page, USERS.coordinator);

  // Before: the seed's October meeting lacked prosecution, as did the two before it.
  await openInApp(page, tf("/dashboard"));
  const coverage = section(page, messages.dashboard.coverageTitle);
  await expect(coverage).toContainText("October full task-force meeting (demo)");
  await expect(coverage).toContainText(coreDisciplinesAt(2));
  await expect(coverage.getByRole("status")).toContainText(messages.disciplines.prosecution);

  await openInApp(page, tf("/meetings"));
  const form = page.getByRole("form", { name: t.createHeading });
  await form.getByLabel(t.titleLabel, { exact: true }).fill(title);
  await form.getByLabel(t.startsLabel, { exact: true }).fill("2026-11-19T10:00");
  await form.getByLabel(t.endsLabel, { exact: true }).fill("2026-11-19T09:00");
  await form.getByRole("button", { name: t.create }).click();
  // Refused with the reason next to the field; what was typed stays.
  await expect(form.getByLabel(t.endsLabel, { exact: true })).toHaveAccessibleDescription(messages.errors.meetingEndsBeforeStart);
  await expect(form.getByLabel(t.titleLabel, { exact: true })).toHaveValue(title);
  await form.getByLabel(t.endsLabel, { exact: true }).fill("2026-11-19T11:30");
  await form.getByRole("button", { name: t.create }).click();
  // Scheduled: the coordinator is taken to the new meeting, which says what was carried into it.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText(translate("meetings.carriedCount", { count: 4 }));
  // The confirmation is not in the address, so a reload does not say it again.
  await expect(page).toHaveURL((url) => url.search === "");

  const agenda = section(page, t.agendaHeading);
  for (const carried of ["Draft the joint referral protocol (demo)", "Share the cross-training calendar (demo)", "Collect the MOU renewal drafts (demo)", "Joint referral protocol"]) {
    await expect(agenda.getByRole("heading", { level: 3, name: carried, exact: true })).toBeVisible();
  }
  // Keyboard-reachable reordering: the undecided item moves up one place.
  await agenda.getByRole("button", { name: fill(t.moveUp, { title: "Joint referral protocol" }) }).click();
  await expect(agenda.locator(".agenda-item h3").nth(2)).toHaveText("Joint referral protocol");

  const attendance = section(page, t.attendanceHeading);
  // The roster lists every member organization (as a whole) and its people; one save records them all.
  const roster = attendance.getByRole("form", { name: t.recordAttendanceHeading });
  const statusOf = (name: string, organization: string) => roster.getByLabel(translate("meetings.rosterStatusFor", { name, organization }), { exact: true });
  for (const organization of ORGANIZATIONS) await statusOf(t.wholeOrganization, organization).selectOption({ label: t.attendance.present });
  await roster.getByRole("button", { name: t.saveAttendance }).click();
  await expect(attendance.getByText(translate("meetings.rosterSaved", { count: ORGANIZATIONS.length }))).toBeVisible();
  for (const organization of ORGANIZATIONS) {
    await expect(attendance.getByRole("table", { name: t.attendanceHeading }).getByRole("row").filter({ hasText: organization })).toHaveCount(1);
    // The roster shows what is now recorded.
    await expect(statusOf(t.wholeOrganization, organization)).toHaveValue("present");
  }
  await expect(attendance).toContainText(messages.disciplines.prosecution);

  // "Mark all present", then set the last line back to "not recorded": people and their
  // organizations are saved together, and the line without a record is left out.
  const selects = roster.getByRole("combobox");
  const notYetPresent = await selects.evaluateAll((all) => all.filter((select) => (select as HTMLSelectElement).value !== "present").length);
  await roster.getByRole("button", { name: t.markAllPresent }).click();
  await selects.last().selectOption({ label: t.notRecorded });
  await roster.getByRole("button", { name: t.saveAttendance }).click();
  await expect(attendance.getByText(translate("meetings.rosterSaved", { count: notYetPresent - 1 }))).toBeVisible();
  await expect(selects.first()).toHaveValue("present");
  await expect(selects.last()).toHaveValue("");

  const minutesForm = page.getByRole("form", { name: fill(messages.minutes.editorLabel, { title: "Joint referral protocol" }) });
  // The draft is previewed as typed; a pasted HTML tag is left out, not shown as text.
  await minutesForm.getByRole("textbox").fill("Protocol agreed with **two changes**. <script>alert(1)</script>");
  await minutesForm.getByText(messages.minutes.preview).click();
  await expect(minutesForm.locator(".minutes-preview strong", { hasText: "two changes" })).toBeVisible();
  await expect(minutesForm.locator(".minutes-preview")).not.toContainText("<script>");
  await minutesForm.getByRole("button", { name: messages.minutes.save }).click();
  await expect(minutesForm.getByRole("status")).toHaveText(messages.minutes.saved);

  // An agenda item is changed in place; a refused change keeps what was typed.
  await agenda.getByText(fill(t.editItem, { title: "Joint referral protocol" }), { exact: true }).click();
  const itemForm = agenda.getByRole("form", { name: fill(t.editItemHeading, { title: "Joint referral protocol" }) });
  await itemForm.getByLabel(t.notesLabel, { exact: true }).fill("Two drafts to compare.");
  await itemForm.getByLabel(t.minutesAllottedLabel, { exact: true }).fill("0");
  await itemForm.getByRole("button", { name: t.saveItem }).click();
  await expect(itemForm.getByLabel(t.minutesAllottedLabel, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(itemForm.getByLabel(t.notesLabel, { exact: true })).toHaveValue("Two drafts to compare.");
  await itemForm.getByLabel(t.minutesAllottedLabel, { exact: true }).fill("20");
  await itemForm.getByRole("button", { name: t.saveItem }).click();
  await expect(itemForm.getByRole("status")).toHaveText(t.saved);
  await expect(agenda.locator(".agenda-item").filter({ hasText: "Two drafts to compare." }).locator(".hint").first()).toContainText("20");

  const decisionForm = page.getByRole("form", { name: messages.decisions.recordHeading });
  await decisionForm.getByLabel(messages.decisions.agendaItemLabel, { exact: true }).selectOption({ label: "Joint referral protocol" });
  await decisionForm.getByLabel(messages.decisions.textLabel, { exact: true }).fill("Adopt the joint referral protocol");
  await decisionForm.getByLabel(messages.decisions.outcomeLabel, { exact: true }).fill("In force from December.");
  await decisionForm.getByRole("button", { name: messages.decisions.record }).click();
  await expect(section(page, messages.decisions.heading).getByText("Adopt the joint referral protocol", { exact: true })).toBeVisible();

  const actionForm = page.getByRole("form", { name: t.createActionHeading });
  for (const [action, organization] of [
    ["Publish the protocol to all agencies", ORGANIZATIONS[1]!],
    ["Brief patrol staff on the protocol", ORGANIZATIONS[0]!],
  ] as const) {
    await actionForm.getByLabel(t.actionTitleLabel, { exact: true }).fill(action);
    await actionForm.getByLabel(t.assigneeOrganizationLabel, { exact: true }).selectOption({ label: organization });
    await actionForm.getByRole("button", { name: t.createAction }).click();
    await expect(section(page, t.actionsHeading).getByRole("cell", { name: action })).toBeVisible();
  }

  await page.getByText(t.editHeading).click();
  const edit = page.getByRole("form", { name: t.editHeading });
  await edit.getByLabel(t.statusLabel, { exact: true }).selectOption({ label: t.status.held });
  await edit.getByRole("button", { name: t.save }).click();
  await expect(page.getByText(fill(t.statusFact, { status: t.status.held }))).toBeVisible();

  await page.getByRole("button", { name: messages.minutes.approve }).click();
  await expect(page.getByText(t.minutesStatus.approved, { exact: true })).toBeVisible();
  // Approved minutes are read-only: no editor in the page, and the server refuses a direct save.
  await expect(page.getByRole("form", { name: fill(messages.minutes.editorLabel, { title: "Joint referral protocol" }) })).toHaveCount(0);
  // The read view renders the markdown.
  await expect(section(page, t.agendaHeading).locator("strong", { hasText: "two changes" })).toBeVisible();
  await expect(section(page, t.agendaHeading)).not.toContainText("<script>");
  const meetingId = page.url().split("/").at(-1)!;
  const { data: detail } = await trpcQuery<{ agenda: { id: string; title: string }[] }>(page.request, "meeting.get", { taskForceSlug: RIVERBEND, meetingId });
  const itemId = detail!.agenda.find((item) => item.title === "Joint referral protocol")!.id;
  const refused = await trpcMutation(page.request, "meeting.saveMinutes", { taskForceSlug: RIVERBEND, meetingId, agendaItemId: itemId, body: "Edited later" });
  expect(refused.error).toMatchObject({ code: "CONFLICT", messageKey: "minutesApprovedReadOnly" });
  // The two actions are in the one tracker, linked to the meeting.
  const tracked = await trpcQuery<{ actionItems: { title: string }[] }>(page.request, "actionItem.list", { taskForceSlug: RIVERBEND, meetingId });
  expect(tracked.data?.actionItems.map((item) => item.title).sort()).toEqual(["Brief patrol staff on the protocol", "Publish the protocol to all agencies"]);
  await expectNoAxeViolations(page, "approved meeting");

  // The ICS download parses in a standard parser, at the right instant (10:00 in Chicago = 16:00 UTC).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadIcs }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!);
  expect(event.summary).toBe(title);
  expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-19T16:00:00.000Z");
  expect(event.endDate.toJSDate().toISOString()).toBe("2026-11-19T17:30:00.000Z");

  // The decision is found later in the decision log, filtered by status, and marked implemented there.
  await openInApp(page, tf("/meetings"));
  await page.getByRole("link", { name: t.decisionsLink }).click();
  await expect(page.getByRole("heading", { level: 1, name: messages.decisionLog.title })).toBeVisible();
  const filter = page.getByLabel(messages.decisionLog.filterLabel);
  await filter.selectOption({ label: messages.decisions.status.in_effect });
  const decisionRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(decisionRow).toContainText("Adopt the joint referral protocol");
  await decisionRow.getByRole("combobox").selectOption({ label: messages.decisions.status.implemented });
  await expect(decisionRow).toHaveCount(0);
  await filter.selectOption({ label: messages.decisions.status.implemented });
  await expect(decisionRow).toContainText("Adopt the joint referral protocol");

  // After: the new meeting is the latest full meeting, with all three core disciplines and no alert.
  await openInApp(page, tf("/dashboard"));
  await expect(coverage).toContainText(title);
  await expect(coverage).toContainText(coreDisciplinesAt(3));
  await expect(coverage.getByRole("status")).toHaveCount(0);
});

test("funders see only the minutes shared with them; members record their own attendance and subscribe to a calendar", async ({ page, browser }) => {
  await signInByApi(page.request, USERS.funder);
  await openInApp(page, tf("/meetings"));
  const meetingLinks = section(page, t.listHeading).getByRole("link");
  await expect(meetingLinks).toHaveCount(1);
  await expect(meetingLinks).toHaveText("September full task-force meeting (demo)");
  await meetingLinks.click();
  await expect(page.getByText("The task force will ask the prosecutor's office to name a liaison.")).toBeVisible();
  await expect(page.getByRole("heading", { name: t.attendanceHeading })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: t.actionsHeading })).toHaveCount(0);
  // The funder's calendar feed holds the same single meeting.
  const { token } = (await trpcMutation<{ token: string }>(page.request, "meeting.createCalendarFeed", { taskForceSlug: RIVERBEND })).data!;
  const funderFeed = await page.request.get(`/api/calendar/${token}.ics`);
  expect(summaries(await funderFeed.text())).toEqual(["September full task-force meeting (demo)"]);

  const { context, page: member } = await newSignedInPage(browser, USERS.member);
  try {
    await openInApp(member, tf("/meetings"));
    await member.getByRole("link", { name: "January full task-force meeting (demo)" }).click();
    const own = member.getByRole("form", { name: t.ownAttendanceHeading });
    await own.getByLabel(t.attendanceStatusLabel, { exact: true }).selectOption({ label: t.attendance.excused });
    await own.getByRole("button", { name: t.recordOwnAttendance }).click();
    await expect(own).toContainText(fill(t.ownAttendanceIs, { status: t.attendance.excused }));
    await expect(member.getByRole("form", { name: t.recordAttendanceHeading })).toHaveCount(0);

    await openInApp(member, tf("/meetings"));
    const feed = section(member, messages.calendar.heading);
    await feed.getByRole("button", { name: messages.calendar.create }).click();
    const url = await feed.getByLabel(messages.calendar.urlLabel, { exact: true }).inputValue();
    const served = await member.request.get(new URL(url).pathname);
    expect(served.headers()["content-type"]).toContain("text/calendar");
    expect(summaries(await served.text())).toEqual(expect.arrayContaining(["January full task-force meeting (demo)", "Victim services committee (demo)"]));
    await feed.getByRole("button", { name: messages.calendar.revoke }).click();
    await expect(feed.getByRole("button", { name: messages.calendar.revoke })).toHaveCount(0);
    expect((await member.request.get(new URL(url).pathname)).status()).toBe(404);
  } finally {
    await context.close();
  }
});

test("a coordinator keeps at least one core discipline in the settings", async ({ page }) => {
  const tCore = messages.coreDisciplines;
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, tf("/settings"));
  const form = page.getByRole("form", { name: tCore.heading });
  const group = form.getByRole("group", { name: tCore.legend });
  await expect(group.getByRole("checkbox", { name: messages.disciplines.prosecution })).toBeChecked();
  for (const box of await group.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("button", { name: tCore.save }).click();
  // Refused with a sentence that says what to do; nothing was saved.
  await expect(group).toHaveAccessibleDescription(tCore.chooseOne);
  const { data } = await trpcQuery<{ coreDisciplines: string[] }>(page.request, "meeting.recentFullMeetings", { taskForceSlug: RIVERBEND });
  expect(data?.coreDisciplines).toContain("prosecution");
  await expectNoAxeViolations(page, "core disciplines refused");
});

test("a coordinator changes a committee; a refused change keeps what was typed", async ({ page }) => {
  const tCommittees = messages.committees;
  const name = `Outreach committee ${Date.now().toString(36)}`;
  await signInByApi(page.request, USERS.coordinator);
  await openInApp(page, tf("/meetings/committees"));
  const create = page.getByRole("form", { name: tCommittees.createHeading });
  await create.getByLabel(tCommittees.nameLabel, { exact: true }).fill(name);
  await create.getByRole("button", { name: tCommittees.create }).click();
  await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();

  await page.getByText(fill(tCommittees.editCommittee, { name }), { exact: true }).click();
  const edit = page.getByRole("form", { name: fill(tCommittees.editHeading, { name }) });
  await edit.getByLabel(tCommittees.nameLabel, { exact: true }).fill("");
  await edit.getByLabel(tCommittees.descriptionLabel, { exact: true }).fill("Schools and faith groups.");
  await edit.getByLabel(tCommittees.chairOrganizationLabel, { exact: true }).selectOption({ label: ORGANIZATIONS[4]! });
  await edit.getByRole("button", { name: tCommittees.save }).click();
  await expect(edit.getByLabel(tCommittees.nameLabel, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(edit.getByLabel(tCommittees.descriptionLabel, { exact: true })).toHaveValue("Schools and faith groups.");
  await edit.getByLabel(tCommittees.nameLabel, { exact: true }).fill(`${name} renamed`);
  await edit.getByRole("button", { name: tCommittees.save }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: `${name} renamed` }) });
  await expect(card).toContainText(ORGANIZATIONS[4]!);
  await expect(card).toContainText("Schools and faith groups.");
  await expectNoAxeViolations(page, "committee changed");
});
