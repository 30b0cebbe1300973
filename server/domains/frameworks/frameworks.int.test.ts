import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createAdmin, createMember, createTaskForceWithCoordinator, createUser, unique, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { getDb } from "@/db/client";
import { ensureDefaultFramework } from "./defaultFramework";
import { DEFAULT_FRAMEWORK_CONTENT } from "./defaultFrameworkContent";
import { DEFAULT_FRAMEWORK_KEY } from "./frameworks.queries";

const { translations: _translations, ...DEFAULT_ENGLISH } = DEFAULT_FRAMEWORK_CONTENT;

/** The parts of a framework file the tests bend; extra fields may be added to see them refused. */
interface EditableFile {
  [field: string]: unknown;
  name: string;
  content: {
    stages: { number: number | string; name: string; description: string }[];
    areas: { [field: string]: unknown; key: string; name: string; elements: { [field: string]: unknown; key: string; description: string }[] }[];
  };
}

/** A small valid framework file under `key`, with `edit` applied before it is written out. */
function frameworkFile(key: string, edit: (file: EditableFile) => void = () => {}): string {
  const file: EditableFile = {
    format: "task-force-roadmap/framework",
    formatVersion: 1,
    key,
    name: `State instrument ${key}`,
    description: "A state's own assessment tool.",
    wordingNote: "official",
    content: {
      stages: [1, 2, 3, 4, 5].map((number) => ({ number, name: `Level ${number}`, description: `Level ${number} described.` })),
      areas: [
        {
          key: "S",
          name: "Structure",
          elements: [
            { key: "S.charter", name: "Charter", description: "A written charter.", rubric: { "1": "None yet", "3": "Adopted" } },
            { key: "S.funding", name: "Funding", description: "Stable funding." },
          ],
        },
      ],
    },
  };
  edit(file);
  return JSON.stringify(file, null, 2);
}

