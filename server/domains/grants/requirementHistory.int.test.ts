import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organizations, requirementStatusChanges, TASK_FORCE_ROLES, type AuditAction, type AuditChanges } from "@/db/schema";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { runDueJobs } from "@/server/domains/jobs/jobs.service";
import type { JobsConfig } from "@/server/domains/jobs/jobs.config";
import { callerFor, createMember, createOrganization, createTaskForce, createTaskForceWithCoordinator, scopeFor, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { countSelects } from "@/server/testing/queryCount";
import { currentTime } from "@/server/lib/clock";
import { dateInZone } from "@/server/lib/dates";
import type { TaskForceRole } from "@/server/auth/permissions";
import { CreateGrantInput } from "./grants.schemas";
import { insertRequirements } from "./grants.queries";
import { addRequirement, createGrant, overrideRequirement, updateGrant, updateRequirement } from "./grants.service";
import { getRequirementHistory, getRequirementsAsOf, requirementProgressOverTime } from "./requirementHistory.service";
import { recordRequirementStatuses } from "./statusRecorder";

/*
 * The history of requirement statuses (issue 20): a coordinator's changes recorded with who (and why,
 * for overrides) in the change's transaction, computed changes recorded once however often the
 * recorder runs, "as of" reads on the task force's calendar, the past of requirements that predate
 * the history, and who may read it.
 */

// Far enough in the future that the award still runs whenever the suite runs (some reads use the real clock).
const AWARD = { funderName: "Test Funder", program: "ECM", amount: 1_000_000, matchTarget: null, periodStart: "2025-10-01", periodEnd: "2099-12-31" };

async function rowsOf(requirementId: string) {
  return (await getDb())
    .select({
      sequence: requirementStatusChanges.sequence,
      status: requirementStatusChanges.status,
      source: requirementStatusChanges.source,
      who: requirementStatusChanges.changedByUserId,
      reason: requirementStatusChanges.reason,
      changedAt: requirementStatusChanges.changedAt,
    })
    .from(requirementStatusChanges)
    .where(eq(requirementStatusChanges.requirementId, requirementId))
    .orderBy(asc(requirementStatusChanges.sequence));
}

async function countRows(taskForceId: string) {
  return (await (await getDb()).select({ id: requirementStatusChanges.id }).from(requirementStatusChanges).where(eq(requirementStatusChanges.taskForceId, taskForceId))).length;
}

async function makeLead(organizationId: string, role: "lead_law_enforcement" | "lead_victim_services" | "member", status: "active" | "inactive" = "active") {
  await (await getDb()).update(organizations).set({ taskForceRole: role, membershipStatus: status }).where(eq(organizations.id, organizationId));
}

describe("requirement status history", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;
  const scope = () => scopeFor(taskForce, coordinatorMembership);

  beforeAll(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createTaskForceWithCoordinator({ coordinatorName: "Casey Coordinator" }));
  });

  /** An award of the task force created at `at`, with or without the ECM template. */
  async function award(awardNumber: string, at: Date, applyEcmTemplate = false) {
    return createGrant(scope(), CreateGrantInput.parse({ ...AWARD, awardNumber, applyEcmTemplate }), at);
  }

  async function requirementOf(grantId: string, templateKey: string) {
    const detail = await callerFor(coordinator).grant.get({ taskForceSlug: taskForce.slug, grantId });
    const requirement = detail.requirements.find((candidate) => candidate.templateKey === templateKey);
    if (!requirement) throw new Error(`no requirement ${templateKey}`);
    return requirement;
  }

  it("records each requirement's first status when an award is created from the template, computed ones as computed", async () => {
    const at = new Date("2026-02-02T15:00:00Z");
    const { id } = await award("HIST-ECM", at, true);
    const detail = await callerFor(coordinator).grant.get({ taskForceSlug: taskForce.slug, grantId: id });
    expect(detail.requirements).toHaveLength(16);
    for (const requirement of detail.requirements) {
      const rows = await rowsOf(requirement.id);
      expect(rows).toEqual([{ sequence: 1, status: expect.stringMatching(/^(not_started|in_progress|met)$/), source: requirement.computedKey ? "computed" : "manual", who: coordinator.id, reason: null, changedAt: at }]);
    }
    // Computed statuses are what the calculators said then: no lead organizations, so lead-pair had not started.
    expect((await rowsOf((await requirementOf(id, "lead-pair")).id))[0]?.status).toBe("not_started");
  });

  it("records a status set by hand with who set it, once, and nothing for edits that leave the status alone", async () => {
    const { id: grantId } = await award("HIST-MANUAL", new Date("2026-02-02T15:00:00Z"));
    const { id } = await addRequirement(scope(), { grantId, title: "Partner survey", description: "", ownerOrganizationId: null, dueOn: null }, new Date("2026-02-03T15:00:00Z"));
    let { version } = await updateRequirement(scope(), { requirementId: id, version: 1, status: "in_progress" }, new Date("2026-03-01T15:00:00Z"));
    ({ version } = await updateRequirement(scope(), { requirementId: id, version, title: "Annual partner survey" }, new Date("2026-03-02T15:00:00Z")));
    // Saving the status it already has changes nothing.
    ({ version } = await updateRequirement(scope(), { requirementId: id, version, status: "in_progress" }, new Date("2026-03-03T15:00:00Z")));
    expect(await rowsOf(id)).toEqual([
      { sequence: 1, status: "not_started", source: "manual", who: coordinator.id, reason: null, changedAt: new Date("2026-02-03T15:00:00Z") },
      { sequence: 2, status: "in_progress", source: "manual", who: coordinator.id, reason: null, changedAt: new Date("2026-03-01T15:00:00Z") },
    ]);
    // Through the procedure as well: the coordinator's name is what the "as of" view shows.
    const caller = callerFor(coordinator);
    await caller.grant.updateRequirement({ taskForceSlug: taskForce.slug, requirementId: id, version, status: "met" });
    const rows = await rowsOf(id);
    expect(rows.at(-1)).toMatchObject({ sequence: 3, status: "met", source: "manual", who: coordinator.id });
  });

  it("records an override and its clearing with who and why, even where the status shown stays the same", async () => {
    const at = new Date("2026-04-01T15:00:00Z");
    const { id: grantId } = await award("HIST-OVERRIDE", at, true);
    const requirement = await requirementOf(grantId, "lead-pair");
    expect(requirement.effectiveStatus).toBe("not_started");
    const reason = "The sheriff's office and the shelter agreed to co-lead at the March meeting.";
    let { version } = await overrideRequirement(scope(), { requirementId: requirement.id, version: requirement.version, status: "met", reason }, new Date("2026-04-02T15:00:00Z"));
    // An override that keeps what the calculation says is still the coordinator's word, with its reason.
    ({ version } = await overrideRequirement(scope(), { requirementId: requirement.id, version, status: "met", reason: "Confirmed in writing." }, new Date("2026-04-03T15:00:00Z")));
    await overrideRequirement(scope(), { requirementId: requirement.id, version, status: null, reason: "" }, new Date("2026-04-04T15:00:00Z"));
    expect((await rowsOf(requirement.id)).map(({ sequence, status, source, who, reason: why }) => ({ sequence, status, source, who, why }))).toEqual([
      { sequence: 1, status: "not_started", source: "computed", who: coordinator.id, why: null },
      { sequence: 2, status: "met", source: "override", who: coordinator.id, why: reason },
      { sequence: 3, status: "met", source: "override", who: coordinator.id, why: "Confirmed in writing." },
      // Cleared: the computed status shows again.
      { sequence: 4, status: "not_started", source: "override", who: coordinator.id, why: null },
    ]);
  });

  it("records a computed change once, however often it is recorded and by two recorders at once", async () => {
    const own = await createTaskForceWithCoordinator();
    const ownScope = scopeFor(own.taskForce, own.coordinatorMembership);
    const { id: grantId } = await createGrant(ownScope, CreateGrantInput.parse({ ...AWARD, awardNumber: "HIST-COMPUTED" }), new Date("2026-05-01T15:00:00Z"));
    const detail = await callerFor(own.coordinator).grant.get({ taskForceSlug: own.taskForce.slug, grantId });
    const leadPair = detail.requirements.find((candidate) => candidate.templateKey === "lead-pair")!;
    const today = (at: Date) => [{ id: own.taskForce.id, today: at.toISOString().slice(0, 10) }];

    const before = await countRows(own.taskForce.id);
    // Nothing moved: recording adds nothing.
    expect(await recordRequirementStatuses(today(new Date("2026-05-02T15:00:00Z")), new Date("2026-05-02T15:00:00Z"))).toBe(0);

    // Both leads become active: lead-pair is met. Two recorders at once (two app instances) add one row between them.
    await makeLead((await createOrganization(own.taskForce, { name: "County Sheriff" })).id, "lead_law_enforcement");
    await makeLead((await createOrganization(own.taskForce, { name: "Harbor Shelter" })).id, "lead_victim_services");
    const at = new Date("2026-05-03T15:00:00Z");
    const [first, second] = await Promise.all([recordRequirementStatuses(today(at), at), recordRequirementStatuses(today(at), at)]);
    // lead-pair is met, and core-partners in progress (an active member, none of them prosecution): one of the two recorded both.
    expect([first, second].sort()).toEqual([0, 2]);
    expect(await recordRequirementStatuses(today(at), at)).toBe(0);
    const rows = await rowsOf(leadPair.id);
    expect(rows.map(({ sequence, status, source, who }) => ({ sequence, status, source, who }))).toEqual([
      { sequence: 1, status: "not_started", source: "computed", who: own.coordinator.id },
      { sequence: 2, status: "met", source: "computed", who: null },
    ]);
    expect(rows[1]?.changedAt).toEqual(at);
    expect(await countRows(own.taskForce.id)).toBe(before + 2);
  });

  it("records what a day's passing changes from the daily job, once per day", async () => {
    const own = await createTaskForceWithCoordinator();
    const ownScope = scopeFor(own.taskForce, own.coordinatorMembership);
    const { id: grantId } = await createGrant(ownScope, CreateGrantInput.parse({ ...AWARD, awardNumber: "HIST-JOB" }), new Date("2026-01-05T15:00:00Z"));
    const report = (await callerFor(own.coordinator).grant.get({ taskForceSlug: own.taskForce.slug, grantId })).requirements.find(
      (candidate) => candidate.templateKey === "semiannual-report",
    )!;
    // Created on 5 January: the first period's report (Oct–Dec) was due by 30 January, not yet late.
    expect((await rowsOf(report.id)).map((row) => row.status)).toEqual(["in_progress"]);

    const config: JobsConfig = { enabled: true, dailyAt: 7 * 60, dailyAtText: "07:00", timeZone: "UTC", backupDir: null, backupKeep: 14 };
    // 1 February, 08:00 in Chicago: the report is late, and the daily job records it.
    const morning = new Date("2026-02-01T14:00:00Z");
    const ran = (await runDueJobs(morning, config)).filter((outcome) => outcome.job === "requirementStatuses" && outcome.runKey === `${own.taskForce.id}/2026-02-01`);
    expect(ran).toEqual([expect.objectContaining({ status: "succeeded", summary: { recorded: 1 } })]);
    expect((await runDueJobs(new Date(morning.getTime() + 3_600_000), config)).filter((outcome) => outcome.runKey.startsWith(own.taskForce.id))).toEqual([]);
    expect((await rowsOf(report.id)).map(({ status, source, changedAt }) => ({ status, source, changedAt }))).toEqual([
      { status: "in_progress", source: "computed", changedAt: new Date("2026-01-05T15:00:00Z") },
      { status: "not_started", source: "computed", changedAt: morning },
    ]);
  });

  it("records what new award dates change, and nothing for terms that move no status", async () => {
    // On 15 December 2025 no reporting period of the award (from 1 October) has ended yet.
    const { id: grantId } = await award("HIST-TERMS", new Date("2025-12-15T15:00:00Z"), true);
    const report = await requirementOf(grantId, "semiannual-report");
    expect((await rowsOf(report.id)).map((row) => row.status)).toEqual(["in_progress"]);
    const rows = await countRows(taskForce.id);
    const { version } = await updateGrant(scope(), { grantId, version: 1, amount: 1_200_000 }, new Date("2025-12-16T15:00:00Z"));
    expect(await countRows(taskForce.id)).toBe(rows);
    // Starting the award in January 2025 makes the report for January–June 2025 due on 30 July 2025: missing.
    const at = new Date("2025-12-16T16:00:00Z");
    await updateGrant(scope(), { grantId, version, periodStart: "2025-01-01" }, at);
    expect((await rowsOf(report.id)).map(({ status, source, who, changedAt }) => ({ status, source, who, changedAt }))).toEqual([
      { status: "in_progress", source: "computed", who: coordinator.id, changedAt: new Date("2025-12-15T15:00:00Z") },
      { status: "not_started", source: "computed", who: null, changedAt: at },
    ]);
  });

  describe("as of a day", () => {
    /** A requirement added late on 10 June in the task force's zone, then changed either side of midnight at the end of June. */
    async function timeline(awardNumber: string, zoneTaskForce: TestTaskForce, membership: TestMembership, instants: { created: string; inProgress: string; met: string }) {
      const zoneScope = scopeFor(zoneTaskForce, membership);
      const { id: grantId } = await createGrant(zoneScope, CreateGrantInput.parse({ ...AWARD, awardNumber, applyEcmTemplate: false }), new Date("2026-01-01T12:00:00Z"));
      const { id } = await addRequirement(zoneScope, { grantId, title: "Partner survey", description: "", ownerOrganizationId: null, dueOn: null }, new Date(instants.created));
      let { version } = await updateRequirement(zoneScope, { requirementId: id, version: 1, status: "in_progress" }, new Date(instants.inProgress));
      ({ version } = await updateRequirement(zoneScope, { requirementId: id, version, status: "met" }, new Date(instants.met)));
      const asOf = async (date: string) => (await getRequirementsAsOf(zoneScope, { grantId, date }, new Date("2026-07-15T12:00:00Z"))).requirements.map((requirement) => requirement.status);
      return { zoneScope, grantId, asOf };
    }

    it("reads each requirement's status at the end of the day in the task force's zone, at a period end near midnight (Chicago)", async () => {
      // 23:30 on 30 June in Chicago is 04:30 UTC on 1 July; 00:30 on 1 July in Chicago is 05:30 UTC.
      const { asOf, zoneScope, grantId } = await timeline("ASOF-CHICAGO", taskForce, coordinatorMembership, {
        created: "2026-06-11T04:00:00Z",
        inProgress: "2026-07-01T04:30:00Z",
        met: "2026-07-01T05:30:00Z",
      });
      // Created at 23:00 on 10 June in Chicago (already 11 June in UTC).
      expect(await asOf("2026-06-09")).toEqual([]);
      expect(await asOf("2026-06-10")).toEqual(["not_started"]);
      expect(await asOf("2026-06-30")).toEqual(["in_progress"]);
      expect(await asOf("2026-07-01")).toEqual(["met"]);

      const history = await getRequirementHistory(zoneScope, { grantId }, new Date("2026-07-15T12:00:00Z"));
      expect(history.points.map(({ date, kind, progress }) => [date, kind, progress.total, progress.met, progress.inProgress, progress.notStarted])).toEqual([
        ["2025-12-31", "periodEnd", 0, 0, 0, 0],
        ["2026-06-30", "periodEnd", 1, 0, 1, 0],
        ["2026-07-15", "today", 1, 1, 0, 0],
      ]);
      expect(history.summary).toEqual({ since: "2026-06-30", metThen: 0, metNow: 1, applicable: 1, single: false });
      expect(history.byChangeDay.map(({ date, progress }) => [date, progress.met])).toEqual([
        ["2026-06-10", 0],
        ["2026-06-30", 0],
        ["2026-07-01", 1],
        ["2026-07-15", 1],
      ]);
      expect(history.reconstructedOn).toBeNull();
    });

    it("reads the same instants on Kiritimati's calendar (UTC+14), a day ahead", async () => {
      const kiritimati = await createTaskForce({ timeZone: "Pacific/Kiritimati" });
      const { membership } = await createMember(kiritimati, "coordinator");
      // 10:30 UTC on 30 June is already 00:30 on 1 July in Kiritimati.
      const { asOf } = await timeline("ASOF-KIRITIMATI", kiritimati, membership, { created: "2026-06-10T09:00:00Z", inProgress: "2026-06-30T09:30:00Z", met: "2026-06-30T10:30:00Z" });
      expect(await asOf("2026-06-09")).toEqual([]);
      expect(await asOf("2026-06-10")).toEqual(["not_started"]);
      expect(await asOf("2026-06-30")).toEqual(["in_progress"]);
      expect(await asOf("2026-07-01")).toEqual(["met"]);
    });

    it("names the change each status rests on, and refuses a day after today in the task force's zone", async () => {
      const { grantId } = await timeline("ASOF-SOURCE", taskForce, coordinatorMembership, { created: "2026-06-02T15:00:00Z", inProgress: "2026-06-03T15:00:00Z", met: "2026-06-04T15:00:00Z" });
      const read = await getRequirementsAsOf(scope(), { grantId, date: "2026-06-03" }, new Date("2026-07-15T12:00:00Z"));
      expect(read).toMatchObject({
        date: "2026-06-03",
        today: "2026-07-15",
        progress: { total: 1, inProgress: 1 },
        requirements: [{ title: "Partner survey", status: "in_progress", source: "manual", changedAt: new Date("2026-06-03T15:00:00Z"), changedByName: "Casey Coordinator", reason: null }],
      });
      // 03:00 UTC on 16 July is still 15 July in Chicago: the 16th has not begun there.
      const early = new Date("2026-07-16T03:00:00Z");
      expect((await getRequirementsAsOf(scope(), { grantId, date: "2026-07-15" }, early)).today).toBe("2026-07-15");
      await expect(getRequirementsAsOf(scope(), { grantId, date: "2026-07-16" }, early)).rejects.toMatchObject({ code: "INVALID", messageKey: "asOfInFuture", field: "date" });
    });
  });

  it("reconstructs the past of requirements that predate the history from the audit log, once", async () => {
    const { id: grantId } = await award("HIST-BACKFILL", new Date("2026-01-05T15:00:00Z"));
    const db = await getDb();
    const createdAt = new Date("2026-01-06T15:00:00Z");
    // As an older version of the app (or an import) left them: requirements and audit entries, no history rows.
    const [handSet, computed] = await insertRequirements(db, [
      { taskForceId: taskForce.id, grantId, title: "Mission statement", position: 0, createdAt, updatedAt: createdAt, status: "met" },
      { taskForceId: taskForce.id, grantId, title: "Lead pair", computedKey: "lead-pair", position: 1, createdAt, updatedAt: createdAt },
    ]);
    const who = { taskForceId: taskForce.id, actorUserId: coordinator.id };
    const log = async (entityId: string, action: AuditAction, changes: AuditChanges) => {
      await recordAudit(db, who, { entity: "grantRequirement", entityId, action, changes });
    };
    await log(handSet!.id, "create", { title: { from: null, to: "Mission statement" } });
    await log(handSet!.id, "update", { status: { from: "not_started", to: "met" } });
    await log(computed!.id, "create", { title: { from: null, to: "Lead pair" } });

    // The audit entries were written now (by the real clock), so the history is read now too.
    const now = currentTime();
    const history = await getRequirementHistory(scope(), { grantId }, now);
    const [created, updated] = await rowsOf(handSet!.id);
    expect([created?.status, created?.source, created?.who, updated?.status, updated?.source, updated?.who]).toEqual(["not_started", "backfill", coordinator.id, "met", "backfill", coordinator.id]);
    // The computed one: its status now, at its creation.
    expect(await rowsOf(computed!.id)).toEqual([{ sequence: 1, status: "not_started", source: "backfill", who: null, reason: null, changedAt: createdAt }]);
    expect(history.reconstructedOn).toBe(dateInZone(now, taskForce.timeZone));
    expect(history.points.at(-1)?.progress).toMatchObject({ total: 2, met: 1, notStarted: 1 });

    // Reading again, or the daily recorder, adds nothing.
    const rows = await countRows(taskForce.id);
    await getRequirementHistory(scope(), { grantId }, now);
    expect(await recordRequirementStatuses([{ id: taskForce.id, today: dateInZone(now, taskForce.timeZone) }], now)).toBe(0);
    expect(await countRows(taskForce.id)).toBe(rows);
  });

  it("gives several task forces' awards' counts over time in a fixed number of queries", async () => {
    const other = await createTaskForceWithCoordinator();
    const otherScope = scopeFor(other.taskForce, other.coordinatorMembership);
    const taskForces = [
      { id: taskForce.id, timeZone: taskForce.timeZone, today: "2026-07-15" },
      { id: other.taskForce.id, timeZone: other.taskForce.timeZone, today: "2026-07-15" },
    ];
    const read = async () => requirementProgressOverTime(await getDb(), taskForces);
    // One query for the awards, one for their recorded changes, whatever the number of awards.
    expect(await countSelects(read)).toBe(2);
    await createGrant(otherScope, CreateGrantInput.parse({ ...AWARD, awardNumber: "PORTFOLIO-1" }), new Date("2026-02-01T15:00:00Z"));
    await createGrant(otherScope, CreateGrantInput.parse({ ...AWARD, awardNumber: "PORTFOLIO-2" }), new Date("2026-03-01T15:00:00Z"));
    expect(await countSelects(read)).toBe(2);

    const series = await requirementProgressOverTime(await getDb(), taskForces);
    const ofOther = series.filter((one) => one.taskForceId === other.taskForce.id);
    expect(ofOther.map((one) => one.awardNumber).sort()).toEqual(["PORTFOLIO-1", "PORTFOLIO-2"]);
    const first = ofOther.find((one) => one.awardNumber === "PORTFOLIO-1")!;
    expect(first.points.map(({ date, progress }) => [date, progress.total])).toEqual([
      ["2025-12-31", 0],
      ["2026-06-30", 16],
      ["2026-07-15", 16],
    ]);
    expect(first.summary).toMatchObject({ since: "2026-06-30", applicable: 16 });
    // Only the task forces asked for.
    expect(series.every((one) => taskForces.some((asked) => asked.id === one.taskForceId))).toBe(true);
  });

  describe("who may read it", () => {
    let grantId: string;
    const members = new Map<TaskForceRole, TestUser>();

    beforeAll(async () => {
      for (const role of TASK_FORCE_ROLES) members.set(role, role === "coordinator" ? coordinator : (await createMember(taskForce, role, { name: `History ${role}` })).user);
      ({ id: grantId } = await callerFor(coordinator).grant.create({ taskForceSlug: taskForce.slug, ...AWARD, awardNumber: "HIST-READ", applyEcmTemplate: false }));
      const { id } = await callerFor(coordinator).grant.addRequirement({ taskForceSlug: taskForce.slug, grantId, title: "Community assessment" });
      await callerFor(coordinator).grant.updateRequirement({ taskForceSlug: taskForce.slug, requirementId: id, version: 1, status: "in_progress" });
    });

    it.each(TASK_FORCE_ROLES.map((role) => [role]))("lets a %s read the history and the statuses of a day, naming who changed them only inside the task force", async (role) => {
      const caller = callerFor(members.get(role)!);
      const history = await caller.grant.requirementHistory({ taskForceSlug: taskForce.slug, grantId });
      expect(history.points.at(-1)?.progress).toMatchObject({ total: 1, inProgress: 1 });
      const asOf = await caller.grant.requirementsAsOf({ taskForceSlug: taskForce.slug, grantId, date: history.today });
      expect(asOf.requirements).toMatchObject([{ title: "Community assessment", status: "in_progress", source: "manual" }]);
      // Funders learn what changed and why, not who (as with reports of record).
      expect(asOf.requirements[0]?.changedByName).toBe(role === "funder" ? null : "Casey Coordinator");
    });

    it("tells another task force's coordinator the award does not exist", async () => {
      const other = await createTaskForceWithCoordinator();
      const caller = callerFor(other.coordinator);
      const history = await trpcErrorOf(caller.grant.requirementHistory({ taskForceSlug: other.taskForce.slug, grantId }), "NOT_FOUND");
      expect(domainErrorOf(history).messageKey).toBe("grantNotFound");
      const asOf = await trpcErrorOf(caller.grant.requirementsAsOf({ taskForceSlug: other.taskForce.slug, grantId, date: "2026-01-01" }), "NOT_FOUND");
      expect(domainErrorOf(asOf).messageKey).toBe("grantNotFound");
      // And through this task force's slug they are not a member.
      await trpcErrorOf(caller.grant.requirementHistory({ taskForceSlug: taskForce.slug, grantId }), "NOT_FOUND");
      // Nothing of this award was recorded into the other task force.
      expect(await countRows(other.taskForce.id)).toBe(0);
    });

    it("refuses a day that is no date, naming the field", async () => {
      const error = await trpcErrorOf(callerFor(coordinator).grant.requirementsAsOf({ taskForceSlug: taskForce.slug, grantId, date: "2026-02-30" }), "BAD_REQUEST");
      expect(error.message).toContain("date");
    });
  });

  it("keeps a task force's history to its own requirements: the database refuses a row pointing across task forces", async () => {
    const other = await createTaskForce();
    const [row] = await (await getDb())
      .select({ requirementId: requirementStatusChanges.requirementId })
      .from(requirementStatusChanges)
      .where(eq(requirementStatusChanges.taskForceId, taskForce.id))
      .limit(1);
    await expect(
      (await getDb()).insert(requirementStatusChanges).values({ taskForceId: other.id, requirementId: row!.requirementId, sequence: 99, status: "met", source: "manual", changedAt: new Date() }),
    ).rejects.toThrow();
  });
});
