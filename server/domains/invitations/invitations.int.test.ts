import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, createUser, unique, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorFrom, domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { authenticate } from "@/server/domains/auth/auth.service";
import { acceptInvitation, INVITATION_TTL_DAYS, lookupInvitation } from "./invitations.service";

const tokenOf = (link: string | null) => {
  const token = link?.split("/invite/")[1];
  if (!token) throw new Error(`not an invitation link: ${link}`);
  return token;
};

const DAY_MS = 24 * 60 * 60 * 1000;

describe("invitations", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Riverside Anti-Trafficking Task Force" }));
  });

  /** The coordinator invites a new address; returns the address and the token of the link shown to them. */
  async function invite(role: "viewer" | "funder" | "coordinator" = "viewer", email = `invitee-${unique()}@example.org`) {
    const created = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role });
    return { email, token: tokenOf(created.link), created };
  }

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("gives the coordinator a link to pass on when no mail server is configured", async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "https://roadmap.example.org/");
    const email = `New.Person-${unique()}@Example.org`;
    const before = Date.now();
    const created = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "viewer" });
    expect(created.emailed).toBe(false);
    expect(created.email).toBe(email.toLowerCase());
    expect(created.link).toMatch(/^https:\/\/roadmap\.example\.org\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(created.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_DAYS * DAY_MS);

    const pending = await callerFor(coordinator).invitation.list({ taskForceSlug: taskForce.slug });
    expect(pending).toContainEqual(
      expect.objectContaining({ id: created.invitationId, email: email.toLowerCase(), role: "viewer", organizationName: null }),
    );
  });

  it("shows whoever holds the link which task force and role it is for", async () => {
    const organization = await createOrganization(taskForce, { name: `County Sheriff ${unique()}` });
    const email = `deputy-${unique()}@example.org`;
    const created = await callerFor(coordinator).invitation.create({
      taskForceSlug: taskForce.slug,
      email,
      role: "member",
      organizationId: organization.id,
    });
    expect(await callerFor(null).invitation.lookup({ token: tokenOf(created.link) })).toEqual({
      status: "valid",
      taskForceName: "Riverside Anti-Trafficking Task Force",
      taskForceSlug: taskForce.slug,
      email,
      role: "member",
      organizationName: organization.name,
      expiresAt: created.expiresAt,
      hasAccount: false,
    });
  });

  it("lets a signed-in person with the invited email join with the invited role", async () => {
    const invitee = await createUser({ name: "Ada Existing" });
    const { token } = await invite("funder", invitee.email);
    expect(await callerFor(null).invitation.lookup({ token })).toMatchObject({ status: "valid", hasAccount: true });

    expect(await callerFor(invitee).invitation.accept({ token })).toEqual({ taskForceSlug: taskForce.slug });

    expect(await callerFor(invitee).taskForce.mine()).toEqual([
      { slug: taskForce.slug, name: "Riverside Anti-Trafficking Task Force", role: "funder" },
    ]);
    const people = await callerFor(coordinator).people.list({ taskForceSlug: taskForce.slug });
    expect(people).toContainEqual(expect.objectContaining({ userId: invitee.id, name: "Ada Existing", role: "funder" }));
    expect(await callerFor(null).invitation.lookup({ token })).toEqual({ status: "used" });
  });

  it("creates the account and the membership for someone new", async () => {
    const { email, token } = await invite("viewer");
    const result = await callerFor(null).invitation.acceptWithNewAccount({ token, name: "  Bea Newcomer ", password: "a long enough password" });
    expect(result).toEqual({ taskForceSlug: taskForce.slug, email });

    const signedIn = await authenticate(email, "a long enough password", null);
    expect(signedIn).toMatchObject({ email, name: "Bea Newcomer", isAdmin: false });
    const newcomer = { ...signedIn, password: "a long enough password" };
    expect(await callerFor(newcomer).taskForce.get({ taskForceSlug: taskForce.slug })).toMatchObject({
      name: "Riverside Anti-Trafficking Task Force",
      role: "viewer",
    });
    const { entries: audit } = await callerFor(coordinator).audit.list({ taskForceSlug: taskForce.slug });
    expect(audit).toContainEqual(
      expect.objectContaining({ entity: "membership", action: "create", actorName: "Bea Newcomer", changes: expect.objectContaining({ role: { from: null, to: "viewer" } }) }),
    );
  });

  it("works once: the same link a second time is refused as used", async () => {
    const { token } = await invite("viewer");
    await callerFor(null).invitation.acceptWithNewAccount({ token, name: "First Taker", password: "a long enough password" });

    const again = await trpcErrorOf(
      callerFor(null).invitation.acceptWithNewAccount({ token, name: "Second Taker", password: "a long enough password" }),
      "PRECONDITION_FAILED",
    );
    expect(domainErrorOf(again)).toMatchObject({ code: "GONE", messageKey: "invitation_used" });

    const someoneSignedIn = await createUser();
    const viaAccept = await trpcErrorOf(callerFor(someoneSignedIn).invitation.accept({ token }), "PRECONDITION_FAILED");
    expect(domainErrorOf(viaAccept).messageKey).toBe("invitation_used");
  });

  it("refuses an expired link", async () => {
    const invitee = await createUser();
    const { token } = await invite("viewer", invitee.email);
    const afterExpiry = new Date(Date.now() + (INVITATION_TTL_DAYS * DAY_MS + 60_000));

    expect(await lookupInvitation({ token }, afterExpiry)).toEqual({ status: "expired" });
    const error = await domainErrorFrom(acceptInvitation(invitee, { token }, afterExpiry));
    expect({ code: error.code, messageKey: error.messageKey }).toEqual({ code: "GONE", messageKey: "invitation_expired" });
    expect(await callerFor(invitee).taskForce.mine()).toEqual([]);
  });

  it("refuses a revoked link, and a newer invitation to the same address revokes the older one", async () => {
    const invitee = await createUser();
    const first = await invite("viewer", invitee.email);
    const second = await invite("funder", invitee.email);
    expect(await callerFor(null).invitation.lookup({ token: first.token })).toEqual({ status: "revoked" });

    await callerFor(coordinator).invitation.revoke({ taskForceSlug: taskForce.slug, invitationId: second.created.invitationId });
    expect(await callerFor(null).invitation.lookup({ token: second.token })).toEqual({ status: "revoked" });
    for (const token of [first.token, second.token]) {
      const error = await trpcErrorOf(callerFor(invitee).invitation.accept({ token }), "PRECONDITION_FAILED");
      expect(domainErrorOf(error).messageKey).toBe("invitation_revoked");
    }
    const pending = await callerFor(coordinator).invitation.list({ taskForceSlug: taskForce.slug });
    expect(pending.map((invitation) => invitation.email)).not.toContain(invitee.email);
    expect(await callerFor(invitee).taskForce.mine()).toEqual([]);
  });

  it("refuses a signed-in person whose email is not the invited one", async () => {
    const { email, token } = await invite("viewer");
    const someoneElse = await createUser();
    const error = await trpcErrorOf(callerFor(someoneElse).invitation.accept({ token }), "FORBIDDEN");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "invitationForAnotherEmail", values: { email } });
    // The link still works for the right person.
    expect(await callerFor(null).invitation.lookup({ token })).toMatchObject({ status: "valid" });
  });

  it("refuses a new account for an address that already has one", async () => {
    const invitee = await createUser();
    const { token } = await invite("viewer", invitee.email);
    const error = await trpcErrorOf(
      callerFor(null).invitation.acceptWithNewAccount({ token, name: "Impostor", password: "a long enough password" }),
      "CONFLICT",
    );
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "accountExistsSignIn", values: { email: invitee.email } });
    expect(await callerFor(null).invitation.lookup({ token })).toMatchObject({ status: "valid" });
  });

  it("refuses to invite someone who is already a member", async () => {
    const { user } = await createMember(taskForce, "viewer");
    const error = await trpcErrorOf(
      callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: user.email, role: "funder" }),
      "CONFLICT",
    );
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "alreadyMember", field: "email" });
  });

  it("refuses an organization of another task force, naming the organization field", async () => {
    const other = await createTaskForceWithCoordinator();
    const foreignOrganization = await createOrganization(other.taskForce);
    const error = await trpcErrorOf(
      callerFor(coordinator).invitation.create({
        taskForceSlug: taskForce.slug,
        email: `invitee-${unique()}@example.org`,
        role: "member",
        organizationId: foreignOrganization.id,
      }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(error)).toEqual({ code: "INVALID", messageKey: "unknownOrganization", values: {}, field: "organizationId" });
    expect(fieldErrorsOf(error)).toEqual({ organizationId: [{ key: "unknownOrganization", values: {} }] });
  });

  it("requires an organization for the member role", async () => {
    const email = `invitee-${unique()}@example.org`;
    const error = await trpcErrorOf(
      callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email, role: "member" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error)).toEqual({ organizationId: [{ key: "organizationRequired" }] });
    const pending = await callerFor(coordinator).invitation.list({ taskForceSlug: taskForce.slug });
    expect(pending.map((invitation) => invitation.email)).not.toContain(email);
  });

  it("does not tell whoever guesses a token anything", async () => {
    const error = await trpcErrorOf(callerFor(null).invitation.lookup({ token: "x".repeat(43) }), "NOT_FOUND");
    expect(domainErrorOf(error).messageKey).toBe("invitationNotFound");
  });
});

