import { and, asc, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { organizations } from "@/db/schema";

/**
 * Join condition to a row's organization within the row's own task force (the same pair the
 * composite foreign key enforces), so a join can never reach another tenant's organization.
 */
export function organizationOf(row: { taskForceId: AnyPgColumn; organizationId: AnyPgColumn }) {
  return and(eq(organizations.taskForceId, row.taskForceId), eq(organizations.id, row.organizationId));
}

export function listOrganizations(db: Database, taskForceId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, primaryDiscipline: organizations.primaryDiscipline })
    .from(organizations)
    .where(eq(organizations.taskForceId, taskForceId))
    .orderBy(asc(organizations.name));
}

export async function findOrganization(db: Database, taskForceId: string, organizationId: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.taskForceId, taskForceId), eq(organizations.id, organizationId)));
  return row ?? null;
}

/** Returns null when the task force already has an organization of that name (case-insensitive). */
export async function insertOrganization(db: Database, values: { taskForceId: string; name: string; primaryDiscipline: string }) {
  const [row] = await db
    .insert(organizations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: organizations.id, name: organizations.name, primaryDiscipline: organizations.primaryDiscipline });
  return row ?? null;
}
