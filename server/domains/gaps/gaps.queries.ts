import { byId, insertOne, scoped, updateVersioned } from "@/db/rows";
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { gapEvents, gaps, memberships, organizations, users } from "@/db/schema";
import { OPEN_GAP_STATUSES } from "./gaps.rules";
import type { ListGapsInput } from "./gaps.schemas";

type GapInsert = typeof gaps.$inferInsert;

const ownerUsers = aliasedTable(users, "owner_users");
const updaterUsers = aliasedTable(users, "updater_users");

const isOpenGap = inArray(gaps.status, [...OPEN_GAP_STATUSES]);

/* ---------- gaps ---------- */

const gapColumns = {
  id: gaps.id,
  elementKey: gaps.elementKey,
  title: gaps.title,
  description: gaps.description,
  evidenceLinks: gaps.evidenceLinks,
  priority: gaps.priority,
  currentStage: gaps.currentStage,
  targetStage: gaps.targetStage,
  ownerOrganizationId: gaps.ownerOrganizationId,
  ownerOrganizationName: organizations.name,
  ownerUserId: gaps.ownerUserId,
  ownerUserName: ownerUsers.name,
  dueOn: gaps.dueOn,
  status: gaps.status,
  statusReason: gaps.statusReason,
  sourceRoundId: gaps.sourceRoundId,
  resolvedAt: gaps.resolvedAt,
  version: gaps.version,
  createdByUserId: gaps.createdByUserId,
  createdAt: gaps.createdAt,
  updatedAt: gaps.updatedAt,
  updatedByName: updaterUsers.name,
};

function gapsWithNames(db: Database) {
  return db
    .select(gapColumns)
    .from(gaps)
    .leftJoin(organizations, and(eq(organizations.taskForceId, gaps.taskForceId), eq(organizations.id, gaps.ownerOrganizationId)))
    .leftJoin(ownerUsers, eq(ownerUsers.id, gaps.ownerUserId))
    .leftJoin(updaterUsers, eq(updaterUsers.id, gaps.updatedByUserId));
}

export type GapRow = Awaited<ReturnType<typeof findGap>> & {};

/** A gap of this task force; `lock` "update" serialises saves so the version check is exact. */
export function findGap(db: Database, taskForceId: string, gapId: string, lock?: "update") {
  return byId(db, gaps, { taskForceId, id: gapId }, (where) => gapsWithNames(db).where(where), lock);
}

const GAP_SORT_COLUMNS = {
  dueOn: gaps.dueOn,
  status: gaps.status,
  updatedAt: gaps.updatedAt,
  createdAt: gaps.createdAt,
  elementKey: gaps.elementKey,
  // Enum order is high, medium, low: ascending puts high first.
  priority: gaps.priority,
} as const;

/** The filtered, sorted gap list, with the count of unfinished actions per gap (one query). */
export function listGaps(db: Database, taskForceId: string, filters: ListGapsInput, today: string) {
  const column = GAP_SORT_COLUMNS[filters.sort];
  const order = filters.direction === "asc" ? sql`${column} asc nulls last` : sql`${column} desc nulls last`;
  return gapsWithNames(db)
    .where(
      scoped(
        gaps,
        taskForceId,
        filters.status?.length ? inArray(gaps.status, filters.status) : undefined,
        filters.area ? sql`${gaps.elementKey} like ${`${filters.area}.%`}` : undefined,
        filters.ownerOrganizationId ? eq(gaps.ownerOrganizationId, filters.ownerOrganizationId) : undefined,
        filters.dueBefore ? lte(gaps.dueOn, filters.dueBefore) : undefined,
        filters.overdue ? and(isOpenGap, lt(gaps.dueOn, today)) : undefined,
      ),
    )
    .orderBy(order, asc(gaps.createdAt), asc(gaps.id));
}

/** Who owned the latest owned gap of each element: whom to suggest for the element's next gap. */
export function listLatestGapOwnersByElement(db: Database, taskForceId: string) {
  return db
    .selectDistinctOn([gaps.elementKey], { elementKey: gaps.elementKey, ownerOrganizationId: gaps.ownerOrganizationId, ownerUserId: gaps.ownerUserId })
    .from(gaps)
    .where(scoped(gaps, taskForceId, or(isNotNull(gaps.ownerOrganizationId), isNotNull(gaps.ownerUserId))))
    .orderBy(asc(gaps.elementKey), desc(gaps.createdAt), desc(gaps.id));
}

/** Open gaps the person owns (for a handoff). */
export function listOpenGapsOwnedBy(db: Database, taskForceId: string, userId: string) {
  return gapsWithNames(db)
    .where(scoped(gaps, taskForceId, eq(gaps.ownerUserId, userId), isOpenGap))
    .orderBy(sql`${gaps.dueOn} asc nulls last`, asc(gaps.id));
}

export async function listOpenGapElementKeys(db: Database, taskForceId: string) {
  const rows = await db
    .selectDistinct({ elementKey: gaps.elementKey })
    .from(gaps)
    .where(scoped(gaps, taskForceId, isOpenGap));
  return new Set(rows.map((row) => row.elementKey));
}

