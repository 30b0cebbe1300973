import { STAGE_NUMBERS } from "@/db/vocabulary/frameworks";
import { z } from "zod";

/*
 * What a framework may contain, and the file format in which frameworks travel.
 *
 * Rules (also in the import help on /admin/frameworks):
 * - exactly five stages, numbered 1 to 5 in that order;
 * - an area key is a capital letter followed by letters or digits ("A", "B", "State1");
 * - an element key is a capital letter followed by letters or digits, a dot, then lower-case words of
 *   letters and digits joined by single hyphens ("A.mou", "B.trauma-informed"). Elements are referred
 *   to by this key in assessments, gaps and targets, so keep a key when you reword an element;
 * - area keys are unique, and element keys are unique across the whole framework;
 * - names are required; a rubric line may be given for stages "1" to "5" only;
 * - no fields beyond those listed: a misspelt field is reported instead of silently dropped;
 * - `translations` (optional) holds the same texts in other languages, by language tag ("es") and
 *   then by stage number, area key and element key; each text may be left out (it is then read in
 *   English), but a key must be one the framework has, so a misspelt key is reported too.
 *
 * Error messages given here name a rule; the catalog says it under `errors.frameworkFile_<rule>`.
 */

export const FRAMEWORK_FILE_FORMAT = "task-force-roadmap/framework";
export const FRAMEWORK_FILE_FORMAT_VERSION = 1;
/** Largest framework file accepted, in characters (about 1 MB); the default is about 20 kB. */
export const MAX_FRAMEWORK_FILE_CHARS = 1_000_000;

export const AREA_KEY_PATTERN = /^[A-Z][A-Za-z0-9]{0,15}$/;
export const ELEMENT_KEY_PATTERN = /^[A-Z][A-Za-z0-9]{0,15}\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FRAMEWORK_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;


const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000);
const rubricLine = z.string().trim().min(1).max(1000);

const RubricSchema = z.strictObject({
  "1": rubricLine.optional(),
  "2": rubricLine.optional(),
  "3": rubricLine.optional(),
  "4": rubricLine.optional(),
  "5": rubricLine.optional(),
});

export const FrameworkStageSchema = z.strictObject({
  number: z.number().int(),
  name,
  description,
});

export const FrameworkElementSchema = z.strictObject({
  key: z.string().trim().max(80).regex(ELEMENT_KEY_PATTERN, { error: "elementKeyFormat" }),
  name,
  description: description.default(""),
  rubric: RubricSchema.optional(),
});

export const FrameworkAreaSchema = z.strictObject({
  key: z.string().trim().regex(AREA_KEY_PATTERN, { error: "areaKeyFormat" }),
  name,
  description: description.optional(),
  elements: z.array(FrameworkElementSchema).min(1).max(100),
});

/** A language as translations are keyed: "es", or with a region where it matters, "es-US". */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;

const translatedTexts = z.strictObject({ name: name.optional(), description: description.optional() });

export const FrameworkTranslationSchema = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  stages: z.partialRecord(z.enum(STAGE_NUMBERS), translatedTexts).optional(),
  areas: z.record(z.string(), translatedTexts).optional(),
  elements: z.record(z.string(), translatedTexts.extend({ rubric: RubricSchema.optional() })).optional(),
});

export const FrameworkContentSchema = z
  .strictObject({
    stages: z.array(FrameworkStageSchema),
    areas: z.array(FrameworkAreaSchema).min(1).max(26),
    translations: z.record(z.string().regex(LANGUAGE_TAG_PATTERN, { error: "languageTag" }), FrameworkTranslationSchema).optional(),
  })
  .superRefine((content, ctx) => {
    if (content.stages.length !== STAGE_NUMBERS.length) {
      ctx.addIssue({ code: "custom", message: "stageCount", path: ["stages"], params: { count: content.stages.length } });
    } else {
      content.stages.forEach((stage, index) => {
        if (stage.number !== index + 1) {
          ctx.addIssue({ code: "custom", message: "stageOrder", path: ["stages", index, "number"], params: { expected: index + 1 } });
        }
      });
    }
    const areaKeys = new Set<string>();
    const elementKeys = new Set<string>();
    content.areas.forEach((area, areaIndex) => {
      if (areaKeys.has(area.key)) {
        ctx.addIssue({ code: "custom", message: "duplicateKey", path: ["areas", areaIndex, "key"], params: { key: area.key } });
      }
      areaKeys.add(area.key);
      area.elements.forEach((element, elementIndex) => {
        if (elementKeys.has(element.key)) {
          ctx.addIssue({
            code: "custom",
            message: "duplicateKey",
            path: ["areas", areaIndex, "elements", elementIndex, "key"],
            params: { key: element.key },
          });
        }
        elementKeys.add(element.key);
      });
    });
    for (const [language, translation] of Object.entries(content.translations ?? {})) {
      const unknown = (kind: "areas" | "elements", known: Set<string>) => {
        for (const key of Object.keys(translation[kind] ?? {})) {
          if (!known.has(key)) ctx.addIssue({ code: "custom", message: "translationKey", path: ["translations", language, kind, key], params: { key } });
        }
      };
      unknown("areas", areaKeys);
      unknown("elements", elementKeys);
    }
  });
export type FrameworkContentInput = z.input<typeof FrameworkContentSchema>;

export const FrameworkFileSchema = z.strictObject({
  format: z.literal(FRAMEWORK_FILE_FORMAT, { error: "fileFormat" }),
  formatVersion: z.literal(FRAMEWORK_FILE_FORMAT_VERSION, { error: "fileFormatVersion" }),
  key: z.string().trim().min(1).max(64).regex(FRAMEWORK_KEY_PATTERN, { error: "frameworkKeyFormat" }),
  name: z.string().trim().min(1).max(160),
  description: description.default(""),
  wordingNote: z.string().trim().max(500).default(""),
  content: FrameworkContentSchema,
});
export type FrameworkFile = z.infer<typeof FrameworkFileSchema>;

// ---------------------------------------------------------------------------------------------
// Procedure inputs
// ---------------------------------------------------------------------------------------------

/** The JSON text of a framework file (pasted or read from a file in the browser). */
const frameworkJson = z.string().min(1).max(MAX_FRAMEWORK_FILE_CHARS, { error: "frameworkFileTooLarge" });

export const ImportFrameworkInput = z.object({ json: frameworkJson });
export type ImportFrameworkInput = z.infer<typeof ImportFrameworkInput>;

export const FrameworkVersionInput = z.object({ versionId: z.uuid() });
export type FrameworkVersionInput = z.infer<typeof FrameworkVersionInput>;

export const ListFrameworkVersionsInput = z.object({ frameworkId: z.uuid() });
export type ListFrameworkVersionsInput = z.infer<typeof ListFrameworkVersionsInput>;

/**
 * An edit: the whole content as JSON text, saved as the next version. `basedOnVersion` is the
 * version the editor started from, so that two administrators editing at once do not silently
 * overwrite each other's changes.
 */
export const SaveFrameworkVersionInput = z.object({
  frameworkId: z.uuid(),
  basedOnVersion: z.number().int().min(1),
  json: frameworkJson,
  wordingNote: z.string().trim().max(500),
});
export type SaveFrameworkVersionInput = z.infer<typeof SaveFrameworkVersionInput>;

export const ChooseFrameworkInput = z.object({ frameworkId: z.uuid() });
export type ChooseFrameworkInput = z.infer<typeof ChooseFrameworkInput>;
