import { isDeepStrictEqual } from "node:util";
import type { FrameworkContent, FrameworkTranslation } from "@/db/schema";
import { DEFAULT_FRAMEWORK_CONTENT, DEFAULT_FRAMEWORK_ENGLISH } from "./defaultFrameworkContent";

/*
 * A framework's text in the reader's language. Framework content is written in English and may
 * carry translations (content.translations, by language tag); a reader gets each text in their
 * language where the translation has it and in English where it does not, and is told how many
 * texts fell back, so a page can say so instead of silently mixing languages.
 */

/** The language of a framework's own text; translations add others. */
export const FRAMEWORK_LANGUAGE = "en";

export interface FrameworkInLanguage {
  /** The content with each text in the reader's language where the framework has it; no translations. */
  content: FrameworkContent;
  /** The framework's name and description in that language, where the translation gives them. */
  name?: string;
  description?: string;
  /** How many of the content's texts are shown in English for want of a translation (0 for English readers). */
  untranslatedTexts: number;
}

/** The entry for a locale: its own ("es-US") if there is one, else its language's ("es"). */
function forLocale<T>(byLanguage: Record<string, T> | null | undefined, locale: string): T | undefined {
  return byLanguage?.[locale] ?? byLanguage?.[locale.split("-")[0]!];
}

/**
 * A version's translations. A version of the shipped roadmap from before it carried translations (the same
 * English word for word) is read with the shipped ones: rounds taken on it years ago read in
 * Spanish too, and the version itself stays as it was written.
 */
function translationsOf(content: FrameworkContent): FrameworkContent["translations"] {
  if (content.translations) return content.translations;
  const { translations: _none, ...english } = content;
  return isDeepStrictEqual(english, DEFAULT_FRAMEWORK_ENGLISH) ? DEFAULT_FRAMEWORK_CONTENT.translations : undefined;
}

/** The content in `locale` (a reader's; none reads English). */
export function frameworkInLanguage(content: FrameworkContent, locale: string | undefined): FrameworkInLanguage {
  const { translations: _translations, ...english } = content;
  if (!locale || locale.split("-")[0] === FRAMEWORK_LANGUAGE) return { content: english, untranslatedTexts: 0 };
  const translations = translationsOf(content);
  const translation: FrameworkTranslation = forLocale(translations, locale) ?? {};
  let untranslatedTexts = 0;
  /** The translated text, or the English one (counted) when the translation lacks it; empty stays empty. */
  const text = <T extends string | undefined>(translated: string | undefined, own: T): T => {
    if (!own) return own;
    if (translated) return translated as T;
    untranslatedTexts += 1;
    return own;
  };
  const localized: FrameworkContent = {
    stages: english.stages.map((stage) => {
      const stageTranslation = translation.stages?.[String(stage.number) as "1"];
      return { ...stage, name: text(stageTranslation?.name, stage.name), description: text(stageTranslation?.description, stage.description) };
    }),
    areas: english.areas.map((area) => {
      const areaTranslation = translation.areas?.[area.key];
      return {
        ...area,
        name: text(areaTranslation?.name, area.name),
        description: text(areaTranslation?.description, area.description),
        elements: area.elements.map((element) => {
          const elementTranslation = translation.elements?.[element.key];
          const rubric = element.rubric
            ? Object.fromEntries(
                Object.entries(element.rubric).map(([stage, line]) => [stage, text(elementTranslation?.rubric?.[stage as "1"], line)]),
              )
            : undefined;
          return {
            ...element,
            name: text(elementTranslation?.name, element.name),
            description: text(elementTranslation?.description, element.description),
            ...(rubric ? { rubric } : {}),
          };
        }),
      };
    }),
  };
  return { content: localized, name: translation.name, description: translation.description, untranslatedTexts };
}

/**
 * A row that carries framework content (and perhaps its framework's name and description) as a
 * reader in `locale` reads it, with the count of texts left in English. Queries and services that
 * return content for reading pass their rows through this, so no page shows the framework in
 * another language than the reader's where a translation exists.
 */
export function rowInLanguage<Row extends { content: FrameworkContent; frameworkName?: string; frameworkDescription?: string }>(
  row: Row,
  locale: string | undefined,
) {
  const localized = frameworkInLanguage(row.content, locale);
  return {
    ...row,
    ...(row.frameworkName !== undefined && localized.name ? { frameworkName: localized.name } : {}),
    ...(row.frameworkDescription !== undefined && localized.description ? { frameworkDescription: localized.description } : {}),
    content: localized.content,
    untranslatedTexts: localized.untranslatedTexts,
  };
}

/** A framework's name and description as a reader in `locale` reads them, from its translations' names by language. */
export function frameworkNamesInLanguage<Row extends { name: string; description: string }>(
  row: Row,
  namesByLanguage: Record<string, { name?: string; description?: string }> | null,
  locale: string | undefined,
): Row {
  const names = locale ? forLocale(namesByLanguage, locale) : undefined;
  return { ...row, name: names?.name ?? row.name, description: names?.description ?? row.description };
}
