import type { Database } from "@/server/lib/unitOfWork";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { insertReport, replaceReportContent, upsertSettings } from "@/server/domains/contributions/contributions.queries";
import { contentToRows } from "@/server/domains/contributions/contributions.rules";
import type { ReportContent } from "@/server/domains/contributions/contributions.schemas";
import { dueOnOf, periodContaining, previousPeriod, type Period } from "@/server/domains/contributions/periods";
import { addDays, dateInZone } from "@/server/lib/dates";
import { currentTime } from "@/server/lib/clock";

/*
 * Four past quarters of demo contributions for Riverbend, relative to the day of seeding (never a
 * future period): most agencies submitted on time; one quarter has a late report, one a report
 * returned for correction and one agency missing; in the last quarter the victim-services agency
 * has not reported yet and the clinic has only a draft (the e2e specs submit and import those).
 * Service counts are small on purpose, so the funder view has cells to suppress. Invented numbers.
 */

type OrganizationKey = "sheriff" | "shelter" | "prosecutor" | "labour" | "clinic" | "survivors";

/** What each agency typically logs per quarter; `step` varies it a little from quarter to quarter. */
const PROFILES: Record<OrganizationKey, (step: number) => ReportContent> = {
  sheriff: (step) => ({
    values: { staffHours: 120 + step * 8, trainingsDelivered: 2, outreachEvents: 1, peopleReached: 40, referralsMade: 14 + step, referralsReceived: 6, potentialVictimsIdentified: 9 + step, confirmedVictimsIdentified: 3 },
    peopleTrained: { lawEnforcementLocalState: 35 + step * 5, prosecution: 6 },
    services: { criminalJustice: 12 + step },
    inKind: [{ description: "Training room and audio-visual equipment", value: 600 }],
  }),
  shelter: (step) => ({
    values: { staffHours: 160 + step * 10, trainingsDelivered: 3, outreachEvents: 4, peopleReached: 220 + step * 15, referralsMade: 22, referralsReceived: 31 + step, consultantEngagements: 2, consultantPaidHours: 18, potentialVictimsIdentified: 17 + step, confirmedVictimsIdentified: 8 },
    peopleTrained: { health: 18, education: 25 + step * 3, victimServices: 12 },
    services: { caseManagement: 24 + step, housing: 11, crisisIntervention: 7, food: 14, transportation: 4, interpretation: 2 },
    inKind: [
      { description: "Emergency shelter beds held for task-force referrals", value: 3200 },
      { description: "Printed outreach materials", value: 250 },
    ],
  }),
  prosecutor: (step) => ({
    values: { staffHours: 64 + step * 4, trainingsDelivered: 1, referralsMade: 3, referralsReceived: 9 },
    peopleTrained: { lawEnforcementLocalState: 20, lawEnforcementFederal: 4 },
    services: { victimRightsBenefits: 9 + step },
    inKind: [],
  }),
  labour: (step) => ({
    values: { staffHours: 40 + step * 2, outreachEvents: 3, peopleReached: 95, referralsMade: 5, potentialVictimsIdentified: 4 },
    peopleTrained: { business: 30 + step * 2 },
    services: {},
    inKind: [],
  }),
  clinic: (step) => ({
    values: { staffHours: 36, trainingsDelivered: 1, referralsReceived: 7, potentialVictimsIdentified: 2 },
    peopleTrained: { health: 28 + step },
    services: { medical: 13 + step, mentalHealth: 6, dental: 1 },
    inKind: [{ description: "Clinic space for trauma-informed care workshop", value: 800 }],
  }),
  survivors: (step) => ({
    values: { staffHours: 24, trainingsDelivered: 2, outreachEvents: 2, peopleReached: 60, consultantEngagements: 3 + step, consultantPaidHours: 22 + step * 2 },
    peopleTrained: { lawEnforcementLocalState: 15, victimServices: 10 },
    services: {},
    inKind: [],
  }),
};

type Outcome = "onTime" | "late" | "returned" | "draft" | "missing";

