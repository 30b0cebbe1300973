import { mkdirSync } from "node:fs";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { databaseConfigFromEnv, MIGRATIONS_FOLDER, postgresConnectionOf, type DatabaseConfig } from "./config";
import { lockFolder } from "./folderLock";
import * as schema from "./schema";

/** One type for both drivers, so that no code outside this file knows which one is in use. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseConfig["kind"];
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Sees every statement before it runs; the benchmark (bench/) records each widget's SQL with it. The app sets none. */
  logger?: Logger;
}

export async function openDatabase(config: DatabaseConfig, options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (config.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const connection = postgresConnectionOf(config.url);
    const connect = (max: number) => postgres(connection.url, { max, onnotice: () => {}, ...(connection.host ? { host: connection.host } : {}) });
    const client = connect(10);
    return {
      db: drizzle(client, { schema, logger: options.logger }),
      kind: "postgres",
      async migrate() {
        // A single connection, so that the migrator's advisory lock and its DDL share one session.
        const migrationClient = connect(1);
        try {
          await migrate(drizzle(migrationClient), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await migrationClient.end();
        }
      },
      close: () => client.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite does not create its folder; an empty dataDir means in-memory (tests).
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process on it would corrupt it (db/folderLock.ts).
  const lock = config.dataDir ? lockFolder(config.dataDir) : null;
  let client: InstanceType<typeof PGlite>;
  try {
    client = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle({ client, schema, logger: options.logger });
  return {
    db,
    kind: "pglite",
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/*
 * The process-wide handle lives on globalThis: Next.js bundles instrumentation, route handlers and
 * server components separately, and two PGlite instances on one folder would corrupt it (PGlite has
 * no lock between openers; db/folderLock.ts refuses a second process, this a second opener within
 * one). It is opened lazily so that `next build` never touches the database.
 */
const holder = globalThis as typeof globalThis & { __taskForceRoadmapDb?: Promise<DatabaseHandle> };

export function databaseHandle(): Promise<DatabaseHandle> {
  holder.__taskForceRoadmapDb ??= openDatabase(databaseConfigFromEnv());
  return holder.__taskForceRoadmapDb;
}

export async function getDb(): Promise<Database> {
  return (await databaseHandle()).db;
}

/** Tests install their own isolated database before the first query runs. */
export function installDatabase(handle: DatabaseHandle): void {
  holder.__taskForceRoadmapDb = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const handle = holder.__taskForceRoadmapDb;
  holder.__taskForceRoadmapDb = undefined;
  if (handle) await (await handle).close();
}
