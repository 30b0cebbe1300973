import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  callerFor,
  createAdmin,
  createTaskForceWithCoordinator,
  unique,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { headersOf, textOf, type FakeSmtpServer, type ReceivedMail } from "@/server/testing/fakeSmtpServer";
import { createTranslator } from "next-intl";
import es from "@/app/i18n/messages/es.json";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { trpcErrorOf } from "@/server/testing/errors";
import { INVITATION_TTL_DAYS } from "./invitations.service";

const BASE_URL = "https://roadmap.example.org";
const MAIL_FROM = "Roadmap Tests <roadmap-tests@example.org>";
const TASK_FORCE_NAME = "Riverside Anti-Trafficking Task Force";

/** The token of the one invitation link in an email body. */
function tokenInBody(text: string): string {
  const links = [...text.matchAll(/https:\/\/roadmap\.example\.org\/invite\/([A-Za-z0-9_-]+)/g)];
  expect(links).toHaveLength(1);
  const token = links[0]?.[1];
  if (!token) throw new Error(`no invitation link in:\n${text}`);
  return token;
}

const tokenOfLink = (link: string | null) => {
  const token = link?.split("/invite/")[1];
  if (!token) throw new Error(`not an invitation link: ${link}`);
  return token;
};

describe("invitation emails", () => {
  let smtp: FakeSmtpServer;
  let taskForce: TestTaskForce;
  let coordinator: TestUser;

  beforeAll(async () => {
    smtp = await fakeSmtpServer.start();
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: TASK_FORCE_NAME }));
  });

  afterAll(async () => {
    await smtp.close();
  });

  beforeEach(() => {
    smtp.messages.length = 0;
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", MAIL_FROM);
    vi.stubEnv("NEXTAUTH_URL", `${BASE_URL}/`);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  /** The single message the server received, checked to be addressed to `email` only. */
  function onlyMessageTo(email: string): ReceivedMail {
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    if (!mail) throw new Error("no message received");
    expect(mail.from).toBe("roadmap-tests@example.org");
    expect(mail.to).toEqual([email]);
    const headers = headersOf(mail);
    expect(headers.get("from")).toBe(MAIL_FROM);
    expect(headers.get("to")).toBe(email);
    return mail;
  }

  it("emails a coordinator's invitation instead of returning the link, and the emailed link works", async () => {
    const email = `emailed-${unique()}@example.org`;
    const created = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "viewer" });
    expect(created).toMatchObject({ email, emailed: true, link: null });

    const mail = onlyMessageTo(email);
    expect(headersOf(mail).get("subject")).toBe(`Invitation to ${TASK_FORCE_NAME} on Task Force Roadmap`);
    const text = textOf(mail);
    expect(text).toContain(`You have been invited to join ${TASK_FORCE_NAME} on Task Force Roadmap.`);
    expect(text).toContain(`for ${INVITATION_TTL_DAYS} days`);
    const token = tokenInBody(text);

    expect(await callerFor(null).invitation.lookup({ token })).toMatchObject({
      status: "valid",
      email,
      role: "viewer",
      taskForceName: TASK_FORCE_NAME,
      taskForceSlug: taskForce.slug,
      hasAccount: false,
    });
    await callerFor(null).invitation.acceptWithNewAccount({ token, name: "Erin Emailed", password: "a long enough password" });
    expect(await callerFor(null).invitation.lookup({ token })).toEqual({ status: "used" });
  });

  it("writes the email in the language chosen for the invitee, and the account made from it starts in that language", async () => {
    const email = `spanish-${unique()}@example.org`;
    await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "viewer", locale: "es-US" });
    const mail = onlyMessageTo(email);
    const t = createTranslator({ locale: "es-US", messages: es, namespace: "email.invitation" });
    expect(headersOf(mail).get("subject")).toBe(t("subject", { taskForce: TASK_FORCE_NAME }));
    const text = textOf(mail);
    expect(text.replace(/\s+/g, " ")).toContain(t("body", { taskForce: TASK_FORCE_NAME, link: "LINK", days: INVITATION_TTL_DAYS }).split("LINK")[0]!.replace(/\s+/g, " ").trim());
    await callerFor(null).invitation.acceptWithNewAccount({ token: tokenInBody(text), name: "Elena Española", password: "a long enough password" });
    const [account] = await (await getDb()).select({ locale: users.locale }).from(users).where(eq(users.email, email));
    expect(account?.locale).toBe("es-US");

    // Without a choice, English, and the account follows the browser until its person chooses.
    smtp.messages.length = 0;
    const other = `english-${unique()}@example.org`;
    await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: other, role: "viewer" });
    expect(headersOf(onlyMessageTo(other)).get("subject")).toBe(`Invitation to ${TASK_FORCE_NAME} on Task Force Roadmap`);
  });

  it("refuses a language the app does not offer", async () => {
    const error = await trpcErrorOf(
      callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: `french-${unique()}@example.org`, role: "viewer", locale: "fr" as never }),
      "BAD_REQUEST",
    );
    expect(JSON.stringify(error.cause ?? error)).toContain("locale");
    expect(smtp.messages).toHaveLength(0);
  });

  it("emails the first coordinator of a task force an administrator creates", async () => {
    const admin = await createAdmin({ name: "Alex Admin" });
    // Not plain ASCII, so the subject and body have to survive MIME encoding.
    const name = "Región Norte – Task Force on Human Trafficking";
    const coordinatorEmail = `first-coordinator-${unique()}@example.org`;
    const { invitation } = await callerFor(admin).admin.taskForce.create({
      slug: `region-norte-${unique()}`,
      name,
      timeZone: "America/Denver",
      coordinatorEmail,
    });
    expect(invitation).toMatchObject({ email: coordinatorEmail, emailed: true, link: null });

    const mail = onlyMessageTo(coordinatorEmail);
    expect(headersOf(mail).get("subject")).toBe(`Invitation to ${name} on Task Force Roadmap`);
    const text = textOf(mail);
    expect(text).toContain(`You have been invited to join ${name} on Task Force Roadmap.`);
    expect(await callerFor(null).invitation.lookup({ token: tokenInBody(text) })).toMatchObject({
      status: "valid",
      email: coordinatorEmail,
      role: "coordinator",
      taskForceName: name,
    });
  });

  it("keeps the invitation and gives the coordinator the link when the mail server cannot be reached", async () => {
    const gone = await fakeSmtpServer.start();
    await gone.close();
    vi.stubEnv("SMTP_URL", gone.url);
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});

    const email = `unreachable-${unique()}@example.org`;
    const created = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "funder" });
    expect(created).toMatchObject({ email, emailed: false });
    expect(created.link).toMatch(/^https:\/\/roadmap\.example\.org\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(consoleError).toHaveBeenCalledWith("Sending the invitation email failed:", expect.stringMatching(/ECONNREFUSED/));
    expect(gone.messages).toEqual([]);
    expect(smtp.messages).toEqual([]);

    expect(await callerFor(null).invitation.lookup({ token: tokenOfLink(created.link) })).toMatchObject({
      status: "valid",
      email,
      role: "funder",
      taskForceName: TASK_FORCE_NAME,
    });
    const pending = await callerFor(coordinator).invitation.list({ taskForceSlug: taskForce.slug });
    expect(pending).toContainEqual(expect.objectContaining({ id: created.invitationId, email, role: "funder" }));
  });
});
