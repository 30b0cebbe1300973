import { describe, expect, it } from "vitest";
import { DEFAULT_FRAMEWORK_CONTENT, PARAPHRASED } from "./defaultFrameworkContent";
import {
  formatPath,
  lineColumnAt,
  parseFrameworkContent,
  parseFrameworkFile,
  serializeFrameworkContent,
  serializeFrameworkFile,
} from "./frameworkFile";
import { FrameworkContentSchema } from "./frameworks.schemas";
import { frameworkInLanguage } from "./frameworkLanguage";

const defaultFile = () =>
  serializeFrameworkFile({
    key: "roadmap-default",
    name: "Task force development roadmap",
    description: "",
    wordingNote: PARAPHRASED,
    content: DEFAULT_FRAMEWORK_CONTENT,
  });

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  return text.slice(0, index).split("\n").length;
};

/** A small valid content to bend in each test. */
const smallContent = () => ({
  stages: [1, 2, 3, 4, 5].map((number) => ({ number, name: `Stage ${number}`, description: "" })),
  areas: [
    {
      key: "A",
      name: "Area A",
      elements: [
        { key: "A.one", name: "One", description: "First", rubric: { "1": "Starting", "5": "Lasting" } },
        { key: "A.two", name: "Two", description: "Second" },
      ],
    },
  ],
});

const fileText = (content: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    { format: "task-force-roadmap/framework", formatVersion: 1, key: "state-tool", name: "State tool", description: "", wordingNote: "official", content, ...extra },
    null,
    2,
  );

