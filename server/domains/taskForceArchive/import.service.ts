import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { inTransaction, type Database } from "@/server/lib/unitOfWork";
import type { FrameworkContent } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { DomainError } from "@/server/errors";
import { currentTime } from "@/server/lib/clock";
import type { SessionUser } from "@/server/trpc/context";
import { TASK_FORCE_SLUG_PATTERN } from "@/server/trpc/init";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { insertUser, findUserIdByEmail } from "@/server/domains/account";
import { FRAMEWORK_KEY_PATTERN, FrameworkContentSchema } from "@/server/domains/frameworks/frameworks.schemas";
import { findFrameworkByKey, insertFramework, insertNextFrameworkVersion } from "@/server/domains/frameworks";
import { EmailAddress } from "@/server/lib/schemas";
import { findTaskForceIdBySlug } from "@/server/domains/taskForces";
import { readArchive, type ArchiveRow, type TaskForceArchive } from "./archive.format";
import { existingValues, findUsersByEmail, insertRows, versionContentsOfFramework } from "./archive.queries";
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
 * Moving one task force between instances, the import: it checks the whole archive first, then, in
 * one transaction, matches people by email (or creates them without a usable password), matches
 * framework versions by content (or adds them), gives every row a new id and writes the rows
 * parents first. Anything wrong refuses the whole archive. The export is in archive.service.ts.
 */


export interface ImportedPerson {
  email: string;
  name: string;
}

export interface ImportResult {
  taskForce: { id: string; slug: string; name: string };
  /** People who already had an account here (matched by email) and people created without a password. */
  people: { matched: ImportedPerson[]; created: ImportedPerson[] };
  frameworkVersions: { matched: { key: string; version: number }[]; added: { key: string; version: number }[] };
  tables: { name: string; rows: number }[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isUuid = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const PersonRow = z.strictObject({ id: z.uuid(), email: EmailAddress, name: z.string().trim().min(1).max(200) });
const FrameworkRow = z.strictObject({
  id: z.uuid(),
  key: z.string().min(1).max(64).regex(FRAMEWORK_KEY_PATTERN),
  name: z.string().trim().min(1).max(160),
  description: z.string().max(2000),
  created_at: z.string(),
});
const FrameworkVersionRow = z.strictObject({
  id: z.uuid(),
  framework_id: z.uuid(),
  version: z.number().int().min(1),
  content: FrameworkContentSchema,
  wording_note: z.string().max(500),
  created_at: z.string(),
});

/** JSON with sorted keys, so that two equal framework contents hash alike however their keys were ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
export const contentHash = (content: unknown) => createHash("sha256").update(canonicalJson(content)).digest("hex");

const invalid = (messageKey: string, values: Record<string, string | number> = {}) => new DomainError("INVALID", messageKey, values, "file");

interface CheckedArchive {
  archive: TaskForceArchive;
  root: ArchiveRow;
  people: z.infer<typeof PersonRow>[];
  frameworks: z.infer<typeof FrameworkRow>[];
  versions: (z.infer<typeof FrameworkVersionRow> & { content: FrameworkContent })[];
  tables: { table: ArchiveTable; rows: ArchiveRow[] }[];
}

/**
 * Everything that can be checked before writing: known tables and columns, one task force, every
 * record of that task force (a row naming another tenant refuses the archive), people and
 * frameworks well formed, and every foreign key pointing at a row the archive carries.
 */
function checkArchive(archive: TaskForceArchive): CheckedArchive {
  const sourceId = archive.manifest.taskForce.id;
  const known = new Map(TASK_FORCE_TABLES.map((table) => [table.name, table]));
  for (const name of archive.tables.keys()) {
    if (!known.has(name) && ![ROOT_TABLE, USERS_TABLE, FRAMEWORKS_TABLE, FRAMEWORK_VERSIONS_TABLE].includes(name)) {
      throw invalid("archiveUnknownTable", { table: name });
    }
  }
  const rootRows = archive.tables.get(ROOT_TABLE);
  if (!rootRows || rootRows.length !== 1 || !rootRows[0]) throw invalid("archiveWrongFormat");
  const root = rootRows[0];
  if (root.id !== sourceId) throw invalid("archiveForeignRecord", { table: ROOT_TABLE });

  const parseAll = <T>(table: string, schema: z.ZodType<T>, messageKey: string): T[] =>
    (archive.tables.get(table) ?? []).map((row) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) throw invalid(messageKey, { table });
      return parsed.data;
    });
  const people = parseAll(USERS_TABLE, PersonRow, "archiveInvalidPerson");
  if (new Set(people.map((person) => person.email)).size !== people.length) throw invalid("archiveInvalidPerson");
  const frameworks = parseAll(FRAMEWORKS_TABLE, FrameworkRow, "archiveInvalidFramework");
  // Validated as the framework import would, but kept exactly as exported, so its content hash is the source's.
  const versions = parseAll(FRAMEWORK_VERSIONS_TABLE, FrameworkVersionRow, "archiveInvalidFramework").map((version, index) => ({
    ...version,
    content: archive.tables.get(FRAMEWORK_VERSIONS_TABLE)?.[index]?.content as FrameworkContent,
  }));

