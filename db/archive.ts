import { sql, type SQL } from "drizzle-orm";
import type { Database } from "./client";
import { ConfigError } from "./config";

/*
 * The whole instance as rows: every table of the public schema, parents before children, each row as
 * PostgreSQL's own JSON of it (row_to_json), read in one REPEATABLE READ transaction so the copy is
 * one consistent moment even while the app keeps writing. The same reader and writer serve three
 * things: the backup file (`npm run admin -- backup`, gzip'd JSON lines, see backup.ts), restore, and
 * moving the embedded database to PostgreSQL (rows go straight from one database into the other).
 * Values round-trip through json_populate_recordset, so types (dates, jsonb, arrays, enums, bytea)
 * come back exactly, on either driver.
 */

export interface TableInfo {
  name: string;
  /** Columns to order rows by: the primary key (every table has one), so copies compare equal. */
  orderBy: string[];
  /** References itself: its rows go in with one statement, since a later row may be an earlier one's parent. */
  selfReferencing: boolean;
}

/** The schema level: how many migrations are applied, and the newest one's timestamp. */
export interface SchemaLevel {
  migrations: number;
  latest: number;
}

const BATCH_ROWS = 1000;

/** `db.execute` returns `{ rows }` on PGlite and an array on postgres.js (STACK.md pitfall 9). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

const ident = (name: string) => sql.identifier(name);

/** Tables of the public schema in an order where every table comes after the tables it references. */
export async function listTables(db: Database): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const keys = await queryRows<{ table: string; column: string; position: number }>(
    db,
    sql`select c.relname as "table", a.attname as "column", k.ord::int as "position"
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where n.nspname = 'public' and con.contype = 'p'
        order by c.relname, k.ord`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_class p on p.oid = con.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and con.contype = 'f'`,
  );
  const primaryKey = new Map<string, string[]>();
  for (const key of keys) primaryKey.set(key.table, [...(primaryKey.get(key.table) ?? []), key.column]);
  const parents = new Map<string, Set<string>>(tables.map((table) => [table.name, new Set()]));
  const selfReferencing = new Set<string>();
  for (const { child, parent } of references) {
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table.name) && [...(parents.get(table.name) ?? [])].every((parent) => placed.has(parent)));
    if (ready.length === 0) {
      const left = tables.filter((table) => !placed.has(table.name)).map((table) => table.name);
      throw new Error(`the tables ${left.join(", ")} reference each other in a cycle; the archive cannot order them.`);
    }
    for (const table of ready) {
      const orderBy = primaryKey.get(table.name);
      if (!orderBy) throw new Error(`the table ${table.name} has no primary key; the archive cannot order its rows.`);
      ordered.push({ name: table.name, orderBy, selfReferencing: selfReferencing.has(table.name) });
      placed.add(table.name);
    }
  }
  return ordered;
}

export async function schemaLevel(db: Database): Promise<SchemaLevel> {
  const [exists] = await queryRows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return { migrations: 0, latest: 0 };
  const [row] = await queryRows<{ migrations: number | string; latest: number | string | null }>(
    db,
    sql`select count(*)::int as migrations, coalesce(max(created_at), 0)::bigint as latest from drizzle.__drizzle_migrations`,
  );
  return { migrations: Number(row?.migrations ?? 0), latest: Number(row?.latest ?? 0) };
}

const orderClause = (table: TableInfo) =>
  sql.join(
    table.orderBy.map((column) => ident(column)),
    sql`, `,
  );

/**
 * Calls `onRows` with every table's rows (JSON text, in primary-key order, up to BATCH_ROWS at a
 * time), tables in dependency order, all inside one read-only snapshot. `onTable` comes first for
 * each table, with its row count.
 */
export async function readInstance(
  db: Database,
  handlers: {
    onStart?: (tables: TableInfo[], level: SchemaLevel) => Promise<void> | void;
    onTable: (table: TableInfo, rows: number) => Promise<void> | void;
    onRows: (table: TableInfo, rows: string[]) => Promise<void> | void;
  },
): Promise<Record<string, number>> {
  return db.transaction(
    async (tx) => {
      // Timestamps in row_to_json are written in the session's zone: UTC makes archives comparable.
      await tx.execute(sql`set local time zone 'UTC'`);
      const tables = await listTables(tx);
      await handlers.onStart?.(tables, await schemaLevel(tx));
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const [counted] = await queryRows<{ rows: number | string }>(tx, sql`select count(*)::int as rows from ${ident(table.name)}`);
        const total = Number(counted?.rows ?? 0);
        counts[table.name] = total;
        await handlers.onTable(table, total);
        for (let offset = 0; offset < total; offset += BATCH_ROWS) {
          const rows = await queryRows<{ row: string }>(
            tx,
            sql`select row_to_json(t)::text as row from ${ident(table.name)} t order by ${orderClause(table)} limit ${BATCH_ROWS} offset ${offset}`,
          );
          await handlers.onRows(
            table,
            rows.map((row) => row.row),
          );
        }
      }
      return counts;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Inserts rows (JSON text of whole rows, as readInstance gives them) into a table of the same schema level. */
export async function writeRows(tx: Database, table: string, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, ${`[${rows.join(",")}]`}::json)`);
}

/** Row counts of every table that has rows; an instance counts as empty when only start-up data is there. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const [row] = await queryRows<{ rows: number | string }>(db, sql`select count(*)::int as rows from ${ident(table.name)}`);
    counts[table.name] = Number(row?.rows ?? 0);
  }
  return counts;
}

/**
 * Refuses to restore over data. An instance without people and task forces is empty: what a start
 * creates by itself (the default framework), sign-in rate limits and job runs are replaced by the
 * archive's own.
 */
export async function assertEmptyInstance(db: Database, where: string): Promise<void> {
  const [row] = await queryRows<{ users: number | string; taskForces: number | string }>(
    db,
    sql`select (select count(*) from users)::int as users, (select count(*) from task_forces)::int as "taskForces"`,
  );
  const people = Number(row?.users ?? 0);
  const taskForces = Number(row?.taskForces ?? 0);
  if (people > 0 || taskForces > 0) {
    throw new ConfigError(
      `${where} is not empty (${people} accounts, ${taskForces} task forces); use a new, empty one, so that nothing is overwritten.`,
    );
  }
}

/** Empties every table (start-up data only, after assertEmptyInstance) inside the restore's transaction. */
export async function clearStartUpRows(tx: Database, tables: TableInfo[]): Promise<void> {
  if (tables.length === 0) return;
  await tx.execute(
    sql`truncate ${sql.join(
      tables.map((table) => ident(table.name)),
      sql`, `,
    )}`,
  );
}

/**
 * A checksum of every table's contents (md5 of its rows' JSON in primary-key order) with its row
 * count: two databases with equal results hold the same data. The move and restore tests compare them.
 */
export async function checksumTables(db: Database): Promise<Record<string, { rows: number; md5: string }>> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`);
      const result: Record<string, { rows: number; md5: string }> = {};
      for (const table of await listTables(tx)) {
        const [row] = await queryRows<{ rows: number | string; md5: string | null }>(
          tx,
          sql`select count(*)::int as rows, md5(coalesce(string_agg(row_to_json(t)::text, E'\n' order by ${orderClause(table)}), '')) as md5 from ${ident(table.name)} t`,
        );
        result[table.name] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? "" };
      }
      return result;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
