import { byId, insertOne, scoped, updateVersioned } from "@/db/rows";
import { aliasedTable, and, asc, eq, inArray, isNotNull, isNull, lt, lte, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { actionItems, gaps, memberships, organizations, TASK_FORCE_ROLES, taskForces, users } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import type { ListActionItemsInput } from "./actionItems.schemas";

type ActionItemInsert = typeof actionItems.$inferInsert;

const updaterUsers = aliasedTable(users, "updater_users");
const assigneeUsers = aliasedTable(users, "assignee_users");

const actionColumns = {
  id: actionItems.id,
  gapId: actionItems.gapId,
  meetingId: actionItems.meetingId,
  gapTitle: gaps.title,
  gapOwnerOrganizationId: gaps.ownerOrganizationId,
  title: actionItems.title,
  assigneeUserId: actionItems.assigneeUserId,
  assigneeName: assigneeUsers.name,
  assigneeOrganizationId: actionItems.assigneeOrganizationId,
  assigneeOrganizationName: organizations.name,
  dueOn: actionItems.dueOn,
  status: actionItems.status,
  completedAt: actionItems.completedAt,
  version: actionItems.version,
  createdAt: actionItems.createdAt,
  updatedAt: actionItems.updatedAt,
  updatedByName: updaterUsers.name,
};

function actionItemsWithNames(db: Database) {
  return db
    .select(actionColumns)
    .from(actionItems)
    .leftJoin(gaps, and(eq(gaps.taskForceId, actionItems.taskForceId), eq(gaps.id, actionItems.gapId)))
    .leftJoin(assigneeUsers, eq(assigneeUsers.id, actionItems.assigneeUserId))
    .leftJoin(
      organizations,
      and(eq(organizations.taskForceId, actionItems.taskForceId), eq(organizations.id, actionItems.assigneeOrganizationId)),
    )
    .leftJoin(updaterUsers, eq(updaterUsers.id, actionItems.updatedByUserId));
}

export type ActionItemRow = Awaited<ReturnType<typeof findActionItem>> & {};

export function findActionItem(db: Database, taskForceId: string, actionItemId: string, lock?: "update") {
  return byId(db, actionItems, { taskForceId, id: actionItemId }, (where) => actionItemsWithNames(db).where(where), lock);
}

export function listActionItems(db: Database, taskForceId: string, filters: Partial<ListActionItemsInput>, today: string) {
  return actionItemsWithNames(db)
    .where(
      scoped(
        actionItems,
        taskForceId,
        filters.gapId ? eq(actionItems.gapId, filters.gapId) : undefined,
        filters.meetingId ? eq(actionItems.meetingId, filters.meetingId) : undefined,
        filters.standalone === true ? isNull(actionItems.gapId) : filters.standalone === false ? isNotNull(actionItems.gapId) : undefined,
        filters.status?.length ? inArray(actionItems.status, filters.status) : undefined,
        filters.assigneeUserId ? eq(actionItems.assigneeUserId, filters.assigneeUserId) : undefined,
        filters.assigneeOrganizationId ? eq(actionItems.assigneeOrganizationId, filters.assigneeOrganizationId) : undefined,
        filters.dueBefore ? lte(actionItems.dueOn, filters.dueBefore) : undefined,
        filters.overdue ? and(ne(actionItems.status, "done"), lt(actionItems.dueOn, today)) : undefined,
      ),
    )
    .orderBy(sql`${actionItems.dueOn} asc nulls last`, asc(actionItems.createdAt), asc(actionItems.id));
}

/** Roles whose members see the action tracker follow the permission map, not role names here. */
const ACTION_READER_ROLES = TASK_FORCE_ROLES.filter((role) => can(role, "action.read"));

/** Action items assigned to the person in every task force where they are an active member who may read actions. */
export function listActionItemsAssignedTo(db: Database, userId: string, includeDone: boolean) {
  return db
    .select({
      ...actionColumns,
      taskForceSlug: taskForces.slug,
      taskForceName: taskForces.name,
      timeZone: taskForces.timeZone,
    })
    .from(actionItems)
    .innerJoin(taskForces, eq(taskForces.id, actionItems.taskForceId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.taskForceId, actionItems.taskForceId),
        eq(memberships.userId, userId),
        isNull(memberships.endedAt),
        inArray(memberships.role, ACTION_READER_ROLES),
      ),
    )
    .leftJoin(gaps, and(eq(gaps.taskForceId, actionItems.taskForceId), eq(gaps.id, actionItems.gapId)))
    .leftJoin(assigneeUsers, eq(assigneeUsers.id, actionItems.assigneeUserId))
    .leftJoin(
      organizations,
      and(eq(organizations.taskForceId, actionItems.taskForceId), eq(organizations.id, actionItems.assigneeOrganizationId)),
    )
    .leftJoin(updaterUsers, eq(updaterUsers.id, actionItems.updatedByUserId))
    .where(and(eq(actionItems.assigneeUserId, userId), includeDone ? undefined : ne(actionItems.status, "done")))
    .orderBy(sql`${actionItems.dueOn} asc nulls last`, asc(taskForces.name), asc(actionItems.id));
}

export async function insertActionItem(db: Database, values: ActionItemInsert) {
  return insertOne(db, actionItems, values, { id: actionItems.id, version: actionItems.version }, "action item insert");
}

export async function updateActionItemRow(
  db: Database,
  taskForceId: string,
  actionItemId: string,
  expectedVersion: number,
  values: Partial<Omit<ActionItemInsert, "id" | "taskForceId" | "version">>,
) {
  return updateVersioned(db, actionItems, { taskForceId, id: actionItemId, version: expectedVersion }, values);
}

/* ---------- counts for the gaps list and charts ---------- */

/** Unfinished action items per gap, for the list (one aggregated query). */
export function countOpenActionsByGap(db: Database, taskForceId: string) {
  return db
    .select({ gapId: actionItems.gapId, open: sql<number>`count(*)`.mapWith(Number) })
    .from(actionItems)
    .where(scoped(actionItems, taskForceId, isNotNull(actionItems.gapId), ne(actionItems.status, "done")))
    .groupBy(actionItems.gapId);
}

export async function countOverdueActionItems(db: Database, taskForceId: string, today: string) {
  const [actions] = await db
    .select({ actions: sql<number>`count(*)`.mapWith(Number) })
    .from(actionItems)
    .where(scoped(actionItems, taskForceId, ne(actionItems.status, "done"), lt(actionItems.dueOn, today)));
  return actions?.actions ?? 0;
}

/** Who owns the gap an action is added to, which decides who may add it. */
export function findGapOwner(db: Database, taskForceId: string, gapId: string) {
  const owner = { ownerOrganizationId: gaps.ownerOrganizationId, ownerUserId: gaps.ownerUserId };
  return byId(db, gaps, { taskForceId, id: gapId }, (where) => db.select(owner).from(gaps).where(where));
}

/* ---------- reminders ---------- */

/** Unfinished action items due on or before `until`, with their assignee's email; the assignee must still be an active member. */
export function listActionItemsDueBy(db: Database, taskForceId: string, until: string) {
  return db
    .select({ id: actionItems.id, title: actionItems.title, dueOn: actionItems.dueOn, userId: users.id, email: users.email, name: users.name })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.assigneeUserId))
    .innerJoin(memberships, scoped(memberships, taskForceId, eq(memberships.userId, actionItems.assigneeUserId), isNull(memberships.endedAt)))
    .where(scoped(actionItems, taskForceId, ne(actionItems.status, "done"), lte(actionItems.dueOn, until)))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
}
