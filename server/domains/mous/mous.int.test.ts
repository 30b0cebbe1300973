import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, notifications } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, createUser, dateFromToday, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { runReminders } from "@/server/domains/jobs/reminders.service";

const DAY = 24 * 60 * 60 * 1000;

describe("MOUs", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;
  let sheriffId: string;
  let shelterId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    sheriffId = (await createOrganization(taskForce, { name: "Sheriff" })).id;
    shelterId = (await createOrganization(taskForce, { name: "Shelter" })).id;
    ({ user: member } = await createMember(taskForce, "member", { organizationId: sheriffId, name: "Dana Deputy" }));
    ({ user: funder } = await createMember(taskForce, "funder"));
  });

  const mou = (overrides: Record<string, unknown> = {}) => ({
    taskForceSlug: taskForce.slug,
    title: "Lead agencies MOU",
    status: "signed" as const,
    signedOn: dateFromToday(-300),
    effectiveOn: dateFromToday(-300),
    expiresOn: dateFromToday(80),
    partyOrganizationIds: [sheriffId, shelterId],
    signatories: [{ userId: member.id, signingTitle: "For the Sheriff" }],
    ...overrides,
  });

  it("creates an MOU with its parties and signatories, audited", async () => {
    const { id } = await callerFor(coordinator).mou.create(mou());
    const { mou: stored } = await callerFor(member).mou.get({ taskForceSlug: taskForce.slug, mouId: id });
    expect(stored.parties.map((party) => party.name)).toEqual(["Shelter", "Sheriff"]);
    expect(stored.signatories).toEqual([{ userId: member.id, name: "Dana Deputy", signingTitle: "For the Sheriff" }]);
    expect(stored.expiryState).toBe("expiringSoon");
    const audit = await (await getDb()).select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toEqual([{ action: "create" }]);
  });

  it("refuses fewer than two parties, an expiry before the effective date and a signed MOU without its date", async () => {
    const one = await trpcErrorOf(callerFor(coordinator).mou.create(mou({ partyOrganizationIds: [sheriffId, sheriffId] })), "BAD_REQUEST");
    expect(fieldErrorsOf(one).partyOrganizationIds?.[0]?.key).toBe("mouTwoParties");
    const dates = await trpcErrorOf(callerFor(coordinator).mou.create(mou({ effectiveOn: "2026-05-01", expiresOn: "2026-04-30" })), "BAD_REQUEST");
    expect(fieldErrorsOf(dates).expiresOn?.[0]?.key).toBe("expiresBeforeEffective");
    const unsigned = await trpcErrorOf(callerFor(coordinator).mou.create(mou({ signedOn: null })), "BAD_REQUEST");
    expect(fieldErrorsOf(unsigned).signedOn?.[0]?.key).toBe("signedOnRequired");
  });

  it("refuses a signatory from outside the task force and a party of another task force", async () => {
    const stranger = await createUser();
    const error = await trpcErrorOf(callerFor(coordinator).mou.create(mou({ signatories: [{ userId: stranger.id, signingTitle: "" }] })), "BAD_REQUEST");
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "signatoryNotMember", field: "signatories" });
    const { taskForce: elsewhere } = await createTaskForceWithCoordinator();
    const foreign = await createOrganization(elsewhere);
    const partyError = await trpcErrorOf(callerFor(coordinator).mou.create(mou({ partyOrganizationIds: [sheriffId, foreign.id] })), "BAD_REQUEST");
    expect(domainErrorOf(partyError)).toMatchObject({ messageKey: "unknownOrganization", field: "partyOrganizationIds" });
  });

  it("lets only coordinators manage MOUs, and shows funders only the shared ones", async () => {
    await trpcErrorOf(callerFor(member).mou.create(mou()), "FORBIDDEN");
    await callerFor(coordinator).mou.create(mou({ title: "Shared MOU", sharedWithFunders: true }));
    const { id: internal } = await callerFor(coordinator).mou.create(mou({ title: "Internal MOU", sharedWithFunders: false }));
    const asFunder = await callerFor(funder).mou.list({ taskForceSlug: taskForce.slug });
    expect(asFunder.mous.map((row) => row.title)).toContain("Shared MOU");
    expect(asFunder.mous.map((row) => row.title)).not.toContain("Internal MOU");
    await trpcErrorOf(callerFor(funder).mou.get({ taskForceSlug: taskForce.slug, mouId: internal }), "NOT_FOUND");
    const asMember = await callerFor(member).mou.list({ taskForceSlug: taskForce.slug });
    expect(asMember.mous.map((row) => row.title)).toContain("Internal MOU");
  });

  it("updates an MOU's dates and parties, and rejects the same bad input on update", async () => {
    const { id } = await callerFor(coordinator).mou.create(mou({ title: "To renew" }));
    await callerFor(coordinator).mou.update({ ...mou({ title: "Renewed", expiresOn: dateFromToday(700) }), mouId: id });
    const { mou: stored } = await callerFor(coordinator).mou.get({ taskForceSlug: taskForce.slug, mouId: id });
    expect(stored).toMatchObject({ title: "Renewed", expiresOn: dateFromToday(700), expiryState: "current" });
    await trpcErrorOf(callerFor(coordinator).mou.update({ ...mou({ partyOrganizationIds: [shelterId] }), mouId: id }), "BAD_REQUEST");
  });
});

