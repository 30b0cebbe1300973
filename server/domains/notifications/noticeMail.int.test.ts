import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { callerFor, createGapFor, createMember, createTaskForceWithCoordinator, dateFromToday, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { headersOf, type FakeSmtpServer, type ReceivedMail } from "@/server/testing/fakeSmtpServer";
import { remindTaskForce } from "@/server/domains/jobs/reminders.service";
import { NOTICE_DELIVERIES, NOTICE_TOPIC_NAMES, NOTICE_TOPICS } from "@/db/schema";
import { inTransaction } from "@/server/lib/unitOfWork";
import { sendNoticeDigest, sendNoticeEmailsNow, withNoticeMail } from "./noticeMail.service";
import { insertNotificationRows } from "./notifications.queries";
import { insertNotifications } from "./notifications.service";
import { inArray } from "drizzle-orm";
import { createTranslator } from "next-intl";
import es from "@/app/i18n/messages/es.json";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

/*
 * Issue 18: each person chooses, per topic, how notices reach them besides the notices page: not at
 * all, by email at once, or in the daily digest. What a notice was given when written is what the
 * outbox sends, once, after the change committed; meeting emails carry the calendar file.
 */

const mailsTo = (smtp: FakeSmtpServer, user: TestUser) => smtp.messages.filter((mail) => mail.to.includes(user.email));
const subjectOf = (mail: ReceivedMail) => headersOf(mail).get("subject") ?? "";
/** The whole message with quoted-printable soft breaks and escapes undone, for looking into its parts. */
const decoded = (mail: ReceivedMail) =>
  Buffer.from(
    mail.data.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

let smtp: FakeSmtpServer;

beforeAll(async () => {
  smtp = await fakeSmtpServer.start();
});
afterAll(async () => {
  await smtp.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
  smtp.messages.length = 0;
});

describe("notice emails", () => {

  async function meetingTaskForce() {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Lakeshore Task Force" });
    const { user: advocate } = await createMember(taskForce, "member", { name: "Ava Advocate" });
    const { user: quiet } = await createMember(taskForce, "member", { name: "Quinn Quiet" });
    const { user: morning } = await createMember(taskForce, "member", { name: "Mo Morning" });
    await callerFor(quiet).notification.setPreference({ topic: "meetings", delivery: "inApp" });
    await callerFor(morning).notification.setPreference({ topic: "meetings", delivery: "digest" });
    const schedule = () =>
      callerFor(coordinator).meeting.create({
        taskForceSlug: taskForce.slug,
        title: "Partners' meeting",
        type: "full_task_force",
        committeeId: null,
        startsAt: `${dateFromToday(7)}T10:00`,
        endsAt: `${dateFromToday(7)}T11:00`,
        timeZone: taskForce.timeZone,
        location: "Room 2",
        carryForward: false,
      });
    return { taskForce, coordinator, advocate, quiet, morning, schedule };
  }

  it("emails a scheduled meeting at once, with its calendar file, to those who chose it, and only once", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("NEXTAUTH_URL", "https://roadmap.example.org");
    const { taskForce, advocate, quiet, morning, schedule } = await meetingTaskForce();
    const meeting = await schedule();

    const [first, second] = await Promise.all([sendNoticeEmailsNow(), sendNoticeEmailsNow()]);
    // Two senders at once (two servers, or a request and the scheduler) share the work.
    expect(first!.emailed + second!.emailed).toBe(1);
    expect(await sendNoticeEmailsNow()).toEqual({ emailed: 0, emailFailed: 0 });

    const [mail] = mailsTo(smtp, advocate);
    expect(mailsTo(smtp, advocate)).toHaveLength(1);
    // At the task force's own time of day, with its zone: 10:00 in Chicago.
    const zone = new Intl.DateTimeFormat("en", { timeZone: taskForce.timeZone, timeZoneName: "short" })
      .formatToParts(new Date(`${dateFromToday(7)}T16:00:00Z`))
      .find((part) => part.type === "timeZoneName")?.value;
    expect(subjectOf(mail!)).toBe(`Lakeshore Task Force: A meeting you are expected at was scheduled: “Partners' meeting”, ${calendarDate(dateFromToday(7))}, 10:00 AM ${zone}.`);
    const whole = decoded(mail!);
    expect(whole).toContain(`https://roadmap.example.org/tf/${taskForce.slug}/meetings/${meeting.id}`);
    expect(whole).toContain("https://roadmap.example.org/account#notice-preferences");
    expect(whole).toContain("Content-Type: text/calendar");
    const calendar = calendarOf(mail!);
    expect(calendar).toContain("BEGIN:VCALENDAR");
    expect(calendar).toContain(`UID:${meeting.id}@task-force-roadmap`);
    expect(calendar).toContain("STATUS:CONFIRMED");
    // In-app only, and digest, are not emailed now; everyone still has the notice in-app.
    expect(mailsTo(smtp, quiet)).toEqual([]);
    expect(mailsTo(smtp, morning)).toEqual([]);
    for (const person of [advocate, quiet, morning]) {
      expect((await callerFor(person).notification.list({})).map((notice) => notice.kind)).toEqual(["meetingScheduled"]);
    }

    // The digest person hears of it in the task force's morning email, once.
    expect(await sendNoticeDigest(taskForce.id)).toEqual({ emailed: 1, emailFailed: 0 });
    expect(await sendNoticeDigest(taskForce.id)).toEqual({ emailed: 0, emailFailed: 0 });
    const [digest] = mailsTo(smtp, morning);
    expect(subjectOf(digest!)).toBe("Your daily digest from Lakeshore Task Force: 1 notice");
    expect(decoded(digest!)).toContain("- A meeting you are expected at was scheduled: “Partners' meeting”");
    expect(mailsTo(smtp, quiet)).toEqual([]);
  });

  it("writes each person's emails, now and in the digest, in the language they chose", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce, advocate, morning, schedule } = await meetingTaskForce();
    await (await getDb()).update(users).set({ locale: "es-US" }).where(inArray(users.id, [advocate.id, morning.id]));
    await schedule();
    await sendNoticeEmailsNow();
    await sendNoticeDigest(taskForce.id);
    const spanishSentence = es.notifications.meetingScheduled.split("“")[0]!;
    const [now] = mailsTo(smtp, advocate);
    expect(subjectOf(now!)).toContain(`Lakeshore Task Force: ${spanishSentence}`);
    // The meeting's time in Spanish: "10:00 a. m." where English says "10:00 AM".
    expect(subjectOf(now!)).toMatch(/10:00\s?a\.\s?m\./);
    expect(decoded(now!)).toContain(es.email.notice.body.split("{link}")[0]!.split("\n\n")[1]!.trim());
    const [digest] = mailsTo(smtp, morning);
    expect(subjectOf(digest!)).toBe(createTranslator({ locale: "es-US", messages: es, namespace: "email.reminderDigest" })("subject", { count: 1, taskForce: "Lakeshore Task Force" }));
    expect(decoded(digest!)).toContain(`- ${spanishSentence}`);
  });

  it("sends a cancelled meeting's calendar file as cancelled", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce, coordinator, advocate, schedule } = await meetingTaskForce();
    const meeting = await schedule();
    await callerFor(coordinator).meeting.update({ taskForceSlug: taskForce.slug, meetingId: meeting.id, version: meeting.version, status: "cancelled" });
    await sendNoticeEmailsNow();
    const cancelled = mailsTo(smtp, advocate).find((mail) => subjectOf(mail).includes("was cancelled"));
    expect(calendarOf(cancelled!)).toContain("STATUS:CANCELLED");
    expect(calendarOf(cancelled!)).toContain(`SEQUENCE:${meeting.version + 1}`);
  });

  it("emails work given to someone at once by default, and never to someone who has left", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Harbor Task Force" });
    const { user: owner } = await createMember(taskForce, "member", { name: "Olu Owner" });
    const { user: leaver, membership } = await createMember(taskForce, "member", { name: "Lee Leaver" });
    await createGapFor(taskForce, coordinator, { title: "Shelter MOU", ownerUserId: owner.id, dueOn: dateFromToday(20) });
    await createGapFor(taskForce, coordinator, { title: "Training plan", ownerUserId: leaver.id, dueOn: dateFromToday(20) });
    await callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: membership.id });

    expect(await sendNoticeEmailsNow()).toEqual({ emailed: 1, emailFailed: 0 });
    expect(mailsTo(smtp, owner).map(subjectOf)).toEqual([expect.stringMatching(/^Harbor Task Force: You now own the gap “Shelter MOU”\. It is due on /)]);
    expect(mailsTo(smtp, leaver)).toEqual([]);
    // What was not sent to the leaver stays unsent: it is not picked up again later.
    expect(await sendNoticeEmailsNow()).toEqual({ emailed: 0, emailFailed: 0 });
  });

  it("emails nothing of notices written while the server had no email, even once it has", async () => {
    const { advocate, schedule } = await meetingTaskForce();
    await schedule();
    vi.stubEnv("SMTP_URL", smtp.url);
    expect(await sendNoticeEmailsNow()).toEqual({ emailed: 0, emailFailed: 0 });
    expect(mailsTo(smtp, advocate)).toEqual([]);
  });

  it("puts work coming due into the reminders job's digest, or an email at once, as chosen", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Prairie Task Force" });
    const { user: digestPerson } = await createMember(taskForce, "member");
    const { user: atOnce } = await createMember(taskForce, "member");
    const { user: inAppOnly } = await createMember(taskForce, "member");
    await callerFor(atOnce).notification.setPreference({ topic: "workDue", delivery: "email" });
    await callerFor(inAppOnly).notification.setPreference({ topic: "workDue", delivery: "inApp" });
    for (const person of [digestPerson, atOnce, inAppOnly]) {
      // Given while the server sent no email, so only the due-date reminders below are mailed.
      vi.unstubAllEnvs();
      await createGapFor(taskForce, coordinator, { title: `Gap of ${person.name}`, ownerUserId: person.id, dueOn: dateFromToday(3) });
      vi.stubEnv("SMTP_URL", smtp.url);
    }
    const summary = await remindTaskForce(taskForce);
    // Their organizations also owe last period's contributions: those reminders go to the digest.
    expect(summary.emailFailed).toBe(0);
    const aboutTheirGap = (person: TestUser) => mailsTo(smtp, person).filter((mail) => decoded(mail).includes(`The gap “Gap of ${person.name}” is due on`));
    expect(aboutTheirGap(digestPerson).map(subjectOf)).toEqual([expect.stringMatching(/^Your daily digest from Prairie Task Force: \d+ notices?$/)]);
    expect(aboutTheirGap(atOnce).map(subjectOf)).toEqual([`Prairie Task Force: The gap “Gap of ${atOnce.name}” is due on ${calendarDate(dateFromToday(3))}.`]);
    expect(aboutTheirGap(inAppOnly)).toEqual([]);
    expect((await callerFor(inAppOnly).notification.list({})).map((notice) => notice.kind)).toContain("gapDueSoon");
  });
});

