import { byId, insertOne, scoped, updateVersioned } from "@/db/rows";
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lt, max, ne, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { actionItems, agendaItems, attendance, committees, decisions, meetings, memberships, minuteComments, minutes, organizations, taskForces, users } from "@/db/schema";

const presenterUsers = aliasedTable(users, "presenter_users");
const approverUsers = aliasedTable(users, "approver_users");

/* ---------- meetings ---------- */

const meetingColumns = {
  id: meetings.id,
  committeeId: meetings.committeeId,
  committeeName: committees.name,
  committeeChairUserId: committees.chairUserId,
  title: meetings.title,
  type: meetings.type,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  location: meetings.location,
  videoUrl: meetings.videoUrl,
  status: meetings.status,
  minutesStatus: meetings.minutesStatus,
  minutesApprovedAt: meetings.minutesApprovedAt,
  minutesApprovedByName: approverUsers.name,
  minutesSharedWithFunders: meetings.minutesSharedWithFunders,
  version: meetings.version,
  updatedAt: meetings.updatedAt,
};

function meetingsWithNames(db: Database) {
  return db
    .select(meetingColumns)
    .from(meetings)
    .leftJoin(committees, and(eq(committees.taskForceId, meetings.taskForceId), eq(committees.id, meetings.committeeId)))
    .leftJoin(approverUsers, eq(approverUsers.id, meetings.minutesApprovedByUserId));
}

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & {};

export function findMeeting(db: Database, taskForceId: string, meetingId: string, lock?: "update") {
  return byId(db, meetings, { taskForceId, id: meetingId }, (where) => meetingsWithNames(db).where(where), lock);
}

export function listMeetings(
  db: Database,
  taskForceId: string,
  filters: { body?: string; status?: (typeof meetings.status.enumValues)[number]; startsFrom?: Date; startsBefore?: Date },
) {
  return meetingsWithNames(db)
    .where(
      scoped(
        meetings,
        taskForceId,
        filters.body === "taskForce" ? isNull(meetings.committeeId) : filters.body ? eq(meetings.committeeId, filters.body) : undefined,
        filters.status ? eq(meetings.status, filters.status) : undefined,
        filters.startsFrom ? gte(meetings.startsAt, filters.startsFrom) : undefined,
        filters.startsBefore ? lt(meetings.startsAt, filters.startsBefore) : undefined,
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(meetings.id));
}

/** The latest meeting of the same body (committee, or the full task force) that started before `before` and was not cancelled. */
export async function findPreviousMeeting(db: Database, taskForceId: string, committeeId: string | null, before: Date, excludeId: string) {
  const [row] = await db
    .select({ id: meetings.id, title: meetings.title })
    .from(meetings)
    .where(
      scoped(
        meetings,
        taskForceId,
        committeeId ? eq(meetings.committeeId, committeeId) : isNull(meetings.committeeId),
        lt(meetings.startsAt, before),
        ne(meetings.status, "cancelled"),
        ne(meetings.id, excludeId),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

export async function insertMeeting(db: Database, values: typeof meetings.$inferInsert) {
  return insertOne(db, meetings, values, { id: meetings.id, version: meetings.version }, "meeting insert");
}

/** Saves when the stored version is `version`; returns the new version, or null when someone saved first. */
export async function updateMeetingRow(db: Database, taskForceId: string, meetingId: string, version: number, values: Partial<typeof meetings.$inferInsert>) {
  return updateVersioned(db, meetings, { taskForceId, id: meetingId, version: version }, values);
}

/* ---------- agenda and minutes ---------- */

export function listAgendaItems(db: Database, taskForceId: string, meetingId: string) {
  return db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      presenterUserId: agendaItems.presenterUserId,
      presenterName: presenterUsers.name,
      presenterOrganizationId: agendaItems.presenterOrganizationId,
      presenterOrganizationName: organizations.name,
      minutesAllotted: agendaItems.minutesAllotted,
      notes: agendaItems.notes,
      needsDecision: agendaItems.needsDecision,
      carriedActionItemId: agendaItems.carriedActionItemId,
      carriedFromAgendaItemId: agendaItems.carriedFromAgendaItemId,
      minutes: minutes.body,
    })
    .from(agendaItems)
    .leftJoin(presenterUsers, eq(presenterUsers.id, agendaItems.presenterUserId))
    .leftJoin(
      organizations,
      and(eq(organizations.taskForceId, agendaItems.taskForceId), eq(organizations.id, agendaItems.presenterOrganizationId)),
    )
    .leftJoin(minutes, and(eq(minutes.taskForceId, agendaItems.taskForceId), eq(minutes.agendaItemId, agendaItems.id)))
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

export async function findAgendaItem(db: Database, taskForceId: string, meetingId: string, agendaItemId: string) {
  const [row] = await db
    .select()
    .from(agendaItems)
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, agendaItemId)));
  return row ?? null;
}