describe("the default framework", () => {
  it("has the five stages, four areas and 23 key elements, each with a rubric line per stage", () => {
    const content = FrameworkContentSchema.parse(DEFAULT_FRAMEWORK_CONTENT);
    expect(content.stages.map((stage) => stage.name)).toEqual(["Exploring", "Forming", "Implementing", "Performing", "Sustaining"]);
    expect(content.areas.map((area) => area.key)).toEqual(["A", "B", "C", "D"]);
    const elements = content.areas.flatMap((area) => area.elements);
    expect(elements).toHaveLength(23);
    expect(elements.map((element) => element.key)).toContain("A.information-sharing");
    for (const element of elements) {
      expect(Object.keys(element.rubric ?? {})).toEqual(["1", "2", "3", "4", "5"]);
      expect(element.description.length).toBeGreaterThan(10);
    }
  });

  it("survives export and import unchanged", () => {
    const parsed = parseFrameworkFile(defaultFile());
    expect(parsed).toMatchObject({ ok: true, value: { key: "roadmap-default", wordingNote: "paraphrased" } });
    expect(parsed.ok && parsed.value.content).toEqual(DEFAULT_FRAMEWORK_CONTENT);
  });

  it("is exported with its fields in a readable order, whatever order the database gave them", () => {
    const text = serializeFrameworkFile({
      key: "k",
      name: "N",
      description: "",
      wordingNote: "",
      content: { areas: [{ elements: [{ rubric: { "2": "b", "1": "a" }, description: "d", name: "E", key: "A.e" }], name: "A", key: "A" }], stages: smallContent().stages },
    });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(["format", "formatVersion", "key", "name", "description", "wordingNote", "content"]);
    expect(text).toMatch(/"key": "A.e",\n\s+"name": "E",\n\s+"description": "d",\n\s+"rubric": \{\n\s+"1": "a",\n\s+"2": "b"/);
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("line and column of an offset", () => {
  it("counts lines after \\n, \\r\\n and \\r, and columns from 1", () => {
    expect(lineColumnAt("abc", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt("ab\ncd", 3)).toEqual({ line: 2, column: 1 });
    expect(lineColumnAt("ab\r\ncd", 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt("a\rb\nc", 4)).toEqual({ line: 3, column: 1 });
    expect(lineColumnAt("ab", 99)).toEqual({ line: 1, column: 3 });
  });

  it("writes paths the way people read them", () => {
    expect(formatPath(["content", "areas", 0, "elements", 2, "key"])).toBe("content.areas[0].elements[2].key");
    expect(formatPath([])).toBe("");
  });
});

describe("a malformed framework file", () => {
  it("reports a JSON syntax error on the line where it is", () => {
    const text = fileText(smallContent()).replace('"name": "Two",', '"name": "Two"');
    const parsed = parseFrameworkFile(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toEqual({
      messageKey: "frameworkFile_syntax",
      values: { problem: "CommaExpected", line: lineOf(text, '"description": "Second"'), column: expect.any(Number), path: "" },
    });
  });

  it("refuses comments and trailing commas: the format is plain JSON", () => {
    expect(parseFrameworkFile(`{\n  // note\n}`)).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_syntax", values: { line: 2 } } });
    expect(parseFrameworkFile(`{"a": 1,\n}`)).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_syntax", values: { line: 2 } } });
  });

  it("reports an empty file", () => {
    expect(parseFrameworkFile("   ")).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_emptyFile" } });
  });

  it("names the stages when there are not exactly five, on the line of the stages field", () => {
    const content = smallContent();
    content.stages.pop();
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toEqual({
      ok: false,
      problem: { messageKey: "frameworkFile_stageCount", values: { count: 4, path: "content.stages", line: lineOf(text, '"stages"'), column: 5 } },
    });
  });

  it("names a stage numbered out of order", () => {
    const content = smallContent();
    content.stages[2] = { number: 4, name: "Stage 3", description: "" };
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_stageOrder", values: { expected: 3, path: "content.stages[2].number", line: lineOf(text, '"number": 4') } },
    });
  });

  it("names the second use of an element key, also across areas", () => {
    const content = smallContent();
    content.areas.push({ key: "B", name: "Area B", elements: [{ key: "A.one", name: "Copy", description: "" }] });
    const text = fileText(content);
    const secondUse = text.indexOf('"key": "A.one"', text.indexOf('"key": "B"'));
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: {
        messageKey: "frameworkFile_duplicateKey",
        values: { key: "A.one", path: "content.areas[1].elements[0].key", line: text.slice(0, secondUse).split("\n").length },
      },
    });
  });

  it("names a field of the wrong type", () => {
    const content = smallContent();
    (content.areas[0]!.elements[1] as Record<string, unknown>).name = 42;
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_wrongType", values: { expected: "string", path: "content.areas[0].elements[1].name", line: lineOf(text, '"name": 42') } },
    });
  });

  it("names a field it does not know, such as a misspelling, on its own line", () => {
    const content = smallContent();
    (content.areas[0]!.elements[0] as Record<string, unknown>).descripton = "typo";
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_unknownField", values: { field: "descripton", path: "content.areas[0].elements[0].descripton", line: lineOf(text, '"descripton"') } },
    });
  });

  it("names a missing field on the line of the object that lacks it", () => {
    const content = smallContent();
    delete (content.areas[0]!.elements[1] as Partial<(typeof content.areas)[0]["elements"][1]>).name;
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_required", values: { path: "content.areas[0].elements[1].name", line: lineOf(text, '"key": "A.two"') - 1 } },
    });
  });

  it("refuses rubric lines for stages other than 1 to 5, and element keys that break the rule", () => {
    const withStageSix = smallContent();
    (withStageSix.areas[0]!.elements[0]!.rubric as Record<string, string>)["6"] = "Beyond";
    expect(parseFrameworkFile(fileText(withStageSix))).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_unknownField", values: { field: "6" } } });

    const badKey = smallContent();
    badKey.areas[0]!.elements[0]!.key = "a one";
    expect(parseFrameworkFile(fileText(badKey))).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_elementKeyFormat", values: { path: "content.areas[0].elements[0].key" } },
    });
  });

  it("refuses another format, naming the format expected", () => {
    const text = fileText(smallContent(), { format: "something-else" });
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_fileFormat", values: { expected: "task-force-roadmap/framework", path: "format", line: 2 } },
    });
  });

  it("refuses a property written twice in one object, which JSON would silently collapse", () => {
    const text = `{\n  "format": "task-force-roadmap/framework",\n  "format": "task-force-roadmap/framework"\n}`;
    expect(parseFrameworkFile(text)).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_duplicateProperty", values: { field: "format", line: 3 } } });
  });

  it("reports the first problem from the top of the file", () => {
    const content = smallContent();
    content.stages.pop();
    (content.areas[0]!.elements[0] as Record<string, unknown>).name = "";
    const text = fileText(content, { name: "" });
    expect(parseFrameworkFile(text)).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_empty", values: { path: "name", line: 5 } } });
  });
});

describe("edited content", () => {
  it("parses the content alone, with paths relative to it", () => {
    const text = serializeFrameworkContent(DEFAULT_FRAMEWORK_CONTENT);
    expect(parseFrameworkContent(text)).toEqual({ ok: true, value: DEFAULT_FRAMEWORK_CONTENT });
    const broken = text.replace('"key": "A.mou"', '"key": "A.mission"');
    expect(parseFrameworkContent(broken)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_duplicateKey", values: { key: "A.mission", path: "areas[0].elements[3].key", line: lineOf(text, '"key": "A.mou"') } },
    });
  });
});

