import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { SessionUser, TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { frameworkNamesInLanguage, rowInLanguage } from "./frameworkLanguage";
import { parseFrameworkContent, parseFrameworkFile, serializeFrameworkContent, serializeFrameworkFile, type ParseOutcome } from "./frameworkFile";
import {
  DEFAULT_FRAMEWORK_KEY,
  findChosenFrameworkIdOfTaskForce,
  findCurrentFrameworkVersionOfTaskForce,
  findFrameworkById,
  findFrameworkByKey,
  findFrameworkVersion,
  findFrameworkVersionForExport,
  findLatestVersionOfFramework,
  insertFramework,
  insertNextFrameworkVersion,
  listFrameworksWithLatestVersion,
  listVersionsOfFramework,
  setFrameworkOfTaskForce,
  updateFrameworkDetails,
} from "./frameworks.queries";
import type {
  ChooseFrameworkInput,
  FrameworkVersionInput,
  ImportFrameworkInput,
  ListFrameworkVersionsInput,
  SaveFrameworkVersionInput,
} from "./frameworks.schemas";

/*
 * Frameworks are platform data without a task force, so their changes cannot go into the audit log
 * (audit_log.task_force_id is NOT NULL): each version records who made it (created_by_user_id)
 * instead, and versions are never changed once written. A task force choosing a framework is its
 * own change and is audited in its log.
 */

/** A problem found in a file becomes one error naming the field and the line, shown next to the text box. */
function valueOrThrow<T>(outcome: ParseOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new DomainError("INVALID", outcome.problem.messageKey, outcome.problem.values, "json");
}

export async function listFrameworks(locale: string | undefined) {
  const rows = await listFrameworksWithLatestVersion(await getDb());
  return rows.map(({ namesByLanguage, ...row }) => ({ ...frameworkNamesInLanguage(row, namesByLanguage, locale), isDefault: row.key === DEFAULT_FRAMEWORK_KEY }));
}

/** A framework (named in the administrator's language, `locale`, where its latest version says) and its versions. */
export async function listFrameworkVersions(input: ListFrameworkVersionsInput, locale: string | undefined) {
  const db = await getDb();
  const framework = await findFrameworkById(db, input.frameworkId);
  if (!framework) throw new DomainError("NOT_FOUND", "frameworkNotFound");
  const [versions, latest] = await Promise.all([listVersionsOfFramework(db, input.frameworkId), findLatestVersionOfFramework(db, input.frameworkId)]);
  const named = frameworkNamesInLanguage(framework, latest?.content.translations ?? null, locale);
  return { framework: { ...named, isDefault: framework.key === DEFAULT_FRAMEWORK_KEY }, versions };
}

/**
 * A version to read in the administrator's language (`locale`), and to edit as it is stored:
 * `contentJson` keeps every language, `languages` names those it has besides English.
 */
export async function getFrameworkVersion(input: FrameworkVersionInput, locale: string | undefined) {
  const version = await findFrameworkVersion(await getDb(), input.versionId);
  if (!version) throw new DomainError("NOT_FOUND", "frameworkNotFound");
  return {
    ...rowInLanguage(version, locale),
    isDefault: version.frameworkKey === DEFAULT_FRAMEWORK_KEY,
    languages: Object.keys(version.content.translations ?? {}).sort(),
    contentJson: serializeFrameworkContent(version.content),
  };
}

/** The framework version a new round of this task force is taken on, for members reading it in their language. */
export async function getFrameworkOfTaskForce(scope: TaskForceScope) {
  const version = await findCurrentFrameworkVersionOfTaskForce(await getDb(), scope.taskForceId);
  if (!version) throw new DomainError("NOT_FOUND", "frameworkNotFound");
  return { ...rowInLanguage(version, scope.locale), isDefault: version.frameworkKey === DEFAULT_FRAMEWORK_KEY };
}

/**
 * The task force's framework as lists and pickers of elements need it: its name, version and
 * wording, and the areas and elements by key and name, without the stages' descriptions and rubric
 * lines (a tenth of the whole), in the caller's language.
 */
export async function getFrameworkOutlineOfTaskForce(scope: TaskForceScope) {
  const { id, frameworkName, version, wordingNote, untranslatedTexts, isDefault, content } = await getFrameworkOfTaskForce(scope);
  const areas = content.areas.map((area) => ({ key: area.key, name: area.name, elements: area.elements.map((element) => ({ key: element.key, name: element.name })) }));
  return { id, frameworkName, version, wordingNote, untranslatedTexts, isDefault, areas };
}

export async function exportFrameworkVersion(input: FrameworkVersionInput) {
  const version = await findFrameworkVersionForExport(await getDb(), input.versionId);
  if (!version) throw new DomainError("NOT_FOUND", "frameworkNotFound");
  return { filename: `${version.key}-v${version.version}.json`, json: serializeFrameworkFile(version) };
}

/**
 * Imports a framework file: a key that exists gets a new version (and the file's name and
 * description), a new key a new framework with version 1. A file with a problem changes nothing.
 */
export async function importFramework(admin: SessionUser, input: ImportFrameworkInput) {
  const file = valueOrThrow(parseFrameworkFile(input.json));
  return inTransaction(async (tx) => {
    const details = { name: file.name, description: file.description };
    const created = await insertFramework(tx, { key: file.key, ...details });
    const framework = created ?? (await findFrameworkByKey(tx, file.key));
    if (!framework) throw new Error("framework neither inserted nor found");
    if (!created) await updateFrameworkDetails(tx, framework.id, details);
    const version = await insertNextFrameworkVersion(tx, {
      frameworkId: framework.id,
      content: file.content,
      wordingNote: file.wordingNote,
      createdByUserId: admin.id,
    });
    return { frameworkId: framework.id, key: file.key, versionId: version.id, version: version.version, newFramework: created !== null };
  });
}

/** An edit of a framework's content, saved as its next version; earlier versions stay as they were. */
export async function saveFrameworkVersion(admin: SessionUser, input: SaveFrameworkVersionInput) {
  const content = valueOrThrow(parseFrameworkContent(input.json));
  return inTransaction(async (tx) => {
    const latest = await findLatestVersionOfFramework(tx, input.frameworkId);
    if (!latest) throw new DomainError("NOT_FOUND", "frameworkNotFound");
    if (latest.version !== input.basedOnVersion) {
      throw new DomainError("CONFLICT", "frameworkChangedMeanwhile", { version: latest.version });
    }
    const version = await insertNextFrameworkVersion(tx, {
      frameworkId: input.frameworkId,
      content,
      wordingNote: input.wordingNote,
      createdByUserId: admin.id,
    });
    return { frameworkId: input.frameworkId, versionId: version.id, version: version.version };
  });
}

/** The frameworks a coordinator can choose from, and the one the task force uses now. */
export async function listAvailableFrameworks(scope: TaskForceScope) {
  const db = await getDb();
  const [rows, chosenId] = await Promise.all([listFrameworksWithLatestVersion(db), findChosenFrameworkIdOfTaskForce(db, scope.taskForceId)]);
  const frameworks = rows.map((row) => ({
    id: row.id,
    key: row.key,
    ...frameworkNamesInLanguage({ name: row.name, description: row.description }, row.namesByLanguage, scope.locale),
    latestVersion: row.latestVersion,
    latestWordingNote: row.latestWordingNote,
    isDefault: row.key === DEFAULT_FRAMEWORK_KEY,
  }));
  const inUse = chosenId ?? frameworks.find((framework) => framework.isDefault)?.id ?? null;
  return { frameworkIdInUse: inUse, frameworks };
}

/**
 * A coordinator chooses the framework that new rounds of the task force are taken on. Rounds
 * already created keep their version.
 */
export function chooseFramework(scope: TaskForceScope, input: ChooseFrameworkInput) {
  return inTransaction(async (tx) => {
    const framework = await findFrameworkById(tx, input.frameworkId);
    if (!framework || !(await findLatestVersionOfFramework(tx, framework.id))) {
      throw new DomainError("NOT_FOUND", "frameworkNotFound", {}, "frameworkId");
    }
    const chosenId = await findChosenFrameworkIdOfTaskForce(tx, scope.taskForceId);
    // No choice yet means the default framework: choosing it explicitly changes nothing a person would notice.
    const before = chosenId ? await findFrameworkById(tx, chosenId) : await findFrameworkByKey(tx, DEFAULT_FRAMEWORK_KEY);
    if (before?.id === framework.id) {
      // Confirming the default it already used changes no round, but from now on the framework is
      // one a coordinator chose (the first step of the setup checklist), not one left unset.
      if (!chosenId) await setFrameworkOfTaskForce(tx, scope.taskForceId, framework.id);
      return { frameworkId: framework.id, changed: false };
    }
    await setFrameworkOfTaskForce(tx, scope.taskForceId, framework.id);
    await recordAudit(
      tx,
      { taskForceId: scope.taskForceId, actorUserId: scope.userId },
      {
        entity: "taskForce",
        entityId: scope.taskForceId,
        action: "chooseFramework",
        changes: { framework: { from: before?.name ?? null, to: framework.name } },
      },
    );
    return { frameworkId: framework.id, changed: true };
  });
}
