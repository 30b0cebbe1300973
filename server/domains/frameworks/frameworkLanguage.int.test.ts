import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { frameworkVersions } from "@/db/schema";
import {
  addMembership,
  callerFor,
  createAdmin,
  createAssessmentRound,
  createFramework,
  createGapFor,
  createMember,
  createRunningAward,
  createTaskForceWithCoordinator,
  createUser,
  dateFromToday,
  respond,
  setTaskForceFramework,
  TEST_FRAMEWORK_CONTENT,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import { ensureDefaultFramework } from "./defaultFramework";
import { DEFAULT_FRAMEWORK_CONTENT, DEFAULT_FRAMEWORK_DESCRIPTION, DEFAULT_FRAMEWORK_NAME, PARAPHRASED } from "./defaultFrameworkContent";
import { findFrameworkByKey, findLatestVersionOfFramework, DEFAULT_FRAMEWORK_KEY, insertNextFrameworkVersion } from "./frameworks.queries";

/*
 * The roadmap read in Spanish: every procedure that names a stage, area or element gives a Spanish
 * reader the framework's Spanish text, whichever way the names reach them (a round's content, the
 * results, the trend, gaps, suggestions, reports, the funder's portfolio). The test looks for the
 * English texts in everything each procedure returns, so a path that forgets the reader's language
 * fails here however it builds its names.
 */

const { translations, ...english } = DEFAULT_FRAMEWORK_CONTENT;
const spanish = translations!.es!;
/** Every English text of the default framework that reads differently in Spanish. */
const ENGLISH_TEXTS = [
  DEFAULT_FRAMEWORK_NAME,
  DEFAULT_FRAMEWORK_DESCRIPTION,
  ...english.stages.flatMap((stage) => [stage.name, stage.description]),
  ...english.areas.flatMap((area) => [
    area.name,
    area.description ?? "",
    ...area.elements.flatMap((element) => [element.name, element.description, ...Object.values(element.rubric ?? {})]),
  ]),
].filter((text) => text.length > 0);

/** The English texts of the default framework found in `value`, as JSON text. */
function englishIn(value: unknown): string[] {
  const json = JSON.stringify(value);
  return ENGLISH_TEXTS.filter((text) => json.includes(JSON.stringify(text).slice(1, -1)));
}

const DEFAULT_ELEMENT_KEYS = english.areas.flatMap((area) => area.elements.map((element) => element.key));
const answers = (stage: number, exceptions: Record<string, number> = {}) => ({
  ...Object.fromEntries(DEFAULT_ELEMENT_KEYS.map((key) => [key, stage])),
  ...exceptions,
});

describe("the roadmap in the reader's language", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let funder: TestUser;
  let roundIds: [string, string];
  let gapId: string;
  let grantId: string;
  let periodEnd: string;

  beforeAll(async () => {
    // On the default framework, as every new task force is.
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const { user: member } = await createMember(taskForce, "member");
    const { user: another } = await createMember(taskForce, "member");
    funder = await createUser();
    await addMembership(taskForce, funder, "funder");
    const rounds = [];
    for (const [index, title] of ["Spring", "Autumn"].entries()) {
      const round = await createAssessmentRound(taskForce, coordinator, { title, closesOn: dateFromToday(30 + index) });
      // Three different answers per element, so that funders and reports may be shown the results.
      await respond(coordinator, taskForce, round.id, answers(2, { "A.mou": 1 }));
      await respond(member, taskForce, round.id, answers(3, { "A.mou": 1 }));
      await respond(another, taskForce, round.id, answers(4, { "A.mou": 1 }));
      await callerFor(coordinator).assessment.close({ taskForceSlug: taskForce.slug, roundId: round.id });
      rounds.push(round.id);
    }
    roundIds = [rounds[0]!, rounds[1]!];
    ({ id: gapId } = await createGapFor(taskForce, coordinator, { elementKey: "B.services", sourceRoundId: roundIds[0] }));
    // Applied in Spanish: the ECM template's requirements become the award's own text in the language
    // of whoever applies it, and two of their titles are also names of elements in English.
    const award = await createRunningAward(taskForce, callerFor(coordinator, { locale: "es-US" }));
    grantId = award.grantId;
    periodEnd = award.currentPeriod.end;
  });

  /** What each reader is shown that names the roadmap, read as `locale`. */
  async function everythingNamingTheRoadmap(locale: "en" | "es-US") {
    const input = { taskForceSlug: taskForce.slug };
    const asCoordinator = callerFor(coordinator, { locale });
    const [roundA, roundB] = roundIds;
    const report = await asCoordinator.report.generate({ ...input, grantId, periodEnd });
    return {
      framework: await asCoordinator.framework.forTaskForce(input),
      frameworkOutline: await asCoordinator.framework.outline(input),
      frameworkChoices: await asCoordinator.framework.available(input),
      round: await asCoordinator.assessment.get({ ...input, roundId: roundB }),
      consensus: await asCoordinator.assessment.consensus({ ...input, roundId: roundB }),
      comparison: await asCoordinator.assessment.compare({ ...input, roundA, roundB }),
      trend: await asCoordinator.assessment.trend(input),
      suggestions: await asCoordinator.gap.suggestions({ ...input, roundId: roundB }),
      gaps: await asCoordinator.gap.list(input),
      gap: await asCoordinator.gap.get({ ...input, gapId }),
      gapProgress: await asCoordinator.gap.progress({ ...input, gapId }),
      gapStats: await asCoordinator.gap.stats(input),
      report: await asCoordinator.report.get({ ...input, reportId: report.id }),
      portfolio: await callerFor(funder, { locale }).funder.portfolio(),
    };
  }

  it("gives a Spanish reader no English text of the roadmap, wherever its names appear", async () => {
    const shown = await everythingNamingTheRoadmap("es-US");
    const leaks = Object.entries(shown).flatMap(([procedure, value]) => englishIn(value).map((text) => `${procedure}: ${text}`));
    expect(leaks).toEqual([]);
    // …and the Spanish is there, not merely the English gone.
    expect(shown.consensus.areas[0]!.name).toBe(spanish.areas!.A!.name);
    expect(shown.round.framework).toMatchObject({ name: spanish.name, untranslatedTexts: 0 });
    expect(shown.round.framework.content.stages[0]!.name).toBe(spanish.stages!["1"]!.name);
    expect(shown.gaps.gaps[0]!.elementName).toBe(spanish.elements!["B.services"]!.name);
    expect(JSON.stringify(shown.portfolio)).toContain(spanish.areas!.B!.name!);
    expect(JSON.stringify(shown.report)).toContain(spanish.elements!["B.services"]!.name!);
  });

  it("gives an English reader the English text, and sends neither reader the other languages", async () => {
    const shown = await everythingNamingTheRoadmap("en");
    expect(shown.consensus.areas[0]!.name).toBe(english.areas[0]!.name);
    expect(shown.round.framework).toMatchObject({ untranslatedTexts: 0 });
    expect(JSON.stringify(shown)).not.toContain(spanish.elements!["B.services"]!.name!);
    expect(shown.round.framework.content).not.toHaveProperty("translations");
  });

  it("shows a framework without Spanish text in English to a Spanish reader, and says how much is in English", async () => {
    const { taskForce: own, coordinator: ownCoordinator } = await createTaskForceWithCoordinator();
    const framework = await createFramework();
    await setTaskForceFramework(own, framework.frameworkId);
    const round = await createAssessmentRound(own, ownCoordinator);
    const shown = await callerFor(ownCoordinator, { locale: "es-US" }).assessment.get({ taskForceSlug: own.slug, roundId: round.id });
    expect(shown.framework.content.areas[0]!.name).toBe(TEST_FRAMEWORK_CONTENT.areas[0]!.name);
    // Five stage names and descriptions, two area names, five element names and descriptions.
    expect(shown.framework.untranslatedTexts).toBe(10 + 2 + 10);
  });

  it("keeps both languages through an administrator's export and import", async () => {
    const admin = callerFor(await createAdmin(), { locale: "es-US" });
    const db = await getDb();
    const framework = (await findFrameworkByKey(db, DEFAULT_FRAMEWORK_KEY))!;
    const latest = (await findLatestVersionOfFramework(db, framework.id))!;
    const { json } = await admin.framework.export({ versionId: latest.id });
    const imported = await admin.framework.import({ json: json.replace('"key": "roadmap-default"', '"key": "roadmap-copy"') });
    const copy = await admin.framework.get({ versionId: imported.versionId });
    expect(copy.languages).toEqual(["es"]);
    const listed = (await admin.framework.list()).filter((row) => row.isDefault);
    expect(listed).toEqual([expect.objectContaining({ name: spanish.name, description: spanish.description })]);
    expect(englishIn(await admin.framework.versions({ frameworkId: framework.id }))).toEqual([]);
    expect(copy).toMatchObject({ frameworkName: spanish.name, untranslatedTexts: 0 });
    expect(JSON.parse(copy.contentJson)).toEqual(DEFAULT_FRAMEWORK_CONTENT);
  });
});

