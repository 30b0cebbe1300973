import { byId, scoped, updateVersioned } from "@/db/rows";
import { and, asc, desc, eq, exists, gte, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { contributionInKindItems, contributionPublications, contributionReports, contributionSettings, contributionValues, memberships, organizations, organizationStatusHistory, users } from "@/db/schema";
import { organizationOf } from "@/server/domains/organizations";

type ReportInsert = typeof contributionReports.$inferInsert;
type SettingsInsert = typeof contributionSettings.$inferInsert;

/* ---------- settings ---------- */

/** The settings rows of the task forces (a task force without one uses the defaults). */
export function listSettings(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({
      taskForceId: contributionSettings.taskForceId,
      periodLength: contributionSettings.periodLength,
      staffHourlyRateCents: contributionSettings.staffHourlyRateCents,
      consultantHourlyRateCents: contributionSettings.consultantHourlyRateCents,
      dueDays: contributionSettings.dueDays,
    })
    .from(contributionSettings)
    .where(inArray(contributionSettings.taskForceId, [...taskForceIds]));
}

export async function upsertSettings(db: Database, taskForceId: string, changes: Omit<SettingsInsert, "taskForceId">) {
  await db
    .insert(contributionSettings)
    .values({ ...changes, taskForceId })
    .onConflictDoUpdate({ target: contributionSettings.taskForceId, set: changes });
}

/* ---------- reports ---------- */

const reportColumns = {
  id: contributionReports.id,
  taskForceId: contributionReports.taskForceId,
  organizationId: contributionReports.organizationId,
  organizationName: organizations.name,
  period: contributionReports.period,
  periodStart: contributionReports.periodStart,
  periodEnd: contributionReports.periodEnd,
  status: contributionReports.status,
  submittedAt: contributionReports.submittedAt,
  submittedByUserId: contributionReports.submittedByUserId,
  // Looked up per report by the users' primary key: a join let the planner read every user of
  // every task force (users carry no task force) once a few hundred reports were asked for.
  submittedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${contributionReports.submittedByUserId})`,
  late: contributionReports.late,
  returnedAt: contributionReports.returnedAt,
  returnedReason: contributionReports.returnedReason,
  version: contributionReports.version,
  updatedAt: contributionReports.updatedAt,
};

function reportsWithNames(db: Database) {
  return db
    .select(reportColumns)
    .from(contributionReports)
    .innerJoin(organizations, organizationOf(contributionReports));
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The report of an organization for a period; `lock` serialises saves so the version check is exact. */
export async function findReport(db: Database, taskForceId: string, organizationId: string, period: string, lock?: "update") {
  const where = scoped(
    contributionReports,
    taskForceId,
    eq(contributionReports.organizationId, organizationId),
    eq(contributionReports.period, period),
  );
  if (lock) await db.select({ id: contributionReports.id }).from(contributionReports).where(where).for("update");
  const [row] = await reportsWithNames(db).where(where);
  return row ?? null;
}

export function findReportById(db: Database, taskForceId: string, reportId: string, lock?: "update") {
  return byId(db, contributionReports, { taskForceId, id: reportId }, (where) => reportsWithNames(db).where(where), lock);
}

/** Returns null when the organization has a report for the period already (one per organization and period). */
export async function insertReport(db: Database, values: ReportInsert) {
  const [row] = await db
    .insert(contributionReports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: contributionReports.id, version: contributionReports.version });
  return row ?? null;
}

/** Saves a report only if it still has `expectedVersion`; returns the new version or null. */
export async function updateReportRow(
  db: Database,
  taskForceId: string,
  reportId: string,
  expectedVersion: number,
  values: Partial<Omit<ReportInsert, "id" | "taskForceId" | "version" | "organizationId" | "period">>,
) {
  return updateVersioned(db, contributionReports, { taskForceId, id: reportId, version: expectedVersion }, values);
}

export interface ValueRow {
  measure: string;
  dimension: string;
  value: number;
}

export interface InKindRow {
  description: string;
  estimatedValueCents: number;
}

/** Replaces a report's numbers and in-kind items with the ones given. */
export async function replaceReportContent(db: Database, taskForceId: string, reportId: string, values: ValueRow[], inKind: InKindRow[]) {
  const ofReport = (table: typeof contributionValues | typeof contributionInKindItems) =>
    scoped(table, taskForceId, eq(table.reportId, reportId));
  await db.delete(contributionValues).where(ofReport(contributionValues));
  await db.delete(contributionInKindItems).where(ofReport(contributionInKindItems));
  if (values.length) await db.insert(contributionValues).values(values.map((row) => ({ ...row, taskForceId, reportId })));
  if (inKind.length) {
    await db.insert(contributionInKindItems).values(inKind.map((item, position) => ({ ...item, position, taskForceId, reportId })));
  }
}

export function listReportValues(db: Database, taskForceId: string, reportId: string) {
  return db
    .select({ measure: contributionValues.measure, dimension: contributionValues.dimension, value: contributionValues.value })
    .from(contributionValues)
    .where(scoped(contributionValues, taskForceId, eq(contributionValues.reportId, reportId)));
}

export function listReportInKind(db: Database, taskForceId: string, reportId: string) {
  return db
    .select({ description: contributionInKindItems.description, estimatedValueCents: contributionInKindItems.estimatedValueCents })
    .from(contributionInKindItems)
    .where(scoped(contributionInKindItems, taskForceId, eq(contributionInKindItems.reportId, reportId)))
    .orderBy(asc(contributionInKindItems.position));
}

/** Every report of the task forces for the given periods, with its organization's name. */
export function listReportsOfPeriods(db: Database, taskForceIds: readonly string[], periods: string[]) {
  if (periods.length === 0) return Promise.resolve([]);
  const ids = [...taskForceIds];
  return reportsWithNames(db)
    .where(
      and(
        inArray(contributionReports.taskForceId, ids),
        inArray(contributionReports.period, periods),
        // Said again of the organizations: PostgreSQL carries an equality across the join, not an IN list.
        inArray(organizations.taskForceId, ids),
      ),
    )
    .orderBy(asc(organizations.name));
}

const submittedIn = (taskForceId: string, periods: string[]) =>
  scoped(contributionReports, taskForceId, inArray(contributionReports.period, periods), eq(contributionReports.status, "submitted"));

const valueOfReport = and(eq(contributionReports.taskForceId, contributionValues.taskForceId), eq(contributionReports.id, contributionValues.reportId));

/**
 * Sums of the submitted reports' numbers per organization, period, measure and dimension (one
 * query); only of `measures` when given.
 */
export function sumSubmittedValues(db: Database, taskForceId: string, periods: string[], measures?: readonly string[]) {
  if (periods.length === 0 || measures?.length === 0) return Promise.resolve([]);
  return db
    .select({
      organizationId: contributionReports.organizationId,
      period: contributionReports.period,
      measure: contributionValues.measure,
      dimension: contributionValues.dimension,
      value: sql<number>`sum(${contributionValues.value})`.mapWith(Number),
    })
    .from(contributionValues)
    .innerJoin(contributionReports, valueOfReport)
    .where(and(submittedIn(taskForceId, periods), measures ? inArray(contributionValues.measure, [...measures]) : undefined))
    .groupBy(contributionReports.organizationId, contributionReports.period, contributionValues.measure, contributionValues.dimension);
}

/**
 * Sums of the submitted reports of `organizationIds` per period, measure and dimension: the
 * organizations' figures added up in the database, a row per figure rather than per organization.
 */
export function sumSubmittedTotals(db: Database, taskForceId: string, periods: string[], organizationIds: readonly string[]) {
  if (periods.length === 0 || organizationIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      period: contributionReports.period,
      measure: contributionValues.measure,
      dimension: contributionValues.dimension,
      value: sql<number>`sum(${contributionValues.value})`.mapWith(Number),
    })
    .from(contributionValues)
    .innerJoin(contributionReports, valueOfReport)
    .where(and(submittedIn(taskForceId, periods), inArray(contributionReports.organizationId, [...organizationIds])))
    .groupBy(contributionReports.period, contributionValues.measure, contributionValues.dimension);
}

/** In-kind totals of the submitted reports per organization and period, with the items' descriptions. */
export function sumSubmittedInKind(db: Database, taskForceId: string, periods: string[]) {
  if (periods.length === 0) return Promise.resolve([]);
  return db
    .select({
      organizationId: contributionReports.organizationId,
      period: contributionReports.period,
      cents: sql<number>`sum(${contributionInKindItems.estimatedValueCents})`.mapWith(Number),
      descriptions: sql<string>`string_agg(${contributionInKindItems.description}, '; ' order by ${contributionInKindItems.position})`,
    })
    .from(contributionInKindItems)
    .innerJoin(
      contributionReports,
      and(eq(contributionReports.taskForceId, contributionInKindItems.taskForceId), eq(contributionReports.id, contributionInKindItems.reportId)),
    )
    .where(submittedIn(taskForceId, periods))
    .groupBy(contributionReports.organizationId, contributionReports.period);
}

/**
 * What values contributions toward a grant match, per task force and contribution period: the
 * submitted reports' staff hours, paid survivor-consultant hours and in-kind cents, and when the
 * latest of them was submitted. Every period of every task force given, so that all the awards
 * of a call (each with its own window, see matchValue) share one load; a task force has a few
 * periods a year, so the rows stay few.
 */
export async function sumMatchInputsByPeriod(db: Database, taskForceIds: readonly string[]) {
  const ids = [...taskForceIds];
  const submitted = and(inArray(contributionReports.taskForceId, ids), eq(contributionReports.status, "submitted"));
  const joinReport = (table: typeof contributionValues | typeof contributionInKindItems) =>
    and(eq(contributionReports.taskForceId, table.taskForceId), eq(contributionReports.id, table.reportId));
  const byPeriod = [contributionReports.taskForceId, contributionReports.periodStart, contributionReports.periodEnd] as const;
  const [hours, inKind] = await Promise.all([
    db
      .select({
        taskForceId: contributionReports.taskForceId,
        periodStart: contributionReports.periodStart,
        periodEnd: contributionReports.periodEnd,
        staffHours: sql<number>`coalesce(sum(${contributionValues.value}) filter (where ${contributionValues.measure} = 'staffHours'), 0)`.mapWith(Number),
        consultantPaidHours: sql<number>`coalesce(sum(${contributionValues.value}) filter (where ${contributionValues.measure} = 'consultantPaidHours'), 0)`.mapWith(Number),
        lastSubmittedAt: sql<Date | null>`max(${contributionReports.submittedAt})`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value))),
      })
      .from(contributionReports)
      // A left join: a submitted report without hours still says when contributions last changed.
      .leftJoin(contributionValues, and(joinReport(contributionValues), inArray(contributionValues.measure, ["staffHours", "consultantPaidHours"])))
      .where(submitted)
      .groupBy(...byPeriod),
    db
      .select({
        taskForceId: contributionReports.taskForceId,
        periodStart: contributionReports.periodStart,
        periodEnd: contributionReports.periodEnd,
        inKindCents: sql<number>`sum(${contributionInKindItems.estimatedValueCents})`.mapWith(Number),
      })
      .from(contributionInKindItems)
      .innerJoin(contributionReports, joinReport(contributionInKindItems))
      // Said of the items too: PostgreSQL carries an equality across the join, not an IN list.
      .where(and(submitted, inArray(contributionInKindItems.taskForceId, ids)))
      .groupBy(...byPeriod),
  ]);
  const key = (row: { taskForceId: string; periodStart: string; periodEnd: string }) => `${row.taskForceId}|${row.periodStart}|${row.periodEnd}`;
  const cents = new Map(inKind.map((row) => [key(row), row.inKindCents]));
  return hours.map((row) => ({ ...row, inKindCents: cents.get(key(row)) ?? 0 }));
}

/** Active member-role accounts of the given organizations: the people a reminder goes to. */
export function listOrganizationStaff(db: Database, taskForceId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, organizationId: memberships.organizationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      scoped(
        memberships,
        taskForceId,
        eq(memberships.role, "member"),
        isNull(memberships.endedAt),
        inArray(memberships.organizationId, organizationIds),
      ),
    );
}

/**
 * The organizations expected to report for a period: those whose membership status was "active" on
 * some day of it — active at its start (the latest status recorded on or before that day) or made
 * active during it. An organization with no recorded history (created before status history
 * existed) counts by its current status; one whose history starts after the period's start was not
 * a member then.
 */
export async function listReportingOrganizations(db: Database, taskForceIds: readonly string[], period: { start: string; end: string }) {
  const rows = await listReportingOrganizationsOfPeriods(db, taskForceIds, [{ key: "", ...period }]);
  return rows.map(({ taskForceId, id, name }) => ({ taskForceId, id, name }));
}

/**
 * The organizations expected to report in each of `periods` (as listReportingOrganizations
 * decides), one row per period and organization, in one statement however many periods: the
 * periods are a VALUES list the organizations are matched against.
 */
export function listReportingOrganizationsOfPeriods(db: Database, taskForceIds: readonly string[], periods: readonly { key: string; start: string; end: string }[]) {
  if (periods.length === 0) return Promise.resolve([]);
  const history = organizationStatusHistory;
  const periodList = sql`(values ${sql.join(
    periods.map((period) => sql`(${period.key}::text, ${period.start}::date, ${period.end}::date)`),
    sql`, `,
  )}) as reporting_periods(key, start_on, end_on)`;
  const periodStart = sql.raw("reporting_periods.start_on");
  const periodEnd = sql.raw("reporting_periods.end_on");
  const ids = [...taskForceIds];
  const ofOrganization = and(eq(history.taskForceId, organizations.taskForceId), eq(history.organizationId, organizations.id));
  const statusAtStart = db
    .select({ status: history.status })
    .from(history)
    .where(and(ofOrganization, lte(history.effectiveOn, periodStart)))
    .orderBy(desc(history.effectiveOn), desc(history.recordedAt))
    .limit(1);
  // PostgreSQL runs this one (a NOT EXISTS within an OR) as a hash of the rows it may match, read once:
  // the task forces named here make those rows theirs, where it read every task force's history.
  const recordedHistory = db
    .select({ id: history.id })
    .from(history)
    .where(and(inArray(history.taskForceId, ids), ofOrganization));
  const activatedDuring = db
    .select({ id: history.id })
    .from(history)
    .where(and(ofOrganization, eq(history.status, "active"), gte(history.effectiveOn, periodStart), lte(history.effectiveOn, periodEnd)));
  return db
    .select({ periodKey: sql<string>`reporting_periods.key`, taskForceId: organizations.taskForceId, id: organizations.id, name: organizations.name })
    .from(organizations)
    .innerJoin(periodList, sql`true`)
    .where(
      and(
        inArray(organizations.taskForceId, ids),
        or(exists(activatedDuring), sql`(${statusAtStart}) = 'active'`, and(notExists(recordedHistory), eq(organizations.membershipStatus, "active"))),
      ),
    )
    .orderBy(asc(organizations.name));
}

/* ---------- publications (what funders see of a period's victim-related counts) ---------- */

/** The latest published version of each of the periods that has one. */
export function listLatestPublications(db: Database, taskForceId: string, periods: readonly string[]) {
  if (periods.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([contributionPublications.period], {
      period: contributionPublications.period,
      version: contributionPublications.version,
      figures: contributionPublications.figures,
      publishedAt: contributionPublications.publishedAt,
    })
    .from(contributionPublications)
    .where(scoped(contributionPublications, taskForceId, inArray(contributionPublications.period, [...periods])))
    .orderBy(asc(contributionPublications.period), desc(contributionPublications.version));
}

/** Returns false when that version exists already (someone published it meanwhile). */
export async function insertPublication(db: Database, values: typeof contributionPublications.$inferInsert) {
  const rows = await db.insert(contributionPublications).values(values).onConflictDoNothing().returning({ id: contributionPublications.id });
  return rows.length > 0;
}
