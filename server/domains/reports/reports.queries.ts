import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { gaps, organizations } from "@/db/schema";

/**
 * Gaps that were open at some point of the period: opened by its last day and not resolved before
 * its first day (dates in the task force's zone), with when they were opened and resolved.
 */
export function listGapsOfPeriod(db: Database, taskForceId: string, period: { start: string; end: string }, timeZone: string) {
  const openedOn = sql<string>`((${gaps.createdAt} at time zone ${timeZone})::date)::text`;
  const resolvedOn = sql<string | null>`((${gaps.resolvedAt} at time zone ${timeZone})::date)::text`;
  return db
    .select({
      title: gaps.title,
      elementKey: gaps.elementKey,
      priority: gaps.priority,
      status: gaps.status,
      ownerOrganizationName: organizations.name,
      dueOn: gaps.dueOn,
      openedOn,
      resolvedOn,
    })
    .from(gaps)
    .leftJoin(organizations, and(eq(organizations.taskForceId, gaps.taskForceId), eq(organizations.id, gaps.ownerOrganizationId)))
    .where(
      and(
        eq(gaps.taskForceId, taskForceId),
        sql`(${gaps.createdAt} at time zone ${timeZone})::date <= ${period.end}::date`,
        or(isNull(gaps.resolvedAt), sql`(${gaps.resolvedAt} at time zone ${timeZone})::date >= ${period.start}::date`),
      ),
    )
    .orderBy(asc(gaps.elementKey), asc(gaps.title));
}
