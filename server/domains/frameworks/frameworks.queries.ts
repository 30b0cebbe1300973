import { onlyRow } from "@/db/rows";
import { and, desc, eq, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { frameworks, frameworkVersions, taskForces, users, type FrameworkContent } from "@/db/schema";

/** The key of the framework shipped with the platform (our paraphrase of the Roadmap). */
export const DEFAULT_FRAMEWORK_KEY = "roadmap-default";

const versionColumns = {
  id: frameworkVersions.id,
  frameworkId: frameworkVersions.frameworkId,
  frameworkKey: frameworks.key,
  frameworkName: frameworks.name,
  frameworkDescription: frameworks.description,
  version: frameworkVersions.version,
  content: frameworkVersions.content,
  wordingNote: frameworkVersions.wordingNote,
  createdAt: frameworkVersions.createdAt,
};

export async function findFrameworkVersion(db: Database, versionId: string) {
  const [row] = await db
    .select(versionColumns)
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.id, versionId));
  return row ?? null;
}

export async function findLatestVersionOfFramework(db: Database, frameworkId: string) {
  const [row] = await db
    .select(versionColumns)
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(desc(frameworkVersions.version))
    .limit(1);
  return row ?? null;
}

export async function findFrameworkByKey(db: Database, key: string) {
  const [row] = await db.select({ id: frameworks.id, key: frameworks.key, name: frameworks.name }).from(frameworks).where(eq(frameworks.key, key));
  return row ?? null;
}

/**
 * The framework version a new round of this task force is taken on: the latest version of the
 * framework it chose, or of the default framework when it chose none.
 */
export async function findCurrentFrameworkVersionOfTaskForce(db: Database, taskForceId: string) {
  const [taskForce] = await db.select({ frameworkId: taskForces.frameworkId }).from(taskForces).where(eq(taskForces.id, taskForceId));
  if (!taskForce) return null;
  const frameworkId = taskForce.frameworkId ?? (await findFrameworkByKey(db, DEFAULT_FRAMEWORK_KEY))?.id;
  return frameworkId ? findLatestVersionOfFramework(db, frameworkId) : null;
}

export async function insertFramework(db: Database, values: { key: string; name: string; description?: string }) {
  const [row] = await db
    .insert(frameworks)
    .values(values)
    .onConflictDoNothing({ target: frameworks.key })
    .returning({ id: frameworks.id, key: frameworks.key, name: frameworks.name });
  return row ?? null;
}

/** Appends the next version number; the unique (framework, version) pair refuses a concurrent twin. */
/** Holds the framework's row until the transaction ends, so two writers of its next version go one after the other. */
export async function lockFramework(db: Database, frameworkId: string) {
  await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, frameworkId)).for("update");
}

export async function insertNextFrameworkVersion(
  db: Database,
  values: { frameworkId: string; content: FrameworkContent; wordingNote: string; createdByUserId: string | null },
) {
  const [current] = await db
    .select({ latest: max(frameworkVersions.version) })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, values.frameworkId)));
  return onlyRow(await db
    .insert(frameworkVersions)
    .values({ ...values, version: (current?.latest ?? 0) + 1 })
    .returning({ id: frameworkVersions.id, version: frameworkVersions.version }), "framework version insert");
}

/**
 * Every framework with its latest version and how many versions it has, in one query: DISTINCT ON
 * keeps each framework's newest version row, and the window counts its versions. The framework's
 * name and description in other languages come from its latest version's translations (the
 * stage, area and element texts stay in the database).
 */
export async function listFrameworksWithLatestVersion(db: Database) {
  const rows = await db
    .selectDistinctOn([frameworks.id], {
      id: frameworks.id,
      key: frameworks.key,
      name: frameworks.name,
      description: frameworks.description,
      latestVersionId: frameworkVersions.id,
      latestVersion: frameworkVersions.version,
      latestWordingNote: frameworkVersions.wordingNote,
      latestCreatedAt: frameworkVersions.createdAt,
      namesByLanguage: sql<Record<string, { name?: string; description?: string }> | null>`(
        select jsonb_object_agg(translation.key, translation.value - 'stages' - 'areas' - 'elements')
        from jsonb_each(${frameworkVersions.content} -> 'translations') as translation
      )`,
      versionCount: sql<number>`count(*) over (partition by ${frameworkVersions.frameworkId})`.mapWith(Number),
    })
    .from(frameworks)
    .innerJoin(frameworkVersions, eq(frameworkVersions.frameworkId, frameworks.id))
    .orderBy(frameworks.id, desc(frameworkVersions.version));
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** The versions of one framework, newest first, with who made each (a name only, never the user row). */
export function listVersionsOfFramework(db: Database, frameworkId: string) {
  return db
    .select({
      id: frameworkVersions.id,
      version: frameworkVersions.version,
      wordingNote: frameworkVersions.wordingNote,
      createdAt: frameworkVersions.createdAt,
      createdByName: users.name,
    })
    .from(frameworkVersions)
    .leftJoin(users, eq(users.id, frameworkVersions.createdByUserId))
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(desc(frameworkVersions.version));
}

/** A version with what the file format needs besides its content. */
export async function findFrameworkVersionForExport(db: Database, versionId: string) {
  const [row] = await db
    .select({
      key: frameworks.key,
      name: frameworks.name,
      description: frameworks.description,
      version: frameworkVersions.version,
      wordingNote: frameworkVersions.wordingNote,
      content: frameworkVersions.content,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.id, versionId));
  return row ?? null;
}

export async function findFrameworkById(db: Database, frameworkId: string) {
  const [row] = await db
    .select({ id: frameworks.id, key: frameworks.key, name: frameworks.name, description: frameworks.description })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId));
  return row ?? null;
}

export async function updateFrameworkDetails(db: Database, frameworkId: string, values: { name: string; description: string }) {
  await db.update(frameworks).set(values).where(eq(frameworks.id, frameworkId));
}

/** The framework a task force chose; null when it uses the platform default. */
export async function findChosenFrameworkIdOfTaskForce(db: Database, taskForceId: string) {
  const [row] = await db.select({ frameworkId: taskForces.frameworkId }).from(taskForces).where(eq(taskForces.id, taskForceId));
  return row?.frameworkId ?? null;
}

export async function setFrameworkOfTaskForce(db: Database, taskForceId: string, frameworkId: string) {
  await db.update(taskForces).set({ frameworkId }).where(eq(taskForces.id, taskForceId));
}