  const tables = TASK_FORCE_TABLES.map((table) => ({ table, rows: archive.tables.get(table.name) ?? [] }));
  const idsOf = new Map<string, Set<string>>([
    [ROOT_TABLE, new Set([sourceId])],
    [USERS_TABLE, new Set(people.map((person) => person.id))],
    [FRAMEWORKS_TABLE, new Set(frameworks.map((framework) => framework.id))],
    [FRAMEWORK_VERSIONS_TABLE, new Set(versions.map((version) => version.id))],
  ]);
  for (const { table, rows } of tables) {
    const columns = new Set(table.columns.map((column) => column.name));
    for (const row of rows) {
      for (const key of Object.keys(row)) if (!columns.has(key)) throw invalid("archiveUnknownColumn", { table: table.name, column: key });
      if (row[TASK_FORCE_ID_COLUMN] !== sourceId) throw invalid("archiveForeignRecord", { table: table.name });
      if (table.idColumn && !isUuid(row[table.idColumn])) throw invalid("archiveInvalidRecord", { table: table.name });
    }
    if (table.idColumn) idsOf.set(table.name, new Set(rows.map((row) => String(row[table.idColumn as string]))));
  }
  for (const version of versions) {
    if (!idsOf.get(FRAMEWORKS_TABLE)?.has(version.framework_id)) throw invalid("archiveDanglingReference", { table: FRAMEWORK_VERSIONS_TABLE, column: "framework_id" });
  }
  for (const { table, rows } of [{ table: ROOT, rows: [root] }, ...tables]) {
    for (const reference of table.references) {
      reference.columns.forEach((name, index) => {
        if (name === TASK_FORCE_ID_COLUMN) return;
        const targets = idsOf.get(reference.foreignTable);
        // A reference to a table without a uuid id (none today) cannot be checked here; the database still checks it.
        if (!targets || reference.foreignColumns[index] === TASK_FORCE_ID_COLUMN) return;
        for (const row of rows) {
          const value = row[name];
          if (value !== null && value !== undefined && !targets.has(String(value))) {
            throw invalid("archiveDanglingReference", { table: table.name, column: name });
          }
        }
      });
    }
  }
  return { archive, root, people, frameworks, versions, tables };
}

/** The SQLSTATE of a database error, looked for along drizzle's `cause` chain. */
function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = cause;
  }
  return null;
}

export interface ImportInput {
  archive: Uint8Array;
  /** The new task force's short name; the archive's own when omitted. */
  slug?: string;
}

/**
 * Imports an archive as a new task force; returns what was imported and, for tests, how ids were
 * remapped. `actorUserId` is the administrator, or null for the command line.
 */
