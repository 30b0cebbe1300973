import { getDb } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { currentTime } from "@/server/lib/clock";
import { calculatorFacts, matchToDate } from "./calculators";
import { listGrants } from "./grants.queries";

/*
 * The local match to date of the task force's awards (match.rules.ts), for the dashboard; the award
 * page gets its award's from grant.get.
 *
 * Everyone who reads grants sees the same figures, funders included, unsuppressed. They are money
 * and hours, not victim-related counts, which are what small-cell suppression protects (privacy.md
 * rule 2); and a funder already sees each period's task-force totals of in-kind value and valued
 * staff and consultant time (the contributions page and its exports, as "All organizations") and
 * the match since the award began in the progress reports they generate. The match to date is a
 * sum of those same period totals, so it tells a funder nothing those do not: where only one
 * organization reported in a period, the period's total was already that organization's figure.
 */

/** Whether the viewer may set the hourly rates (the settings page's contribution settings): coordinators. */
export function canSetRates(scope: TaskForceScope) {
  return can(scope.role, "taskForce.update") && can(scope.role, "contribution.manage");
}

/**
 * Every award of the task force that has a match target and has not ended, with its match to date:
 * the same few queries (awards, rates, contributions) whatever the number of awards.
 */
export async function getMatchProgress(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const facts = calculatorFacts(db, [scope.taskForceId]);
  const grants = (await listGrants(db, [scope.taskForceId])).filter((grant) => grant.periodEnd >= today);
  const awards = await Promise.all(
    grants.map(async (grant) => ({ id: grant.id, awardNumber: grant.awardNumber, program: grant.program, match: await matchToDate(facts, scope.taskForceId, grant, today) })),
  );
  const withTarget = awards.flatMap(({ match, ...award }) => (match ? [{ ...award, match }] : []));
  const submittedTimes = withTarget.length > 0 ? (await facts.matchInputsByPeriod(scope.taskForceId)).flatMap((row) => (row.lastSubmittedAt ? [row.lastSubmittedAt.getTime()] : [])) : [];
  return {
    today,
    awards: withTarget,
    canSetRates: canSetRates(scope),
    /** When contributions last changed: the latest submitted report's submission. */
    updatedAt: submittedTimes.length > 0 ? new Date(Math.max(...submittedTimes)) : null,
  };
}
