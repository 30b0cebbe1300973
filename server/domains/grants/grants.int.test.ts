import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { dateFromToday, answersForAll, callerFor, createActionItemFor, createAssessingTaskForce, createAssessmentRound, createGapFor, createMember, createOrganization, createTaskForceWithCoordinator, respond, scopeFor, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { getGrant, getGrantProgress } from "./grants.service";
import es from "@/app/i18n/messages/es.json";
import { ECM_TEMPLATE } from "./templates";

const AWARD = {
  funderName: "Test Funder",
  program: "ECM",
  amount: 1_500_000,
  matchTarget: 375_000.5,
  periodStart: "2025-10-01",
  periodEnd: "2028-09-30",
};

async function auditOf(taskForceId: string, entity: string, entityId: string) {
  return (await getDb())
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.createdAt);
}

describe("grant awards and requirements", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;
  let member: TestUser;
  let funder: TestUser;
  let funderMembership: TestMembership;
  let viewer: TestUser;
  let other: { taskForce: TestTaskForce; coordinator: TestUser };
  let grantId: string;
  const slug = () => taskForce.slug;
  const requirementOf = async (user: TestUser, templateKey: string) => {
    const detail = await callerFor(user).grant.get({ taskForceSlug: slug(), grantId });
    const requirement = detail.requirements.find((candidate) => candidate.templateKey === templateKey);
    if (!requirement) throw new Error(`no requirement ${templateKey}`);
    return requirement;
  };

  beforeAll(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createAssessingTaskForce());
    ({ user: member } = await createMember(taskForce, "member"));
    ({ user: funder, membership: funderMembership } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
    other = await createTaskForceWithCoordinator();
    ({ id: grantId } = await callerFor(coordinator).grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "TF-1" }));
  });

  it("words the template's requirements in the language of whoever applies it, and offers the rest in the reader's", async () => {
    const spanish = callerFor(coordinator, { locale: "es-US" });
    const { id } = await spanish.grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "TF-ES" });
    const detail = await spanish.grant.get({ taskForceSlug: slug(), grantId: id });
    expect(detail.requirements.map((requirement) => requirement.templateKey)).toEqual(ECM_TEMPLATE.items.map((item) => item.key));
    expect(detail.requirements.map(({ title, description }) => ({ title, description }))).toEqual(
      ECM_TEMPLATE.items.map((item) => ({ title: es.requirementTemplates[item.key].title, description: es.requirementTemplates[item.key].description })),
    );
    expect(detail.templates.find((template) => template.key === "optional")?.items.find((item) => item.key === "strategic-plan")?.title).toBe(es.requirementTemplates["strategic-plan"].title);
    const inEnglish = await callerFor(coordinator).grant.get({ taskForceSlug: slug(), grantId: id });
    expect(inEnglish.templates.find((template) => template.key === "optional")?.items.find((item) => item.key === "strategic-plan")?.title).toBe("Strategic plan");
    // What was filed stays as it was written: the requirements are the award's own text now.
    expect(inEnglish.requirements[0]?.title).toBe(es.requirementTemplates["lead-pair"].title);
  });

  it("creates an award with the ECM template, audited, and adds nothing when the template is applied again", async () => {
    const detail = await callerFor(coordinator).grant.get({ taskForceSlug: slug(), grantId });
    expect(detail.grant).toMatchObject({ ...AWARD, awardNumber: "TF-1", reportingCadence: "semiannual" });
    expect(detail.requirements.map((requirement) => requirement.templateKey)).toEqual(ECM_TEMPLATE.items.map((item) => item.key));
    expect(detail.requirements).toHaveLength(16);
    expect(detail.requirements.filter((requirement) => requirement.computedKey).map((requirement) => requirement.computedKey)).toEqual([
      "lead-pair",
      "lead-mou",
      "core-partners",
      "protocols",
      "lived-experience",
      "start-up",
      "data-use",
      "training",
      "semiannual-report",
      "onboarding",
    ]);
    expect((await auditOf(taskForce.id, "grant", grantId)).map((entry) => entry.action)).toEqual(["create"]);

    expect(await callerFor(coordinator).grant.applyTemplate({ taskForceSlug: slug(), grantId, templateKey: "ecm" })).toEqual({ added: 0 });
    expect(
      await callerFor(coordinator).grant.applyTemplate({ taskForceSlug: slug(), grantId, templateKey: "optional", itemKeys: ["strategic-plan"] }),
    ).toEqual({ added: 1 });
    const { id } = await callerFor(coordinator).grant.addRequirement({ taskForceSlug: slug(), grantId, title: "Quarterly partner survey", dueOn: "2027-01-15" });
    const after = await callerFor(coordinator).grant.get({ taskForceSlug: slug(), grantId });
    expect(after.requirements.map((requirement) => requirement.title).slice(-2)).toEqual(["Strategic plan", "Quarterly partner survey"]);
    expect(after.templates.find((template) => template.key === "optional")?.items.map((item) => item.key)).not.toContain("strategic-plan");
    expect(await auditOf(taskForce.id, "grantRequirement", id)).toMatchObject([{ action: "create", actorUserId: coordinator.id }]);
  });

  it("refuses an award that ends before it starts or repeats an award number, naming the field", async () => {
    const caller = callerFor(coordinator);
    const early = await trpcErrorOf(caller.grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "TF-2", periodEnd: "2025-09-30" }), "BAD_REQUEST");
    expect(domainErrorOf(early)).toMatchObject({ messageKey: "periodEndBeforeStart", field: "periodEnd" });
    const taken = await trpcErrorOf(caller.grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "tf-1" }), "CONFLICT");
    expect(fieldErrorsOf(taken)).toEqual({ awardNumber: [{ key: "awardNumberTaken", values: { awardNumber: "tf-1" } }] });
    const negative = await trpcErrorOf(caller.grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "TF-3", amount: -1 }), "BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(negative))).toEqual(["amount"]);
  });

  it("edits an award's terms with the version it was loaded at, audited, and refuses a stale or invalid edit, naming the field", async () => {
    const caller = callerFor(coordinator);
    const { id } = await caller.grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: "TF-EDIT", applyEcmTemplate: false });
    const loaded = (await caller.grant.get({ taskForceSlug: slug(), grantId: id })).grant;
    expect(loaded.version).toBe(1);

    const { version } = await caller.grant.update({ taskForceSlug: slug(), grantId: id, version: 1, amount: 1_650_000, matchTarget: null, periodEnd: "2029-03-31", reportingCadence: "quarterly" });
    expect(version).toBe(2);
    const edited = await callerFor(funder).grant.get({ taskForceSlug: slug(), grantId: id });
    expect(edited.grant).toMatchObject({ amount: 1_650_000, matchTarget: null, periodEnd: "2029-03-31", reportingCadence: "quarterly", version: 2 });
    // Quarterly reporting: the last period is the quarter the award now ends in.
    expect(edited.reporting.periods.at(-1)).toMatchObject({ start: "2029-01-01", end: "2029-03-31" });
    const audit = await auditOf(taskForce.id, "grant", id);
    expect(audit.map((entry) => entry.action)).toEqual(["create", "update"]);
    expect(audit[1]?.changes).toEqual({
      amount: { from: 1_500_000, to: 1_650_000 },
      matchTarget: { from: 375_000.5, to: null },
      periodEnd: { from: "2028-09-30", to: "2029-03-31" },
      reportingCadence: { from: "semiannual", to: "quarterly" },
    });

    // A second coordinator's form was loaded at version 1: refused, nothing overwritten.
    const stale = await trpcErrorOf(caller.grant.update({ taskForceSlug: slug(), grantId: id, version: 1, amount: 10 }), "CONFLICT");
    expect(domainErrorOf(stale).messageKey).toBe("grantChangedByOther");
    const ends = await trpcErrorOf(caller.grant.update({ taskForceSlug: slug(), grantId: id, version, periodEnd: "2025-01-01" }), "BAD_REQUEST");
    expect(domainErrorOf(ends)).toMatchObject({ messageKey: "periodEndBeforeStart", field: "periodEnd" });
    const taken = await trpcErrorOf(caller.grant.update({ taskForceSlug: slug(), grantId: id, version, awardNumber: "tf-1" }), "CONFLICT");
    expect(fieldErrorsOf(taken)).toEqual({ awardNumber: [{ key: "awardNumberTaken", values: { awardNumber: "tf-1" } }] });
    const blank = await trpcErrorOf(caller.grant.update({ taskForceSlug: slug(), grantId: id, version, funderName: "  ", amount: Number.NaN }), "BAD_REQUEST");
    expect(Object.keys(fieldErrorsOf(blank)).sort()).toEqual(["amount", "funderName"]);
    expect((await caller.grant.get({ taskForceSlug: slug(), grantId: id })).grant).toMatchObject({ amount: 1_650_000, awardNumber: "TF-EDIT", version: 2 });

    // Saving the same terms again changes nothing and writes no audit entry; fields left out keep their value.
    // (Regression: the update input once inherited the create defaults, so leaving out the cadence reset it to semiannual.)
    expect(await caller.grant.update({ taskForceSlug: slug(), grantId: id, version, amount: 1_650_000 })).toEqual({ id, version: 2 });
    expect(await auditOf(taskForce.id, "grant", id)).toHaveLength(2);

    await trpcErrorOf(callerFor(member).grant.update({ taskForceSlug: slug(), grantId: id, version, amount: 1 }), "FORBIDDEN");
    // Another task force's coordinator cannot reach the award through their own task force.
    await trpcErrorOf(callerFor(other.coordinator).grant.update({ taskForceSlug: other.taskForce.slug, grantId: id, version, amount: 1 }), "NOT_FOUND");
  });

  it("computes start-up, core partners and data use from the records, and says why", async () => {
    const scope = scopeFor(taskForce, coordinatorMembership);
    const before = await getGrant(scope, { grantId }, new Date("2026-11-28T12:00:00Z"));
    const status = (key: string) => before.requirements.find((requirement) => requirement.templateKey === key);
    expect(status("start-up")).toMatchObject({ effectiveStatus: "not_started", computed: { explanation: { key: "startUpNoRound", values: { deadline: "2027-04-01" } } } });
    expect(status("core-partners")?.computed?.explanation.key).toBe("corePartnersNoProsecution");
    expect(status("data-use")?.effectiveStatus).toBe("not_started");

    const prosecution = await createOrganization(taskForce, { primaryDiscipline: "prosecution" });
    const { user: prosecutor } = await createMember(taskForce, "member", { organizationId: prosecution.id });
    const round = await createAssessmentRound(taskForce, coordinator);
    await respond(prosecutor, taskForce, round.id, answersForAll(2));
    await callerFor(coordinator).assessment.close({ taskForceSlug: slug(), roundId: round.id });
    await createGapFor(taskForce, coordinator);

    // The round closes today, so it counts toward start-up only for an award whose first 18 months
    // include today (TF-1 began in 2025, its window ends in 2027): the same records in a task force
    // of their own, with an award that began a month ago, so the other tests' awards stay as they are.
    const fresh = await createAssessingTaskForce();
    const freshProsecution = await createOrganization(fresh.taskForce, { primaryDiscipline: "prosecution" });
    const { user: freshProsecutor } = await createMember(fresh.taskForce, "member", { organizationId: freshProsecution.id });
    const freshRound = await createAssessmentRound(fresh.taskForce, fresh.coordinator);
    await respond(freshProsecutor, fresh.taskForce, freshRound.id, answersForAll(2));
    await callerFor(fresh.coordinator).assessment.close({ taskForceSlug: fresh.taskForce.slug, roundId: freshRound.id });
    await createGapFor(fresh.taskForce, fresh.coordinator);
    const { id: currentAward } = await callerFor(fresh.coordinator).grant.create({
      taskForceSlug: fresh.taskForce.slug,
      ...AWARD,
      awardNumber: "TF-NOW",
      periodStart: dateFromToday(-30),
      periodEnd: dateFromToday(1000),
    });
    const after = await callerFor(fresh.coordinator).grant.get({ taskForceSlug: fresh.taskForce.slug, grantId: currentAward });
    const now = (key: string) => after.requirements.find((requirement) => requirement.templateKey === key);
    expect(now("start-up")).toMatchObject({ effectiveStatus: "met", computed: { explanation: { key: "startUpMet" } } });
    expect(now("core-partners")).toMatchObject({ effectiveStatus: "met", computed: { explanation: { key: "corePartnersMet", values: { prosecution: 1 } } } });
    expect(now("data-use")).toMatchObject({ effectiveStatus: "met", computed: { explanation: { values: { rounds: 1, gaps: 1 } } } });
  });

  it("lets a coordinator override a computed status with a reason (audited) and clear it again", async () => {
    const caller = callerFor(coordinator);
    const requirement = await requirementOf(coordinator, "core-partners");
    const noReason = await trpcErrorOf(
      caller.grant.overrideRequirement({ taskForceSlug: slug(), requirementId: requirement.id, version: requirement.version, status: "in_progress", reason: " " }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(noReason)).toEqual({ reason: [{ key: "overrideReasonRequired" }] });

    const { version } = await caller.grant.overrideRequirement({
      taskForceSlug: slug(),
      requirementId: requirement.id,
      version: requirement.version,
      status: "in_progress",
      reason: "The US Attorney's Office has not joined yet.",
    });
    const overridden = await requirementOf(funder, "core-partners");
    expect(overridden).toMatchObject({ effectiveStatus: "in_progress", overrideStatus: "in_progress", computed: { status: expect.any(String) } });
    const stale = await trpcErrorOf(
      caller.grant.overrideRequirement({ taskForceSlug: slug(), requirementId: requirement.id, version: requirement.version, status: null }),
      "CONFLICT",
    );
    expect(domainErrorOf(stale).messageKey).toBe("requirementChangedByOther");
    await caller.grant.overrideRequirement({ taskForceSlug: slug(), requirementId: requirement.id, version, status: null });
    expect((await requirementOf(coordinator, "core-partners")).overrideStatus).toBeNull();

    const audit = await auditOf(taskForce.id, "grantRequirement", requirement.id);
    expect(audit.map((entry) => entry.action)).toEqual(["create", "override", "clearOverride"]);
    expect(audit[1]?.changes).toMatchObject({ overrideReason: { from: null, to: "The US Attorney's Office has not joined yet." } });

    const manual = await requirementOf(coordinator, "leadership-mission");
    const notComputed = await trpcErrorOf(
      caller.grant.overrideRequirement({ taskForceSlug: slug(), requirementId: manual.id, version: manual.version, status: "met", reason: "x" }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(notComputed).messageKey).toBe("requirementNotComputed");
  });

  it("updates a requirement's status, owner and due date, refusing an organization of another task force", async () => {
    const caller = callerFor(coordinator);
    const requirement = await requirementOf(coordinator, "protocols");
    const foreign = await createOrganization(other.taskForce);
    const refused = await trpcErrorOf(
      caller.grant.updateRequirement({ taskForceSlug: slug(), requirementId: requirement.id, version: requirement.version, ownerOrganizationId: foreign.id }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(refused)).toMatchObject({ messageKey: "unknownOrganization", field: "ownerOrganizationId" });
    const owner = await createOrganization(taskForce);
    await caller.grant.updateRequirement({
      taskForceSlug: slug(),
      requirementId: requirement.id,
      version: requirement.version,
      status: "not_applicable",
      ownerOrganizationId: owner.id,
      dueOn: "2027-06-30",
    });
    expect(await requirementOf(viewer, "protocols")).toMatchObject({ effectiveStatus: "not_applicable", ownerOrganizationName: owner.name, dueOn: "2027-06-30" });
    expect((await auditOf(taskForce.id, "grantRequirement", requirement.id)).at(-1)).toMatchObject({
      action: "update",
      changes: { status: { from: "not_started", to: "not_applicable" } },
    });
  });

  it("links evidence within the task force only, shows it on both sides, and hides internal records from funders", async () => {
    const caller = callerFor(coordinator);
    const requirement = await requirementOf(coordinator, "training");
    const input = { taskForceSlug: slug(), requirementId: requirement.id };
    const gap = await createGapFor(taskForce, coordinator, { title: "Joint training" });
    const action = await createActionItemFor(taskForce, coordinator, { title: "Book the trainer" });
    const draftRound = await createAssessmentRound(taskForce, coordinator, { title: "Draft round", open: false });
    const foreignGap = await createGapFor(other.taskForce, other.coordinator);

    await caller.grant.addEvidence({ ...input, kind: "gap", recordId: gap.id });
    await caller.grant.addEvidence({ ...input, kind: "action_item", recordId: action.id });
    await caller.grant.addEvidence({ ...input, kind: "assessment_round", recordId: draftRound.id });
    const link = await caller.grant.addEvidence({ ...input, kind: "url", url: "https://example.org/agenda.pdf", label: "Training agenda" });

    const crossTenant = await trpcErrorOf(caller.grant.addEvidence({ ...input, kind: "gap", recordId: foreignGap.id }), "BAD_REQUEST");
    expect(domainErrorOf(crossTenant)).toMatchObject({ messageKey: "evidenceRecordNotFound", field: "recordId" });
    expect(domainErrorOf(await trpcErrorOf(caller.grant.addEvidence({ ...input, kind: "meeting_minutes", recordId: gap.id }), "BAD_REQUEST")).messageKey).toBe(
      "unknownEvidenceKind",
    );
    expect(domainErrorOf(await trpcErrorOf(caller.grant.addEvidence({ ...input, kind: "gap", recordId: gap.id }), "CONFLICT")).messageKey).toBe("evidenceAlreadyLinked");
    expect(fieldErrorsOf(await trpcErrorOf(caller.grant.addEvidence({ ...input, kind: "gap" }), "BAD_REQUEST"))).toEqual({
      recordId: [{ key: "evidenceTargetRequired" }],
    });

    const seenBy = async (user: TestUser) => (await requirementOf(user, "training")).evidence.map((item) => [item.kind, item.label || item.recordLabel]);
    expect(await seenBy(coordinator)).toEqual([
      ["gap", "Joint training"],
      ["action_item", "Book the trainer"],
      ["assessment_round", "Draft round"],
      ["url", "Training agenda"],
    ]);
    expect(await seenBy(funder)).toEqual([
      ["gap", "Joint training"],
      ["url", "Training agenda"],
    ]);
    const gapLink = (await requirementOf(coordinator, "training")).evidence[0];
    expect(gapLink?.href).toBe(`/tf/${slug()}/gaps/${gap.id}`);

    expect(await callerFor(member).grant.linkedRequirements({ taskForceSlug: slug(), kind: "gap", recordId: gap.id })).toEqual([
      { requirementId: requirement.id, title: requirement.title, grantId, awardNumber: "TF-1" },
    ]);

    await caller.grant.removeEvidence({ taskForceSlug: slug(), evidenceId: link.id });
    expect(await seenBy(funder)).toEqual([["gap", "Joint training"]]);
    expect((await auditOf(taskForce.id, "requirementEvidence", link.id)).map((entry) => entry.action)).toEqual(["create", "delete"]);
    expect((await caller.grant.evidenceOptions({ taskForceSlug: slug(), kind: "gap" })).map((record) => record.id)).toContain(gap.id);
  });

  it("gives coordinators alone the right to change grants; members, funders and viewers read", async () => {
    for (const user of [member, funder, viewer]) {
      await trpcErrorOf(callerFor(user).grant.create({ taskForceSlug: slug(), ...AWARD, awardNumber: `X-${user.id}` }), "FORBIDDEN");
      await trpcErrorOf(callerFor(user).grant.addRequirement({ taskForceSlug: slug(), grantId, title: "Nope" }), "FORBIDDEN");
      expect((await callerFor(user).grant.list({ taskForceSlug: slug() })).grants.map((grant) => grant.awardNumber)).toContain("TF-1");
    }
  });

  it("never reaches across task forces", async () => {
    const { id: foreignGrant } = await callerFor(other.coordinator).grant.create({ taskForceSlug: other.taskForce.slug, ...AWARD, awardNumber: "OTHER-1" });
    const error = await trpcErrorOf(callerFor(coordinator).grant.get({ taskForceSlug: slug(), grantId: foreignGrant }), "NOT_FOUND");
    expect(domainErrorOf(error).messageKey).toBe("grantNotFound");
    await trpcErrorOf(callerFor(coordinator).grant.get({ taskForceSlug: other.taskForce.slug, grantId: foreignGrant }), "NOT_FOUND");
    await trpcErrorOf(callerFor(funder).grant.list({ taskForceSlug: other.taskForce.slug }), "NOT_FOUND");
    const foreignRequirement = (await callerFor(other.coordinator).grant.get({ taskForceSlug: other.taskForce.slug, grantId: foreignGrant })).requirements[0];
    await trpcErrorOf(
      callerFor(coordinator).grant.updateRequirement({ taskForceSlug: slug(), requirementId: foreignRequirement!.id, version: 1, status: "met" }),
      "NOT_FOUND",
    );
  });

  it("shows the next report due with its countdown and suspension date, and the periods past due", async () => {
    const progress = await getGrantProgress(scopeFor(taskForce, funderMembership), new Date("2026-11-28T18:00:00Z"));
    expect(progress.nextDue).toMatchObject({ awardNumber: "TF-1", start: "2026-07-01", end: "2026-12-31", dueOn: "2027-01-30", suspensionOn: "2027-02-14", daysLeft: 63 });
    expect(progress.grants.find((grant) => grant.id === grantId)?.overdue.map((period) => period.dueOn)).toEqual(["2026-01-30", "2026-07-30"]);
  });
});
