/*
 * The languages of the application. A locale is the BCP 47 tag that next-intl and Intl use, so it
 * sets the formats too: Spanish is "es-US", US Spanish, whose numbers and money read as in the
 * United States ("$13,977.50", where Spain's Spanish writes "13.977,50 US$"). Its catalog is named by
 * its language alone (messages/es.json). README: adding a language.
 */
export const SUPPORTED_LOCALES = ["en", "es-US"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in that language, as the switch offers it: a reader looks for their own. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "es-US": "Español" };

/** The cookie that keeps the language chosen on this device (for a signed-in person, their account keeps it too). */
export const LOCALE_COOKIE = "locale";

export function isSupportedLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The catalog file of a locale: messages/<language>.json. */
export function catalogName(locale: Locale): string {
  return locale.split("-")[0]!;
}

const languageOf = (tag: string) => tag.trim().toLowerCase().split("-")[0] ?? "";

/**
 * The supported locale a browser's Accept-Language header prefers most, matched by language
 * ("es-MX" and "es" both get US Spanish), or undefined when it names none of them.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...parameters] = part.split(";");
      const quality = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
      const weight = quality === undefined ? 1 : Number(quality.slice(2));
      return { language: languageOf(tag), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.language !== "" && entry.language !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { language } of ranked) {
    const match = SUPPORTED_LOCALES.find((locale) => languageOf(locale) === language);
    if (match) return match;
  }
  return undefined;
}

/**
 * Which language a request is answered in: the one the signed-in person chose (it follows them to
 * every device), else the one chosen on this device, else the browser's, else English.
 */
export function resolveLocale(sources: { chosen?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  for (const candidate of [sources.chosen, sources.cookie]) {
    if (candidate && isSupportedLocale(candidate)) return candidate;
  }
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The locale of a request: `chosen` is the signed-in person's choice, the cookie and Accept-Language come from its headers. */
export function localeOfRequest(headers: Headers, chosen: string | null | undefined): Locale {
  const cookie = headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return resolveLocale({ chosen, cookie, acceptLanguage: headers.get("accept-language") });
}
