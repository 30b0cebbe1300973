import { createHash } from "node:crypto";
import JSZip from "jszip";
import { z } from "zod";
import { DomainError } from "@/server/errors";

/*
 * The task force archive file: a ZIP (any operating system opens one) holding manifest.json and one
 * JSON file per table under tables/. The manifest names the format and its version, when and where
 * the archive was made, and for each table its file, row count and the SHA-256 of the file's bytes,
 * so a damaged or edited archive is refused before anything is written. README.md documents it.
 * Checksums prove integrity, not authorship: whoever can edit the files can rewrite the manifest.
 */

export const ARCHIVE_FORMAT = "task-force-roadmap/task-force-archive";
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_MEDIA_TYPE = "application/zip";
/** The largest archive an import reads (compressed); documents make up most of an archive's size. */
export const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

/** One row as it is stored in a table file: SQL column names → JSON values (see README). */
export type ArchiveRow = Record<string, unknown>;

export interface ArchiveTableEntry {
  name: string;
  file: string;
  rows: number;
  sha256: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_FORMAT_VERSION;
  exportedAt: string;
  source: { application: "task-force-roadmap"; url: string | null };
  taskForce: { id: string; slug: string; name: string };
  tables: ArchiveTableEntry[];
}

export interface TaskForceArchive {
  manifest: ArchiveManifest;
  /** Rows by table name, in the order the manifest lists the tables. */
  tables: Map<string, ArchiveRow[]>;
}

export const tableFile = (name: string) => `tables/${name}.json`;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** One row per line, so that a person can read the file and a diff of two archives stays small. */
export function tableJson(rows: ArchiveRow[]): string {
  return rows.length === 0 ? "[]\n" : `[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]\n`;
}

export async function writeArchive(contents: {
  exportedAt: Date;
  source: ArchiveManifest["source"];
  taskForce: ArchiveManifest["taskForce"];
  tables: { name: string; rows: ArchiveRow[] }[];
}): Promise<Uint8Array> {
  const zip = new JSZip();
  // A fixed timestamp on every entry: the same data gives the same bytes.
  const date = contents.exportedAt;
  const entries: ArchiveTableEntry[] = [];
  const files: [string, Uint8Array][] = [];
  for (const { name, rows } of contents.tables) {
    const bytes = new TextEncoder().encode(tableJson(rows));
    const file = tableFile(name);
    entries.push({ name, file, rows: rows.length, sha256: sha256(bytes) });
    files.push([file, bytes]);
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_FORMAT_VERSION,
    exportedAt: contents.exportedAt.toISOString(),
    source: contents.source,
    taskForce: contents.taskForce,
    tables: entries,
  };
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date });
  // Folders too: JSZip would otherwise add each one with the current time, and two exports of the
  // same data a second apart would differ in those bytes.
  const folders = files.flatMap(([file]) => [...file.matchAll(/\//g)].map((slash) => file.slice(0, (slash.index ?? 0) + 1)));
  for (const folder of new Set(folders)) {
    zip.file(folder, null, { dir: true, date });
  }
  for (const [file, bytes] of files) zip.file(file, bytes, { date });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

const ManifestHeader = z.object({ format: z.unknown(), version: z.unknown() });

const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_FORMAT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  source: z.object({ application: z.literal("task-force-roadmap"), url: z.string().max(2000).nullable() }),
  taskForce: z.object({ id: z.uuid(), slug: z.string().min(1).max(64), name: z.string().min(1).max(500) }),
  tables: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
        file: z.string().min(1).max(200),
        rows: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(500),
});

const unreadable = () => new DomainError("INVALID", "archiveUnreadable", {}, "file");
const wrongFormat = () => new DomainError("INVALID", "archiveWrongFormat", {}, "file");

/**
 * Opens an archive and checks it against its manifest: the format and version, and for every table
 * file that it is present, unchanged (SHA-256), a JSON array of objects and as long as the manifest
 * says. Any problem is one DomainError with a sentence for the person importing.
 */
export async function readArchive(bytes: Uint8Array): Promise<TaskForceArchive> {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) {
    throw new DomainError("INVALID", "archiveTooLarge", { maxMegabytes: MAX_ARCHIVE_BYTES / (1024 * 1024) }, "file");
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    throw unreadable();
  }
  const manifestFile = zip.file("manifest.json");
  if (!manifestFile) throw wrongFormat();
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(await manifestFile.async("string"));
  } catch {
    throw wrongFormat();
  }
  const header = ManifestHeader.safeParse(manifestJson);
  if (!header.success || header.data.format !== ARCHIVE_FORMAT) throw wrongFormat();
  if (header.data.version !== ARCHIVE_FORMAT_VERSION) {
    throw new DomainError(
      "INVALID",
      "archiveUnsupportedVersion",
      { version: typeof header.data.version === "number" ? header.data.version : String(header.data.version), supported: ARCHIVE_FORMAT_VERSION },
      "file",
    );
  }
  const parsed = ManifestSchema.safeParse(manifestJson);
  if (!parsed.success) throw wrongFormat();
  const manifest = parsed.data as ArchiveManifest;

  const tables = new Map<string, ArchiveRow[]>();
  for (const entry of manifest.tables) {
    if (tables.has(entry.name)) throw wrongFormat();
    const file = zip.file(entry.file);
    if (!file) throw new DomainError("INVALID", "archiveIncomplete", { file: entry.file }, "file");
    let content: Uint8Array;
    try {
      content = await file.async("uint8array");
    } catch {
      throw unreadable();
    }
    if (sha256(content) !== entry.sha256) throw new DomainError("INVALID", "archiveTampered", { file: entry.file }, "file");
    let rows: unknown;
    try {
      rows = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(content));
    } catch {
      throw wrongFormat();
    }
    if (!Array.isArray(rows) || !rows.every((row) => typeof row === "object" && row !== null && !Array.isArray(row))) throw wrongFormat();
    if (rows.length !== entry.rows) throw new DomainError("INVALID", "archiveTampered", { file: entry.file }, "file");
    tables.set(entry.name, rows as ArchiveRow[]);
  }
  return { manifest, tables };
}
