import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import es from "@/app/i18n/messages/es.json";
import { notifications, users } from "@/db/schema";
import { callerFor, createMember, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { remindTaskForce } from "./reminders.service";

/* The daily digest's grant-report and protocol-review reminders, at fixed dates (noon UTC, Chicago's same day). */
const at = (date: string) => new Date(`${date}T17:00:00Z`);

async function noticesOf(user: TestUser) {
  return (await getDb()).select({ kind: notifications.kind, values: notifications.values, link: notifications.link }).from(notifications).where(eq(notifications.userId, user.id)).orderBy(notifications.createdAt);
}

describe("grant report and protocol review reminders", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const caller = callerFor(coordinator);
    // Semiannual: the period ending 2027-06-30 is due 2027-07-30, funds at risk after 2027-08-14.
    await caller.grant.create({
      taskForceSlug: taskForce.slug,
      funderName: "Example Foundation",
      program: "Collaboration",
      awardNumber: "AW-7",
      amount: 100000,
      matchTarget: null,
      periodStart: "2027-01-01",
      periodEnd: "2028-12-31",
      reportingCadence: "semiannual",
      applyEcmTemplate: false,
    });
    await caller.protocol.create({ taskForceSlug: taskForce.slug, topic: "media", status: "adopted", adoptedOn: "2026-01-10", nextReviewOn: "2027-08-01" });
    await caller.protocol.create({ taskForceSlug: taskForce.slug, topic: "referrals", status: "draft", nextReviewOn: "2027-07-01" });
  });

  it("announces a progress report two weeks ahead and once overdue, and a protocol review 30 days ahead and once overdue", async () => {
    expect((await remindTaskForce(taskForce, at("2027-07-01"))).notified).toBe(0);
    // 2 July: the protocol review (1 August) is 30 days away; the draft protocol is not reminded of.
    expect(await remindTaskForce(taskForce, at("2027-07-02"))).toMatchObject({ notified: 1, dueSoon: 1 });
    expect(await remindTaskForce(taskForce, at("2027-07-16"))).toMatchObject({ notified: 1, dueSoon: 1 });
    expect((await remindTaskForce(taskForce, at("2027-07-20"))).notified).toBe(0);
    expect(await remindTaskForce(taskForce, at("2027-07-31"))).toMatchObject({ notified: 1, overdue: 1 });
    expect(await remindTaskForce(taskForce, at("2027-08-02"))).toMatchObject({ notified: 1, overdue: 1 });
    expect((await remindTaskForce(taskForce, at("2027-08-20"))).notified).toBe(0);

    expect(await noticesOf(coordinator)).toEqual([
      { kind: "protocolReviewDue", values: { title: "Media", reviewOn: "2027-08-01" }, link: expect.stringMatching(/^\/tf\/.+\/members\/protocols#protocol-/) },
      { kind: "grantReportDue", values: { awardNumber: "AW-7", periodEnd: "2027-06-30", dueOn: "2027-07-30", suspensionOn: "2027-08-14" }, link: `/tf/${taskForce.slug}/grants` },
      { kind: "grantReportOverdue", values: { awardNumber: "AW-7", periodEnd: "2027-06-30", dueOn: "2027-07-30", suspensionOn: "2027-08-14" }, link: `/tf/${taskForce.slug}/grants` },
      { kind: "protocolReviewOverdue", values: { title: "Media", reviewOn: "2027-08-01" }, link: expect.stringMatching(/#protocol-/) },
    ]);
  });

  it("names an untitled protocol by its topic in each coordinator's language", async () => {
    const { taskForce: other, coordinator: english } = await createTaskForceWithCoordinator();
    const { user: spanish } = await createMember(other, "coordinator");
    await (await getDb()).update(users).set({ locale: "es-US" }).where(eq(users.id, spanish.id));
    await callerFor(english).protocol.create({ taskForceSlug: other.slug, topic: "media", status: "adopted", adoptedOn: "2026-01-10", nextReviewOn: "2027-08-01" });
    expect(await remindTaskForce(other, at("2027-07-02"))).toMatchObject({ notified: 2 });
    expect((await noticesOf(english)).map((notice) => notice.values)).toEqual([{ title: "Media", reviewOn: "2027-08-01" }]);
    expect((await noticesOf(spanish)).map((notice) => notice.values)).toEqual([{ title: es.protocols.topic.media, reviewOn: "2027-08-01" }]);
  });
});
