import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { grantRequirements, requirementStatusChanges } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, scopeFor, type TestMembership, type TestOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { getPeriodTable } from "@/server/domains/contributions/contributions.views";
import { returnReport, saveReportDraft, submitReport, updateContributionSettings } from "@/server/domains/contributions/contributions.service";
import type { TaskForceRole } from "@/server/auth/permissions";
import { CreateGrantInput } from "./grants.schemas";
import { insertRequirements } from "./grants.queries";
import { applyTemplate, createGrant, getGrant, updateGrant } from "./grants.service";
import { getMatchProgress } from "./match.service";
import { recordRequirementStatuses } from "./statusRecorder";

/*
 * Issue 19, match progress live: an award's local match to date (contributions of submitted reports
 * whose whole period lies between the award's start and today in the task force's zone, hours at the
 * task force's rates) against its match target, on the award page (grant.get) and the dashboard
 * (grant.match); the local-match requirement computed from it with its changes recorded; and what
 * each role sees. Every read names its moment, so the suite passes whatever the clock says.
 */

const at = (iso: string) => new Date(iso);
/** Well after the third quarter of 2025 ended, when its reports are in. */
const OCTOBER = at("2025-10-05T15:00:00Z");

async function historyOf(requirementId: string) {
  return (await getDb())
    .select({ sequence: requirementStatusChanges.sequence, status: requirementStatusChanges.status, source: requirementStatusChanges.source, changedAt: requirementStatusChanges.changedAt })
    .from(requirementStatusChanges)
    .where(eq(requirementStatusChanges.requirementId, requirementId))
    .orderBy(asc(requirementStatusChanges.sequence));
}