describe("a framework in another language", () => {
  const translated = () => ({
    ...smallContent(),
    translations: {
      es: {
        stages: { "1": { name: "Etapa 1" } },
        areas: { A: { name: "Área A" } },
        elements: { "A.one": { name: "Uno", description: "Primero", rubric: { "1": "Comenzando" } } },
      },
    },
  });

  it("reads each text in the reader's language where the framework has it, and counts the rest left in English", () => {
    const { content, untranslatedTexts } = frameworkInLanguage(translated(), "es-US");
    expect(content.stages.map((stage) => stage.name)).toEqual(["Etapa 1", "Stage 2", "Stage 3", "Stage 4", "Stage 5"]);
    expect(content.areas[0]).toMatchObject({ name: "Área A", elements: [{ name: "Uno", description: "Primero", rubric: { "1": "Comenzando", "5": "Lasting" } }, { name: "Two" }] });
    // Left in English: four stage names, one rubric line, element Two's name and description (empty stage descriptions count for nothing).
    expect(untranslatedTexts).toBe(4 + 1 + 2);
    expect(content).not.toHaveProperty("translations");
  });

  it("gives an English reader the framework's own text, with nothing to note", () => {
    expect(frameworkInLanguage(translated(), "en")).toEqual({ content: smallContent(), untranslatedTexts: 0 });
    expect(frameworkInLanguage(translated(), undefined).untranslatedTexts).toBe(0);
  });

  it("falls back to English throughout for a language the framework lacks, and says how much", () => {
    const { content, untranslatedTexts } = frameworkInLanguage(smallContent(), "es-US");
    expect(content).toEqual(smallContent());
    expect(untranslatedTexts).toBe(5 + 1 + 2 + 2 + 2);
  });

  it("prefers a translation for the reader's region, then the language's", () => {
    const content = { ...smallContent(), translations: { es: { areas: { A: { name: "Área" } } }, "es-US": { areas: { A: { name: "Área (EE. UU.)" } } } } };
    expect(frameworkInLanguage(content, "es-US").content.areas[0]!.name).toBe("Área (EE. UU.)");
    expect(frameworkInLanguage(content, "es-MX").content.areas[0]!.name).toBe("Área");
  });

  it("ships the default framework wholly in Spanish", () => {
    const { content, untranslatedTexts, name } = frameworkInLanguage(DEFAULT_FRAMEWORK_CONTENT, "es-US");
    expect(untranslatedTexts).toBe(0);
    expect(name).toBe("Hoja de ruta de desarrollo del grupo de trabajo");
    expect(content.stages.map((stage) => stage.name)).toEqual(["Exploración", "Formación", "Implementación", "Desempeño", "Sostenibilidad"]);
  });

  it("reads a version of the shipped roadmap from before its Spanish in Spanish, but not one with words of its own", () => {
    const { translations: _translations, ...earlier } = DEFAULT_FRAMEWORK_CONTENT;
    expect(frameworkInLanguage(earlier, "es-US")).toMatchObject({ untranslatedTexts: 0, content: { stages: [{ name: "Exploración" }, {}, {}, {}, {}] } });
    const reworded = { ...earlier, areas: earlier.areas.map((area, index) => (index === 0 ? { ...area, name: "Structure (our wording)" } : area)) };
    const { content, untranslatedTexts } = frameworkInLanguage(reworded, "es-US");
    expect(content.stages[0]!.name).toBe("Exploring");
    expect(untranslatedTexts).toBeGreaterThan(100);
  });

  it("keeps every language through export and import, in the framework's order", () => {
    const content = { ...translated(), translations: { fr: { name: "Outil" }, es: { ...translated().translations.es, elements: { "A.two": { name: "Dos" }, "A.one": { name: "Uno" } } } } };
    const text = serializeFrameworkContent(content);
    expect(parseFrameworkContent(text)).toEqual({ ok: true, value: content });
    expect(Object.keys((JSON.parse(text) as { translations: object }).translations)).toEqual(["es", "fr"]);
    expect(text.indexOf('"A.one"')).toBeLessThan(text.indexOf('"A.two"'));
    const parsed = parseFrameworkFile(defaultFile());
    expect(parsed.ok && parsed.value.content.translations?.es?.elements?.["A.mission"]?.rubric?.["5"]).toBe(DEFAULT_FRAMEWORK_CONTENT.translations?.es?.elements?.["A.mission"]?.rubric?.["5"]);
  });

  it("names a translation of an element the framework does not have, on its line", () => {
    const content = translated();
    content.translations.es.elements = { ...content.translations.es.elements, "A.three": { name: "Tres" } } as typeof content.translations.es.elements;
    const text = fileText(content);
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_translationKey", values: { key: "A.three", path: "content.translations.es.elements.A.three", line: lineOf(text, '"A.three"') } },
    });
  });

  it("names a language that is not written as a language tag", () => {
    const text = fileText({ ...smallContent(), translations: { Spanish: { name: "Herramienta" } } });
    expect(parseFrameworkFile(text)).toMatchObject({
      ok: false,
      problem: { messageKey: "frameworkFile_languageTag", values: { key: "Spanish", path: "content.translations.Spanish", line: lineOf(text, '"Spanish"') } },
    });
  });

  it("names a misspelt field inside a translation", () => {
    const content = translated();
    const text = fileText({ ...content, translations: { es: { ...content.translations.es, areas: { A: { nmae: "Área" } } } } });
    expect(parseFrameworkFile(text)).toMatchObject({ ok: false, problem: { messageKey: "frameworkFile_unknownField", values: { field: "nmae" } } });
  });
});