describe("the email after a request", () => {
  it("goes when the request that wrote it has answered; a request that wrote none sends nothing", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce } = await createTaskForceWithCoordinator({ name: "Kick Task Force" });
    const { user: here } = await createMember(taskForce, "member");
    const { user: elsewhere } = await createMember(taskForce, "member");
    const notice = (userId: string) => ({ taskForceId: taskForce.id, userId, kind: "gapAssigned", values: { title: "Shelter MOU", due: "none" }, link: `/tf/${taskForce.slug}/gaps`, dedupeKey: `kick:${userId}` });
    // Written by another process: it waits for the scheduler; a request here that writes nothing leaves it.
    await inTransaction((tx) => insertNotificationRows(tx, [{ ...notice(elsewhere.id), delivery: "email" }]));
    await withNoticeMail(async () => "nothing written");
    expect(await sendNoticeEmailsNow()).toEqual({ emailed: 1, emailFailed: 0 });

    // Written by a request: sent once it has answered.
    await withNoticeMail(() => inTransaction((tx) => insertNotifications(tx, [notice(here.id)])));
    await vi.waitFor(() => expect(mailsTo(smtp, here)).toHaveLength(1), { timeout: 10_000 });
    expect(smtp.messages.map((mail) => mail.to).flat().sort()).toEqual([elsewhere.email, here.email].sort());
  });
});

