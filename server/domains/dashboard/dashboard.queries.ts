import { inArray, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { gaps } from "@/db/schema";
import { OPEN_GAP_STATUSES } from "@/server/domains/gaps/gaps.rules";

/**
 * Open, overdue and resolved gaps and when any gap last changed, per task force, in one
 * aggregated query (the dashboard's gap widget and the funder portfolio's freshness column).
 */
export function summarizeGaps(db: Database, taskForces: readonly { id: string; today: string }[]) {
  const openStatuses = sql.join(
    OPEN_GAP_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  const todayOf = sql.join(
    taskForces.map((taskForce) => sql`when ${taskForce.id}::uuid then ${taskForce.today}::date`),
    sql` `,
  );
  return db
    .select({
      taskForceId: gaps.taskForceId,
      open: sql<number>`count(*) filter (where ${gaps.status} in (${openStatuses}))`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${gaps.status} in (${openStatuses}) and ${gaps.dueOn} < (case ${gaps.taskForceId} ${todayOf} end))`.mapWith(Number),
      resolved: sql<number>`count(*) filter (where ${gaps.status} = 'resolved')`.mapWith(Number),
      updatedAt: max(gaps.updatedAt),
    })
    .from(gaps)
    .where(inArray(gaps.taskForceId, taskForces.map((taskForce) => taskForce.id)))
    .groupBy(gaps.taskForceId);
}
