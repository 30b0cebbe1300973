import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { and, eq } from "drizzle-orm";

describe("member organizations", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let ownOrganizationId: string;
  let otherOrganizationId: string;

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const own = await createOrganization(taskForce, { name: "Own Shelter", primaryDiscipline: "victimServices" });
    const other = await createOrganization(taskForce, { name: "County Police", primaryDiscipline: "lawEnforcementLocalState" });
    ownOrganizationId = own.id;
    otherOrganizationId = other.id;
    ({ user: member } = await createMember(taskForce, "member", { organizationId: own.id }));
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
  });

  const profile = (organizationId: string) => ({
    taskForceSlug: taskForce.slug,
    organizationId,
    primaryDiscipline: "victimServices" as const,
    additionalDisciplines: ["legalServices" as const, "victimServices" as const],
    jurisdictionLevel: "non_governmental" as const,
    address: "1 Main Street",
    region: "North",
    website: "https://shelter.example.org",
  });

  it("lets a member edit their own organization's profile, audited, dropping the primary from the additional disciplines", async () => {
    await callerFor(member).organization.updateProfile(profile(ownOrganizationId));
    const { organization } = await callerFor(member).organization.get({ taskForceSlug: taskForce.slug, organizationId: ownOrganizationId });
    expect(organization).toMatchObject({ region: "North", additionalDisciplines: ["legalServices"], jurisdictionLevel: "non_governmental" });
    const entries = await (await getDb())
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "organization"), eq(auditLog.entityId, ownOrganizationId)));
    expect(entries).toContainEqual({ action: "update", actor: member.id });
  });

  it("refuses a member editing another organization, or their own organization's role", async () => {
    const error = await trpcErrorOf(callerFor(member).organization.updateProfile(profile(otherOrganizationId)), "FORBIDDEN");
    expect(domainErrorOf(error).messageKey).toBe("organizationNotOwn");
    const roleError = await trpcErrorOf(
      callerFor(member).organization.updateProfile({ ...profile(ownOrganizationId), taskForceRole: "lead_victim_services" }),
      "FORBIDDEN",
    );
    expect(fieldErrorsOf(roleError).taskForceRole?.[0]?.key).toBe("organizationRoleNotAllowed");
  });

  it("refuses a funder and a viewer editing any profile", async () => {
    await trpcErrorOf(callerFor(funder).organization.updateProfile(profile(ownOrganizationId)), "FORBIDDEN");
    await trpcErrorOf(callerFor(viewer).organization.updateProfile(profile(ownOrganizationId)), "FORBIDDEN");
  });

  it("keeps one lead of each kind, naming who holds it", async () => {
    await callerFor(coordinator).organization.updateProfile({ ...profile(otherOrganizationId), primaryDiscipline: "lawEnforcementLocalState", taskForceRole: "lead_law_enforcement" });
    const third = await createOrganization(taskForce, { name: "State Police" });
    const error = await trpcErrorOf(
      callerFor(coordinator).organization.updateProfile({ ...profile(third.id), taskForceRole: "lead_law_enforcement" }),
      "CONFLICT",
    );
    expect(domainErrorOf(error)).toMatchObject({ messageKey: "leadRoleTaken", values: { name: "County Police" }, field: "taskForceRole" });
  });

  it("records status changes with their dates, newest first", async () => {
    const organization = await createOrganization(taskForce, { name: "Faith Network" });
    await callerFor(coordinator).organization.changeStatus({ taskForceSlug: taskForce.slug, organizationId: organization.id, status: "inactive", effectiveOn: "2026-03-01", note: "Paused" });
    await callerFor(coordinator).organization.changeStatus({ taskForceSlug: taskForce.slug, organizationId: organization.id, status: "withdrawn", effectiveOn: "2026-06-01" });
    const { organization: after, history } = await callerFor(viewer).organization.get({ taskForceSlug: taskForce.slug, organizationId: organization.id });
    expect(after.membershipStatus).toBe("withdrawn");
    expect(history.map((row) => [row.status, row.effectiveOn])).toEqual([
      ["withdrawn", "2026-06-01"],
      ["inactive", "2026-03-01"],
    ]);
    await trpcErrorOf(
      callerFor(member).organization.changeStatus({ taskForceSlug: taskForce.slug, organizationId: ownOrganizationId, status: "withdrawn", effectiveOn: "2026-06-01" }),
      "FORBIDDEN",
    );
  });

  it("lets a member add contacts to their own organization; funders never see contacts", async () => {
    await callerFor(member).organization.addContact({
      taskForceSlug: taskForce.slug,
      organizationId: ownOrganizationId,
      name: "Dana Director",
      title: "Director",
      workEmail: "Dana@Shelter.example.org",
      workPhone: "",
      isPrimary: true,
    });
    const asViewer = await callerFor(viewer).organization.get({ taskForceSlug: taskForce.slug, organizationId: ownOrganizationId });
    expect(asViewer.contacts).toEqual([expect.objectContaining({ name: "Dana Director", workEmail: "dana@shelter.example.org", workPhone: null })]);
    const asFunder = await callerFor(funder).organization.get({ taskForceSlug: taskForce.slug, organizationId: ownOrganizationId });
    expect(asFunder.contacts).toBeNull();
    expect(asFunder.people).toBeNull();
  });

  it("refuses a contact with neither email nor phone, with the field at fault", async () => {
    const error = await trpcErrorOf(
      callerFor(member).organization.addContact({ taskForceSlug: taskForce.slug, organizationId: ownOrganizationId, name: "No Way", workEmail: "", workPhone: "" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error).workEmail?.[0]?.key).toBe("contactReachable");
  });

  it("shows the balance with the missing core disciplines to every role, funders included", async () => {
    const balance = await callerFor(funder).organization.balance({ taskForceSlug: taskForce.slug });
    expect(balance.missingCore).toContain("civilLabourEnforcement");
    expect(balance.missingCore).not.toContain("victimServices");
    expect(balance.byDiscipline.find((row) => row.discipline === "legalServices")?.covering).toBe(2);
  });

  it("lists the committees an organization chairs or has staff on, to everyone but funders", async () => {
    const coordinatorCaller = callerFor(coordinator);
    const slug = taskForce.slug;
    await coordinatorCaller.committee.create({ taskForceSlug: slug, name: "Training committee", chairOrganizationId: ownOrganizationId });
    const outreach = await coordinatorCaller.committee.create({ taskForceSlug: slug, name: "Outreach committee", chairOrganizationId: otherOrganizationId });
    await coordinatorCaller.committee.create({ taskForceSlug: slug, name: "Data committee" });
    await coordinatorCaller.committee.addMember({ taskForceSlug: slug, committeeId: outreach.id, userId: member.id });

    const own = await callerFor(viewer).organization.get({ taskForceSlug: slug, organizationId: ownOrganizationId });
    expect(own.committees).toEqual([
      { id: outreach.id, name: "Outreach committee", chairs: false },
      expect.objectContaining({ name: "Training committee", chairs: true }),
    ]);
    const other = await callerFor(member).organization.get({ taskForceSlug: slug, organizationId: otherOrganizationId });
    expect(other.committees).toEqual([{ id: outreach.id, name: "Outreach committee", chairs: true }]);
    expect((await callerFor(funder).organization.get({ taskForceSlug: slug, organizationId: ownOrganizationId })).committees).toBeNull();
  });

  it("does not show an organization of another task force", async () => {
    const { taskForce: elsewhere } = await createTaskForceWithCoordinator();
    const foreign = await createOrganization(elsewhere);
    const error = await trpcErrorOf(callerFor(coordinator).organization.get({ taskForceSlug: taskForce.slug, organizationId: foreign.id }), "NOT_FOUND");
    expect(domainErrorOf(error).messageKey).toBe("organizationNotFound");
  });
});
