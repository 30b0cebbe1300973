import { insertOne, scoped, updateVersioned } from "@/db/rows";
import { aliasedTable, and, asc, count, desc, eq, inArray, max, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { grantReports, grantRequirements, grants, organizations, requirementEvidence, users } from "@/db/schema";

type GrantInsert = typeof grants.$inferInsert;
type RequirementInsert = typeof grantRequirements.$inferInsert;

const ownerUsers = aliasedTable(users, "owner_users");

/* ---------- grants ---------- */

const grantColumns = {
  id: grants.id,
  funderName: grants.funderName,
  program: grants.program,
  awardNumber: grants.awardNumber,
  amount: grants.amount,
  matchTarget: grants.matchTarget,
  periodStart: grants.periodStart,
  periodEnd: grants.periodEnd,
  reportingCadence: grants.reportingCadence,
  version: grants.version,
  createdAt: grants.createdAt,
  updatedAt: grants.updatedAt,
};

export type GrantRow = Awaited<ReturnType<typeof listGrants>>[number];

/** Awards of the task forces, newest period first. */
export function listGrants(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ ...grantColumns, taskForceId: grants.taskForceId })
    .from(grants)
    .where(inArray(grants.taskForceId, [...taskForceIds]))
    .orderBy(desc(grants.periodStart), asc(grants.awardNumber));
}

export async function findGrant(db: Database, taskForceId: string, grantId: string) {
  const [row] = await db
    .select({ ...grantColumns, taskForceId: grants.taskForceId })
    .from(grants)
    .where(scoped(grants, taskForceId, eq(grants.id, grantId)));
  return row ?? null;
}

export async function findGrantByAwardNumber(db: Database, taskForceId: string, awardNumber: string) {
  const [row] = await db
    .select({ id: grants.id })
    .from(grants)
    .where(scoped(grants, taskForceId, sql`lower(${grants.awardNumber}) = lower(${awardNumber})`));
  return row ?? null;
}

export async function insertGrant(db: Database, values: GrantInsert) {
  return insertOne(db, grants, values, { id: grants.id }, "grant insert");
}

/** The new version, or null when the row is no longer at `version` (someone else saved first). */
export async function updateGrantRow(db: Database, taskForceId: string, grantId: string, version: number, values: Partial<GrantInsert>): Promise<number | null> {
  return updateVersioned(db, grants, { taskForceId, id: grantId, version: version }, values);
}

/* ---------- requirements ---------- */

const requirementColumns = {
  id: grantRequirements.id,
  grantId: grantRequirements.grantId,
  templateKey: grantRequirements.templateKey,
  computedKey: grantRequirements.computedKey,
  title: grantRequirements.title,
  description: grantRequirements.description,
  status: grantRequirements.status,
  overrideStatus: grantRequirements.overrideStatus,
  overrideReason: grantRequirements.overrideReason,
  ownerOrganizationId: grantRequirements.ownerOrganizationId,
  ownerOrganizationName: organizations.name,
  ownerUserId: grantRequirements.ownerUserId,
  ownerUserName: ownerUsers.name,
  dueOn: grantRequirements.dueOn,
  position: grantRequirements.position,
  version: grantRequirements.version,
  updatedAt: grantRequirements.updatedAt,
};

export type RequirementRow = Awaited<ReturnType<typeof listRequirements>>[number];

function requirementsWhere(db: Database, where: SQL | undefined) {
  return db
    .select(requirementColumns)
    .from(grantRequirements)
    .leftJoin(
      organizations,
      and(eq(organizations.taskForceId, grantRequirements.taskForceId), eq(organizations.id, grantRequirements.ownerOrganizationId)),
    )
    .leftJoin(ownerUsers, eq(ownerUsers.id, grantRequirements.ownerUserId))
    .where(where)
    .orderBy(asc(grantRequirements.position), asc(grantRequirements.title));
}

/** Requirements of the given awards of one task force, in template order then by title. */
export function listRequirements(db: Database, taskForceId: string, grantIds: readonly string[]) {
  return requirementsWhere(db, scoped(grantRequirements, taskForceId, inArray(grantRequirements.grantId, [...grantIds])));
}

/** Requirements of every award of the task forces (one query for a portfolio), in template order then by title. */
export function listRequirementsOfTaskForces(db: Database, taskForceIds: readonly string[]) {
  return requirementsWhere(db, inArray(grantRequirements.taskForceId, [...taskForceIds]));
}

