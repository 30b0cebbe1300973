import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { frameworks, frameworkVersions, users } from "@/db/schema";
import type { ArchiveRow } from "./archive.format";
import type { ArchiveTable } from "./archive.tables";

/*
 * Rows travel as PostgreSQL's own JSON (to_jsonb on the way out, jsonb_populate_recordset on the
 * way in), so every type keeps its full precision (microsecond timestamps, exact numerics, arrays,
 * enums, jsonb) on both drivers, and no column needs code of its own.
 */

function column(table: ArchiveTable, name: string): PgColumn {
  const found = getTableConfig(table.table).columns.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${table.name} has no column ${name}`);
  return found;
}

const parseRows = (rows: { row: string }[]): ArchiveRow[] => rows.map(({ row }) => JSON.parse(row) as ArchiveRow);

/** Every row of `table` whose `column` equals `value`, as JSON keyed by column name, in primary-key order. */
export async function selectRowsWhere(db: Database, table: ArchiveTable, columnName: string, value: string): Promise<ArchiveRow[]> {
  const rows = await db
    .select({ row: sql<string>`to_jsonb(${table.table})::text` })
    .from(table.table)
    .where(eq(column(table, columnName), value))
    .orderBy(...table.primaryKey.map((name) => asc(column(table, name))));
  return parseRows(rows);
}

/** The people a task force refers to: id, email and name only (never password hashes or admin flags). */
export async function selectPeople(db: Database, ids: string[]): Promise<ArchiveRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: sql<string>`jsonb_build_object('id', ${users.id}, 'email', ${users.email}, 'name', ${users.name})::text` })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.email));
  return parseRows(rows);
}

export async function selectFrameworks(db: Database, ids: string[]): Promise<ArchiveRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: sql<string>`to_jsonb(${frameworks})::text` })
    .from(frameworks)
    .where(inArray(frameworks.id, ids))
    .orderBy(asc(frameworks.key));
  return parseRows(rows);
}

/** Framework versions without their author: the author is a person of the source instance's platform, not of the task force. */
export async function selectFrameworkVersions(db: Database, ids: string[]): Promise<ArchiveRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ row: sql<string>`(to_jsonb(${frameworkVersions}) - 'created_by_user_id')::text` })
    .from(frameworkVersions)
    .where(inArray(frameworkVersions.id, ids))
    .orderBy(asc(frameworkVersions.frameworkId), asc(frameworkVersions.version));
  return parseRows(rows);
}

export async function latestFrameworkVersionId(db: Database, frameworkId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(sql`${frameworkVersions.version} desc`)
    .limit(1);
  return row?.id ?? null;
}

export function versionContentsOfFramework(db: Database, frameworkId: string) {
  return db
    .select({ id: frameworkVersions.id, version: frameworkVersions.version, content: frameworkVersions.content })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(asc(frameworkVersions.version));
}

/** Existing accounts for these emails, by lower-cased email. */
export async function findUsersByEmail(db: Database, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Which of `values` are already held by `columnName` anywhere in `table`. */
export async function existingValues(db: Database, table: ArchiveTable, columnName: string, values: string[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const target = column(table, columnName);
  const rows = await db.select({ value: sql<string>`${target}::text` }).from(table.table).where(inArray(target, values));
  return new Set(rows.map((row) => row.value));
}

/** Rows per statement: small enough for any server's statement size, large enough to be quick. */
const CHUNK_BYTES = 4 * 1024 * 1024;

function chunks(rows: ArchiveRow[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (current.length > 0 && size + json.length > CHUNK_BYTES) {
      result.push(`[${current.join(",")}]`);
      current = [];
      size = 0;
    }
    current.push(json);
    size += json.length;
  }
  if (current.length > 0) result.push(`[${current.join(",")}]`);
  return result;
}

/**
 * Inserts archive rows into `table`. Only the columns the rows carry are written, so a column added
 * to this instance after the archive was made takes its default.
 */
export async function insertRows(db: Database, table: ArchiveTable, rows: ArchiveRow[]): Promise<void> {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const names = table.columns.map((candidate) => candidate.name).filter((name) => present.has(name));
  const list: SQL = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  for (const json of chunks(rows)) {
    await db.execute(sql`insert into ${table.table} (${list}) select ${list} from jsonb_populate_recordset(null::${table.table}, ${json}::jsonb)`);
  }
}
