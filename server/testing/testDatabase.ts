import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { openDatabase, type DatabaseHandle, type DatabaseOptions } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/config";
import * as schema from "@/db/schema";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";

/**
 * Where a test file's database comes from: a PGlite data directory dumped after migrating, or a
 * migrated PostgreSQL template database. Without a template the copy is migrated from scratch.
 * Either way it holds what every start of the app creates (the default framework), as production does.
 */
export type TestDatabaseSource =
  | { kind: "pglite"; templateFile?: string }
  | { kind: "postgres"; adminUrl: string; templateName?: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The PostgreSQL database name, or "pglite" for an in-memory one. */
  name: string;
  /** Closes the connection and, for PostgreSQL, drops the database. Safe to call twice. */
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

/** A fresh, migrated database of its own for one test file (or one benchmark run). */
export async function createTestDatabase(source: TestDatabaseSource, options: DatabaseOptions = {}): Promise<TestDatabase> {
  if (source.kind === "postgres") {
    const name = uniqueName("tfr_test");
    await createPostgresDatabase(source.adminUrl, name, source.templateName);
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(source.adminUrl, name) }, options);
    const close = once(() => handle.close());
    const destroy = once(async () => {
      await close();
      await dropPostgresDatabase(source.adminUrl, name);
    });
    try {
      if (!source.templateName) {
        await handle.migrate();
        await ensureDefaultFramework(handle.db);
      }
    } catch (error) {
      await destroy();
      throw error;
    }
    return { handle: { ...handle, close }, name, destroy };
  }

  if (!source.templateFile) {
    const handle = await openDatabase({ kind: "pglite", dataDir: "" }, options);
    await handle.migrate();
    await ensureDefaultFramework(handle.db);
    const close = once(() => handle.close());
    return { handle: { ...handle, close }, name: "pglite", destroy: close };
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
