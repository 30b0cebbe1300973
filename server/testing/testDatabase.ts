import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/config";
import * as schema from "@/db/schema";
import { sql } from "drizzle-orm";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";

/**
 * Where a test file's database comes from: a PGlite data directory dumped after migrating, or a
 * migrated PostgreSQL template database. Without a template the copy is migrated from scratch.
 * Either way it holds what every start of the app creates (the default framework), as production does.
 * An embedded one lives in memory, or (for a benchmark that hands it to a server afterwards) in
 * `dataDir`, a new folder.
 */
export type TestDatabaseSource =
  | { kind: "pglite"; templateFile?: string; dataDir?: string }
  | { kind: "postgres"; adminUrl: string; templateName?: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The PostgreSQL database name, or the embedded one's folder ("pglite" in memory). */
  name: string;
  /** Closes the connection and drops the database (for PostgreSQL) or removes its folder. Safe to call twice. */
  destroy(): Promise<void>;
}

function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;

/** The URL of `database` on the same server as `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
async function withAdmin<T>(adminUrl: string, work: (run: (statement: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work((statement) => admin.unsafe(statement));
  } finally {
    await admin.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** 55006: "source database is being accessed by other users", when two workers copy one template at once. */
const isObjectInUse = (error: unknown) => (error as { code?: unknown } | null)?.code === "55006";

async function createPostgresDatabase(adminUrl: string, name: string, templateName?: string) {
  const statement = `CREATE DATABASE ${quoteIdent(name)}${templateName ? ` TEMPLATE ${quoteIdent(templateName)}` : ""}`;
  await withAdmin(adminUrl, async (run) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await run(statement);
        return;
      } catch (error) {
        if (!isObjectInUse(error) || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (run) => run(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * A database just opened, made as every start of the app makes it (migrated, with the default
 * framework) unless it was copied from a template that is; `remove` drops it once it is closed,
 * and does so at once when making it fails.
 */
async function madeDatabase(handle: DatabaseHandle, name: string, remove: () => Promise<void>, fromTemplate: boolean): Promise<TestDatabase> {
  const close = once(() => handle.close());
  const destroy = once(async () => {
    await close();
    await remove();
  });
  try {
    if (!fromTemplate) {
      await handle.migrate();
      await ensureDefaultFramework(handle.db);
    }
  } catch (error) {
    await destroy();
    throw error;
  }
  return { handle: { ...handle, close }, name, destroy };
}

/** A fresh, migrated database of its own for one test file (or one benchmark run). */
export async function createTestDatabase(source: TestDatabaseSource, options: DatabaseOptions = {}): Promise<TestDatabase> {
  if (source.kind === "postgres") {
    const name = uniqueName("tfr_test");
    await createPostgresDatabase(source.adminUrl, name, source.templateName);
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(source.adminUrl, name) }, options);
    return madeDatabase(handle, name, () => dropPostgresDatabase(source.adminUrl, name), Boolean(source.templateName));
  }

  if (!source.templateFile) {
    const dataDir = source.dataDir ?? "";
    const handle = await openDatabase({ kind: "pglite", dataDir }, options);
    const removeFolder = async () => {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    };
    return madeDatabase(handle, dataDir || "pglite", removeFolder, false);
  }

  // Loading a dumped data directory skips initdb and the migrations: about four times faster.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create({ loadDataDir: new Blob([await readFile(source.templateFile)]) });
  const db = drizzle({ client, schema, logger: options.logger });
  const close = once(() => client.close());
  return {
    handle: { db, kind: "pglite", migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }), close },
    name: "pglite",
    destroy: close,
  };
}

/**
 * The embedded database that the test files of one worker take turns with, and the tables it had
 * when it was loaded. Loading the template's dump costs about two seconds, most of the PGlite suite's
 * time over some seventy files; emptying every table costs about a tenth of that.
 */
let sharedPglite: { database: TestDatabase; objects: string[] } | undefined;

/**
 * What a test file could add to the schema and leave behind: relations (tables, indexes, views),
 * functions and triggers. Each as "kind:name", sorted.
 */
async function schemaObjects(database: TestDatabase): Promise<string[]> {
  const result = await database.handle.db.execute(sql`
    SELECT relkind::text || ':' || relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace
    UNION ALL SELECT 'function:' || proname::text FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    UNION ALL SELECT 'trigger:' || tgname::text FROM pg_trigger WHERE NOT tgisinternal
    ORDER BY 1`);
  // Embedded only: PGlite answers { rows }.
  return (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
}

/**
 * The shared embedded database as a fresh copy of the template would be: every table emptied and the
 * default framework added again. A file that changed the schema (a table, function or trigger of its
 * own) leaves nothing behind: the next file loads the template anew instead.
 */
async function resetSharedPglite(shared: { database: TestDatabase; objects: string[] }): Promise<boolean> {
  const objects = await schemaObjects(shared.database);
  if (objects.join() !== shared.objects.join()) return false;
  const tables = objects.filter((object) => object.startsWith("r:")).map((object) => object.slice(2));
  const list = tables.map((table) => `"${table.replaceAll('"', '""')}"`).join(", ");
  await shared.database.handle.db.execute(sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
  await ensureDefaultFramework(shared.database.handle.db);
  return true;
}

/** The database one integration test file runs on, and how to let it go when the file is done. */
export interface TestFileDatabase {
  handle: DatabaseHandle;
  /** Closes (and drops) the file's own database; leaves a shared embedded one open for the next file. */
  release(): Promise<void>;
}

/**
 * A database for one test file that starts as a fresh copy of the template. On PostgreSQL each file
 * copies the template database (a fraction of a second). Embedded, the files of one worker (they run
 * one after another, isolate: false) share one database emptied between them, since loading a copy
 * costs far more than emptying one; a worker's own module graph (isolated files) loads its own.
 */
export async function databaseForTestFile(source: TestDatabaseSource): Promise<TestFileDatabase> {
  if (source.kind === "pglite" && source.templateFile) {
    if (sharedPglite && !(await resetSharedPglite(sharedPglite))) {
      await sharedPglite.database.destroy();
      sharedPglite = undefined;
    }
    if (!sharedPglite) {
      const database = await createTestDatabase(source);
      sharedPglite = { database, objects: await schemaObjects(database) };
    }
    return { handle: sharedPglite.database.handle, release: async () => {} };
  }
  const database = await createTestDatabase(source);
  return { handle: database.handle, release: () => database.destroy() };
}

/** Migrates an in-memory PGlite once (and adds the default framework) and writes its data directory to `file`, for createTestDatabase to load. */
export async function writePgliteTemplate(file: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  try {
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await ensureDefaultFramework(db);
    const dump = await client.dumpDataDir("none");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/** Creates and migrates a template database on the server of `adminUrl`; returns its name. */
export async function createPostgresTemplate(adminUrl: string): Promise<string> {
  const name = uniqueName("tfr_tpl");
  await createPostgresDatabase(adminUrl, name);
  try {
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(adminUrl, name) });
    try {
      await handle.migrate();
      await ensureDefaultFramework(handle.db);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dropPostgresDatabase(adminUrl, name);
    throw error;
  }
  return name;
}
