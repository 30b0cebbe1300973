import { is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

/*
 * Which tables make up one task force, read from the Drizzle schema itself rather than listed by
 * hand, so that a table added tomorrow is exported, remapped and imported without anyone editing
 * this domain. A task-force table is one with a `task_force_id` column; the rows it points at
 * outside the task force (people, framework versions) travel with it as reference tables.
 */

export const TASK_FORCE_ID_COLUMN = "task_force_id";

/** A foreign key as the archive needs it: which columns of this table point at which table. */
export interface ArchiveReference {
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
}

export interface ArchiveColumn {
  name: string;
  isUuid: boolean;
  /** Raw bytes: base64 in the archive, bytea in the database. */
  isBytes: boolean;
}

export interface ArchiveTable {
  name: string;
  table: PgTable;
  columns: ArchiveColumn[];
  /** The single uuid primary key column, when the table has one; its values get new ids on import. */
  idColumn: string | null;
  /** Primary key columns, for a stable row order in the archive. */
  primaryKey: string[];
  references: ArchiveReference[];
  /**
   * Columns whose value must be unique across the whole instance (not per task force) and are not
   * ids: token hashes, reminder dedupe keys. Importing a copy into the instance it came from would
   * collide on them, so a colliding value is retired (see import.service.ts).
   */
  globallyUnique: string[];
}

/** Tables that hold platform data a task force refers to; each needs its own rule on import. */
export const ROOT_TABLE = "task_forces";
export const USERS_TABLE = "users";
export const FRAMEWORKS_TABLE = "frameworks";
export const FRAMEWORK_VERSIONS_TABLE = "framework_versions";

function columnsOf(table: PgTable): PgColumn[] {
  return getTableConfig(table).columns;
}

function describe(table: PgTable): ArchiveTable {
  const config = getTableConfig(table);
  const columns = config.columns.map((column) => ({
    name: column.name,
    isUuid: column.getSQLType() === "uuid",
    isBytes: column.getSQLType() === "bytea",
  }));
  const singlePrimary = config.columns.filter((column) => column.primary);
  const compositePrimary = config.primaryKeys[0]?.columns ?? [];
  const primaryKey = (singlePrimary.length > 0 ? singlePrimary : compositePrimary).map((column) => column.name);
  const idColumn = singlePrimary.length === 1 && singlePrimary[0]?.getSQLType() === "uuid" && singlePrimary[0].name !== TASK_FORCE_ID_COLUMN ? singlePrimary[0].name : null;
  const references = config.foreignKeys.map((foreignKey) => {
    const reference = foreignKey.reference();
    return {
      columns: reference.columns.map((column) => column.name),
      foreignTable: getTableConfig(reference.foreignTable).name,
      foreignColumns: reference.foreignColumns.map((column) => column.name),
    };
  });
  const uuidColumns = new Set(columns.filter((column) => column.isUuid).map((column) => column.name));
  const uniqueSets = [
    ...config.columns.filter((column) => column.isUnique).map((column) => [column.name]),
    ...config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name)),
    ...config.indexes
      .filter((index) => index.config.unique)
      .map((index) => index.config.columns.map((column) => ("name" in column && typeof column.name === "string" ? column.name : ""))),
  ];
  // A unique set that includes the task force or a (remapped, so fresh) id cannot collide on import.
  const globallyUnique = uniqueSets
    .filter((set) => set.length === 1 && set[0] && !uuidColumns.has(set[0]))
    .map((set) => set[0] as string);
  return { name: config.name, table, columns, idColumn, primaryKey, references, globallyUnique: [...new Set(globallyUnique)] };
}

export const ALL_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

/**
 * Tables with a `task_force_id` that are this installation's own, not what the task force did:
 * which scheduled job ran here, and when; which of this installation's funding programs cover the
 * task force (programs are platform data, and another installation gives its funders access its
 * own way). Another installation keeps its own.
 */
export const INSTANCE_TABLES: readonly string[] = ["job_runs", "funding_program_task_forces"];

function isTaskForceTable(table: PgTable): boolean {
  return !INSTANCE_TABLES.includes(getTableConfig(table).name) && columnsOf(table).some((column) => column.name === TASK_FORCE_ID_COLUMN);
}

/** Orders tables so that every table comes after the task-force tables its foreign keys point at. */
function inDependencyOrder(tables: ArchiveTable[]): ArchiveTable[] {
  const names = new Set(tables.map((table) => table.name));
  const ordered: ArchiveTable[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      table.references.every((reference) => !names.has(reference.foreignTable) || reference.foreignTable === table.name || placed.has(reference.foreignTable)),
    );
    if (ready.length === 0) {
      throw new Error(`task force archive: the foreign keys of ${remaining.map((table) => table.name).join(", ")} form a cycle; break it before exporting`);
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** Every table carrying `task_force_id`, parents before children: the order rows are inserted on import. */
export const TASK_FORCE_TABLES: ArchiveTable[] = inDependencyOrder(ALL_TABLES.filter(isTaskForceTable).map(describe));

const byName = new Map(ALL_TABLES.map((table) => [getTableConfig(table).name, table]));

export function tableNamed(name: string): ArchiveTable {
  const table = byName.get(name);
  if (!table) throw new Error(`no table ${name} in db/schema`);
  return describe(table);
}

export const ROOT = tableNamed(ROOT_TABLE);

/** The reference tables (users, frameworks, framework versions) and the root, for the coverage test. */
export const REFERENCE_TABLES = [ROOT_TABLE, USERS_TABLE, FRAMEWORKS_TABLE, FRAMEWORK_VERSIONS_TABLE] as const;

/**
 * Tables whose rows belong to a task force but would be left out of its archive: any table without
 * a `task_force_id` column that has a foreign key to the task force or to one of its tables.
 * Empty when the archive covers the schema; the coverage test asserts that.
 */
export function uncoveredTables(tables: PgTable[] = ALL_TABLES): string[] {
  const taskForceNames = new Set(tables.filter(isTaskForceTable).map((table) => getTableConfig(table).name));
  const problems: string[] = [];
  for (const table of tables) {
    const described = describe(table);
    if (taskForceNames.has(described.name) || described.name === ROOT_TABLE || INSTANCE_TABLES.includes(described.name)) continue;
    for (const reference of described.references) {
      if (taskForceNames.has(reference.foreignTable) || reference.foreignTable === ROOT_TABLE) {
        problems.push(`${described.name}: points at ${reference.foreignTable} but has no task_force_id, so its rows would be left behind`);
      }
    }
  }
  return problems;
}
