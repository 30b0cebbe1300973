import { copyInstance } from "./backup";
import { checksumTables } from "./archive";
import { openDatabase } from "./client";
import { ConfigError } from "./config";
import type { Database } from "./client";

export interface MoveResult {
  tables: number;
  rows: number;
  /** Tables whose row count or checksum differ after the copy (empty when the move is exact). */
  mismatched: string[];
}

/**
 * Moves the embedded database in `fromDir` to the empty PostgreSQL database at `toUrl`: both are
 * migrated by this version, every row is copied in one transaction on PostgreSQL, and then every
 * table's row count and checksum are compared. The folder is left as it was (the way back).
 * The folder's lock keeps a running server out while it is read.
 *
 * `prepareSource` brings the folder up to what this version's start-up creates after migrating
 * (the default framework), so that what is copied is what the app would have served. It is passed
 * in because that content belongs to the app's domains, which sit above this layer.
 */
export async function moveEmbeddedToPostgres(fromDir: string, toUrl: string, prepareSource: (db: Database) => Promise<unknown>): Promise<MoveResult> {
  if (!/^postgres(ql)?:\/\/.+/.test(toUrl)) throw new ConfigError("--to must be a PostgreSQL URL such as postgres://user:password@host:5432/roadmap.");
  const source = await openDatabase({ kind: "pglite", dataDir: fromDir });
  try {
    await source.migrate();
    await prepareSource(source.db);
    const target = await openDatabase({ kind: "postgres", url: toUrl });
    try {
      await target.migrate();
      const counts = await copyInstance(source.db, target.db, "the PostgreSQL database in --to");
      const [before, after] = await Promise.all([checksumTables(source.db), checksumTables(target.db)]);
      const mismatched = Object.keys({ ...before, ...after }).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
      return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((sum, count) => sum + count, 0), mismatched };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
