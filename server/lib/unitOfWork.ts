/*
 * The one door from server code to the database. Services decide where a unit of work begins and
 * ends (one transaction for a change and its audit entry); queries (*.queries.ts) run the SQL with
 * the handle they are given. So a service never imports the driver, Drizzle or db/client: it takes
 * its handle and its transactions from here, and this is the one seam where the database handle a
 * request works with is chosen. ESLint refuses db/client, Drizzle and the drivers elsewhere in
 * server/ (eslint.config.mjs names the few files that open, close or copy the database itself).
 */
import type { PgTransactionConfig } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/client";

/** The handle services pass to queries; inside `inTransaction` it is the transaction's. */
export type { Database };

/** The process's shared handle, for work that needs no transaction: reads and single statements. */
export { getDb };

/**
 * Runs `work` in one transaction: everything it writes, audit entries included, lands or none of it.
 * `config` sets the isolation level where several reads must see one moment (an export).
 */
export async function inTransaction<T>(work: (tx: Database) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx), config);
}