export async function insertGap(db: Database, values: GapInsert) {
  return insertOne(db, gaps, values, { id: gaps.id, version: gaps.version }, "gap insert");
}

/**
 * Saves a gap only if it still has `expectedVersion`, and moves it to the next version. Returns
 * the new version, or null when someone else saved first.
 */
export async function updateGapRow(
  db: Database,
  taskForceId: string,
  gapId: string,
  expectedVersion: number,
  values: Partial<Omit<GapInsert, "id" | "taskForceId" | "version">>,
) {
  return updateVersioned(db, gaps, { taskForceId, id: gapId, version: expectedVersion }, values);
}

export async function insertGapEvent(db: Database, values: typeof gapEvents.$inferInsert) {
  await db.insert(gapEvents).values(values);
}

export function listGapEvents(db: Database, taskForceId: string, gapId: string) {
  return db
    .select({
      id: gapEvents.id,
      kind: gapEvents.kind,
      fromStatus: gapEvents.fromStatus,
      toStatus: gapEvents.toStatus,
      body: gapEvents.body,
      sharedWithFunders: gapEvents.sharedWithFunders,
      actorUserId: gapEvents.actorUserId,
      actorName: users.name,
      createdAt: gapEvents.createdAt,
    })
    .from(gapEvents)
    .leftJoin(users, eq(users.id, gapEvents.actorUserId))
    .where(scoped(gapEvents, taskForceId, eq(gapEvents.gapId, gapId)))
    .orderBy(asc(gapEvents.createdAt), asc(gapEvents.id));
}

/* ---------- charts: one aggregated query each ---------- */

/** Gaps opened and resolved per calendar month (YYYY-MM, in the task force's time zone). */
export async function countGapsOpenedAndResolvedByMonth(db: Database, taskForceId: string, timeZone: string) {
  const opened = sql`to_char(${gaps.createdAt} at time zone ${timeZone}, 'YYYY-MM')`;
  const resolved = sql`to_char(${gaps.resolvedAt} at time zone ${timeZone}, 'YYYY-MM')`;
  const rows = await db.execute<{ month: string; opened: string | number; resolved: string | number }>(sql`
    select month, sum(opened) as opened, sum(resolved) as resolved from (
      select ${opened} as month, 1 as opened, 0 as resolved from ${gaps} where ${gaps.taskForceId} = ${taskForceId}
      union all
      select ${resolved} as month, 0 as opened, 1 as resolved from ${gaps}
        where ${gaps.taskForceId} = ${taskForceId} and ${gaps.resolvedAt} is not null
    ) as events
    group by month order by month`);
  // PGlite returns { rows }, postgres.js an array of rows.
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows;
  return (list as { month: string; opened: string | number; resolved: string | number }[]).map((row) => ({
    month: row.month,
    opened: Number(row.opened),
    resolved: Number(row.resolved),
  }));
}

export function countOpenGapsByArea(db: Database, taskForceId: string) {
  const area = sql<string>`split_part(${gaps.elementKey}, '.', 1)`;
  return db
    .select({ areaKey: area, count: sql<number>`count(*)`.mapWith(Number) })
    .from(gaps)
    .where(scoped(gaps, taskForceId, isOpenGap))
    .groupBy(area)
    .orderBy(area);
}

export function countOpenGapsByOwnerOrganization(db: Database, taskForceId: string) {
  return db
    .select({
      organizationId: gaps.ownerOrganizationId,
      organizationName: organizations.name,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(gaps)
    .leftJoin(organizations, and(eq(organizations.taskForceId, gaps.taskForceId), eq(organizations.id, gaps.ownerOrganizationId)))
    .where(scoped(gaps, taskForceId, isOpenGap))
    .groupBy(gaps.ownerOrganizationId, organizations.name)
    .orderBy(desc(sql`count(*)`), asc(organizations.name));
}

export async function countOverdueGaps(db: Database, taskForceId: string, today: string) {
  const [row] = await db
    .select({
      gaps: sql<number>`count(*) filter (where ${gaps.dueOn} < ${today} and ${isOpenGap})`.mapWith(Number),
    })
    .from(gaps)
    .where(eq(gaps.taskForceId, taskForceId));
  return row?.gaps ?? 0;
}

/* ---------- reminders ---------- */

/** A recipient must still be an active member of the task force. */
const activeMemberJoin = (taskForceId: string) =>
  scoped(memberships, taskForceId, eq(memberships.userId, gaps.ownerUserId), isNull(memberships.endedAt));

/** Open gaps due on or before `until`, with their owner's email. */
export function listGapsDueBy(db: Database, taskForceId: string, until: string) {
  return db
    .select({ id: gaps.id, title: gaps.title, dueOn: gaps.dueOn, userId: users.id, email: users.email, name: users.name })
    .from(gaps)
    .innerJoin(users, eq(users.id, gaps.ownerUserId))
    .innerJoin(memberships, activeMemberJoin(taskForceId))
    .where(scoped(gaps, taskForceId, isOpenGap, lte(gaps.dueOn, until)))
    .orderBy(asc(gaps.dueOn), asc(gaps.id));
}