export async function nextAgendaPosition(db: Database, taskForceId: string, meetingId: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.meetingId, meetingId)));
  return (row?.max === null || row?.max === undefined ? 0 : Number(row.max)) + 1;
}

export async function insertAgendaItems(db: Database, values: (typeof agendaItems.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(agendaItems).values(values).returning({ id: agendaItems.id, title: agendaItems.title });
}

export async function updateAgendaItemRow(db: Database, taskForceId: string, agendaItemId: string, values: Partial<typeof agendaItems.$inferInsert>) {
  await db
    .update(agendaItems)
    .set(values)
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.id, agendaItemId)));
}

export async function deleteAgendaItem(db: Database, taskForceId: string, agendaItemId: string) {
  await db.delete(agendaItems).where(scoped(agendaItems, taskForceId, eq(agendaItems.id, agendaItemId)));
}

export async function upsertMinutes(db: Database, values: typeof minutes.$inferInsert) {
  await db
    .insert(minutes)
    .values(values)
    .onConflictDoUpdate({ target: minutes.agendaItemId, set: { body: values.body, updatedByUserId: values.updatedByUserId, updatedAt: values.updatedAt } });
}

/** What was carried into a meeting already, so that carrying forward twice adds nothing new. */
export function listCarriedInto(db: Database, taskForceId: string, meetingId: string) {
  return db
    .select({ actionItemId: agendaItems.carriedActionItemId, agendaItemId: agendaItems.carriedFromAgendaItemId })
    .from(agendaItems)
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.meetingId, meetingId)));
}

/** Open action items created in a meeting or carried into its agenda. */
export function listOpenActionsOfMeeting(db: Database, taskForceId: string, meetingId: string) {
  const carried = db
    .select({ id: agendaItems.carriedActionItemId })
    .from(agendaItems)
    .where(scoped(agendaItems, taskForceId, eq(agendaItems.meetingId, meetingId)));
  return db
    .select({ id: actionItems.id, title: actionItems.title, assigneeUserId: actionItems.assigneeUserId, assigneeOrganizationId: actionItems.assigneeOrganizationId })
    .from(actionItems)
    .where(
      scoped(actionItems, taskForceId, ne(actionItems.status, "done"), or(eq(actionItems.meetingId, meetingId), inArray(actionItems.id, carried))),
    )
    .orderBy(asc(actionItems.createdAt));
}

/* ---------- attendance ---------- */

export function listAttendance(db: Database, taskForceId: string, meetingId: string) {
  return db
    .select({
      id: attendance.id,
      userId: attendance.userId,
      userName: users.name,
      organizationId: attendance.organizationId,
      organizationName: organizations.name,
      status: attendance.status,
      discipline: attendance.discipline,
      recordedAt: attendance.recordedAt,
    })
    .from(attendance)
    .leftJoin(users, eq(users.id, attendance.userId))
    .leftJoin(organizations, and(eq(organizations.taskForceId, attendance.taskForceId), eq(organizations.id, attendance.organizationId)))
    .where(scoped(attendance, taskForceId, eq(attendance.meetingId, meetingId)))
    .orderBy(asc(organizations.name), asc(users.name));
}

