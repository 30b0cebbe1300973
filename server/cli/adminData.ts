/**
 * The data commands of `npm run admin` (admin.ts): backup, restore, move-to-postgres. Kept apart
 * from the account commands; each explains a problem in one sentence (thrown as ConfigError or
 * UsageError and printed by admin.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, databaseHandle } from "@/db/client";
import { backupFileName } from "@/server/domains/jobs/backup.service";
import { restoreBackup, writeBackup } from "@/db/backup";
import { ConfigError, databaseConfigFromEnv } from "@/db/config";
import { moveEmbeddedToPostgres } from "@/db/move";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { currentTime } from "@/server/lib/clock";

export const DATA_HELP = `  npm run admin -- backup [--out <file>]
      Writes a consistent, compressed backup of the whole instance (every table, documents
      included) to <file>, by default task-force-roadmap-<date and time>.backup.gz in the current
      folder. On PostgreSQL it runs beside the running servers; on the embedded database the
      server must be stopped (or let the server write nightly backups: BACKUP_DIR).
  npm run admin -- restore <file>
      Brings a backup back into an empty instance (a new PGLITE_DIR folder or a new PostgreSQL
      database), all or nothing. Refuses an instance that has accounts or task forces.
  npm run admin -- move-to-postgres --to <postgres URL> [--from <folder>]
      Copies the embedded database (PGLITE_DIR, or --from) into an empty PostgreSQL database and
      checks every table's row count and checksum. Stop the server first; afterwards set
      DATABASE_URL to that URL and start again. The folder is left unchanged.
`;

/** A mistake in how a command was called; admin.ts prints it in one line. */
export class DataUsageError extends Error {}

function parse<T extends Record<string, { type: "string" }>>(args: string[], options: T, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new DataUsageError(`${(error as Error).message.split("\n")[0]} (see npm run admin -- help).`);
  }
}

function where(): string {
  const config = databaseConfigFromEnv();
  return config.kind === "postgres" ? "the PostgreSQL database in DATABASE_URL" : `the embedded database in ${config.dataDir}`;
}

const megabytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export async function backupCommand(args: string[]): Promise<void> {
  const { values } = parse(args, { out: { type: "string" } });
  const now = currentTime();
  const file = path.resolve(values.out?.trim() || backupFileName(now));
  if (existsSync(file)) throw new DataUsageError(`${file} exists already; choose another --out.`);
  process.env.TFR_PROCESS_ROLE ||= "npm run admin -- backup";
  const handle = await databaseHandle();
  try {
    await handle.migrate();
    const result = await writeBackup(handle.db, handle.kind, file, now);
    console.log(`Backed up ${where()}: ${result.rows} rows in ${result.tables} tables, ${megabytes(result.bytes)}, to ${file}.`);
    if (handle.kind === "postgres") console.log("For the PostgreSQL server as a whole, pg_dump remains the standard tool (see README).");
  } finally {
    await closeDatabase().catch(() => {});
  }
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals } = parse(args, {}, true);
  const [file, extra] = positionals;
  if (!file || extra) throw new DataUsageError("name one backup file, e.g. npm run admin -- restore task-force-roadmap-20261205T070000Z.backup.gz.");
  if (!existsSync(file)) throw new DataUsageError(`${file} does not exist.`);
  process.env.TFR_PROCESS_ROLE ||= "npm run admin -- restore";
  const handle = await databaseHandle();
  try {
    await handle.migrate();
    await ensureDefaultFramework(handle.db);
    const result = await restoreBackup(handle.db, path.resolve(file), where());
    console.log(`Restored ${result.rows} rows in ${result.tables} tables from ${file} into ${where()}.`);
  } finally {
    await closeDatabase().catch(() => {});
  }
}

export async function moveToPostgresCommand(args: string[]): Promise<void> {
  const { values } = parse(args, { to: { type: "string" }, from: { type: "string" } });
  const to = values.to?.trim();
  if (!to) throw new DataUsageError("--to is required, e.g. npm run admin -- move-to-postgres --to postgres://roadmap:…@db.internal:5432/roadmap.");
  const fromDir = path.resolve(values.from?.trim() || process.env.PGLITE_DIR?.trim() || ".data/pglite");
  if (!existsSync(fromDir)) throw new ConfigError(`there is no embedded database in ${fromDir}; name it with --from or PGLITE_DIR.`);
  process.env.TFR_PROCESS_ROLE ||= "npm run admin -- move-to-postgres";
  const result = await moveEmbeddedToPostgres(fromDir, to, ensureDefaultFramework);
  if (result.mismatched.length > 0) {
    throw new ConfigError(`the copy differs from the original in ${result.mismatched.join(", ")}; do not switch to PostgreSQL, and report this as a bug.`);
  }
  console.log(
    `Moved ${result.rows} rows in ${result.tables} tables from ${fromDir} to PostgreSQL; every table's row count and checksum match. Set DATABASE_URL to that URL and start the server; keep ${fromDir} until you are sure.`,
  );
}
