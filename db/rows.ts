import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource, SelectedFieldsFlat } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { Database } from "./client";

/*
 * The query kit of a task force's tables: every row belongs to one task force and is read and
 * written by (task force, id), never by id alone. These helpers write that once, so that a query
 * cannot leave the tenant out and the same lines are not repeated in every domain.
 */

/** A table whose rows belong to a task force. */
type TenantTable = PgTable & { taskForceId: AnyPgColumn };

/** A task force's table whose rows have their own id. */
type TenantRowTable = TenantTable & { id: AnyPgColumn };

/** The rows of one task force that also meet `conditions` (undefined ones are left out, as in `and`). */
export function scoped(table: TenantTable, taskForceId: string, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.taskForceId, taskForceId), ...conditions) as SQL;
}

/**
 * The row `key.id` of the task force as `read` selects it (the table's columns with their joined
 * names), or null. With `lock` "update" the row alone is locked first (outer joins cannot be
 * locked), so that a save checking the row's version is exact.
 */
export async function byId<Row>(
  db: Database,
  table: TenantRowTable,
  key: { taskForceId: string; id: string },
  read: (where: SQL) => PromiseLike<Row[]>,
  lock?: "update",
): Promise<Row | null> {
  const where = scoped(table, key.taskForceId, eq(table.id, key.id));
  if (lock) {
    const [locked] = await db.select({ id: table.id }).from(table).where(where).for("update");
    if (!locked) return null;
  }
  const [row] = await read(where);
  return row ?? null;
}

/**
 * The one row an `insert … returning` (or an update of a row known to exist) gave back. An empty
 * result there is a bug, not a state a caller could handle, so it throws with what was written.
 */
export function onlyRow<Row>(rows: Row[], what: string): Row {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned nothing`);
  return row;
}

/** Inserts one row and gives back its `returning` columns; `what` names the row if nothing came back (a bug). */
export async function insertOne<Table extends PgTable, Returned extends SelectedFieldsFlat>(
  db: Database,
  table: Table,
  values: PgInsertValue<Table>,
  returning: Returned,
  what: string,
): Promise<SelectResultFields<Returned>> {
  const rows = await db.insert(table).values(values).returning(returning);
  return onlyRow(rows as SelectResultFields<Returned>[], what);
}

/** A task force's table whose rows carry a version for optimistic concurrency. */
type VersionedTable = TenantRowTable & { version: AnyPgColumn };

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
    .where(scoped(table, key.taskForceId, eq(table.id, key.id), eq(table.version, key.version)))
    .returning({ version: table.version });
  return (row?.version as number | undefined) ?? null;
}