/** Replaces the person's (or, with userId null, the organization's own) attendance record of a meeting. */
export async function upsertAttendance(db: Database, values: typeof attendance.$inferInsert) {
  const match: SQL[] = [eq(attendance.taskForceId, values.taskForceId), eq(attendance.meetingId, values.meetingId)];
  if (values.userId) match.push(eq(attendance.userId, values.userId));
  else match.push(isNull(attendance.userId), eq(attendance.organizationId, values.organizationId!));
  const [existing] = await db.select({ id: attendance.id, status: attendance.status }).from(attendance).where(and(...match));
  if (existing) {
    await db.update(attendance).set(values).where(eq(attendance.id, existing.id));
    return { id: existing.id, previousStatus: existing.status };
  }
  const row = await insertOne(db, attendance, values, { id: attendance.id }, "attendance insert");
  return { id: row.id, previousStatus: null };
}

export async function deleteAttendance(db: Database, taskForceId: string, meetingId: string, attendanceId: string) {
  const rows = await db
    .delete(attendance)
    .where(scoped(attendance, taskForceId, eq(attendance.meetingId, meetingId), eq(attendance.id, attendanceId)))
    .returning({ id: attendance.id, userId: attendance.userId, organizationId: attendance.organizationId, status: attendance.status });
  return rows[0] ?? null;
}

/* ---------- comments and decisions ---------- */

export function listMinuteComments(db: Database, taskForceId: string, meetingId: string) {
  return db
    .select({ id: minuteComments.id, body: minuteComments.body, authorName: users.name, createdAt: minuteComments.createdAt })
    .from(minuteComments)
    .leftJoin(users, eq(users.id, minuteComments.authorUserId))
    .where(scoped(minuteComments, taskForceId, eq(minuteComments.meetingId, meetingId)))
    .orderBy(asc(minuteComments.createdAt));
}

export async function insertMinuteComment(db: Database, values: typeof minuteComments.$inferInsert) {
  return insertOne(db, minuteComments, values, { id: minuteComments.id }, "comment insert");
}

const decisionColumns = {
  id: decisions.id,
  meetingId: decisions.meetingId,
  agendaItemId: decisions.agendaItemId,
  text: decisions.text,
  outcome: decisions.outcome,
  status: decisions.status,
  createdAt: decisions.createdAt,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
};

export function listDecisions(db: Database, taskForceId: string, filters: { meetingId?: string; status?: (typeof decisions.status.enumValues)[number] }) {
  return db
    .select(decisionColumns)
    .from(decisions)
    .innerJoin(meetings, and(eq(meetings.taskForceId, decisions.taskForceId), eq(meetings.id, decisions.meetingId)))
    .where(
      scoped(
        decisions,
        taskForceId,
        filters.meetingId ? eq(decisions.meetingId, filters.meetingId) : undefined,
        filters.status ? eq(decisions.status, filters.status) : undefined,
      ),
    )
    .orderBy(desc(meetings.startsAt), asc(decisions.createdAt));
}

export async function findDecision(db: Database, taskForceId: string, decisionId: string) {
  const [row] = await db
    .select(decisionColumns)
    .from(decisions)
    .innerJoin(meetings, and(eq(meetings.taskForceId, decisions.taskForceId), eq(meetings.id, decisions.meetingId)))
    .where(scoped(decisions, taskForceId, eq(decisions.id, decisionId)));
  return row ?? null;
}

export async function insertDecision(db: Database, values: typeof decisions.$inferInsert) {
  return insertOne(db, decisions, values, { id: decisions.id }, "decision insert");
}

export async function updateDecisionRow(db: Database, taskForceId: string, decisionId: string, values: Partial<typeof decisions.$inferInsert>) {
  await db
    .update(decisions)
    .set(values)
    .where(scoped(decisions, taskForceId, eq(decisions.id, decisionId)));
}

export async function listDecidedAgendaItemIds(db: Database, taskForceId: string, meetingId: string) {
  const rows = await db
    .select({ agendaItemId: decisions.agendaItemId })
    .from(decisions)
    .where(scoped(decisions, taskForceId, eq(decisions.meetingId, meetingId)));
  return new Set(rows.flatMap((row) => (row.agendaItemId ? [row.agendaItemId] : [])));
}

/* ---------- analytics (one aggregated query per widget) ---------- */

/**
 * What a reader outside the task force (a funder) may know of a meeting at all — its title, date
 * and attendance — is limited to meetings whose approved minutes were shared with funders.
 */