describe("MOU renewal reminders", () => {
  it("warns coordinators and the MOU's owner at 90, 60 and 30 days and on expiry, once per stage", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const a = await createOrganization(taskForce);
    const b = await createOrganization(taskForce);
    const { user: owner } = await createMember(taskForce, "member", { organizationId: a.id });
    const { user: bystander } = await createMember(taskForce, "viewer");
    await callerFor(coordinator).mou.create({
      taskForceSlug: taskForce.slug,
      title: "Expiring MOU",
      status: "signed",
      signedOn: dateFromToday(-400),
      effectiveOn: dateFromToday(-400),
      expiresOn: dateFromToday(85),
      ownerUserId: owner.id,
      partyOrganizationIds: [a.id, b.id],
    });
    // Only the MOU notices: the same nightly run also asks these new agencies for contributions.
    const kinds = async (user: TestUser) =>
      (await (await getDb()).select({ kind: notifications.kind, values: notifications.values }).from(notifications).where(eq(notifications.userId, user.id)).orderBy(notifications.createdAt))
        .filter((row) => row.kind.startsWith("mou"))
        .map((row) => `${row.kind}:${row.values.days}`);

    const now = Date.now();
    await runReminders(new Date(now));
    expect(await kinds(coordinator)).toEqual(["mouRenewalDue:90"]);
    expect(await kinds(owner)).toEqual(["mouRenewalDue:90"]);
    expect(await kinds(bystander)).toEqual([]);
    // Running again the next day, or a week later, sends nothing new.
    await runReminders(new Date(now + DAY));
    await runReminders(new Date(now + 7 * DAY));
    expect(await kinds(coordinator)).toEqual(["mouRenewalDue:90"]);
    await runReminders(new Date(now + 30 * DAY));
    await runReminders(new Date(now + 60 * DAY));
    await runReminders(new Date(now + 90 * DAY));
    await runReminders(new Date(now + 91 * DAY));
    expect(await kinds(coordinator)).toEqual(["mouRenewalDue:90", "mouRenewalDue:60", "mouRenewalDue:30", "mouExpired:0"]);
  });
});

describe("MOUs across task forces", () => {
  it("does not read or change another task force's MOU through one's own slug (regression: load by id alone)", async () => {
    const a = await createTaskForceWithCoordinator();
    const b = await createTaskForceWithCoordinator();
    const parties = [(await createOrganization(b.taskForce)).id, (await createOrganization(b.taskForce)).id];
    const { id } = await callerFor(b.coordinator).mou.create({ taskForceSlug: b.taskForce.slug, title: "B's MOU", partyOrganizationIds: parties });
    const read = await trpcErrorOf(callerFor(a.coordinator).mou.get({ taskForceSlug: a.taskForce.slug, mouId: id }), "NOT_FOUND");
    expect(domainErrorOf(read).messageKey).toBe("mouNotFound");
    await trpcErrorOf(
      callerFor(a.coordinator).mou.update({ taskForceSlug: a.taskForce.slug, mouId: id, title: "Taken over", partyOrganizationIds: parties }),
      "NOT_FOUND",
    );
    const { mou } = await callerFor(b.coordinator).mou.get({ taskForceSlug: b.taskForce.slug, mouId: id });
    expect(mou.title).toBe("B's MOU");
  });
});
