import { and, eq, gt, inArray, isNotNull, isNull, max, ne, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assessmentRounds, gaps, grants, invitations, meetings, memberships, organizations, taskForces } from "@/db/schema";
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

/**
 * What a new task force has set up so far, each step read from its own records, in one statement
 * (the dashboard's setup checklist): whether a framework was chosen, organizations added, both lead
 * agencies named, member-agency staff joined or invited, a grant award recorded, a full task-force
 * meeting scheduled and an assessment round opened; and whether a coordinator hid the checklist.
 */
export async function readSetupProgress(db: Database, taskForceId: string, now: Date) {
  const exists = (query: SQL) => sql<boolean>`exists (${query})`.mapWith(Boolean);
  const leadNamed = (role: "lead_law_enforcement" | "lead_victim_services") =>
    exists(sql`select 1 from ${organizations} where ${and(eq(organizations.taskForceId, taskForceId), eq(organizations.taskForceRole, role))}`);
  const [row] = await db
    .select({
      dismissedAt: taskForces.setupChecklistDismissedAt,
      framework: sql<boolean>`${taskForces.frameworkId} is not null`.mapWith(Boolean),
      organizations: sql<number>`(select count(*) from ${organizations} where ${eq(organizations.taskForceId, taskForceId)})`.mapWith(Number),
      lawEnforcementLead: leadNamed("lead_law_enforcement"),
      victimServicesLead: leadNamed("lead_victim_services"),
      people: exists(
        sql`select 1 from ${memberships} where ${and(eq(memberships.taskForceId, taskForceId), eq(memberships.role, "member"), isNull(memberships.endedAt))}
          union all
          select 1 from ${invitations} where ${and(
            eq(invitations.taskForceId, taskForceId),
            eq(invitations.role, "member"),
            isNull(invitations.revokedAt),
            or(isNotNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
          )}`,
      ),
      grant: exists(sql`select 1 from ${grants} where ${eq(grants.taskForceId, taskForceId)}`),
      meeting: exists(
        sql`select 1 from ${meetings} where ${and(eq(meetings.taskForceId, taskForceId), eq(meetings.type, "full_task_force"), ne(meetings.status, "cancelled"))}`,
      ),
      round: exists(sql`select 1 from ${assessmentRounds} where ${and(eq(assessmentRounds.taskForceId, taskForceId), ne(assessmentRounds.status, "draft"))}`),
    })
    .from(taskForces)
    .where(eq(taskForces.id, taskForceId));
  return row ?? null;
}

export async function dismissSetupChecklist(db: Database, taskForceId: string, at: Date) {
  await db.update(taskForces).set({ setupChecklistDismissedAt: at }).where(and(eq(taskForces.id, taskForceId), isNull(taskForces.setupChecklistDismissedAt)));
}
