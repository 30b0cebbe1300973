import { and, between, count, eq, inArray, max, min, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assessmentRounds, contributionReports, contributionValues, gaps, grantReports, meetings, mouParties, mous, organizations, protocols } from "@/db/schema";

/** Rounds of the task force: how many closed within [from, until], how many in all, the first closing date. */
export async function countRoundsClosedBetween(db: Database, taskForceId: string, from: string, until: string) {
  const closedOn = sql<string>`(${assessmentRounds.closedAt} at time zone 'UTC')::date`;
  const [row] = await db
    .select({
      closedInWindow: sql<number>`count(*) filter (where ${assessmentRounds.status} = 'closed' and ${closedOn} between ${from} and ${until})`.mapWith(Number),
      closed: sql<number>`count(*) filter (where ${assessmentRounds.status} = 'closed')`.mapWith(Number),
      all: count(),
    })
    .from(assessmentRounds)
    .where(eq(assessmentRounds.taskForceId, taskForceId));
  return row ?? { closedInWindow: 0, closed: 0, all: 0 };
}

/** Active member organizations (membership status) by primary discipline. */
export function countActiveOrganizationsByDiscipline(db: Database, taskForceId: string) {
  return db
    .select({ discipline: organizations.primaryDiscipline, organizations: count() })
    .from(organizations)
    .where(and(eq(organizations.taskForceId, taskForceId), eq(organizations.membershipStatus, "active")))
    .groupBy(organizations.primaryDiscipline);
}

/** Active organizations holding a lead role (lead law enforcement, lead victim services, co-lead). */
export function listActiveLeads(db: Database, taskForceId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, role: organizations.taskForceRole })
    .from(organizations)
    .where(
      and(
        eq(organizations.taskForceId, taskForceId),
        eq(organizations.membershipStatus, "active"),
        inArray(organizations.taskForceRole, ["lead_law_enforcement", "lead_victim_services", "co_lead"]),
      ),
    )
    .orderBy(organizations.name);
}

/**
 * MOUs with at least two of the lead organizations `leadIds` among their parties, most recently
 * signed first. Any two leads are a pair (one lead of each side, or a co-lead with either), so a
 * co-lead beside the two leads need not sign the leads' MOU.
 */
export async function listMousBetweenLeads(db: Database, taskForceId: string, leadIds: readonly string[]) {
  const parties = db
    .select({ mouId: mouParties.mouId })
    .from(mouParties)
    .where(and(eq(mouParties.taskForceId, taskForceId), inArray(mouParties.organizationId, [...leadIds])))
    .groupBy(mouParties.mouId)
    .having(sql`count(distinct ${mouParties.organizationId}) >= 2`);
  return db
    .select({ title: mous.title, status: mous.status, signedOn: mous.signedOn, effectiveOn: mous.effectiveOn, expiresOn: mous.expiresOn })
    .from(mous)
    .where(and(eq(mous.taskForceId, taskForceId), inArray(mous.id, parties)))
    .orderBy(sql`${mous.signedOn} desc nulls last`);
}

/** Protocols by status, and how many adopted ones are past their review date. */
export async function countProtocols(db: Database, taskForceId: string, today: string) {
  const [row] = await db
    .select({
      adopted: sql<number>`count(*) filter (where ${protocols.status} <> 'draft')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${protocols.status} <> 'draft' and ${protocols.nextReviewOn} < ${today})`.mapWith(Number),
      drafts: sql<number>`count(*) filter (where ${protocols.status} = 'draft')`.mapWith(Number),
    })
    .from(protocols)
    .where(eq(protocols.taskForceId, taskForceId));
  return row ?? { adopted: 0, overdue: 0, drafts: 0 };
}

/** Sum of a measure over the submitted contribution reports whose period starts within [from, to]. */
export async function sumSubmittedMeasure(db: Database, taskForceId: string, measure: string, from: string, to: string) {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${contributionValues.value}), 0)`.mapWith(Number) })
    .from(contributionValues)
    .innerJoin(contributionReports, and(eq(contributionReports.taskForceId, contributionValues.taskForceId), eq(contributionReports.id, contributionValues.reportId)))
    .where(
      and(
        eq(contributionValues.taskForceId, taskForceId),
        eq(contributionValues.measure, measure),
        eq(contributionReports.status, "submitted"),
        between(contributionReports.periodStart, from, to),
      ),
    );
  return row?.total ?? 0;
}

/** Held meetings of a type whose day (in the meeting's zone) falls within [from, to]. */
export async function countHeldMeetings(db: Database, taskForceId: string, type: (typeof meetings.$inferSelect)["type"], from: string, to: string) {
  const day = sql<string>`(${meetings.startsAt} at time zone ${meetings.timeZone})::date`;
  const [row] = await db
    .select({ meetings: count() })
    .from(meetings)
    .where(and(eq(meetings.taskForceId, taskForceId), eq(meetings.type, type), eq(meetings.status, "held"), sql`${day} between ${from} and ${to}`));
  return row?.meetings ?? 0;
}

export async function countGapsTracked(db: Database, taskForceId: string) {
  const [row] = await db
    .select({ gaps: count(), resolved: sql<number>`count(*) filter (where ${gaps.status} = 'resolved')`.mapWith(Number) })
    .from(gaps)
    .where(eq(gaps.taskForceId, taskForceId));
  return row ?? { gaps: 0, resolved: 0 };
}

/** Whether the award has a report for the period ending `periodEnd`, and when it was first made. */
export async function findReportForPeriod(db: Database, taskForceId: string, grantId: string, periodEnd: string) {
  const [row] = await db
    .select({ reports: count(), firstAt: min(grantReports.generatedAt), lastAt: max(grantReports.generatedAt) })
    .from(grantReports)
    .where(and(eq(grantReports.taskForceId, taskForceId), eq(grantReports.grantId, grantId), eq(grantReports.periodEnd, periodEnd)));
  return row ?? { reports: 0, firstAt: null, lastAt: null };
}
