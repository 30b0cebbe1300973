import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { databaseHandle } from "@/db/client";
import { writeBackup } from "@/db/backup";
import type { JobRunSummary } from "@/db/schema";

/*
 * Nightly backups (BACKUP_DIR, kept BACKUP_KEEP deep): the scheduler runs this inside the server,
 * the one process that holds the embedded database, so no second process ever opens its folder.
 * The snapshot is one read-only transaction: on PostgreSQL nobody waits; on the embedded database
 * other requests wait for it (a few seconds for a typical task force).
 */

const PREFIX = "task-force-roadmap-";
const SUFFIX = ".backup.gz";

/** A file name that sorts by time: task-force-roadmap-20261205T070000Z.backup.gz */
export function backupFileName(now: Date): string {
  return `${PREFIX}${now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}${SUFFIX}`;
}

export async function runNightlyBackup(dir: string, keep: number, now: Date): Promise<JobRunSummary> {
  await mkdir(dir, { recursive: true });
  const handle = await databaseHandle();
  const result = await writeBackup(handle.db, handle.kind, path.join(dir, backupFileName(now)), now);
  const removed = await pruneBackups(dir, keep);
  return { file: path.basename(result.file), tables: result.tables, rows: result.rows, bytes: result.bytes, removed };
}

/** Deletes all but the newest `keep` backups this job wrote (other files in the folder are left alone). */
export async function pruneBackups(dir: string, keep: number): Promise<number> {
  const ours = (await readdir(dir)).filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX)).sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) await rm(path.join(dir, name), { force: true });
  return old.length;
}
