import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTranslator } from "next-intl";
import messages from "@/app/i18n/messages/en.json";
import { contributionSettings, organizations } from "@/db/schema";
import { createOrganization, createTaskForce, type TestTaskForce } from "@/server/testing/factories";
import { countingSelects } from "@/server/testing/queryCount";
import { CALCULATOR_KEYS, calculatorFacts, computeStatuses, REQUIREMENT_CALCULATORS, type CalculatorContext, type CalculatorKey } from "./calculators";
import { insertContributionReport, insertMeeting, insertMou, insertProtocol } from "./records.fixtures";

/*
 * Each calculator against records written straight to the database, on a fresh task force per test:
 * the status and the explanation key (the "computed: …" wording) for the met and not-met cases.
 */

const GRANT = { id: "00000000-0000-4000-8000-000000000000", periodStart: "2025-10-01", periodEnd: "2028-09-30", reportingCadence: "semiannual" as const, matchTarget: null as number | null };
const TODAY = "2026-11-28";

describe("computed requirements", () => {
  let taskForce: TestTaskForce;
  const run = (key: CalculatorKey, today = TODAY, grant: CalculatorContext["grant"] = GRANT) => {
    const context: CalculatorContext = { taskForceId: taskForce.id, grant, today };
    // Fresh facts on every run: they are loaded once and kept, and the tests add records between runs.
    return getDb().then((db) => REQUIREMENT_CALCULATORS[key](calculatorFacts(db, [taskForce.id]), context));
  };
  const outcome = async (key: CalculatorKey, today = TODAY, grant: CalculatorContext["grant"] = GRANT) => {
    const result = await run(key, today, grant);
    return [result.status, result.explanation.key];
  };
  const organization = async (values: { role?: (typeof organizations.$inferSelect)["taskForceRole"]; status?: "active" | "inactive"; discipline?: string; name?: string }) => {
    const created = await createOrganization(taskForce, { name: values.name, primaryDiscipline: values.discipline });
    await (await getDb())
      .update(organizations)
      .set({ taskForceRole: values.role ?? "member", membershipStatus: values.status ?? "active" })
      .where(eq(organizations.id, created.id));
    return created;
  };

  beforeEach(async () => {
    taskForce = await createTaskForce();
  });

  it("lead-pair: active lead law enforcement and lead victim services, or co-leads", async () => {
    expect(await outcome("lead-pair")).toEqual(["not_started", "leadPairNone"]);
    await organization({ role: "lead_law_enforcement", name: "County Sheriff" });
    await organization({ role: "lead_victim_services", status: "inactive" });
    expect(await outcome("lead-pair")).toEqual(["in_progress", "leadPairOne"]);
    await organization({ role: "co_lead", name: "Harbor Shelter" });
    expect(await run("lead-pair")).toEqual({ status: "met", explanation: { key: "leadPairMet", values: { names: "County Sheriff, Harbor Shelter" } } });
  });

  it("lead-mou: a signed MOU between the leads that is in effect today", async () => {
    expect(await outcome("lead-mou")).toEqual(["not_started", "leadMouNoLeads"]);
    const police = await organization({ role: "lead_law_enforcement" });
    const shelter = await organization({ role: "lead_victim_services" });
    const third = await organization({});
    expect(await outcome("lead-mou")).toEqual(["not_started", "leadMouNone"]);
    // An MOU that leaves out one of the leads does not count.
    await insertMou(taskForce, { title: "Police and third", status: "signed", signedOn: "2026-01-01" }, [police.id, third.id]);
    expect(await outcome("lead-mou")).toEqual(["not_started", "leadMouNone"]);
    await insertMou(taskForce, { title: "Draft", status: "draft" }, [police.id, shelter.id]);
    expect(await outcome("lead-mou")).toEqual(["in_progress", "leadMouUnsigned"]);
    await insertMou(taskForce, { title: "Expired", status: "signed", signedOn: "2023-01-01", effectiveOn: "2023-01-01", expiresOn: "2026-11-27" }, [police.id, shelter.id]);
    expect(await outcome("lead-mou")).toEqual(["in_progress", "leadMouNotCurrent"]);
    await insertMou(taskForce, { title: "Current", status: "signed", signedOn: "2026-11-01", effectiveOn: "2026-11-28", expiresOn: "2029-11-28" }, [police.id, shelter.id, third.id]);
    expect(await run("lead-mou")).toEqual({ status: "met", explanation: { key: "leadMouCurrent", values: { title: "Current", expiresOn: "2029-11-28" } } });
    // The day after expiry it is no longer current.
    expect(await outcome("lead-mou", "2029-11-29")).toEqual(["in_progress", "leadMouNotCurrent"]);
  });

  it("lead-mou: with a co-lead besides the two leads, the two leads' MOU counts (regression: every lead had to be a party)", async () => {
    const police = await organization({ role: "lead_law_enforcement" });
    const shelter = await organization({ role: "lead_victim_services" });
    const council = await organization({ role: "co_lead" });
    const other = await organization({});
    const current = { status: "signed" as const, signedOn: "2026-01-01", effectiveOn: "2026-01-01", expiresOn: "2028-01-01" };
    // One lead with a member that leads nothing is no lead MOU.
    await insertMou(taskForce, { title: "Council and a member", ...current }, [council.id, other.id]);
    expect(await outcome("lead-mou")).toEqual(["not_started", "leadMouNone"]);
    await insertMou(taskForce, { title: "Leads", ...current }, [police.id, shelter.id]);
    expect(await run("lead-mou")).toEqual({ status: "met", explanation: { key: "leadMouCurrent", values: { title: "Leads", expiresOn: "2028-01-01" } } });
  });

  it("core-partners: prosecution among organizations whose membership is active", async () => {
    expect(await outcome("core-partners")).toEqual(["not_started", "corePartnersNone"]);
    await organization({ discipline: "prosecution", status: "inactive" });
    await organization({ discipline: "victimServices" });
    expect(await outcome("core-partners")).toEqual(["in_progress", "corePartnersNoProsecution"]);
    await organization({ discipline: "prosecution" });
    expect(await run("core-partners")).toMatchObject({ status: "met", explanation: { key: "corePartnersMet", values: { prosecution: 1, disciplines: 2 } } });
  });

  it("protocols: adopted and none overdue for review", async () => {
    expect(await outcome("protocols")).toEqual(["not_started", "protocolsNone"]);
    await insertProtocol(taskForce, { status: "draft" });
    expect(await outcome("protocols")).toEqual(["in_progress", "protocolsDrafts"]);
    await insertProtocol(taskForce, { status: "adopted", adoptedOn: "2026-01-01", nextReviewOn: "2027-01-01" });
    expect(await outcome("protocols")).toEqual(["met", "protocolsMet"]);
    await insertProtocol(taskForce, { status: "adopted", adoptedOn: "2025-01-01", nextReviewOn: "2026-11-27" });
    expect(await run("protocols")).toEqual({ status: "in_progress", explanation: { key: "protocolsOverdue", values: { adopted: 2, overdue: 1 } } });
  });

  it("training: trainings delivered in the current reporting period per submitted reports", async () => {
    const agency = await organization({});
    // Last period and a draft of this period do not count.
    await insertContributionReport(taskForce, agency.id, { period: "2026-Q2", periodStart: "2026-04-01", periodEnd: "2026-06-30" }, { trainingsDelivered: 3 });
    await insertContributionReport(taskForce, agency.id, { period: "2026-Q3", periodStart: "2026-07-01", periodEnd: "2026-09-30" }, { trainingsDelivered: 2 }, "draft");
    expect(await run("training")).toEqual({ status: "not_started", explanation: { key: "trainingNone", values: { trainings: 0, start: "2026-07-01", end: "2026-12-31" } } });
    const other = await organization({});
    await insertContributionReport(taskForce, other.id, { period: "2026-Q4", periodStart: "2026-10-01", periodEnd: "2026-12-31" }, { trainingsDelivered: 1 });
    expect(await run("training")).toMatchObject({ status: "met", explanation: { key: "trainingMet", values: { trainings: 1 } } });
  });

  it("lived-experience: an active survivor-leader organization or paid consultant hours this period", async () => {
    await organization({ discipline: "survivorLeaders", status: "inactive" });
    expect(await outcome("lived-experience")).toEqual(["not_started", "livedExperienceNone"]);
    const agency = await organization({});
    await insertContributionReport(taskForce, agency.id, { period: "2026-Q3", periodStart: "2026-07-01", periodEnd: "2026-09-30" }, { consultantPaidHours: 12.5 });
    expect(await run("lived-experience")).toMatchObject({ status: "met", explanation: { values: { organizations: 0, hours: 12.5 } } });
    taskForce = await createTaskForce();
    await organization({ discipline: "survivorLeaders" });
    expect(await run("lived-experience")).toMatchObject({ status: "met", explanation: { values: { organizations: 1, hours: 0 } } });
  });

  it("local-match: the award's match to date against its target, in the words of the requirement; not applicable without a target", async () => {
    const agency = await organization({});
    const other = await organization({});
    const award = { ...GRANT, matchTarget: 25_000 };
    expect(await run("local-match")).toEqual({ status: "not_applicable", explanation: { key: "localMatchNoTarget", values: {} } });
    expect(await outcome("local-match", TODAY, { ...GRANT, matchTarget: 0 })).toEqual(["not_applicable", "localMatchNoTarget"]);
    // Before the award began, and a draft, count for nothing (returned reports: match.int.test.ts).
    await insertContributionReport(taskForce, agency.id, { period: "2025-Q3", periodStart: "2025-07-01", periodEnd: "2025-09-30" }, {}, "submitted", [500_000]);
    await insertContributionReport(taskForce, other.id, { period: "2025-Q4", periodStart: "2025-10-01", periodEnd: "2025-12-31" }, {}, "draft", [100_000]);
    expect(await run("local-match", TODAY, award)).toEqual({
      status: "not_started",
      explanation: { key: "localMatchNone", values: { matched: 0, target: 25_000, share: 0, from: "2025-10-01" } },
    });
    await insertContributionReport(taskForce, agency.id, { period: "2026-Q1", periodStart: "2026-01-01", periodEnd: "2026-03-31" }, { staffHours: 100 }, "submitted", [1_000_000, 240_000]);
    const underway = await run("local-match", TODAY, award);
    // Staff hours count for $0 until a rate is set.
    expect(underway).toEqual({ status: "in_progress", explanation: { key: "localMatchUnderway", values: { matched: 12_400, target: 25_000, share: 0.496, from: "2025-10-01" } } });
    const t = createTranslator({ locale: "en", messages });
    expect(t("requirements.computed.localMatchUnderway", underway.explanation.values)).toBe("$12,400.00 of $25,000.00 (49.6%) matched since 2025-10-01.");
    await (await getDb()).insert(contributionSettings).values({ taskForceId: taskForce.id, staffHourlyRateCents: 12_600 });
    expect(await run("local-match", TODAY, award)).toEqual({ status: "met", explanation: { key: "localMatchMet", values: { matched: 25_000, target: 25_000, share: 1, from: "2025-10-01" } } });
  });

  it("onboarding: a held training meeting in the award period", async () => {
    await insertMeeting(taskForce, { title: "Before the award", type: "training", status: "held", startsAt: new Date("2025-09-15T15:00:00Z") });
    await insertMeeting(taskForce, { title: "Scheduled", type: "training", startsAt: new Date("2026-12-15T15:00:00Z") });
    await insertMeeting(taskForce, { title: "Full meeting", type: "full_task_force", status: "held", startsAt: new Date("2026-03-15T15:00:00Z") });
    expect(await outcome("onboarding")).toEqual(["not_started", "onboardingNone"]);
    await insertMeeting(taskForce, { title: "ECM onboarding", type: "training", status: "held", startsAt: new Date("2025-11-05T15:00:00Z") });
    expect(await run("onboarding")).toEqual({ status: "met", explanation: { key: "onboardingMet", values: { meetings: 1 } } });
  });

  it("meeting-frequency: four held full task-force meetings in the last 12 months", async () => {
    expect(await outcome("meeting-frequency")).toEqual(["not_started", "meetingFrequencyNone"]);
    for (const day of ["2025-11-20", "2026-02-20", "2026-05-20"]) {
      await insertMeeting(taskForce, { title: `Full ${day}`, status: "held", startsAt: new Date(`${day}T15:00:00Z`) });
    }
    expect(await run("meeting-frequency")).toEqual({ status: "in_progress", explanation: { key: "meetingFrequencyLow", values: { meetings: 2, expected: 4, from: "2025-11-28" } } });
    await insertMeeting(taskForce, { title: "Full August", status: "held", startsAt: new Date("2026-08-20T15:00:00Z") });
    await insertMeeting(taskForce, { title: "Full November", status: "held", startsAt: new Date("2026-11-20T15:00:00Z") });
    expect(await outcome("meeting-frequency")).toEqual(["met", "meetingFrequencyMet"]);
  });
  it("keeps each award's own window while every award shares one load of the records", async () => {
    await insertMeeting(taskForce, { title: "ECM onboarding", type: "training", status: "held", startsAt: new Date("2025-11-05T15:00:00Z") });
    const facts = calculatorFacts(await getDb(), [taskForce.id]);
    const later = { ...GRANT, id: "00000000-0000-4000-8000-000000000001", periodStart: "2026-06-01", periodEnd: "2029-05-31" };
    const [first, second] = await Promise.all(
      [GRANT, later].map((grant) => computeStatuses(facts, { taskForceId: taskForce.id, grant, today: TODAY }, ["onboarding"])),
    );
    expect(first?.get("onboarding")?.explanation.key).toBe("onboardingMet");
    expect(second?.get("onboarding")?.explanation.key).toBe("onboardingNone");
  });

  // Regression: the dashboard's requirement widget ran every calculator's queries once per award (an N+1 that `npm run bench` found).
  it("issues as many queries for three awards as for one", async () => {
    const selectsFor = async (awards: number) => {
      const counting = countingSelects(await getDb());
      const facts = calculatorFacts(counting.db, [taskForce.id]);
      // With a match target, so the local match's contributions and rates are read too.
      const grants = Array.from({ length: awards }, (_, index) => ({ ...GRANT, matchTarget: 25_000, id: `00000000-0000-4000-8000-00000000000${index}` }));
      await Promise.all(grants.map((grant) => computeStatuses(facts, { taskForceId: taskForce.id, grant, today: TODAY }, CALCULATOR_KEYS)));
      return counting.selects();
    };
    const one = await selectsFor(1);
    expect(one).toBeGreaterThan(0);
    expect(await selectsFor(3)).toBe(one);
  });
});
