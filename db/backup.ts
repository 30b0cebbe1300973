import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import { finished } from "node:stream/promises";
import type { Database } from "./client";
import { ConfigError } from "./config";
import {
  assertEmptyInstance,
  clearStartUpRows,
  listTables,
  readInstance,
  schemaLevel,
  writeRows,
  type SchemaLevel,
  type TableInfo,
} from "./archive";

/*
 * The backup file: gzip'd JSON lines. The first line describes the archive, then each table (parents
 * first) is a line ["table", name, rowCount] followed by one line ["r", <row>] per row, and the last
 * line ["end", {table: rowCount}]. A file that ends early, or whose counts disagree, is refused.
 *
 *   {"format":"task-force-roadmap-backup","version":1,"createdAt":"…","schema":{"migrations":12,"latest":…},"database":"pglite"}
 */

export const BACKUP_FORMAT = "task-force-roadmap-backup";
export const BACKUP_VERSION = 1;
const BATCH_ROWS = 1000;

interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  schema: SchemaLevel;
  database: string;
}

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

/** Writes a consistent snapshot of the whole instance to `file` (via a temporary name, so a crash leaves no half file under it). */
export async function writeBackup(db: Database, kind: string, file: string, now: Date): Promise<BackupResult> {
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  try {
    const counts = await readInstance(db, {
      onStart: (_tables, level) => {
        const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), schema: level, database: kind };
        return write(JSON.stringify(header));
      },
      onTable: (table, rows) => write(JSON.stringify(["table", table.name, rows])),
      onRows: async (_table, rows) => {
        for (const row of rows) await write(`["r",${row}]`);
      },
    });
    await write(JSON.stringify(["end", counts]));
    gzip.end();
    await finished(out);
    await rename(partial, file);
    return { file, tables: Object.keys(counts).length, rows: Object.values(counts).reduce((sum, count) => sum + count, 0), bytes: out.bytesWritten };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Receives rows table by table and inserts them in batches; a self-referencing table in one statement. */
export class RowSink {
  private table: TableInfo | null = null;
  private pending: string[] = [];
  constructor(private readonly tx: Database) {}

  async startTable(table: TableInfo): Promise<void> {
    await this.flush();
    this.table = table;
  }

  async add(rows: string[]): Promise<void> {
    this.pending.push(...rows);
    if (this.table && !this.table.selfReferencing && this.pending.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.table && this.pending.length > 0) await writeRows(this.tx, this.table.name, this.pending);
    this.pending = [];
  }
}

const unreadable = (file: string, why: string) => new ConfigError(`${file} is not a usable Task Force Roadmap backup: ${why}.`);

function levelText(level: SchemaLevel): string {
  return `${level.migrations} migrations`;
}

/**
 * Brings a backup back into an empty instance (see assertEmptyInstance), all in one transaction: a
 * file that turns out to be truncated or damaged halfway changes nothing.
 */
export async function restoreBackup(db: Database, file: string, where: string): Promise<{ tables: number; rows: number }> {
  await assertEmptyInstance(db, where);
  const level = await schemaLevel(db);
  let lines: ReturnType<typeof createInterface>;
  try {
    const input = createReadStream(file);
    await once(input, "open");
    const gunzip = createGunzip();
    input.pipe(gunzip);
    input.on("error", (error) => gunzip.destroy(error));
    lines = createInterface({ input: gunzip, crlfDelay: Infinity });
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}.`);
  }
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    try {
      const result = await iterator.next();
      return result.done ? null : result.value;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw unreadable(file, code === "Z_BUF_ERROR" ? "it ends early (an incomplete copy?)" : `it is not a gzip file or is damaged (${code ?? (error as Error).message})`);
    }
  };

  const first = await next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first ?? "") as BackupHeader;
  } catch {
    throw unreadable(file, "its first line is not a backup header");
  }
  if (header.format !== BACKUP_FORMAT) throw unreadable(file, "it is not a backup written by npm run admin -- backup");
  if (header.version !== BACKUP_VERSION) throw unreadable(file, `it has format version ${header.version}, this version of the app reads ${BACKUP_VERSION}`);
  if (header.schema?.migrations !== level.migrations || Number(header.schema?.latest) !== level.latest) {
    throw new ConfigError(
      `the backup was written by a version of Task Force Roadmap with a different database schema (${levelText(header.schema)}; this one has ${levelText(level)}). Restore it with the version that wrote it, then upgrade.`,
    );
  }

  const tables = await listTables(db);
  const byName = new Map(tables.map((table) => [table.name, table]));
  return db.transaction(async (tx) => {
    await clearStartUpRows(tx, tables);
    const sink = new RowSink(tx);
    const counts: Record<string, number> = {};
    let current: { table: TableInfo; expected: number } | null = null;
    const closeTable = () => {
      if (current && counts[current.table.name] !== current.expected) {
        throw unreadable(file, `the table ${current.table.name} has ${counts[current.table.name]} rows where ${current.expected} were announced`);
      }
    };
    let batch: string[] = [];
    for (let line = await next(); line !== null; line = await next()) {
      if (line.startsWith('["r",')) {
        if (!current || !line.endsWith("]")) throw unreadable(file, "a row stands outside a table");
        batch.push(line.slice(5, -1));
        counts[current.table.name] = (counts[current.table.name] ?? 0) + 1;
        if (batch.length >= BATCH_ROWS) {
          await sink.add(batch);
          batch = [];
        }
        continue;
      }
      let control: unknown;
      try {
        control = JSON.parse(line);
      } catch {
        throw unreadable(file, "a line is damaged");
      }
      if (!Array.isArray(control)) throw unreadable(file, "a line is damaged");
      await sink.add(batch);
      batch = [];
      closeTable();
      if (control[0] === "table") {
        const table = byName.get(String(control[1]));
        if (!table) throw unreadable(file, `it has a table ${String(control[1])} this version does not know`);
        current = { table, expected: Number(control[2]) };
        counts[table.name] = 0;
        await sink.startTable(table);
      } else if (control[0] === "end") {
        await sink.flush();
        const announced = control[1] as Record<string, number>;
        for (const [name, rows] of Object.entries(announced)) {
          if ((counts[name] ?? 0) !== rows) throw unreadable(file, `the table ${name} has ${counts[name] ?? 0} rows where ${rows} were announced`);
        }
        if ((await next()) !== null) throw unreadable(file, "it goes on after its end");
        return { tables: Object.keys(counts).length, rows: Object.values(counts).reduce((sum, count) => sum + count, 0) };
      } else {
        throw unreadable(file, "a line is damaged");
      }
    }
    throw unreadable(file, "it ends early (an incomplete copy?)");
  });
}

/**
 * Copies every row of `source` into `target` (an empty instance at the same schema level), in one
 * transaction on the target. Used to move the embedded database to PostgreSQL.
 */
export async function copyInstance(source: Database, target: Database, where: string): Promise<Record<string, number>> {
  await assertEmptyInstance(target, where);
  const [from, to] = await Promise.all([schemaLevel(source), schemaLevel(target)]);
  if (from.migrations !== to.migrations || from.latest !== to.latest) {
    throw new ConfigError(`the two databases have different schemas (${levelText(from)} and ${levelText(to)}); migrate both with this version first.`);
  }
  return target.transaction(async (tx) => {
    const tables = await listTables(tx);
    await clearStartUpRows(tx, tables);
    const sink = new RowSink(tx);
    const counts = await readInstance(source, {
      onTable: (table) => sink.startTable(table),
      onRows: (_table, rows) => sink.add(rows),
    });
    await sink.flush();
    return counts;
  });
}
