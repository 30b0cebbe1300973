import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { DEFAULT_LOCALE, isSupportedLocale, LOCALE_COOKIE, localeOfRequest, SUPPORTED_LOCALES, type Locale } from "@/app/i18n/locales";
import en from "@/app/i18n/messages/en.json";
import es from "@/app/i18n/messages/es.json";
import { formatCalendarDate } from "./figures";

/*
 * The one place server code takes its words from (emails, files, reports, command-line messages):
 * the same next-intl catalogs the pages use, through next-intl's own translator, so wording is
 * edited once. Each takes the locale of whoever reads the result: an email's recipient (their
 * account's choice), a file's or report's requester (the request's locale); English otherwise.
 */

export { DEFAULT_LOCALE, isSupportedLocale, LOCALE_COOKIE, localeOfRequest, SUPPORTED_LOCALES, type Locale };

type Messages = typeof en;

/** Every language's catalog; each must have the English one's keys (app/i18n/catalogs.test.ts). */
const CATALOGS: Record<Locale, Messages> = { en, "es-US": es };

/** A translator for `namespace` of the catalog in `locale` (the whole catalog without a namespace). */
export function serverTranslator<const Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>> = never>(namespace?: Namespace, locale: Locale = DEFAULT_LOCALE) {
  return createTranslator<Messages, Namespace>({ locale, messages: CATALOGS[locale], namespace });
}

/** The locale a person chose, or English when they have not (or chose one no longer offered). */
export function localeOf(person: { locale?: string | null }): Locale {
  return person.locale && isSupportedLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
}

/** A translator over the whole catalog, as report sections take it. */
export type ServerTranslator = ReturnType<typeof createTranslator<Messages>>;

/** A translator over the whole catalog in `locale`. */
export function catalogTranslator(locale: Locale): ServerTranslator {
  return createTranslator<Messages>({ locale, messages: CATALOGS[locale] });
}

/**
 * A spreadsheet number format that shows an amount in `currency` with its symbol in `locale` and
 * cents ("$13,977.50"), while the cell stays a number a spreadsheet can add up.
 */
export function currencyNumberFormat(currency: string, locale: Locale = DEFAULT_LOCALE): string {
  const symbol = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;
  // [$…] marks the symbol as a currency for Excel and LibreOffice (not a literal to be parsed).
  return `[$${symbol}]#,##0.00`;
}

/** A formatter of numbers and dates in `locale`, for files and messages made on the server; instants shown in `timeZone`. */
export function serverFormatter(timeZone: string, locale: Locale = DEFAULT_LOCALE) {
  return createFormatter({ locale, timeZone });
}

/** A medium date and a short time with the zone's abbreviation (dateStyle cannot carry the zone). */
const INSTANT = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Message values as a reader expects them: calendar dates ("2026-12-10") and instants written as
 * ISO text become dates in `locale`, an instant at the task force's own time of day
 * (a meeting at 09:00 in Chicago is not one at 15:00 UTC). What the notice list does in the browser.
 */
export function readableValues(values: Record<string, string | number>, timeZone: string, locale: Locale = DEFAULT_LOCALE): Record<string, string | number> {
  const format = serverFormatter(timeZone, locale);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (typeof value !== "string") return [key, value];
      if (CALENDAR_DATE.test(value)) return [key, formatCalendarDate(format, value)];
      if (TIMESTAMP.test(value)) return [key, format.dateTime(new Date(value), INSTANT)];
      return [key, value];
    }),
  );
}