export interface MeetingVisibility {
  sharedWithFundersOnly: boolean;
}
const sharedWithFunders = (visibility: MeetingVisibility | undefined) =>
  visibility?.sharedWithFundersOnly ? and(eq(meetings.minutesStatus, "approved"), eq(meetings.minutesSharedWithFunders, true)) : undefined;

/** Held meetings with their type and start, for per-quarter counts in the task force's zone. */
export function listHeldMeetings(db: Database, taskForceId: string, visibility?: MeetingVisibility) {
  return db
    .select({ id: meetings.id, title: meetings.title, type: meetings.type, startsAt: meetings.startsAt, committeeId: meetings.committeeId })
    .from(meetings)
    .where(scoped(meetings, taskForceId, eq(meetings.status, "held"), sharedWithFunders(visibility)))
    .orderBy(asc(meetings.startsAt));
}

/** Every attendance record of held meetings (status, discipline snapshot, organization), for rates and coverage. */
export function listHeldAttendance(db: Database, taskForceId: string, visibility?: MeetingVisibility) {
  return db
    .select({
      meetingId: attendance.meetingId,
      status: attendance.status,
      discipline: attendance.discipline,
      organizationId: attendance.organizationId,
      organizationName: organizations.name,
    })
    .from(attendance)
    .innerJoin(meetings, and(eq(meetings.taskForceId, attendance.taskForceId), eq(meetings.id, attendance.meetingId)))
    .leftJoin(organizations, and(eq(organizations.taskForceId, attendance.taskForceId), eq(organizations.id, attendance.organizationId)))
    .where(scoped(attendance, taskForceId, eq(meetings.status, "held"), sharedWithFunders(visibility)));
}

/** The last `limit` held full task-force meetings, newest first, with the disciplines at the table. */
export async function listRecentFullMeetingCoverage(db: Database, taskForceId: string, limit: number, visibility?: MeetingVisibility) {
  const recent = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(scoped(meetings, taskForceId, eq(meetings.status, "held"), eq(meetings.type, "full_task_force"), sharedWithFunders(visibility)))
    .orderBy(desc(meetings.startsAt))
    .limit(limit);
  if (recent.length === 0) return [];
  const rows = await db
    .select({ meetingId: attendance.meetingId, status: attendance.status, discipline: attendance.discipline })
    .from(attendance)
    .where(scoped(attendance, taskForceId, inArray(attendance.meetingId, recent.map((meeting) => meeting.id))));
  return recent.map((meeting) => ({ ...meeting, attendance: rows.filter((row) => row.meetingId === meeting.id) }));
}

/** When each task force last held a full task-force meeting (task forces that never did are left out). */
export function listLastFullMeetings(db: Database, taskForceIds: readonly string[], visibility?: MeetingVisibility) {
  return db
    .select({ taskForceId: meetings.taskForceId, startsAt: max(meetings.startsAt) })
    .from(meetings)
    .where(and(inArray(meetings.taskForceId, [...taskForceIds]), eq(meetings.status, "held"), eq(meetings.type, "full_task_force"), sharedWithFunders(visibility)))
    .groupBy(meetings.taskForceId);
}

export async function findCoreDisciplines(db: Database, taskForceId: string) {
  const [row] = await db.select({ coreDisciplines: taskForces.coreDisciplines }).from(taskForces).where(eq(taskForces.id, taskForceId));
  return row?.coreDisciplines ?? [];
}

export async function updateCoreDisciplines(db: Database, taskForceId: string, coreDisciplines: string[]) {
  await db.update(taskForces).set({ coreDisciplines }).where(eq(taskForces.id, taskForceId));
}

/* ---------- people ---------- */

/** Active members of the task force with their organization and its discipline (for attendance forms and checks). */
export function listActivePeople(db: Database, taskForceId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      role: memberships.role,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      discipline: organizations.primaryDiscipline,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organizations, and(eq(organizations.taskForceId, memberships.taskForceId), eq(organizations.id, memberships.organizationId)))
    .where(scoped(memberships, taskForceId, isNull(memberships.endedAt)))
    .orderBy(asc(users.name));
}