describe("framework administration", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createAdmin({ name: "Ada Admin" });
  });

  it("has the paraphrased default in every new database, once, however often start-up runs", async () => {
    await ensureDefaultFramework(await getDb());
    const defaults = (await callerFor(admin).framework.list()).filter((row) => row.key === DEFAULT_FRAMEWORK_KEY);
    expect(defaults).toEqual([
      expect.objectContaining({ isDefault: true, latestVersion: 1, versionCount: 1, latestWordingNote: "paraphrased" }),
    ]);
    const version = await callerFor(admin).framework.get({ versionId: defaults[0]!.latestVersionId });
    expect(JSON.parse(version.contentJson)).toEqual(DEFAULT_FRAMEWORK_CONTENT);
  });

  it("imports a new key as a new framework and the same key again as its next version", async () => {
    const key = `state-${unique()}`;
    const first = await callerFor(admin).framework.import({ json: frameworkFile(key) });
    expect(first).toMatchObject({ key, version: 1, newFramework: true });

    const second = await callerFor(admin).framework.import({
      json: frameworkFile(key, (file) => {
        file.name = "State instrument, revised";
        file.content.areas[0]!.elements[1]!.description = "Funding from more than one source.";
      }),
    });
    expect(second).toMatchObject({ key, frameworkId: first.frameworkId, version: 2, newFramework: false });

    const [row] = (await callerFor(admin).framework.list()).filter((framework) => framework.key === key);
    expect(row).toMatchObject({ name: "State instrument, revised", latestVersion: 2, versionCount: 2, latestVersionId: second.versionId, isDefault: false });

    const { versions } = await callerFor(admin).framework.versions({ frameworkId: first.frameworkId });
    expect(versions.map(({ version, createdByName }) => ({ version, createdByName }))).toEqual([
      { version: 2, createdByName: "Ada Admin" },
      { version: 1, createdByName: "Ada Admin" },
    ]);
    // The earlier version is kept exactly as it was: rounds taken on it are not rewritten.
    const old = await callerFor(admin).framework.get({ versionId: first.versionId });
    expect(old.content.areas[0]?.elements[1]?.description).toBe("Stable funding.");
  });

  it("exports a version as a file that imports back as a new version with identical content", async () => {
    const [defaultRow] = (await callerFor(admin).framework.list()).filter((row) => row.isDefault);
    const exported = await callerFor(admin).framework.export({ versionId: defaultRow!.latestVersionId });
    expect(exported.filename).toBe(`${DEFAULT_FRAMEWORK_KEY}-v${defaultRow!.latestVersion}.json`);
    expect(JSON.parse(exported.json)).toMatchObject({ format: "task-force-roadmap/framework", formatVersion: 1, key: DEFAULT_FRAMEWORK_KEY, wordingNote: "paraphrased" });

    const imported = await callerFor(admin).framework.import({ json: exported.json });
    expect(imported).toMatchObject({ key: DEFAULT_FRAMEWORK_KEY, version: defaultRow!.latestVersion + 1, newFramework: false });
    const reimported = await callerFor(admin).framework.get({ versionId: imported.versionId });
    expect(JSON.parse(reimported.contentJson)).toEqual(DEFAULT_FRAMEWORK_CONTENT);
    expect(reimported.wordingNote).toBe("paraphrased");
    // And the new version exports to the very same text, apart from nothing at all.
    expect((await callerFor(admin).framework.export({ versionId: imported.versionId })).json).toBe(exported.json);
  });

  describe("a bad file changes nothing", () => {
    /** The line of the `nth` (from 1) occurrence of `needle`: where a person would look in their editor. */
    const lineOf = (text: string, needle: string, nth = 1) => {
      let index = -1;
      for (let found = 0; found < nth; found++) index = text.indexOf(needle, index + 1);
      if (index < 0) throw new Error(`${needle} not in the file`);
      return text.slice(0, index).split("\n").length;
    };
    const cases: { name: string; text: (key: string) => string; messageKey: string; values: Record<string, unknown>; at: [string, number?] }[] = [
      {
        name: "a JSON syntax error, on its line",
        text: (key) => frameworkFile(key).replace('"name": "Funding",', '"name": "Funding"'),
        messageKey: "frameworkFile_syntax",
        values: { problem: "CommaExpected" },
        // The missing comma is noticed where the next property begins.
        at: ['"description": "Stable funding."'],
      },
      {
        name: "four stages instead of five",
        text: (key) => frameworkFile(key, (file) => file.content.stages.pop()),
        messageKey: "frameworkFile_stageCount",
        values: { path: "content.stages", count: 4 },
        at: ['"stages"'],
      },
      {
        name: "an element key used twice",
        text: (key) => frameworkFile(key, (file) => (file.content.areas[0]!.elements[1]!.key = "S.charter")),
        messageKey: "frameworkFile_duplicateKey",
        values: { path: "content.areas[0].elements[1].key", key: "S.charter" },
        at: ['"key": "S.charter"', 2],
      },
      {
        name: "a field of the wrong type",
        text: (key) => frameworkFile(key, (file) => (file.content.stages[0]!.number = "one")),
        messageKey: "frameworkFile_wrongType",
        values: { path: "content.stages[0].number", expected: "number" },
        at: ['"number": "one"'],
      },
      {
        name: "a field the format does not have",
        text: (key) => frameworkFile(key, (file) => (file.content.areas[0]!.colour = "red")),
        messageKey: "frameworkFile_unknownField",
        values: { path: "content.areas[0].colour", field: "colour" },
        at: ['"colour"'],
      },
    ];

    it.each(cases)("$name", async ({ text, messageKey, values, at: [needle, nth] }) => {
      const key = `bad-${unique()}`;
      const json = text(key);
      const before = await callerFor(admin).framework.list();
      const error = await trpcErrorOf(callerFor(admin).framework.import({ json }), "BAD_REQUEST");
      expect(domainErrorOf(error)).toMatchObject({ code: "INVALID", messageKey, field: "json" });
      expect(domainErrorOf(error).values).toMatchObject({ ...values, line: lineOf(json, needle, nth) });
      expect(await callerFor(admin).framework.list()).toEqual(before);
    });

    it("a bad new version of an existing framework leaves its versions as they were", async () => {
      const key = `kept-${unique()}`;
      const { frameworkId } = await callerFor(admin).framework.import({ json: frameworkFile(key) });
      await trpcErrorOf(callerFor(admin).framework.import({ json: frameworkFile(key, (file) => (file.name = "Renamed")).replace("]", "") }), "BAD_REQUEST");
      const { framework, versions } = await callerFor(admin).framework.versions({ frameworkId });
      expect(framework.name).toBe(`State instrument ${key}`);
      expect(versions).toHaveLength(1);
    });
  });

  it("saves an edit as the next version, and refuses an edit of a version that is no longer the latest", async () => {
    const key = `edit-${unique()}`;
    const { frameworkId, versionId } = await callerFor(admin).framework.import({ json: frameworkFile(key) });
    const { contentJson } = await callerFor(admin).framework.get({ versionId });
    const edited = contentJson.replace("A written charter.", "A charter adopted by every member agency.");

    const saved = await callerFor(admin).framework.saveVersion({ frameworkId, basedOnVersion: 1, json: edited, wordingNote: "edited" });
    expect(saved.version).toBe(2);
    const latest = await callerFor(admin).framework.get({ versionId: saved.versionId });
    expect(latest.content.areas[0]?.elements[0]?.description).toBe("A charter adopted by every member agency.");
    expect(latest.wordingNote).toBe("edited");

    const stale = await trpcErrorOf(
      callerFor(admin).framework.saveVersion({ frameworkId, basedOnVersion: 1, json: edited, wordingNote: "" }),
      "CONFLICT",
    );
    expect(domainErrorOf(stale)).toMatchObject({ messageKey: "frameworkChangedMeanwhile", values: { version: 2 } });

    const invalid = await trpcErrorOf(
      callerFor(admin).framework.saveVersion({ frameworkId, basedOnVersion: 2, json: edited.replace('"number": 5', '"number": 6'), wordingNote: "" }),
      "BAD_REQUEST",
    );
    expect(domainErrorOf(invalid)).toMatchObject({ messageKey: "frameworkFile_stageOrder", values: { path: "stages[4].number" } });
    expect((await callerFor(admin).framework.versions({ frameworkId })).versions).toHaveLength(2);
  });

  it("refuses people who are not platform administrators, coordinators included", async () => {
    const { coordinator } = await createTaskForceWithCoordinator();
    const somebody = await createUser();
    for (const user of [coordinator, somebody]) {
      await trpcErrorOf(callerFor(user).framework.import({ json: frameworkFile(`nope-${unique()}`) }), "FORBIDDEN");
      await trpcErrorOf(callerFor(user).framework.list(), "FORBIDDEN");
    }
    await trpcErrorOf(callerFor(null).framework.list(), "UNAUTHORIZED");
  });

  it("tells an administrator a version that does not exist is not found", async () => {
    const error = await trpcErrorOf(callerFor(admin).framework.export({ versionId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    expect(domainErrorOf(error).messageKey).toBe("frameworkNotFound");
  });
});

describe("a task force's framework", () => {
  let admin: TestUser;
  let stateFramework: { frameworkId: string; versionId: string };
  beforeAll(async () => {
    admin = await createAdmin();
    stateFramework = await callerFor(admin).framework.import({ json: frameworkFile(`chosen-${unique()}`) });
  });

  it("is the default until a coordinator chooses another, which is audited and affects only that task force", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ coordinatorName: "Cora Coordinator" });
    const { taskForce: other, coordinator: otherCoordinator } = await createTaskForceWithCoordinator();
    const { user: member } = await createMember(taskForce, "member");

    expect(await callerFor(member).framework.forTaskForce({ taskForceSlug: taskForce.slug })).toMatchObject({
      frameworkKey: DEFAULT_FRAMEWORK_KEY,
      isDefault: true,
      // Read in the member's language (English): the framework's own text, without the other languages.
      content: DEFAULT_ENGLISH,
    });
    // Lists and pickers of elements read the outline: every area and element by key and name, no stage texts.
    const outline = await callerFor(member).framework.outline({ taskForceSlug: taskForce.slug });
    expect(outline).toMatchObject({ isDefault: true, untranslatedTexts: 0 });
    expect(outline.areas).toEqual(
      DEFAULT_ENGLISH.areas.map((area) => ({ key: area.key, name: area.name, elements: area.elements.map((element) => ({ key: element.key, name: element.name })) })),
    );
    const available = await callerFor(coordinator).framework.available({ taskForceSlug: taskForce.slug });
    const defaultId = available.frameworks.find((framework) => framework.isDefault)?.id;
    expect(available.frameworkIdInUse).toBe(defaultId);
    expect(available.frameworks.map((framework) => framework.id)).toContain(stateFramework.frameworkId);

    expect(await callerFor(coordinator).framework.choose({ taskForceSlug: taskForce.slug, frameworkId: stateFramework.frameworkId })).toEqual({
      frameworkId: stateFramework.frameworkId,
      changed: true,
    });
    expect(await callerFor(member).framework.forTaskForce({ taskForceSlug: taskForce.slug })).toMatchObject({
      id: stateFramework.versionId,
      isDefault: false,
    });
    expect((await callerFor(coordinator).framework.available({ taskForceSlug: taskForce.slug })).frameworkIdInUse).toBe(stateFramework.frameworkId);

    const {
      entries: [latest],
    } = await callerFor(coordinator).audit.list({ taskForceSlug: taskForce.slug, limit: 1 });
    expect(latest).toMatchObject({
      actorName: "Cora Coordinator",
      entity: "taskForce",
      entityId: taskForce.id,
      action: "chooseFramework",
      changes: { framework: { from: "Task force development roadmap", to: expect.stringContaining("State instrument") } },
    });

    // The other task force still uses the default, and its log does not mention the choice.
    expect((await callerFor(otherCoordinator).framework.available({ taskForceSlug: other.slug })).frameworkIdInUse).toBe(defaultId);
    const otherLog = await callerFor(otherCoordinator).audit.list({ taskForceSlug: other.slug });
    expect(otherLog.entries.filter((entry) => entry.action === "chooseFramework")).toEqual([]);
  });

  it("records nothing when the framework in use is chosen again", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const { frameworks } = await callerFor(coordinator).framework.available({ taskForceSlug: taskForce.slug });
    const defaultId = frameworks.find((framework) => framework.isDefault)!.id;
    expect(await callerFor(coordinator).framework.choose({ taskForceSlug: taskForce.slug, frameworkId: defaultId })).toEqual({ frameworkId: defaultId, changed: false });
    expect((await callerFor(coordinator).audit.list({ taskForceSlug: taskForce.slug })).entries).toEqual([]);
  });

  it("refuses a framework that does not exist, and members who may not change settings", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator();
    const missing = await trpcErrorOf(
      callerFor(coordinator).framework.choose({ taskForceSlug: taskForce.slug, frameworkId: "00000000-0000-4000-8000-000000000000" }),
      "NOT_FOUND",
    );
    expect(domainErrorOf(missing)).toMatchObject({ messageKey: "frameworkNotFound", field: "frameworkId" });

    const { user: member } = await createMember(taskForce, "member");
    await trpcErrorOf(callerFor(member).framework.choose({ taskForceSlug: taskForce.slug, frameworkId: stateFramework.frameworkId }), "FORBIDDEN");
    await trpcErrorOf(callerFor(member).framework.available({ taskForceSlug: taskForce.slug }), "FORBIDDEN");
    // An administrator who is not a member cannot choose for a task force either.
    await trpcErrorOf(callerFor(admin).framework.choose({ taskForceSlug: taskForce.slug, frameworkId: stateFramework.frameworkId }), "NOT_FOUND");
  });
});
