import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Database } from "./client";

/**
 * The one row an `insert … returning` (or an update of a row known to exist) gave back. An empty
 * result there is a bug, not a state a caller could handle, so it throws with what was written.
 */
export function onlyRow<Row>(rows: Row[], what: string): Row {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned nothing`);
  return row;
}

/** A task force's table whose rows carry a version for optimistic concurrency. */
type VersionedTable = PgTable & { taskForceId: AnyPgColumn; id: AnyPgColumn; version: AnyPgColumn };

/**
 * Saves `values` into the row `key.id` of the task force when its stored version is still
 * `key.version`, and moves the version on by one. Returns the new version, or null when someone
 * else saved first (the caller refuses with who changed it): never a silent overwrite.
 */
export async function updateVersioned<Table extends VersionedTable>(
  db: Database,
  table: Table,
  key: { taskForceId: string; id: string; version: number },
  values: PgUpdateSetSource<Table>,
): Promise<number | null> {
  const [row] = await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` } as PgUpdateSetSource<Table>)
    .where(and(eq(table.taskForceId, key.taskForceId), eq(table.id, key.id), eq(table.version, key.version)))
    .returning({ version: table.version });
  return (row?.version as number | undefined) ?? null;
}