describe("every kind of notice", () => {
  it("goes as its person chose for its topic: at once, in the digest, or not by email", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    const { taskForce } = await createTaskForceWithCoordinator({ name: "Every Kind Task Force" });
    const people = await Promise.all(NOTICE_DELIVERIES.map(async (delivery) => ({ delivery, user: (await createMember(taskForce, "member")).user })));
    for (const { delivery, user } of people) {
      for (const topic of NOTICE_TOPIC_NAMES) await callerFor(user).notification.setPreference({ topic, delivery });
    }
    const kinds = NOTICE_TOPIC_NAMES.flatMap((topic) => [...NOTICE_TOPICS[topic].kinds]);
    // What every kind's sentence may name.
    const values = {
      title: "Shelter MOU",
      roundTitle: "Spring round",
      dueOn: "2027-01-15",
      due: "2027-01-15",
      closesOn: "2027-01-15",
      reviewOn: "2027-01-15",
      expiresOn: "2027-01-15",
      periodEnd: "2026-12-31",
      suspensionOn: "2027-02-15",
      startsAt: "2027-01-15T16:00:00.000Z",
      period: "2026-Q4",
      reason: "Totals do not add up",
      awardNumber: "EX-2026-0001",
      days: 30,
    };
    await inTransaction((tx) =>
      insertNotifications(
        tx,
        people.flatMap(({ user }) =>
          kinds.map((kind) => ({ taskForceId: taskForce.id, userId: user.id, kind, values, link: `/tf/${taskForce.slug}/dashboard`, dedupeKey: `${kind}:every:${user.id}` })),
        ),
      ),
    );
    await sendNoticeEmailsNow();
    await sendNoticeDigest(taskForce.id);
    const mailsOf = (delivery: string) => mailsTo(smtp, people.find((person) => person.delivery === delivery)!.user);
    const [atOnce, digest, inApp] = [mailsOf("email"), mailsOf("digest"), mailsOf("inApp")];
    expect(atOnce).toHaveLength(kinds.length);
    expect(digest).toHaveLength(1);
    expect(subjectOf(digest![0]!)).toBe(`Your daily digest from Every Kind Task Force: ${kinds.length} notices`);
    expect(inApp).toEqual([]);
    for (const { user } of people) expect(await callerFor(user).notification.list({ limit: 100 })).toHaveLength(kinds.length);
  });
});