export async function importArchive(actorUserId: string | null, input: ImportInput, now = currentTime()): Promise<{ result: ImportResult; idMap: Map<string, string> }> {
  const checked = checkArchive(await readArchive(input.archive));
  const { archive, root } = checked;
  const sourceSlug = archive.manifest.taskForce.slug;
  const slug = (input.slug ?? sourceSlug).trim().toLowerCase();
  if (!TASK_FORCE_SLUG_PATTERN.test(slug) || slug.length > 48) throw new DomainError("INVALID", "archiveSlugInvalid", { slug }, "slug");

  const newTaskForceId = randomUUID();
  const idMap = new Map<string, string>([[archive.manifest.taskForce.id, newTaskForceId]]);
  const result: ImportResult = {
    taskForce: { id: newTaskForceId, slug, name: String(root.name) },
    people: { matched: [], created: [] },
    frameworkVersions: { matched: [], added: [] },
    tables: checked.tables.map(({ table, rows }) => ({ name: table.name, rows: rows.length })),
  };
  // People created here get a password hash of a secret nobody keeps: they cannot sign in until they set one.
  const unusablePasswordHash = checked.people.length > 0 ? await hashPassword(randomBytes(32).toString("base64url")) : "";

  const slugPath = new RegExp(`/tf/${sourceSlug.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9-])`, "g");
  const remapText = (text: string) => text.replace(UUID, (id) => idMap.get(id.toLowerCase()) ?? id).replace(slugPath, `/tf/${slug}`);
  const remapDeep = (value: unknown): unknown => {
    if (typeof value === "string") return remapText(value);
    if (Array.isArray(value)) return value.map(remapDeep);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [remapText(key), remapDeep(inner)]));
    return value;
  };
  const remapRow = (table: ArchiveTable, row: ArchiveRow): ArchiveRow => {
    const out: ArchiveRow = {};
    for (const column of table.columns) {
      if (!(column.name in row)) continue;
      const value = row[column.name];
      if (column.name === TASK_FORCE_ID_COLUMN) out[column.name] = newTaskForceId;
      else if (column.isBytes) out[column.name] = typeof value === "string" ? `\\x${Buffer.from(value, "base64").toString("hex")}` : value;
      else if (column.isUuid) out[column.name] = typeof value === "string" ? (idMap.get(value.toLowerCase()) ?? value) : value;
      else out[column.name] = remapDeep(value);
    }
    return out;
  };

  let currentTable = ROOT_TABLE;
  try {
    await inTransaction(async (tx) => {
      if (await findTaskForceIdBySlug(tx, slug)) throw new DomainError("CONFLICT", "slugTaken", { slug }, "slug");
      await importFrameworks(tx, actorUserId, checked, idMap, result);
      await importPeople(tx, checked, idMap, result, unusablePasswordHash);
      for (const { table, rows } of checked.tables) {
        if (!table.idColumn) continue;
        for (const row of rows) idMap.set(String(row[table.idColumn]).toLowerCase(), randomUUID());
      }
      await insertRows(tx, ROOT, [{ ...remapRow(ROOT, root), slug }]);
      for (const { table, rows } of checked.tables) {
        currentTable = table.name;
        const remapped = rows.map((row) => remapRow(table, row));
        await retireCollisions(tx, table, remapped, newTaskForceId);
        await insertRows(tx, table, remapped);
      }
      currentTable = "audit_log";
      await recordAudit(
        tx,
        { taskForceId: newTaskForceId, actorUserId },
        {
          entity: "taskForce",
          entityId: newTaskForceId,
          action: "import",
          changes: {
            slug: { from: sourceSlug, to: slug },
            source: { from: archive.manifest.source.url, to: null },
            exportedAt: { from: archive.manifest.exportedAt, to: now.toISOString() },
            peopleCreated: { from: null, to: result.people.created.map((person) => person.email) },
          },
        },
      );
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const state = sqlStateOf(error);
    if (state === "23505" && currentTable === ROOT_TABLE) throw new DomainError("CONFLICT", "slugTaken", { slug }, "slug");
    // Class 22 (bad data) and 23 (a constraint refused a row): the archive holds something this instance cannot accept.
    if (state?.startsWith("22") || state?.startsWith("23")) throw invalid("archiveRejected", { table: currentTable });
    throw error;
  }
  return { result, idMap };
}

/** An administrator imports an archive as a new task force of this instance. */
export async function importTaskForceArchive(admin: SessionUser, input: ImportInput, now = currentTime()): Promise<ImportResult> {
  if (!admin.isAdmin) throw new DomainError("FORBIDDEN", "forbidden");
  return (await importArchive(admin.id, input, now)).result;
}

/**
 * A framework is matched by key; a version by its content (the same content under that key is the
 * same version, whatever its number here), otherwise added as the framework's next version.
 */
async function importFrameworks(tx: Database, actorUserId: string | null, checked: CheckedArchive, idMap: Map<string, string>, result: ImportResult) {
  const keyOf = new Map<string, string>();
  for (const framework of checked.frameworks) {
    const existing = await findFrameworkByKey(tx, framework.key);
    const id = existing?.id ?? (await insertFramework(tx, { key: framework.key, name: framework.name, description: framework.description }))?.id;
    if (!id) throw new Error(`framework ${framework.key} could be neither found nor created`);
    idMap.set(framework.id.toLowerCase(), id);
    keyOf.set(framework.id, framework.key);
  }
  const versions = [...checked.versions].sort((a, b) => a.framework_id.localeCompare(b.framework_id) || a.version - b.version);
  for (const version of versions) {
    const frameworkId = idMap.get(version.framework_id.toLowerCase()) as string;
    const key = keyOf.get(version.framework_id) as string;
    const hash = contentHash(version.content);
    const existing = (await versionContentsOfFramework(tx, frameworkId)).find((candidate) => contentHash(candidate.content) === hash);
    if (existing) {
      idMap.set(version.id.toLowerCase(), existing.id);
      result.frameworkVersions.matched.push({ key, version: existing.version });
    } else {
      const added = await insertNextFrameworkVersion(tx, { frameworkId, content: version.content, wordingNote: version.wording_note, createdByUserId: actorUserId });
      idMap.set(version.id.toLowerCase(), added.id);
      result.frameworkVersions.added.push({ key, version: added.version });
    }
  }
}

/** People are matched by email; the others get an account they cannot sign in to until they set a password. */
async function importPeople(tx: Database, checked: CheckedArchive, idMap: Map<string, string>, result: ImportResult, passwordHash: string) {
  const existing = await findUsersByEmail(
    tx,
    checked.people.map((person) => person.email),
  );
  for (const person of checked.people) {
    let id = existing.get(person.email);
    if (id) {
      result.people.matched.push({ email: person.email, name: person.name });
    } else {
      id = (await insertUser(tx, { email: person.email, name: person.name, passwordHash }))?.id ?? (await findUserIdByEmail(tx, person.email)) ?? undefined;
      if (!id) throw new Error(`account for ${person.email} could be neither found nor created`);
      result.people.created.push({ email: person.email, name: person.name });
    }
    idMap.set(person.id.toLowerCase(), id);
  }
}

/**
 * Values unique across the instance (token hashes, reminder keys) that already exist here, because
 * the archive is being imported next to the task force it came from: the copy's value is made
 * unique and so no longer matches any secret, which retires that invitation or calendar link in the copy.
 */
async function retireCollisions(tx: Database, table: ArchiveTable, rows: ArchiveRow[], newTaskForceId: string) {
  for (const name of table.globallyUnique) {
    const values = rows.map((row) => row[name]).filter((value): value is string => typeof value === "string");
    const taken = await existingValues(tx, table, name, values);
    if (taken.size === 0) continue;
    for (const row of rows) {
      const value = row[name];
      if (typeof value === "string" && taken.has(value)) row[name] = `${value}:retired-by-import:${newTaskForceId}`;
    }
  }
}
