import { callerFor } from "@/server/testing/factories";
import { addMonths, endedPeriods } from "@/server/domains/grants/grants.rules";
import { addDays } from "@/server/lib/dates";
import type { BenchTaskForce } from "./dataset";

/*
 * Grant awards of the bench task forces, made through the procedures a coordinator uses: creating
 * an award applies the ECM template, evidence links are checked against the task force's records,
 * and a progress report is a snapshot built from the live data. Rules that intricate are better
 * exercised than imitated, and there are few enough awards for the API to be quick.
 */

interface AwardPlan {
  /** Months before today that the award started; it runs three years. */
  startedMonthsAgo: number;
  reportingCadence: "semiannual" | "quarterly";
  /** Reports generated for the ended periods: all, all but the latest (so one is due or overdue), or none. */
  reports: "all" | "allButLatest" | "none";
}

/** The measured task force: an award that ended a year ago, one midway, one in its first year. */
const MEASURED_AWARDS: AwardPlan[] = [
  { startedMonthsAgo: 48, reportingCadence: "semiannual", reports: "all" },
  { startedMonthsAgo: 24, reportingCadence: "semiannual", reports: "allButLatest" },
  { startedMonthsAgo: 12, reportingCadence: "quarterly", reports: "all" },
];

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

function awardPlansOf(taskForce: BenchTaskForce, index: number): AwardPlan[] {
  if (index === 0) return MEASURED_AWARDS;
  // Reports are the slowest records to make (each is built from all of the task force's data); the measured task force has its own.
  const plan: AwardPlan = { startedMonthsAgo: Math.min(30, taskForce.profile.years * 6), reportingCadence: "semiannual", reports: "none" };
  return Array.from({ length: taskForce.profile.grants }, () => plan);
}

/** What was made for one task force, counted as rows of its table. */
export interface GrantRows {
  grants: number;
  requirementEvidence: number;
  grantReports: number;
}

/** Creates the awards of every bench task force (the first one is the measured task force); returns what each got, in order. */
export async function generateGrants(taskForces: readonly BenchTaskForce[], today: string): Promise<GrantRows[]> {
  const madeFor: GrantRows[] = [];
  for (const [index, taskForce] of taskForces.entries()) {
    const made: GrantRows = { grants: 0, requirementEvidence: 0, grantReports: 0 };
    madeFor.push(made);
    const caller = callerFor(taskForce.coordinator);
    const taskForceSlug = taskForce.slug;
    for (const [number, plan] of awardPlansOf(taskForce, index).entries()) {
      const periodStart = firstOfMonth(addMonths(today, -plan.startedMonthsAgo));
      const { id: grantId } = await caller.grant.create({
        taskForceSlug,
        funderName: "Office for Victims of Crime (bench)",
        program: "Enhanced Collaborative Model Task Force (bench)",
        awardNumber: `BENCH-${index + 1}-ECM-${String(number + 1).padStart(4, "0")}`,
        amount: 1_500_000,
        matchTarget: 375_000,
        periodStart,
        periodEnd: addDays(addMonths(periodStart, 36), -1),
        reportingCadence: plan.reportingCadence,
        applyEcmTemplate: true,
      });
      made.grants += 1;

      const award = await caller.grant.get({ taskForceSlug, grantId });
      const links = [
        ...taskForce.evidenceRecords.assessmentRounds.slice(0, 2).map((recordId) => ({ kind: "assessment_round", recordId })),
        ...taskForce.evidenceRecords.gaps.slice(number * 3, number * 3 + 3).map((recordId) => ({ kind: "gap", recordId })),
        ...taskForce.evidenceRecords.meetings.slice(0, 2).map((recordId) => ({ kind: "meeting", recordId })),
        ...taskForce.evidenceRecords.mous.slice(0, 1).map((recordId) => ({ kind: "mou", recordId })),
      ];
      for (const [position, link] of links.entries()) {
        const requirement = award.requirements[position % award.requirements.length];
        if (!requirement) break;
        await caller.grant.addEvidence({ taskForceSlug, requirementId: requirement.id, ...link });
        made.requirementEvidence += 1;
      }
      const first = award.requirements[0];
      if (first) {
        await caller.grant.addEvidence({ taskForceSlug, requirementId: first.id, kind: "url", url: "https://example.org/bench/onboarding-certificate", label: "Onboarding certificate (bench)" });
        made.requirementEvidence += 1;
      }

      const ended = endedPeriods(award.reporting.periods, award.today);
      for (const period of plan.reports === "all" ? ended : plan.reports === "allButLatest" ? ended.slice(0, -1) : []) {
        await caller.report.generate({ taskForceSlug, grantId, periodEnd: period.end });
        made.grantReports += 1;
      }
    }
  }
  return madeFor;
}
