import { getDb } from "@/server/lib/unitOfWork";
import type { FundedTaskForce, FunderScope } from "@/server/trpc/context";
import { areaTrendsOf } from "@/server/domains/assessments/comparison.service";
import { recentCompleteness } from "@/server/domains/contributions/contributions.overview";
import { summarizeGaps } from "@/server/domains/dashboard";
import { dateInZone } from "@/server/lib/dates";
import { DomainError } from "@/server/errors";
import { grantOverviews } from "@/server/domains/grants/grants.service";
import { requirementProgressOverTime } from "@/server/domains/grants/requirementHistory.service";
import { combineProgress } from "@/server/domains/grants/grants.rules";
import { listLastFullMeetings } from "@/server/domains/meetings";
import { currentTime } from "@/server/lib/clock";

/** Requirement counts of one award on one day. */
export interface RequirementCountsPoint {
  /** YYYY-MM-DD in the task force's time zone. */
  date: string;
  met: number;
  inProgress: number;
  notStarted: number;
}

/** An award's requirement counts over time, oldest point first: the portfolio's "requirements met over time". */
export interface AwardRequirementSeries {
  grantId: string;
  awardNumber: string;
  taskForceSlug: string;
  points: RequirementCountsPoint[];
}

type Overview = Awaited<ReturnType<typeof grantOverviews>>[number];

/*
 * Requirement counts over time per award, for all the funded task forces at once: the recorded
 * history at the end of each reporting period that has ended (requirementHistory.service.ts), and
 * today the counts grantOverviews has just worked out, so the last point is never behind the
 * award's own page even before the daily job has recorded today's statuses.
 */
function requirementSeriesOf(
  overviews: readonly Overview[],
  history: Awaited<ReturnType<typeof requirementProgressOverTime>>,
  funded: readonly { id: string; slug: string; today: string }[],
): AwardRequirementSeries[] {
  return overviews.flatMap(({ grant, progress }) => {
    const taskForce = funded.find((candidate) => candidate.id === grant.taskForceId);
    if (!taskForce) return [];
    const recorded = history.find((series) => series.grantId === grant.id)?.points ?? [];
    const past = recorded
      .filter((point) => point.date < taskForce.today)
      .map(({ date, progress: then }) => ({ date, met: then.met, inProgress: then.inProgress, notStarted: then.notStarted }));
    const { met, inProgress, notStarted } = progress;
    return [{ grantId: grant.id, awardNumber: grant.awardNumber, taskForceSlug: taskForce.slug, points: [...past, { date: taskForce.today, met, inProgress, notStarted }] }];
  });
}

/*
 * A funder's portfolio: the task forces they fund, by a funder membership or through a funding
 * program (their FunderScope, resolved by the funderProcedure), and nothing else. Only
 * aggregates leave the server: area levels (means of the agreed or median stages of closed rounds,
 * never a person's rating), requirement counts, reporting completeness (counts of organizations) and
 * dates. Each figure is read for all the funded task forces at once, so the page costs the same
 * queries for one as for ten. The page, its charts, the site-visit summary and the CSV/XLSX export
 * all read these rows.
 */
export async function getPortfolio(funder: FunderScope, now = currentTime()) {
  return portfolioOf(funder.taskForces, funder.locale, now);
}

/** One funded task force's row, for its site-visit summary; a task force the funder does not fund does not exist for them. */
export async function getSiteVisitSummary(funder: FunderScope, taskForceSlug: string, now = currentTime()) {
  const taskForce = funder.taskForces.find((candidate) => candidate.slug === taskForceSlug);
  if (!taskForce) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  const [row] = await portfolioOf([taskForce], funder.locale, now);
  if (!row) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  return row;
}

export type PortfolioRow = Awaited<ReturnType<typeof portfolioOf>>[number];

