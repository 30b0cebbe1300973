import { getDb } from "@/server/lib/unitOfWork";
import type { FunderScope } from "@/server/trpc/context";
import { areaTrendsOf } from "@/server/domains/assessments/comparison.service";
import { lastPeriodCompleteness } from "@/server/domains/contributions/contributions.views";
import { summarizeGaps } from "@/server/domains/dashboard";
import { dateInZone } from "@/server/lib/dates";
import { grantOverviews } from "@/server/domains/grants/grants.service";
import { combineProgress } from "@/server/domains/grants/grants.rules";
import { listLastFullMeetings } from "@/server/domains/meetings";
import { currentTime } from "@/server/lib/clock";

/*
 * A funder's portfolio: the task forces they fund, by a funder membership or through a funding
 * program (their FunderScope, resolved by the funderProcedure), and nothing else. Only
 * aggregates leave the server: area levels (means of the agreed or median stages of closed rounds,
 * never anyone's rating), requirement counts, reporting completeness and dates. Each figure is read
 * for all the funded task forces at once, so the page costs the same queries for one as for ten.
 */
export async function getPortfolio(funder: FunderScope, now = currentTime()) {
  const funded = funder.taskForces;
  const scopes = funded.map((taskForce) => ({ id: taskForce.id, today: dateInZone(now, taskForce.timeZone) }));
  if (scopes.length === 0) return [];
  const db = await getDb();
  const ids = scopes.map((scope) => scope.id);
  const [overviews, gapSummaries, trendOf, contributions, lastMeetings] = await Promise.all([
    grantOverviews(db, scopes),
    summarizeGaps(db, scopes),
    // Funders never read individual ratings: only groups that may be shown count (ratingPrivacy.ts).
    areaTrendsOf(db, ids, true),
    lastPeriodCompleteness(db, scopes),
    // Only meetings shared with funders may date the portfolio's freshness.
    listLastFullMeetings(db, ids, { sharedWithFundersOnly: true }),
  ]);
  return funded.map((taskForce, index) => {
    const trend = trendOf(taskForce.id);
    const lastRound = trend.rounds.at(-1) ?? null;
    const previousRound = trend.rounds.at(-2) ?? null;
    const own = overviews.filter((overview) => overview.grant.taskForceId === taskForce.id);
    const nextDue = own
      .flatMap((overview) => (overview.reporting.nextDue ? [overview.reporting.nextDue] : []))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
    const gaps = gapSummaries.find((row) => row.taskForceId === taskForce.id);
    const contribution = contributions[index];
    // Fresh data is whatever changed last: a round, gaps, requirements, a full meeting held, a contributions report.
    const freshness = [
      lastRound?.closedAt ?? null,
      gaps?.updatedAt ?? null,
      own[0]?.requirementsUpdatedAt ?? null,
      lastMeetings.find((meeting) => meeting.taskForceId === taskForce.id)?.startsAt ?? null,
      contribution?.updatedAt ?? null,
    ]
      .filter((date): date is Date => date !== null)
      .sort((a, b) => b.getTime() - a.getTime());
    return {
      slug: taskForce.slug,
      name: taskForce.name,
      // Which funding programs give the funder this task force; none when they were invited to it.
      programs: taskForce.programs,
      areas: trend.areas.map((area) => ({
        key: area.key,
        name: area.name,
        level: area.points.find((point) => point.roundId === lastRound?.id)?.mean ?? null,
        previous: area.points.find((point) => point.roundId === previousRound?.id)?.mean ?? null,
      })),
      lastRound: lastRound ? { title: lastRound.title, closedAt: lastRound.closedAt } : null,
      progress: combineProgress(own.map((overview) => overview.progress)),
      reporting: {
        reported: own.reduce((sum, overview) => sum + overview.reporting.reportedCount, 0),
        ended: own.reduce((sum, overview) => sum + overview.reporting.endedCount, 0),
        overdue: own.reduce((sum, overview) => sum + overview.reporting.overdue.length, 0),
      },
      contributions: contribution ? { period: contribution.period, expected: contribution.expected, submitted: contribution.submitted, reportingRate: contribution.reportingRate } : null,
      nextDue: nextDue ?? null,
      openGaps: gaps?.open ?? 0,
      updatedAt: freshness[0] ?? null,
    };
  });
}