describe("inviting a pasted list", () => {
  it("invites every address once with one role and organization, or nobody when one is wrong or a member already", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const shelter = await createOrganization(taskForce);
    const caller = callerFor(coordinator);
    const pendingEmails = async () => (await caller.invitation.list({ taskForceSlug: taskForce.slug })).map((invitation) => invitation.email).sort();
    const [first, second] = [`first-${unique()}@example.org`, `second-${unique()}@example.org`];
    const base = { taskForceSlug: taskForce.slug, role: "member" as const, organizationId: shelter.id };

    const refusal = async (call: Promise<unknown>) => domainErrorOf(await trpcErrorOf(call));
    const malformed = await refusal(caller.invitation.createMany({ ...base, emails: `${first}; nobody@\n${second}` }));
    expect(malformed).toMatchObject({ code: "INVALID", messageKey: "invitationEmailsInvalid", values: { emails: "nobody@" }, field: "emails" });
    const { user: member } = await createMember(taskForce, "member", { organizationId: shelter.id });
    const taken = await refusal(caller.invitation.createMany({ ...base, emails: `${first} ${member.email}` }));
    expect(taken).toMatchObject({ code: "CONFLICT", messageKey: "alreadyMember", field: "emails" });
    expect(await pendingEmails()).toEqual([]);

    // Upper case and repeats count once.
    const { invitations } = await caller.invitation.createMany({ ...base, emails: `${first.toUpperCase()},\n${second}\t${first}` });
    expect(invitations.map((invitation) => invitation.email).sort()).toEqual([first, second].sort());
    expect(invitations.every((invitation) => invitation.link !== null)).toBe(true);
    expect(await caller.invitation.list({ taskForceSlug: taskForce.slug })).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: first, role: "member", organizationName: shelter.name })]),
    );

    const tooMany = Array.from({ length: 101 }, (_, index) => `person${index}-${unique()}@example.org`).join("\n");
    expect(await refusal(caller.invitation.createMany({ ...base, emails: tooMany }))).toMatchObject({ messageKey: "tooManyInvitations", values: { max: 100 } });
  });

  it("is refused to members, and checks the organization like a single invitation", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { user: member } = await createMember(taskForce, "member");
    await trpcErrorOf(callerFor(member).invitation.createMany({ taskForceSlug: taskForce.slug, emails: `x-${unique()}@example.org`, role: "viewer" }), "FORBIDDEN");
    const missing = await trpcErrorOf(callerFor(coordinator).invitation.createMany({ taskForceSlug: taskForce.slug, emails: `y-${unique()}@example.org`, role: "member" }), "BAD_REQUEST");
    expect(fieldErrorsOf(missing)).toHaveProperty("organizationId");
  });
});
