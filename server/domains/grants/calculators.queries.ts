import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assessmentRounds, contributionReports, contributionValues, gaps, meetings, mouParties, mous, organizations, protocols } from "@/db/schema";

/*
 * The records the requirement calculators read, each one aggregated query for one or many task
 * forces, grouped by task force and by the day or period an award's window is cut from. The
 * windows themselves (an award's start-up phase, its current reporting period) are applied in
 * calculators.ts, so every award of every task force in a call shares the same few queries.
 */

const LEAD_ROLES = ["lead_law_enforcement", "lead_victim_services", "co_lead"] as const;

/** Rounds by status and closing day (UTC), per task force. */
export function countRoundsByClosingDay(db: Database, taskForceIds: readonly string[]) {
  const closedOn = sql<string | null>`(${assessmentRounds.closedAt} at time zone 'UTC')::date`;
  return db
    .select({ taskForceId: assessmentRounds.taskForceId, status: assessmentRounds.status, closedOn, rounds: count() })
    .from(assessmentRounds)
    .where(inArray(assessmentRounds.taskForceId, [...taskForceIds]))
    .groupBy(assessmentRounds.taskForceId, assessmentRounds.status, closedOn);
}

/** Active member organizations (membership status) by primary discipline, per task force. */
export function countActiveOrganizationsByDiscipline(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: organizations.taskForceId, discipline: organizations.primaryDiscipline, organizations: count() })
    .from(organizations)
    .where(and(inArray(organizations.taskForceId, [...taskForceIds]), eq(organizations.membershipStatus, "active")))
    .groupBy(organizations.taskForceId, organizations.primaryDiscipline);
}

const activeLead = and(eq(organizations.membershipStatus, "active"), inArray(organizations.taskForceRole, [...LEAD_ROLES]));

/** Active organizations holding a lead role (lead law enforcement, lead victim services, co-lead), per task force. */
export function listActiveLeads(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: organizations.taskForceId, id: organizations.id, name: organizations.name, role: organizations.taskForceRole })
    .from(organizations)
    .where(and(inArray(organizations.taskForceId, [...taskForceIds]), activeLead))
    .orderBy(organizations.name);
}

/**
 * MOUs with at least two active leads of their task force among their parties, most recently
 * signed first. Any two leads are a pair (one lead of each side, or a co-lead with either), so a
 * co-lead beside the two leads need not sign the leads' MOU.
 */
export function listMousBetweenLeads(db: Database, taskForceIds: readonly string[]) {
  const betweenLeads = db
    .select({ mouId: mouParties.mouId })
    .from(mouParties)
    .innerJoin(organizations, and(eq(organizations.taskForceId, mouParties.taskForceId), eq(organizations.id, mouParties.organizationId)))
    // The task forces said of both tables: PostgreSQL carries an equality across a join, not an IN list.
    .where(and(inArray(mouParties.taskForceId, [...taskForceIds]), inArray(organizations.taskForceId, [...taskForceIds]), activeLead))
    .groupBy(mouParties.mouId)
    .having(sql`count(distinct ${mouParties.organizationId}) >= 2`);
  return db
    .select({ taskForceId: mous.taskForceId, title: mous.title, status: mous.status, signedOn: mous.signedOn, effectiveOn: mous.effectiveOn, expiresOn: mous.expiresOn })
    .from(mous)
    .where(and(inArray(mous.taskForceId, [...taskForceIds]), inArray(mous.id, betweenLeads)))
    .orderBy(sql`${mous.signedOn} desc nulls last`);
}

/** Protocols by status and next review date, per task force (whether a review is overdue depends on each task force's today). */
export function countProtocolsByReview(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: protocols.taskForceId, status: protocols.status, nextReviewOn: protocols.nextReviewOn, protocols: count() })
    .from(protocols)
    .where(inArray(protocols.taskForceId, [...taskForceIds]))
    .groupBy(protocols.taskForceId, protocols.status, protocols.nextReviewOn);
}

/** Sums of the measures over submitted contribution reports, per task force, measure and period start. */
export function sumSubmittedMeasuresByPeriod(db: Database, taskForceIds: readonly string[], measures: readonly string[]) {
  return db
    .select({
      taskForceId: contributionValues.taskForceId,
      measure: contributionValues.measure,
      periodStart: contributionReports.periodStart,
      total: sql<number>`sum(${contributionValues.value})`.mapWith(Number),
    })
    .from(contributionValues)
    .innerJoin(contributionReports, and(eq(contributionReports.taskForceId, contributionValues.taskForceId), eq(contributionReports.id, contributionValues.reportId)))
    .where(
      and(
        inArray(contributionValues.taskForceId, [...taskForceIds]),
        // Said again of the reports: PostgreSQL carries an equality across the join, not an IN list, and would read every task force's reports.
        inArray(contributionReports.taskForceId, [...taskForceIds]),
        inArray(contributionValues.measure, [...measures]),
        eq(contributionReports.status, "submitted"),
      ),
    )
    .groupBy(contributionValues.taskForceId, contributionValues.measure, contributionReports.periodStart);
}

/** Held meetings of the types by type and day (in the meeting's zone), per task force. */
export function countHeldMeetingsByDay(db: Database, taskForceIds: readonly string[], types: readonly (typeof meetings.$inferSelect)["type"][]) {
  const day = sql<string>`(${meetings.startsAt} at time zone ${meetings.timeZone})::date`;
  return db
    .select({ taskForceId: meetings.taskForceId, type: meetings.type, day, meetings: count() })
    .from(meetings)
    .where(and(inArray(meetings.taskForceId, [...taskForceIds]), inArray(meetings.type, [...types]), eq(meetings.status, "held")))
    .groupBy(meetings.taskForceId, meetings.type, day);
}

export function countGapsTracked(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: gaps.taskForceId, gaps: count(), resolved: sql<number>`count(*) filter (where ${gaps.status} = 'resolved')`.mapWith(Number) })
    .from(gaps)
    .where(inArray(gaps.taskForceId, [...taskForceIds]))
    .groupBy(gaps.taskForceId);
}