describe("the local match to date", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;
  const members = new Map<TaskForceRole, { user: TestUser; membership: TestMembership }>();
  let shelter: TestOrganization;
  let sheriff: TestOrganization;
  let clinic: TestOrganization;
  let labor: TestOrganization;
  const award = { match: "", noTarget: "", ended: "" };
  const scope = () => scopeFor(taskForce, coordinatorMembership);
  const scopeOf = (role: TaskForceRole) => scopeFor(taskForce, members.get(role)!.membership);

  const report = (organizationId: string, period: string, values: { staffHours?: number; consultantPaidHours?: number }, inKind: number[] = []) => ({
    period,
    organizationId,
    version: null,
    values,
    peopleTrained: {},
    services: {},
    inKind: inKind.map((value, index) => ({ description: `Donated item ${index + 1}`, value })),
  });

  beforeAll(async () => {
    // The task force keeps Chicago's calendar (the factories' default zone).
    ({ taskForce, coordinator, coordinatorMembership } = await createTaskForceWithCoordinator());
    expect(taskForce.timeZone).toBe("America/Chicago");
    shelter = await createOrganization(taskForce, { name: "Harbor Shelter" });
    sheriff = await createOrganization(taskForce, { name: "County Sheriff" });
    clinic = await createOrganization(taskForce, { name: "Health Clinic" });
    labor = await createOrganization(taskForce, { name: "Labor Office" });
    for (const role of ["member", "funder", "viewer"] as const) members.set(role, await createMember(taskForce, role, role === "member" ? { organizationId: shelter.id } : {}));

    const terms = { funderName: "Example Foundation", program: "ECM", amount: 100_000, applyEcmTemplate: false };
    const created = at("2025-07-10T15:00:00Z");
    award.match = (await createGrant(scope(), CreateGrantInput.parse({ ...terms, awardNumber: "MATCH-1", matchTarget: 25_000, periodStart: "2025-07-01", periodEnd: "2027-06-30" }), created)).id;
    award.noTarget = (await createGrant(scope(), CreateGrantInput.parse({ ...terms, awardNumber: "MATCH-NONE", periodStart: "2025-07-01", periodEnd: "2027-06-30" }), created)).id;
    award.ended = (await createGrant(scope(), CreateGrantInput.parse({ ...terms, awardNumber: "MATCH-ENDED", matchTarget: 1_000, periodStart: "2024-07-01", periodEnd: "2025-06-30" }), created)).id;

    // Before the award: the second quarter of 2025.
    await submitReport(scope(), report(shelter.id, "2025-Q2", { staffHours: 100 }, [1_000]), at("2025-07-05T15:00:00Z"));
    // Its first quarter: two submitted reports, one returned for correction and a draft.
    await submitReport(scope(), report(shelter.id, "2025-Q3", { staffHours: 40, consultantPaidHours: 10 }, [1_500, 500]), OCTOBER);
    await submitReport(scope(), report(sheriff.id, "2025-Q3", { staffHours: 60 }), OCTOBER);
    const returned = await submitReport(scope(), report(clinic.id, "2025-Q3", { staffHours: 500 }, [9_000]), OCTOBER);
    await returnReport(scope(), { reportId: returned.id, version: returned.version, reason: "Hours look like a year's, not a quarter's." }, OCTOBER);
    await saveReportDraft(scope(), report(labor.id, "2025-Q3", { staffHours: 300 }, [5_000]), OCTOBER);
  });

  const matchOf = async (grantId: string, now: Date, role?: TaskForceRole) => (await getGrant(role ? scopeOf(role) : scope(), { grantId }, now)).match;

  it("counts the submitted reports whose period lies within the award, up to today in the task force's zone", async () => {
    // 23:59 on Sep 29 in Chicago is already Sep 30 in UTC: the quarter ending Sep 30 is not within the window yet.
    expect(await matchOf(award.match, at("2025-09-30T04:59:00Z"))).toMatchObject({ from: "2025-07-01", to: "2025-09-29", totalCents: 0, share: 0 });
    // A minute later it is Sep 30 in Chicago too.
    expect(await matchOf(award.match, at("2025-09-30T05:00:00Z"))).toMatchObject({ to: "2025-09-30", totalCents: 200_000 });
    // The quarter before the award, the returned report and the draft count for nothing.
    expect(await matchOf(award.match, OCTOBER)).toEqual({
      from: "2025-07-01",
      to: "2025-10-05",
      staffHours: 100,
      consultantPaidHours: 10,
      inKindCents: 200_000,
      staffTimeCents: 0,
      consultantTimeCents: 0,
      totalCents: 200_000,
      targetCents: 2_500_000,
      share: 0.08,
      remainingCents: 2_300_000,
      staffHourlyRateCents: 0,
      consultantHourlyRateCents: 0,
      unvalued: { staffHours: true, consultantHours: true },
    });
  });

  it("counts an ended award to its last day only, and gives none for an award without a match target", async () => {
    // The ended award's window closed on Jun 30: the second quarter counts, the third does not.
    expect(await matchOf(award.ended, OCTOBER)).toMatchObject({ from: "2024-07-01", to: "2025-06-30", staffHours: 100, inKindCents: 100_000, totalCents: 100_000, share: 1, remainingCents: 0 });
    expect(await matchOf(award.noTarget, OCTOBER)).toBeNull();
  });

  it("values hours at the hourly rates once a coordinator sets them, and flags them until then", async () => {
    await updateContributionSettings(scope(), { periodLength: "quarter", staffHourlyRate: 30, consultantHourlyRate: 50, dueDays: 30 }, OCTOBER);
    expect(await matchOf(award.match, OCTOBER)).toMatchObject({
      staffTimeCents: 300_000,
      consultantTimeCents: 50_000,
      inKindCents: 200_000,
      totalCents: 550_000,
      share: 0.22,
      remainingCents: 1_950_000,
      staffHourlyRateCents: 3_000,
      consultantHourlyRateCents: 5_000,
      unvalued: { staffHours: false, consultantHours: false },
    });
    // A consultant rate of $0 flags the consultant hours alone.
    await updateContributionSettings(scope(), { periodLength: "quarter", staffHourlyRate: 30, consultantHourlyRate: 0, dueDays: 30 }, OCTOBER);
    expect((await matchOf(award.match, OCTOBER))?.unvalued).toEqual({ staffHours: false, consultantHours: true });
    await updateContributionSettings(scope(), { periodLength: "quarter", staffHourlyRate: 30, consultantHourlyRate: 50, dueDays: 30 }, OCTOBER);
  });

  it("lists on the dashboard the current awards with a match target, with when contributions last changed", async () => {
    const dashboard = await getMatchProgress(scope(), OCTOBER);
    expect(dashboard.awards.map((row) => row.awardNumber)).toEqual(["MATCH-1"]);
    expect(dashboard.awards[0]?.match).toEqual(await matchOf(award.match, OCTOBER));
    expect(dashboard.updatedAt).toEqual(OCTOBER);
    expect(dashboard.canSetRates).toBe(true);
  });

  it("shows every role that reads grants the same figures, and only coordinators the way to the rates", async () => {
    const coordinatorView = await getMatchProgress(scope(), OCTOBER);
    for (const role of ["member", "funder", "viewer"] as const) {
      const view = await getMatchProgress(scopeOf(role), OCTOBER);
      expect(view.awards, role).toEqual(coordinatorView.awards);
      expect(view.canSetRates, role).toBe(false);
      expect((await getGrant(scopeOf(role), { grantId: award.match }, OCTOBER)).canSetRates, role).toBe(false);
      expect(await matchOf(award.match, OCTOBER, role), role).toEqual(await matchOf(award.match, OCTOBER));
    }
    // Through the procedure, on today's clock.
    const [byCoordinator, byFunder] = await Promise.all([callerFor(coordinator).grant.match({ taskForceSlug: taskForce.slug }), callerFor(members.get("funder")!.user).grant.match({ taskForceSlug: taskForce.slug })]);
    expect(byFunder.awards).toEqual(byCoordinator.awards);
  });

  it("tells a funder nothing the contribution totals they already read do not: the sum of the periods' totals", async () => {
    const funder = scopeOf("funder");
    const table = await getPeriodTable(funder, { period: "2025-Q3" }, OCTOBER);
    // A funder's table of the period has the task force's totals only, money unsuppressed.
    expect(table.rows.map((row) => row.kind)).toEqual(["all"]);
    expect(table.rows[0]?.cells.totalValue).toEqual({ suppressed: false, value: 550_000 });
    expect((await getMatchProgress(funder, OCTOBER)).awards[0]?.match.totalCents).toBe(550_000);
  });

  it("computes the local-match requirement from it and records each change of its status", async () => {
    await applyTemplate(scope(), { grantId: award.match, templateKey: "optional", itemKeys: ["local-match"] }, at("2025-07-10T16:00:00Z"));
    const requirementOn = async (now: Date) => {
      const requirement = (await getGrant(scope(), { grantId: award.match }, now)).requirements.find((row) => row.templateKey === "local-match");
      if (!requirement) throw new Error("no local-match requirement");
      return requirement;
    };
    const july = await requirementOn(at("2025-07-10T16:00:00Z"));
    expect(july.computedKey).toBe("local-match");
    expect(july.computed).toEqual({ status: "not_started", explanation: { key: "localMatchNone", values: { matched: 0, target: 25_000, share: 0, from: "2025-07-01" } } });
    expect((await requirementOn(OCTOBER)).computed).toEqual({
      status: "in_progress",
      explanation: { key: "localMatchUnderway", values: { matched: 5_500, target: 25_000, share: 0.22, from: "2025-07-01" } },
    });

    // The daily recording notices the contributions; running it again adds nothing.
    const requirementId = july.id;
    expect(await recordRequirementStatuses([{ id: taskForce.id, today: "2025-10-05" }], OCTOBER)).toBe(1);
    expect(await recordRequirementStatuses([{ id: taskForce.id, today: "2025-10-05" }], OCTOBER)).toBe(0);
    // A lower target is reached at once; taking the target away leaves no match required. Both record in the change's transaction.
    const { version } = await getGrant(scope(), { grantId: award.match }, OCTOBER).then((detail) => detail.grant);
    const lowered = await updateGrant(scope(), { grantId: award.match, version, matchTarget: 5_000 }, at("2025-10-06T15:00:00Z"));
    expect((await requirementOn(at("2025-10-06T15:00:00Z"))).computed).toMatchObject({ status: "met", explanation: { key: "localMatchMet", values: { matched: 5_500, target: 5_000, share: 1.1 } } });
    await updateGrant(scope(), { grantId: award.match, version: lowered.version, matchTarget: null }, at("2025-10-07T15:00:00Z"));
    expect((await requirementOn(at("2025-10-07T15:00:00Z"))).effectiveStatus).toBe("not_applicable");
    expect(await historyOf(requirementId)).toEqual([
      { sequence: 1, status: "not_started", source: "computed", changedAt: at("2025-07-10T16:00:00Z") },
      { sequence: 2, status: "in_progress", source: "computed", changedAt: OCTOBER },
      { sequence: 3, status: "met", source: "computed", changedAt: at("2025-10-06T15:00:00Z") },
      { sequence: 4, status: "not_applicable", source: "computed", changedAt: at("2025-10-07T15:00:00Z") },
    ]);
    expect(await recordRequirementStatuses([{ id: taskForce.id, today: "2025-10-07" }], at("2025-10-07T16:00:00Z"))).toBe(0);
  });

  it("computes the local-match requirements added before it was computed, where nobody has set their status (migration 0018)", async () => {
    // One requirement per template item and award: the two awards without it so far.
    const legacy = (grantId: string, status: "not_started" | "met") => ({ taskForceId: taskForce.id, grantId, templateKey: "local-match", title: "Local match", status, position: 0 });
    const [untouched, judged] = await insertRequirements(await getDb(), [legacy(award.noTarget, "not_started"), legacy(award.ended, "met")]);
    const migration = readFileSync(path.join(process.cwd(), "drizzle", "0018_local_match_computed.sql"), "utf8");
    await (await getDb()).execute(sql.raw(migration));
    const rows = await (await getDb())
      .select({ id: grantRequirements.id, computedKey: grantRequirements.computedKey })
      .from(grantRequirements)
      .where(inArray(grantRequirements.id, [untouched!.id, judged!.id]));
    expect(Object.fromEntries(rows.map((row) => [row.id, row.computedKey]))).toEqual({ [untouched!.id]: "local-match", [judged!.id]: null });
  });
});