export async function findRequirement(db: Database, taskForceId: string, requirementId: string, lock?: "update") {
  const query = db
    .select({
      id: grantRequirements.id,
      grantId: grantRequirements.grantId,
      computedKey: grantRequirements.computedKey,
      title: grantRequirements.title,
      description: grantRequirements.description,
      status: grantRequirements.status,
      overrideStatus: grantRequirements.overrideStatus,
      overrideReason: grantRequirements.overrideReason,
      ownerOrganizationId: grantRequirements.ownerOrganizationId,
      ownerUserId: grantRequirements.ownerUserId,
      dueOn: grantRequirements.dueOn,
      version: grantRequirements.version,
    })
    .from(grantRequirements)
    .where(scoped(grantRequirements, taskForceId, eq(grantRequirements.id, requirementId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function listTemplateKeysOf(db: Database, taskForceId: string, grantId: string) {
  const rows = await db
    .select({ templateKey: grantRequirements.templateKey })
    .from(grantRequirements)
    .where(scoped(grantRequirements, taskForceId, eq(grantRequirements.grantId, grantId)));
  return new Set(rows.flatMap((row) => (row.templateKey ? [row.templateKey] : [])));
}

export async function nextRequirementPosition(db: Database, taskForceId: string, grantId: string) {
  const [row] = await db
    .select({ last: max(grantRequirements.position) })
    .from(grantRequirements)
    .where(scoped(grantRequirements, taskForceId, eq(grantRequirements.grantId, grantId)));
  return (row?.last ?? -1) + 1;
}

export async function insertRequirements(db: Database, values: RequirementInsert[]) {
  if (values.length === 0) return [];
  return db.insert(grantRequirements).values(values).returning({ id: grantRequirements.id, title: grantRequirements.title });
}

/** Saves when the stored version is still `version`; returns the new version, or null when someone saved first. */
export async function updateRequirementRow(
  db: Database,
  taskForceId: string,
  requirementId: string,
  version: number,
  values: Partial<RequirementInsert>,
): Promise<number | null> {
  return updateVersioned(db, grantRequirements, { taskForceId, id: requirementId, version: version }, values);
}

export async function deleteRequirementRow(db: Database, taskForceId: string, requirementId: string) {
  await db.delete(grantRequirements).where(scoped(grantRequirements, taskForceId, eq(grantRequirements.id, requirementId)));
}

/* ---------- evidence ---------- */

const evidenceColumns = {
  id: requirementEvidence.id,
  requirementId: requirementEvidence.requirementId,
  kind: requirementEvidence.kind,
  recordId: requirementEvidence.recordId,
  url: requirementEvidence.url,
  label: requirementEvidence.label,
  createdAt: requirementEvidence.createdAt,
};

export type EvidenceRow = Awaited<ReturnType<typeof listEvidence>>[number];

export function listEvidence(db: Database, taskForceId: string, requirementIds: readonly string[]) {
  if (requirementIds.length === 0) return Promise.resolve([]);
  return db
    .select(evidenceColumns)
    .from(requirementEvidence)
    .where(scoped(requirementEvidence, taskForceId, inArray(requirementEvidence.requirementId, [...requirementIds])))
    .orderBy(asc(requirementEvidence.createdAt));
}

export async function findEvidence(db: Database, taskForceId: string, evidenceId: string) {
  const [row] = await db
    .select(evidenceColumns)
    .from(requirementEvidence)
    .where(scoped(requirementEvidence, taskForceId, eq(requirementEvidence.id, evidenceId)));
  return row ?? null;
}

export async function findEvidenceOfRecord(db: Database, taskForceId: string, requirementId: string, kind: string, recordId: string) {
  const [row] = await db
    .select({ id: requirementEvidence.id })
    .from(requirementEvidence)
    .where(
      scoped(
        requirementEvidence,
        taskForceId,
        eq(requirementEvidence.requirementId, requirementId),
        eq(requirementEvidence.kind, kind),
        eq(requirementEvidence.recordId, recordId),
      ),
    );
  return row ?? null;
}

export async function insertEvidence(db: Database, values: typeof requirementEvidence.$inferInsert) {
  return insertOne(db, requirementEvidence, values, { id: requirementEvidence.id }, "evidence insert");
}

export async function deleteEvidenceRow(db: Database, taskForceId: string, evidenceId: string) {
  await db.delete(requirementEvidence).where(scoped(requirementEvidence, taskForceId, eq(requirementEvidence.id, evidenceId)));
}

/** The requirements a record is evidence for (e.g. a gap's page shows them), with their award. */
export function listRequirementsLinkedTo(db: Database, taskForceId: string, kind: string, recordId: string) {
  return db
    .select({
      requirementId: grantRequirements.id,
      title: grantRequirements.title,
      grantId: grants.id,
      awardNumber: grants.awardNumber,
    })
    .from(requirementEvidence)
    .innerJoin(
      grantRequirements,
      and(eq(grantRequirements.taskForceId, requirementEvidence.taskForceId), eq(grantRequirements.id, requirementEvidence.requirementId)),
    )
    .innerJoin(grants, and(eq(grants.taskForceId, grantRequirements.taskForceId), eq(grants.id, grantRequirements.grantId)))
    .where(scoped(requirementEvidence, taskForceId, eq(requirementEvidence.kind, kind), eq(requirementEvidence.recordId, recordId)))
    .orderBy(asc(grants.awardNumber), asc(grantRequirements.position));
}

/* ---------- generated reports ---------- */

export async function insertGrantReport(db: Database, values: typeof grantReports.$inferInsert) {
  return insertOne(db, grantReports, values, { id: grantReports.id, generatedAt: grantReports.generatedAt }, "report insert");
}

export async function findGrantReport(db: Database, taskForceId: string, reportId: string) {
  const [row] = await db
    .select({
      id: grantReports.id,
      grantId: grantReports.grantId,
      periodStart: grantReports.periodStart,
      periodEnd: grantReports.periodEnd,
      audience: grantReports.audience,
      content: grantReports.content,
      generatedAt: grantReports.generatedAt,
      generatedByName: users.name,
    })
    .from(grantReports)
    .leftJoin(users, eq(users.id, grantReports.generatedByUserId))
    .where(scoped(grantReports, taskForceId, eq(grantReports.id, reportId)));
  return row ?? null;
}

/** Generated reports of the task force without their content, newest first. */
export function listGrantReports(db: Database, taskForceId: string) {
  return db
    .select({
      id: grantReports.id,
      grantId: grantReports.grantId,
      awardNumber: grants.awardNumber,
      periodStart: grantReports.periodStart,
      periodEnd: grantReports.periodEnd,
      audience: grantReports.audience,
      generatedAt: grantReports.generatedAt,
      generatedByName: users.name,
    })
    .from(grantReports)
    .innerJoin(grants, and(eq(grants.taskForceId, grantReports.taskForceId), eq(grants.id, grantReports.grantId)))
    .leftJoin(users, eq(users.id, grantReports.generatedByUserId))
    .where(eq(grantReports.taskForceId, taskForceId))
    .orderBy(desc(grantReports.generatedAt));
}

/**
 * Reports of record count toward reporting: those generated for the task force itself (audience
 * "internal", which only coordinators make: report.generate with grant.readInternal). A report a
 * funder generates for themselves ("funder") never does — a funder cannot change compliance.
 */
const ofRecord = eq(grantReports.audience, "internal");

/** Per award, the period ends that have a report of record (one aggregated query). */
export function listReportedPeriodEnds(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: grantReports.taskForceId, grantId: grantReports.grantId, periodEnd: grantReports.periodEnd, reports: count() })
    .from(grantReports)
    .where(and(inArray(grantReports.taskForceId, [...taskForceIds]), ofRecord))
    .groupBy(grantReports.taskForceId, grantReports.grantId, grantReports.periodEnd);
}

/** The report of record of each reporting period of an award: the latest one generated for the task force. */
export function listReportsOfRecord(db: Database, taskForceId: string, grantId: string) {
  return db
    .selectDistinctOn([grantReports.periodEnd], {
      id: grantReports.id,
      periodEnd: grantReports.periodEnd,
      generatedAt: grantReports.generatedAt,
      generatedByName: users.name,
    })
    .from(grantReports)
    .leftJoin(users, eq(users.id, grantReports.generatedByUserId))
    .where(scoped(grantReports, taskForceId, eq(grantReports.grantId, grantId), ofRecord))
    .orderBy(asc(grantReports.periodEnd), desc(grantReports.generatedAt));
}

/** When requirements of the task forces last changed: the freshness of requirement progress. */
export function latestRequirementUpdates(db: Database, taskForceIds: readonly string[]) {
  return db
    .select({ taskForceId: grantRequirements.taskForceId, updatedAt: max(grantRequirements.updatedAt) })
    .from(grantRequirements)
    .where(inArray(grantRequirements.taskForceId, [...taskForceIds]))
    .groupBy(grantRequirements.taskForceId);
}
