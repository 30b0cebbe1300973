import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { accountEvents, accountTokens, auditLog, users } from "@/db/schema";
import { addMembership, callerFor, createAdmin, createMember, createTaskForceWithCoordinator, createTaskForce, createUser, unique } from "@/server/testing/factories";
import { domainErrorFrom, domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { textOf, type FakeSmtpServer } from "@/server/testing/fakeSmtpServer";
import { sessionRefusal } from "@/server/auth/sessionPolicy";
import { authenticate } from "@/server/domains/auth/auth.service";
import { ATTEMPT_POLICIES } from "@/server/domains/auth/attempts";
import { RESET_LINK_MINUTES, resetPassword, setPasswordFromCommandLine, startPasswordReset } from "./account.service";

const BASE_URL = "https://roadmap.example.org";
const newAddress = () => `2001:db8:1::${unique()}`;
const NEW_PASSWORD = "a brand new passphrase here";

const tokenOf = (link: string) => {
  const token = /\/reset-password\/([A-Za-z0-9_-]+)$/.exec(link)?.[1];
  if (!token) throw new Error(`not a reset link: ${link}`);
  return token;
};

/** A session of `userId` signed in at `authTime`, as the session check sees it at `now`. */
async function sessionStatus(userId: string, authTime: number, now = Date.now()) {
  const [row] = await (await getDb()).select({ sessionsValidAfter: users.sessionsValidAfter }).from(users).where(eq(users.id, userId));
  return sessionRefusal({ authTime, lastSeen: now }, row ?? null, now) ?? "valid";
}

async function eventsOf(userId: string) {
  const rows = await (await getDb()).select({ action: accountEvents.action, actorUserId: accountEvents.actorUserId }).from(accountEvents).where(eq(accountEvents.userId, userId));
  return rows;
}

const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe("forgot password by email", () => {
  let smtp: FakeSmtpServer;

  beforeAll(async () => {
    smtp = await fakeSmtpServer.start();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(() => {
    smtp.messages.length = 0;
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("NEXTAUTH_URL", BASE_URL);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The one mail to `email` (mails of earlier tests may still arrive: their sending is not awaited). */
  const mailTo = (email: string) => {
    const mails = smtp.messages.filter((mail) => mail.to.includes(email));
    expect(mails).toHaveLength(1);
    return mails[0]!;
  };

  it("emails a single-use link that sets a new password and ends every session", async () => {
    const user = await createUser();
    const signedInBefore = Date.now() - 1000;
    const { delivery } = await startPasswordReset({ email: user.email.toUpperCase() }, newAddress(), BASE_URL);
    await delivery;
    expect(smtp.messages.map((mail) => mail.to)).toEqual([[user.email]]);
    const link = /https:\/\/roadmap\.example\.org\/reset-password\/[A-Za-z0-9_-]+/.exec(textOf(smtp.messages[0]!))?.[0] ?? "";
    const token = tokenOf(link);

    // Only the hash is stored.
    const stored = await (await getDb()).select({ tokenHash: accountTokens.tokenHash }).from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const anonymous = callerFor(null, { clientAddress: newAddress() });
    expect(await anonymous.account.resetLink({ token })).toEqual({ status: "valid", email: user.email });
    expect(await anonymous.account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ email: user.email });
    expect((await authenticate(user.email, NEW_PASSWORD, newAddress())).id).toBe(user.id);
    expect(await sessionStatus(user.id, signedInBefore)).toBe("revoked");
    expect(await sessionStatus(user.id, Date.now() + 5)).toBe("valid");

    // Single use.
    expect(await anonymous.account.resetLink({ token })).toEqual({ status: "used" });
    expect(await codeOf(anonymous.account.resetPassword({ token, password: "yet another passphrase" }))).toBe("PRECONDITION_FAILED");
    expect((await eventsOf(user.id)).map((event) => event.action).sort()).toEqual(["passwordReset", "resetLinkEmailed"]);
  });

  it("answers an unknown email exactly like a known one, and sends nothing", async () => {
    const user = await createUser();
    const anonymous = callerFor(null, { clientAddress: newAddress() });
    const known = await anonymous.account.requestPasswordReset({ email: user.email });
    const unknown = await anonymous.account.requestPasswordReset({ email: `nobody-${unique()}@example.org` });
    expect(unknown).toEqual(known);
    const { delivery } = await startPasswordReset({ email: `nobody-${unique()}@example.org` }, newAddress(), BASE_URL);
    await delivery;
    await vi.waitFor(() => expect(smtp.messages).toHaveLength(1));
    expect(smtp.messages[0]?.to).toEqual([user.email]);
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    const requestedAt = new Date();
    await (await startPasswordReset({ email: user.email }, newAddress(), BASE_URL, requestedAt)).delivery;
    const token = tokenOf(/https:\/\/\S+/.exec(textOf(mailTo(user.email)))?.[0] ?? "");
    const later = new Date(requestedAt.getTime() + (RESET_LINK_MINUTES.email + 1) * 60_000);
    expect((await domainErrorFrom(resetPassword({ token, password: NEW_PASSWORD }, newAddress(), later))).messageKey).toBe("resetLink_expired");
  });

  it("limits how many links anyone can ask for one email address, whatever the address asking", async () => {
    const user = await createUser();
    const limit = ATTEMPT_POLICIES.resetRequest.subject.free;
    const outcomes: string[] = [];
    for (let attempt = 0; attempt <= limit; attempt++) {
      outcomes.push(await codeOf(callerFor(null, { clientAddress: newAddress() }).account.requestPasswordReset({ email: user.email })));
    }
    expect(outcomes.slice(0, limit)).toEqual(Array(limit).fill("ok"));
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const user = await createUser();
    await (await startPasswordReset({ email: user.email }, newAddress(), BASE_URL)).delivery;
    const token = tokenOf(/https:\/\/\S+/.exec(textOf(mailTo(user.email)))?.[0] ?? "");
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first parallel passphrase" }, newAddress()),
      resetPassword({ token, password: "second parallel passphrase" }, newAddress()),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});

describe("without email", () => {
  it("says so, and sends nothing", async () => {
    vi.stubEnv("SMTP_URL", "");
    const anonymous = callerFor(null, { clientAddress: newAddress() });
    expect(await anonymous.account.resetByEmail()).toEqual({ available: false });
    vi.unstubAllEnvs();
  });
});

describe("reset links issued by a coordinator or an administrator", () => {
  it("gives a coordinator a link for a person of their task force, audited in the task force", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: member } = await createMember(taskForce, "member");
    const issued = await callerFor(coordinator).people.issueResetLink({ taskForceSlug: taskForce.slug, userId: member.id });
    expect(issued.email).toBe(member.email);
    const token = tokenOf(issued.link);
    await callerFor(null, { clientAddress: newAddress() }).account.resetPassword({ token, password: NEW_PASSWORD });
    expect((await authenticate(member.email, NEW_PASSWORD, newAddress())).id).toBe(member.id);
    const audit = await (await getDb()).select({ action: auditLog.action, actor: auditLog.actorUserId }).from(auditLog).where(eq(auditLog.entityId, member.id));
    expect(audit).toEqual([{ action: "resetLinkIssued", actor: coordinator.id }]);
  });

  it("refuses a coordinator a link for an administrator or for someone who also belongs to another task force", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const admin = await createAdmin();
    await addMembership(taskForce, admin, "viewer");
    const { user: elsewhere } = await createMember(taskForce, "viewer");
    await addMembership(await createTaskForce(), elsewhere, "coordinator");
    const caller = callerFor(coordinator);
    expect(await codeOf(caller.people.issueResetLink({ taskForceSlug: taskForce.slug, userId: admin.id }))).toBe("FORBIDDEN");
    expect(await codeOf(caller.people.issueResetLink({ taskForceSlug: taskForce.slug, userId: elsewhere.id }))).toBe("FORBIDDEN");
    const stranger = await createUser();
    expect(await codeOf(caller.people.issueResetLink({ taskForceSlug: taskForce.slug, userId: stranger.id }))).toBe("NOT_FOUND");
  });

  it("refuses a coordinator a link for a member who funds a funding program (its task forces grow beyond theirs)", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: programOfficer } = await createMember(taskForce, "viewer");
    const admin = callerFor(await createAdmin());
    // A program that covers no task force yet: a coordinator may put theirs in later.
    const program = await admin.admin.fundingProgram.create({ name: `Recovery program ${unique()}`, funderOrganization: "Recovery Foundation" });
    await admin.admin.fundingProgram.addFunder({ programId: program.id, email: programOfficer.email });
    const refused = await trpcErrorOf(callerFor(coordinator).people.issueResetLink({ taskForceSlug: taskForce.slug, userId: programOfficer.id }), "FORBIDDEN");
    expect(domainErrorOf(refused).messageKey).toBe("resetNeedsAdministrator");
  });

  it("lets an administrator issue a link for any account by email", async () => {
    const admin = await createAdmin();
    const user = await createUser();
    const issued = await callerFor(admin).account.issueResetLink({ email: user.email });
    expect(await callerFor(null).account.resetLink({ token: tokenOf(issued.link) })).toEqual({ status: "valid", email: user.email });
    expect(await eventsOf(user.id)).toEqual([{ action: "resetLinkIssued", actorUserId: admin.id }]);
    expect(await codeOf(callerFor(admin).account.issueResetLink({ email: `nobody-${unique()}@example.org` }))).toBe("NOT_FOUND");
  });

  it("sets a password from the command line for the last administrator, ending their sessions", async () => {
    const admin = await createAdmin();
    const before = Date.now() - 1000;
    expect((await setPasswordFromCommandLine(admin.email, NEW_PASSWORD))?.id).toBe(admin.id);
    expect((await authenticate(admin.email, NEW_PASSWORD, newAddress())).id).toBe(admin.id);
    expect(await sessionStatus(admin.id, before)).toBe("revoked");
    expect(await setPasswordFromCommandLine(`nobody-${unique()}@example.org`, NEW_PASSWORD)).toBeNull();
  });
});

describe("changing the password", () => {
  it("ends the other sessions and is recorded", async () => {
    const user = await createUser();
    const before = Date.now() - 1000;
    await callerFor(user).account.changePassword({ currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(await sessionStatus(user.id, before)).toBe("revoked");
    expect(await eventsOf(user.id)).toEqual([{ action: "passwordChanged", actorUserId: user.id }]);
  });

  it("slows down guessing the current password", async () => {
    const user = await createUser();
    const caller = callerFor(user, { clientAddress: newAddress() });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt <= ATTEMPT_POLICIES.passwordChange.pair.free; attempt++) {
      outcomes.push(await codeOf(caller.account.changePassword({ currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD })));
    }
    expect(outcomes.at(-2)).toBe("BAD_REQUEST");
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the person, and only theirs", async () => {
    const user = await createUser();
    const other = await createUser();
    // Both signed in after their accounts were made, a moment before one of them signs out everywhere.
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await callerFor(user).account.signOutEverywhere();
    expect(await sessionStatus(user.id, before)).toBe("revoked");
    expect(await sessionStatus(other.id, before)).toBe("valid");
    expect((await callerFor(user).account.securityLog()).map((event) => event.action)).toEqual(["signedOutEverywhere"]);
  });
});

describe("accepting invitations", () => {
  it("slows down one address trying many invitation links", async () => {
    const address = newAddress();
    const caller = callerFor(null, { clientAddress: address });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt <= ATTEMPT_POLICIES.invitation.address.free; attempt++) {
      const token = `guessed-token-${unique()}-${"x".repeat(20)}`;
      outcomes.push(await codeOf(caller.invitation.acceptWithNewAccount({ token, name: "Guesser", password: "a long enough passphrase" })));
    }
    expect(outcomes.slice(0, -1).every((outcome) => outcome === "NOT_FOUND")).toBe(true);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });
});