/** The rows of the funded task forces, the roadmap's names in the reader's language (`locale`). */
async function portfolioOf(funded: readonly FundedTaskForce[], locale: string | undefined, now: Date) {
  const calendars = funded.map((taskForce) => ({ id: taskForce.id, slug: taskForce.slug, today: dateInZone(now, taskForce.timeZone), taskForce }));
  if (calendars.length === 0) return [];
  const db = await getDb();
  const ids = calendars.map((calendar) => calendar.id);
  const [overviews, history, gapSummaries, trendOf, contributions, lastMeetings] = await Promise.all([
    grantOverviews(db, calendars),
    requirementProgressOverTime(
      db,
      calendars.map(({ id, today, taskForce }) => ({ id, today, timeZone: taskForce.timeZone })),
    ),
    summarizeGaps(db, calendars),
    // Funders never read individual ratings: only groups that may be shown count (ratingPrivacy.ts).
    areaTrendsOf(db, ids, true, locale),
    recentCompleteness(db, calendars),
    // Only meetings shared with funders may be dated for them (the portfolio's freshness too).
    listLastFullMeetings(db, ids, { sharedWithFundersOnly: true }),
  ]);
  const requirementSeries = requirementSeriesOf(overviews, history, calendars);
  return calendars.map(({ taskForce, today }, index) => {
    const trend = trendOf(taskForce.id);
    const lastRound = trend.rounds.at(-1) ?? null;
    const previousRound = trend.rounds.at(-2) ?? null;
    const own = overviews.filter((overview) => overview.grant.taskForceId === taskForce.id);
    const nextDue = own
      .flatMap((overview) => (overview.reporting.nextDue ? [overview.reporting.nextDue] : []))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
    const gaps = gapSummaries.find((row) => row.taskForceId === taskForce.id);
    const completeness = contributions[index];
    const lastContributionPeriod = completeness?.periods.at(-1) ?? null;
    const lastFullMeeting = lastMeetings.find((meeting) => meeting.taskForceId === taskForce.id)?.startsAt ?? null;
    // Fresh data is whatever changed last: a round, gaps, requirements, a full meeting held, a contributions report.
    const freshness = [lastRound?.closedAt ?? null, gaps?.updatedAt ?? null, own[0]?.requirementsUpdatedAt ?? null, lastFullMeeting, completeness?.updatedAt ?? null]
      .filter((date): date is Date => date !== null)
      .sort((a, b) => b.getTime() - a.getTime());
    const roundOf = (round: typeof lastRound) => (round ? { title: round.title, closedAt: round.closedAt } : null);
    return {
      slug: taskForce.slug,
      name: taskForce.name,
      /** The task force's calendar: its dates are days in this zone. */
      timeZone: taskForce.timeZone,
      // Which funding programs give the funder this task force; none when they were invited to it.
      programs: taskForce.programs,
      areas: trend.areas.map((area) => ({
        key: area.key,
        name: area.name,
        level: area.points.find((point) => point.roundId === lastRound?.id)?.mean ?? null,
        previous: area.points.find((point) => point.roundId === previousRound?.id)?.mean ?? null,
      })),
      lastRound: roundOf(lastRound),
      previousRound: roundOf(previousRound),
      progress: combineProgress(own.map((overview) => overview.progress)),
      awards: own.map(({ grant, progress }) => ({ grantId: grant.id, awardNumber: grant.awardNumber, program: grant.program, progress })),
      requirementSeries: requirementSeries.filter((series) => series.taskForceSlug === taskForce.slug),
      reporting: {
        reported: own.reduce((sum, overview) => sum + overview.reporting.reportedCount, 0),
        ended: own.reduce((sum, overview) => sum + overview.reporting.endedCount, 0),
        overdue: own.reduce((sum, overview) => sum + overview.reporting.overdue.length, 0),
      },
      // Contributions reporting of the last ended period, and of each of the last ended periods (counts only).
      contributions: lastContributionPeriod,
      contributionPeriods: completeness?.periods ?? [],
      nextDue: nextDue ?? null,
      openGaps: gaps?.open ?? 0,
      /** The day of the last full meeting held that was shared with funders, in the task force's zone. */
      lastFullMeetingOn: lastFullMeeting ? dateInZone(lastFullMeeting, taskForce.timeZone) : null,
      /** The task force's today: the date the figures are as of. */
      today,
      updatedAt: freshness[0] ?? null,
    };
  });
}