describe("notice preferences", () => {
  it("lists every topic with its default until the person chooses, and keeps each choice", async () => {
    const { taskForce } = await createTaskForceWithCoordinator();
    const { user } = await createMember(taskForce, "member");
    const caller = callerFor(user);
    const before = await caller.notification.preferences();
    expect(before.emailConfigured).toBe(false);
    expect(before.topics.find((row) => row.topic === "meetings")).toEqual({ topic: "meetings", delivery: "email", byDefault: "email" });
    expect(before.topics.find((row) => row.topic === "workDue")).toEqual({ topic: "workDue", delivery: "digest", byDefault: "digest" });
    expect(before.topics).toHaveLength(11);

    const after = await caller.notification.setPreference({ topic: "meetings", delivery: "digest" });
    expect(after.topics.find((row) => row.topic === "meetings")).toEqual({ topic: "meetings", delivery: "digest", byDefault: "email" });
    await caller.notification.setPreference({ topic: "meetings", delivery: "inApp" });
    expect((await caller.notification.preferences()).topics.find((row) => row.topic === "meetings")?.delivery).toBe("inApp");
  });

  it("are the person's own: nobody else's choices change, and unknown topics are refused", async () => {
    const { taskForce } = await createTaskForceWithCoordinator();
    const { user: one } = await createMember(taskForce, "member");
    const { user: other } = await createMember(taskForce, "member");
    await callerFor(one).notification.setPreference({ topic: "minutes", delivery: "email" });
    expect((await callerFor(other).notification.preferences()).topics.find((row) => row.topic === "minutes")?.delivery).toBe("digest");
    const refused = await trpcErrorOf(callerFor(one).notification.setPreference({ topic: "everything" as "minutes", delivery: "email" }), "BAD_REQUEST");
    expect(refused.code).toBe("BAD_REQUEST");
    await trpcErrorOf(callerFor(null).notification.preferences(), "UNAUTHORIZED");
  });
});

/** A calendar date as emails write it ("Dec 12, 2026"). */
function calendarDate(date: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/** The calendar file attached to a message (nodemailer sends it base64-encoded). */
function calendarOf(mail: ReceivedMail): string {
  const part = /Content-Type: text\/calendar[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.data);
  if (!part) throw new Error("the message carries no calendar file");
  return Buffer.from(part[1]!.replace(/\s+/g, ""), "base64").toString("utf8");
}
