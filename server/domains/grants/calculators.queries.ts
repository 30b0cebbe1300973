import { and, count, eq, isNull, max, min, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assessmentRounds, gaps, grantReports, memberships, organizations } from "@/db/schema";

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

/**
 * Member organizations by primary discipline: an organization counts when someone of it holds an
 * active membership (the organizations part adds membership status; this is the proxy until then).
 */
export function countActiveOrganizationsByDiscipline(db: Database, taskForceId: string) {
  return db
    .select({ discipline: organizations.primaryDiscipline, organizations: sql<number>`count(distinct ${organizations.id})`.mapWith(Number) })
    .from(organizations)
    .innerJoin(
      memberships,
      and(eq(memberships.taskForceId, organizations.taskForceId), eq(memberships.organizationId, organizations.id), isNull(memberships.endedAt)),
    )
    .where(eq(organizations.taskForceId, taskForceId))
    .groupBy(organizations.primaryDiscipline);
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
