import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import { dateInZone } from "@/server/lib/dates";
import type { TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findTaskForceIdBySlug } from "@/server/domains/taskForces";
import { ARCHIVE_MEDIA_TYPE, writeArchive, type ArchiveRow } from "./archive.format";
import { latestFrameworkVersionId, selectFrameworks, selectFrameworkVersions, selectPeople, selectRowsWhere } from "./archive.queries";
import {
  FRAMEWORK_VERSIONS_TABLE,
  FRAMEWORKS_TABLE,
  ROOT,
  ROOT_TABLE,
  TASK_FORCE_ID_COLUMN,
  TASK_FORCE_TABLES,
  USERS_TABLE,
  type ArchiveTable,
} from "./archive.tables";

/*
 * Moving one task force between instances, the export: every row of every task-force table (found
 * by walking the schema, archive.tables.ts), the people, frameworks and framework versions those
 * rows point at, and the documents' bytes, as one archive (archive.format.ts). The import is in
 * import.service.ts.
 */

export interface ExportedArchive {
  fileName: string;
  contentType: string;
  base64: string;
}

const hexToBase64 = (value: unknown) =>
  typeof value === "string" && value.startsWith("\\x") ? Buffer.from(value.slice(2), "hex").toString("base64") : value;

/** Bytes columns arrive from to_jsonb as "\x…" hex; the archive keeps them as base64 (a third of the size of hex). */
function encodeBytes(table: ArchiveTable, rows: ArchiveRow[]): ArchiveRow[] {
  const bytesColumns = table.columns.filter((column) => column.isBytes).map((column) => column.name);
  if (bytesColumns.length === 0) return rows;
  return rows.map((row) => ({ ...row, ...Object.fromEntries(bytesColumns.map((name) => [name, hexToBase64(row[name])])) }));
}

/** Values of the columns of `table` that point at `foreignTable` (single-column references). */
function referencedIds(table: ArchiveTable, rows: ArchiveRow[], foreignTable: string): string[] {
  const columns = table.references.filter((reference) => reference.foreignTable === foreignTable).flatMap((reference) => reference.columns);
  return rows.flatMap((row) => columns.map((name) => row[name]).filter((value): value is string => typeof value === "string"));
}

/**
 * Reads the whole task force at one moment (repeatable read) and records the export in its audit
 * log first, so the archive itself shows who exported it and when. `actorUserId` is null for the
 * command line, which the server's operator runs.
 */
async function buildArchive(taskForceId: string, actorUserId: string | null, now: Date): Promise<ExportedArchive> {
  const contents = await inTransaction(
    async (tx) => {
      const [root] = await selectRowsWhere(tx, ROOT, "id", taskForceId);
      if (!root) throw new DomainError("NOT_FOUND", "taskForceNotFound");
      await recordAudit(tx, { taskForceId, actorUserId }, { entity: "taskForce", entityId: taskForceId, action: "export" });
      const tables: { table: ArchiveTable; rows: ArchiveRow[] }[] = [];
      for (const table of TASK_FORCE_TABLES) {
        tables.push({ table, rows: encodeBytes(table, await selectRowsWhere(tx, table, TASK_FORCE_ID_COLUMN, taskForceId)) });
      }
      const all = [{ table: ROOT, rows: [root] }, ...tables];
      const userIds = new Set(all.flatMap(({ table, rows }) => referencedIds(table, rows, USERS_TABLE)));
      const versionIds = new Set(all.flatMap(({ table, rows }) => referencedIds(table, rows, FRAMEWORK_VERSIONS_TABLE)));
      const frameworkIds = new Set(all.flatMap(({ table, rows }) => referencedIds(table, rows, FRAMEWORKS_TABLE)));
      // The version the task force assesses with today, so the new instance offers the same one.
      for (const frameworkId of frameworkIds) {
        const latest = await latestFrameworkVersionId(tx, frameworkId);
        if (latest) versionIds.add(latest);
      }
      const versions = await selectFrameworkVersions(tx, [...versionIds]);
      for (const version of versions) frameworkIds.add(String(version.framework_id));
      return {
        root,
        people: await selectPeople(tx, [...userIds]),
        frameworks: await selectFrameworks(tx, [...frameworkIds]),
        versions,
        tables,
      };
    },
    { isolationLevel: "repeatable read" },
  );
  const slug = String(contents.root.slug);
  const bytes = await writeArchive({
    exportedAt: now,
    source: { application: "task-force-roadmap", url: process.env.NEXTAUTH_URL?.trim() || null },
    taskForce: { id: taskForceId, slug, name: String(contents.root.name) },
    tables: [
      { name: ROOT_TABLE, rows: [contents.root] },
      { name: USERS_TABLE, rows: contents.people },
      { name: FRAMEWORKS_TABLE, rows: contents.frameworks },
      { name: FRAMEWORK_VERSIONS_TABLE, rows: contents.versions },
      ...contents.tables.map(({ table, rows }) => ({ name: table.name, rows })),
    ],
  });
  return {
    // <slug>-<date in the task force's own zone>.zip
    fileName: `${slug}-${dateInZone(now, String(contents.root.time_zone))}.zip`,
    contentType: ARCHIVE_MEDIA_TYPE,
    base64: Buffer.from(bytes).toString("base64"),
  };
}

/** A coordinator downloads their whole task force. */
export function exportTaskForce(scope: TaskForceScope, now = currentTime()): Promise<ExportedArchive> {
  if (!can(scope.role, "taskForce.export")) throw new DomainError("FORBIDDEN", "forbidden");
  return buildArchive(scope.taskForceId, scope.userId, now);
}

/** The command line's export (`npm run admin -- export-task-force`): the operator of the server, no signed-in person. */
export async function exportTaskForceBySlug(slug: string, now = currentTime()): Promise<ExportedArchive> {
  const taskForceId = await findTaskForceIdBySlug(await getDb(), slug);
  if (!taskForceId) throw new DomainError("NOT_FOUND", "taskForceNotFound");
  return buildArchive(taskForceId, null, now);
}