describe("an install whose default framework predates its Spanish", () => {
  it("gets the shipped content as the next version, and leaves an administrator's own version alone", async () => {
    const db = await getDb();
    const framework = (await findFrameworkByKey(db, DEFAULT_FRAMEWORK_KEY))!;
    // The default as an earlier release shipped it: the same English, no translations.
    const earlier = await insertNextFrameworkVersion(db, { frameworkId: framework.id, content: english, wordingNote: PARAPHRASED, createdByUserId: null });
    await ensureDefaultFramework(db);
    const upgraded = (await findLatestVersionOfFramework(db, framework.id))!;
    expect(upgraded.version).toBe(earlier.version + 1);
    expect(upgraded.content).toEqual(DEFAULT_FRAMEWORK_CONTENT);
    // Rounds taken on the earlier version keep it as it was, and are read in Spanish all the same.
    const [kept] = await db.select({ content: frameworkVersions.content }).from(frameworkVersions).where(eq(frameworkVersions.id, earlier.id));
    expect(kept!.content).toEqual(english);
    const admin = callerFor(await createAdmin(), { locale: "es-US" });
    expect(await admin.framework.get({ versionId: earlier.id })).toMatchObject({ untranslatedTexts: 0, content: { areas: [{ name: spanish.areas!.A!.name }, {}, {}, {}] } });

    // Started again: nothing more to do.
    await ensureDefaultFramework(db);
    expect((await findLatestVersionOfFramework(db, framework.id))!.version).toBe(upgraded.version);

    // An administrator's own wording of the default is theirs: no shipped version goes over it.
    const edited = { ...english, areas: english.areas.map((area, index) => (index === 0 ? { ...area, name: "Structure (our wording)" } : area)) };
    const own = await insertNextFrameworkVersion(db, { frameworkId: framework.id, content: edited, wordingNote: "official", createdByUserId: null });
    await ensureDefaultFramework(db);
    expect((await findLatestVersionOfFramework(db, framework.id))!.version).toBe(own.version);
  });
});
