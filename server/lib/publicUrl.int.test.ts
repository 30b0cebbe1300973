import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { GET as calendarFeedRoute } from "@/app/api/calendar/[token]/route";
import { callerFor, createMember, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { textOf, type FakeSmtpServer } from "@/server/testing/fakeSmtpServer";

/*
 * The address in links the app hands out (invitations, password resets, calendar feeds, .ics files),
 * requested as a browser would: through a caller whose context is built from the request's headers,
 * and the calendar feed's route handler with a Request.
 */

const CONFIGURED = "https://roadmap.example.org";
const LAN = "192.168.1.20:3000";
const FORGED = "attacker.example";

const hostHeaders = (host: string, extra: Record<string, string> = {}) => new Headers({ host, ...extra });
/** iCalendar text with its long lines joined again (RFC 5545 folds them at 75 octets). */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("links in what the app hands out", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let smtp: FakeSmtpServer;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    ({ user: member } = await createMember(taskForce, "member"));
    smtp = await fakeSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  });

  async function scheduleMeeting(headers: Headers) {
    return callerFor(coordinator, { headers }).meeting.create({
      taskForceSlug: taskForce.slug,
      title: `Partners' meeting ${crypto.randomUUID().slice(0, 8)}`,
      type: "full_task_force",
      startsAt: "2026-11-19T10:00",
      endsAt: "2026-11-19T11:30",
      timeZone: "America/Chicago",
      location: "County building",
      carryForward: false,
    });
  }

  async function noticeCalendarOf(meetingId: string) {
    const [row] = await (await getDb())
      .select({ attachment: notifications.attachment })
      .from(notifications)
      .where(and(eq(notifications.taskForceId, taskForce.id), eq(notifications.userId, member.id), eq(notifications.link, `/tf/${taskForce.slug}/meetings/${meetingId}`)));
    return row?.attachment?.text ?? "";
  }

  async function feedText(headers: Headers) {
    const { token } = await callerFor(member, { headers }).meeting.createCalendarFeed({ taskForceSlug: taskForce.slug });
    const response = await calendarFeedRoute(new Request(`http://${headers.get("host")}/api/calendar/${token}.ics`, { headers }), {
      params: Promise.resolve({ token: `${token}.ics` }),
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  describe("in development", () => {
    beforeEach(() => {
      vi.stubEnv("NODE_ENV", "development");
    });

    it("use the address the request reached, not the localhost of NEXTAUTH_URL", async () => {
      const headers = hostHeaders(LAN);
      const base = `http://${LAN}`;
      const invitation = await callerFor(coordinator, { headers }).invitation.create({ taskForceSlug: taskForce.slug, email: `new-${crypto.randomUUID()}@example.org`, role: "viewer" });
      expect(invitation.link).toMatch(new RegExp(`^http://192\\.168\\.1\\.20:3000/invite/[A-Za-z0-9_-]+$`));

      const reset = await callerFor(coordinator, { headers }).people.issueResetLink({ taskForceSlug: taskForce.slug, userId: member.id });
      expect(reset.link.startsWith(`${base}/reset-password/`)).toBe(true);

      expect((await callerFor(member, { headers }).meeting.calendarFeed({ taskForceSlug: taskForce.slug })).feedBaseUrl).toBe(`${base}/api/calendar/`);

      const meeting = await scheduleMeeting(headers);
      const meetingUrl = `${base}/tf/${taskForce.slug}/meetings/${meeting.id}`;
      const file = await callerFor(coordinator, { headers }).meeting.ics({ taskForceSlug: taskForce.slug, meetingId: meeting.id });
      for (const text of [file.text, await noticeCalendarOf(meeting.id), await feedText(headers)]) {
        expect(unfolded(text)).toContain(`\r\nURL:${meetingUrl}\r\n`);
      }
    });

    it("fall back to NEXTAUTH_URL without a Host header, and ignore a client's X-Forwarded-Host", async () => {
      const invitation = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: `new-${crypto.randomUUID()}@example.org`, role: "viewer" });
      expect(invitation.link?.startsWith("http://localhost:3000/invite/")).toBe(true);
      const forwarded = hostHeaders("localhost:3000", { "x-forwarded-host": FORGED, "x-forwarded-proto": "https" });
      expect((await callerFor(member, { headers: forwarded }).meeting.calendarFeed({ taskForceSlug: taskForce.slug })).feedBaseUrl).toBe("http://localhost:3000/api/calendar/");
    });
  });

  describe("in production", () => {
    beforeEach(() => {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("NEXTAUTH_URL", CONFIGURED);
    });

    it("email a password reset link at NEXTAUTH_URL to whoever asks with a forged Host header (reset poisoning)", async () => {
      vi.stubEnv("SMTP_URL", smtp.url);
      const forged = hostHeaders(FORGED, { "x-forwarded-host": FORGED, "x-forwarded-proto": "https" });
      await callerFor(null, { headers: forged, clientAddress: "2001:db8:7::1" }).account.requestPasswordReset({ email: member.email });
      // The email goes after the answer, as for a real request.
      await vi.waitFor(() => expect(smtp.messages.filter((mail) => mail.to.includes(member.email))).toHaveLength(1));
      const text = textOf(smtp.messages.find((mail) => mail.to.includes(member.email))!);
      expect(text).toMatch(/https:\/\/roadmap\.example\.org\/reset-password\/[A-Za-z0-9_-]+/);
      expect(text).not.toContain(FORGED);
    });

    it("use NEXTAUTH_URL for invitations, reset links, feeds and .ics files whatever the Host header says", async () => {
      const headers = hostHeaders(FORGED);
      const invitation = await callerFor(coordinator, { headers }).invitation.create({ taskForceSlug: taskForce.slug, email: `new-${crypto.randomUUID()}@example.org`, role: "viewer" });
      expect(invitation.link?.startsWith(`${CONFIGURED}/invite/`)).toBe(true);
      const reset = await callerFor(coordinator, { headers }).people.issueResetLink({ taskForceSlug: taskForce.slug, userId: member.id });
      expect(reset.link.startsWith(`${CONFIGURED}/reset-password/`)).toBe(true);
      expect((await callerFor(member, { headers }).meeting.calendarFeed({ taskForceSlug: taskForce.slug })).feedBaseUrl).toBe(`${CONFIGURED}/api/calendar/`);

      const meeting = await scheduleMeeting(headers);
      const meetingUrl = `${CONFIGURED}/tf/${taskForce.slug}/meetings/${meeting.id}`;
      const file = await callerFor(coordinator, { headers }).meeting.ics({ taskForceSlug: taskForce.slug, meetingId: meeting.id });
      for (const text of [file.text, await noticeCalendarOf(meeting.id), await feedText(headers)]) {
        expect(unfolded(text)).toContain(`\r\nURL:${meetingUrl}\r\n`);
        expect(unfolded(text)).not.toContain(FORGED);
      }
    });
  });
});
