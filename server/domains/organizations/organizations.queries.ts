import { insertOne, scoped } from "@/db/rows";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { memberships, organizationContacts, organizations, organizationStatusHistory, users } from "@/db/schema";

/**
 * Join condition to a row's organization within the row's own task force (the same pair the
 * composite foreign key enforces), so a join can never reach another tenant's organization.
 */
export function organizationOf(row: { taskForceId: AnyPgColumn; organizationId: AnyPgColumn }) {
  return and(eq(organizations.taskForceId, row.taskForceId), eq(organizations.id, row.organizationId));
}

const directoryColumns = {
  id: organizations.id,
  name: organizations.name,
  primaryDiscipline: organizations.primaryDiscipline,
  additionalDisciplines: organizations.additionalDisciplines,
  jurisdictionLevel: organizations.jurisdictionLevel,
  region: organizations.region,
  membershipStatus: organizations.membershipStatus,
  taskForceRole: organizations.taskForceRole,
};

export function listOrganizations(db: Database, taskForceId: string) {
  return db.select(directoryColumns).from(organizations).where(eq(organizations.taskForceId, taskForceId)).orderBy(asc(organizations.name));
}

export async function findOrganization(db: Database, taskForceId: string, organizationId: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(scoped(organizations, taskForceId, eq(organizations.id, organizationId)));
  return row ?? null;
}

/** Every organization's profile, street address included: for a coordinator's import, which updates them. */
export function listOrganizationProfiles(db: Database, taskForceId: string) {
  return db
    .select({ ...directoryColumns, address: organizations.address, website: organizations.website })
    .from(organizations)
    .where(eq(organizations.taskForceId, taskForceId))
    .orderBy(asc(organizations.name));
}

export type OrganizationProfileRow = NonNullable<Awaited<ReturnType<typeof findOrganizationProfile>>>;

export async function findOrganizationProfile(db: Database, taskForceId: string, organizationId: string, lock?: "update") {
  const query = db
    .select({ ...directoryColumns, address: organizations.address, website: organizations.website, createdAt: organizations.createdAt })
    .from(organizations)
    .where(scoped(organizations, taskForceId, eq(organizations.id, organizationId)));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Returns null when the task force already has an organization of that name (case-insensitive). */
export async function insertOrganization(db: Database, values: typeof organizations.$inferInsert) {
  const [row] = await db
    .insert(organizations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: organizations.id, name: organizations.name, primaryDiscipline: organizations.primaryDiscipline });
  return row ?? null;
}

export async function updateOrganizationRow(
  db: Database,
  taskForceId: string,
  organizationId: string,
  values: Partial<Omit<typeof organizations.$inferInsert, "id" | "taskForceId">>,
) {
  await db.update(organizations).set(values).where(scoped(organizations, taskForceId, eq(organizations.id, organizationId)));
}

/** The organization that holds a lead role now, if another one does (for a clear message before the unique index refuses). */
export async function findOrganizationWithRole(db: Database, taskForceId: string, role: (typeof organizations.$inferSelect)["taskForceRole"]) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(scoped(organizations, taskForceId, eq(organizations.taskForceRole, role)));
  return row ?? null;
}

/* ---------- status history ---------- */

export async function insertStatusHistory(db: Database, values: typeof organizationStatusHistory.$inferInsert) {
  await db.insert(organizationStatusHistory).values(values);
}

export function listStatusHistory(db: Database, taskForceId: string, organizationId: string) {
  return db
    .select({
      id: organizationStatusHistory.id,
      status: organizationStatusHistory.status,
      effectiveOn: organizationStatusHistory.effectiveOn,
      note: organizationStatusHistory.note,
      recordedAt: organizationStatusHistory.recordedAt,
      recordedByName: users.name,
    })
    .from(organizationStatusHistory)
    .leftJoin(users, eq(users.id, organizationStatusHistory.recordedByUserId))
    .where(scoped(organizationStatusHistory, taskForceId, eq(organizationStatusHistory.organizationId, organizationId)))
    .orderBy(desc(organizationStatusHistory.effectiveOn), desc(organizationStatusHistory.recordedAt));
}

/* ---------- contacts ---------- */

export function listContacts(db: Database, taskForceId: string, organizationId: string) {
  return db
    .select({
      id: organizationContacts.id,
      name: organizationContacts.name,
      title: organizationContacts.title,
      workEmail: organizationContacts.workEmail,
      workPhone: organizationContacts.workPhone,
      isPrimary: organizationContacts.isPrimary,
    })
    .from(organizationContacts)
    .where(scoped(organizationContacts, taskForceId, eq(organizationContacts.organizationId, organizationId)))
    .orderBy(desc(organizationContacts.isPrimary), asc(organizationContacts.name));
}

export async function insertContact(db: Database, values: typeof organizationContacts.$inferInsert) {
  return insertOne(db, organizationContacts, values, { id: organizationContacts.id }, "contact insert");
}

export async function deleteContact(db: Database, taskForceId: string, organizationId: string, contactId: string) {
  const [row] = await db
    .delete(organizationContacts)
    .where(
      scoped(organizationContacts, taskForceId, eq(organizationContacts.organizationId, organizationId), eq(organizationContacts.id, contactId)),
    )
    .returning({ id: organizationContacts.id, name: organizationContacts.name });
  return row ?? null;
}

/** People with platform accounts who work for the organization (active memberships). */
export function listPeopleOfOrganization(db: Database, taskForceId: string, organizationId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(scoped(memberships, taskForceId, eq(memberships.organizationId, organizationId), isNull(memberships.endedAt)))
    .orderBy(asc(users.name));
}