/** Quarter index 0 is the oldest of the four; 3 is the last complete quarter. */
const PLAN: Record<OrganizationKey, Outcome[]> = {
  sheriff: ["onTime", "onTime", "onTime", "onTime"],
  shelter: ["onTime", "onTime", "onTime", "missing"],
  prosecutor: ["onTime", "onTime", "late", "onTime"],
  labour: ["onTime", "onTime", "returned", "onTime"],
  clinic: ["onTime", "onTime", "onTime", "draft"],
  survivors: ["onTime", "missing", "onTime", "onTime"],
};

export async function seedDemoContributions(
  tx: Database,
  demo: { taskForceId: string; timeZone: string; userIds: Map<string, string>; organizationIds: Map<string, string> },
  now = currentTime(),
): Promise<void> {
  const { taskForceId } = demo;
  const dueDays = 30;
  await upsertSettings(tx, taskForceId, { periodLength: "quarter", staffHourlyRateCents: 3250, consultantHourlyRateCents: 4500, dueDays, updatedAt: now });
  await recordAudit(tx, { taskForceId, actorUserId: null }, {
    entity: "contributionSettings",
    entityId: taskForceId,
    action: "update",
    changes: { periodLength: { from: null, to: "quarter" }, staffHourlyRateCents: { from: null, to: 3250 }, consultantHourlyRateCents: { from: null, to: 4500 } },
  });

  const today = dateInZone(now, demo.timeZone);
  const quarters: Period[] = [previousPeriod(periodContaining(today, "quarter"))];
  while (quarters.length < 4) quarters.unshift(previousPeriod(quarters[0] as Period));
  const coordinatorId = demo.userIds.get("coordinator@example.org") ?? null;
  const submitterOf: Record<OrganizationKey, string | null> = {
    sheriff: demo.userIds.get("deputy@example.org") ?? null,
    shelter: demo.userIds.get("advocate@example.org") ?? null,
    prosecutor: demo.userIds.get("prosecutor@example.org") ?? null,
    labour: demo.userIds.get("inspector@example.org") ?? null,
    clinic: demo.userIds.get("nurse@example.org") ?? null,
    survivors: coordinatorId,
  };
  // A moment at noon of a calendar day, never later than now.
  const at = (day: string) => new Date(Math.min(now.getTime(), new Date(`${day}T17:00:00Z`).getTime()));

  for (const [key, outcomes] of Object.entries(PLAN) as [OrganizationKey, Outcome[]][]) {
    const organizationId = demo.organizationIds.get(key);
    if (!organizationId) throw new Error(`demo seed: unknown organization ${key}`);
    for (const [step, outcome] of outcomes.entries()) {
      if (outcome === "missing") continue;
      const period = quarters[step] as Period;
      const dueOn = dueOnOf(period, dueDays);
      const submittedDay = outcome === "late" ? addDays(dueOn, 12) : addDays(period.end, 5 + step * 3);
      const submittedAt = at(submittedDay);
      const submitted = outcome === "onTime" || outcome === "late";
      const status = submitted ? "submitted" : outcome === "returned" ? "returned" : "draft";
      const report = await insertReport(tx, {
        taskForceId,
        organizationId,
        period: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        status,
        submittedAt: submitted ? submittedAt : null,
        submittedByUserId: outcome === "draft" ? null : submitterOf[key],
        late: outcome === "late",
        returnedAt: outcome === "returned" ? at(addDays(submittedDay, 4)) : null,
        returnedByUserId: outcome === "returned" ? coordinatorId : null,
        returnedReason: outcome === "returned" ? "People reached looks like the whole year's figure; please give this quarter's only." : null,
        createdByUserId: submitterOf[key],
        updatedByUserId: outcome === "returned" ? coordinatorId : submitterOf[key],
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
      if (!report) throw new Error(`demo seed: contributions of ${key} for ${period.key} exist already`);
      const rows = contentToRows(PROFILES[key](step));
      await replaceReportContent(tx, taskForceId, report.id, rows.values, rows.inKind);
      await recordAudit(tx, { taskForceId, actorUserId: null }, {
        entity: "contributionReport",
        entityId: report.id,
        action: "create",
        changes: { organizationId: { from: null, to: organizationId }, period: { from: null, to: period.key }, status: { from: null, to: status } },
      });
    }
  }
}
