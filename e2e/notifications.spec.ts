import { expect, test } from "./test";
import { createInvitedUser, demoDateFromToday, expectNoAxeViolations, fill, messageBefore, messages, newSignedInPage, ok, RIVERBEND, signIn, trpcMutation, USERS } from "./fixtures";

const n = messages.notificationsPage;
/** A notice about the round `roundTitle`, up to its date. */
const noticeStart = (message: string, roundTitle: string) => fill(messageBefore(message, "closesOn"), { roundTitle });

test("a round's opening and a reminder reach the person in the app, and reading them clears the unread count", async ({ browser, page }) => {
  const person = await createInvitedUser(browser, { role: "member", prefix: "reminded" });
  const title = `Reminder round ${Math.random().toString(36).slice(2, 8)}`;
  const { context } = await newSignedInPage(browser, USERS.coordinator);
  const round = ok(
    await trpcMutation<{ id: string }>(context.request, "assessment.create", {
      taskForceSlug: RIVERBEND,
      title,
      opensOn: demoDateFromToday(0),
      closesOn: demoDateFromToday(14),
      audience: "all",
    }),
    "assessment.create",
  );
  ok(await trpcMutation(context.request, "assessment.open", { taskForceSlug: RIVERBEND, roundId: round.id }), "assessment.open");
  ok(await trpcMutation(context.request, "assessment.remind", { taskForceSlug: RIVERBEND, roundId: round.id }), "assessment.remind");
  await context.close();

  // Two notices: the round opened for them, and the coordinator's reminder.
  await signIn(page, person.email, person.password);
  await page.getByRole("link", { name: fill(n.navUnread, { count: 2 }) }).click();
  await expect(page.getByRole("heading", { level: 1, name: n.title })).toBeVisible();
  const opened = page.getByRole("listitem").filter({ hasText: noticeStart(messages.notifications.assessmentOpened, title) });
  const reminder = page.getByRole("listitem").filter({ hasText: noticeStart(messages.notifications.assessmentReminder, title) });
  await expect(opened).toBeVisible();
  await expect(reminder).toBeVisible();
  await expectNoAxeViolations(page, "notifications");

  await opened.getByRole("button", { name: n.markRead }).click();
  await expect(page.getByRole("link", { name: fill(n.navUnread, { count: 1 }) })).toBeVisible();
  await reminder.getByRole("button", { name: n.markRead }).click();
  await expect(page.getByRole("link", { name: n.nav, exact: true })).toBeVisible();
  await reminder.getByRole("link", { name: n.open }).click();
  await expect(page).toHaveURL(new RegExp(`/tf/${RIVERBEND}/assessments/${round.id}/respond$`));
});
