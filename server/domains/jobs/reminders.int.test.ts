import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import {
  callerFor,
  createActionItemFor,
  createAssessingTaskForce,
  createGapFor,
  createMember,
  dateFromToday,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { headersOf, textOf, type FakeSmtpServer } from "@/server/testing/fakeSmtpServer";
import { insertStatusHistory } from "@/server/domains/organizations/organizations.queries";
import { runReminders } from "./reminders.service";

const DAY = 24 * 60 * 60 * 1000;

/** The job's notices to the person (not those of the work being given to them: gaps.notices.int.test.ts). */
async function notificationsOf(user: TestUser) {
  const rows = await (await getDb())
    .select({ kind: notifications.kind, values: notifications.values, link: notifications.link })
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(notifications.createdAt);
  return rows.filter((row) => !/(Assigned|DueChanged)$/.test(row.kind));
}

describe("the reminders job", () => {
  let smtp: FakeSmtpServer;
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let assignee: TestUser;
  let owner: TestUser;
  let leaver: TestUser;

  beforeAll(async () => {
    smtp = await fakeSmtpServer.start();
    ({ taskForce, coordinator } = await createAssessingTaskForce({ name: "Riverside Task Force" }));
    const joined = await Promise.all(
      ["Ada Assignee", "Olly Owner", "Lee Leaver"].map((name) => createMember(taskForce, "member", { name })),
    );
    [assignee, owner, leaver] = joined.map(({ user }) => user) as [TestUser, TestUser, TestUser];
    // Their agencies joined today, so they owe no contributions for the last period and the counts
    // below are gaps and actions only (contributions: contributions.reminders.int.test.ts).
    for (const { membership } of joined) {
      await insertStatusHistory(await getDb(), { taskForceId: taskForce.id, organizationId: membership.organizationId!, status: "active", effectiveOn: dateFromToday(0) });
    }
    const gap = await createGapFor(taskForce, coordinator, { title: "Signed MOUs", ownerUserId: owner.id, dueOn: dateFromToday(5) });
    await createGapFor(taskForce, coordinator, { title: "Far away", ownerUserId: owner.id, dueOn: dateFromToday(40) });
    await createActionItemFor(taskForce, coordinator, { gapId: gap.id, title: "Draft the MOU", assigneeUserId: assignee.id, dueOn: dateFromToday(3) });
    const done = await createActionItemFor(taskForce, coordinator, { title: "Already done", assigneeUserId: assignee.id, dueOn: dateFromToday(2) });
    await callerFor(assignee).actionItem.complete({ taskForceSlug: taskForce.slug, actionItemId: done.id, version: done.version });
    await createActionItemFor(taskForce, coordinator, { title: "Left behind", assigneeUserId: leaver.id, dueOn: dateFromToday(2) });
    // Someone who left the task force is not reminded of what was assigned to them.
    const people = await callerFor(coordinator).people.list({ taskForceSlug: taskForce.slug });
    const membershipId = people.find((person) => person.userId === leaver.id)?.membershipId;
    if (!membershipId) throw new Error("the leaver has no membership");
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId });
  });

  afterAll(async () => {
    await smtp.close();
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("notifies due-soon items once, in-app and by email, and sends nothing on a second run", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("NEXTAUTH_URL", "https://roadmap.example.org");
    const now = new Date();
    const first = await runReminders(now);
    expect(first).toMatchObject({ notified: 2, dueSoon: 2, overdue: 0, emailed: 2, emailFailed: 0 });
    expect(await notificationsOf(assignee)).toEqual([
      { kind: "actionItemDueSoon", values: { title: "Draft the MOU", dueOn: dateFromToday(3) }, link: `/tf/${taskForce.slug}/actions` },
    ]);
    expect((await notificationsOf(owner)).map((row) => [row.kind, row.values.title])).toEqual([["gapDueSoon", "Signed MOUs"]]);
    expect(await notificationsOf(leaver)).toEqual([]);
    expect(smtp.messages.map((message) => message.to).flat().sort()).toEqual([assignee.email, owner.email].sort());
    const toAssignee = smtp.messages.find((message) => message.to.includes(assignee.email));
    expect(headersOf(toAssignee!).get("subject")).toBe("Your daily digest from Riverside Task Force: 1 notice");
    // The sentence of the in-app notice, its date as a reader writes it.
    const dueOn = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${dateFromToday(3)}T12:00:00Z`));
    expect(textOf(toAssignee!)).toContain(`- The action “Draft the MOU” is due on ${dueOn}.`);
    expect(textOf(toAssignee!)).toContain(`https://roadmap.example.org/tf/${taskForce.slug}/actions`);

    const second = await runReminders(new Date(now.getTime() + 60_000));
    expect(second).toMatchObject({ notified: 0, emailed: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it("reminds of overdue items once a day", async () => {
    const later = new Date(Date.now() + 7 * DAY);
    const overdue = await runReminders(later);
    // Both items are overdue by then (the action by four days, the gap by two).
    expect(overdue).toMatchObject({ notified: 2, overdue: 2, dueSoon: 0, emailed: 0 });
    expect((await runReminders(new Date(later.getTime() + 60_000))).notified).toBe(0);
    expect((await runReminders(new Date(later.getTime() + DAY))).overdue).toBe(2);
    expect((await notificationsOf(assignee)).map((row) => row.kind)).toEqual(["actionItemDueSoon", "actionItemOverdue", "actionItemOverdue"]);
  });
});
