import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { DEFAULT_LOCALE } from "@/app/i18n/locales";
import messages from "@/app/i18n/messages/en.json";
import { formatCalendarDate } from "./figures";

/*
 * The one place server code takes its words from (emails, files, reports, command-line messages):
 * the same next-intl catalogs the pages use, through next-intl's own translator, so wording is
 * edited once and a second language reaches emails and exports through here. English for now: the
 * recipient's locale is added here when a second language ships.
 */

type Messages = typeof messages;

/** A translator for `namespace` of the catalog (the whole catalog without one). */
export function serverTranslator<const Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>> = never>(namespace?: Namespace) {
  return createTranslator<Messages, Namespace>({ locale: DEFAULT_LOCALE, messages, namespace });
}

/** A translator over the whole catalog, as report sections take it. */
export type ServerTranslator = ReturnType<typeof createTranslator<Messages>>;

/**
 * A spreadsheet number format that shows an amount in `currency` with its symbol in the default
 * locale and cents ("$13,977.50"), while the cell stays a number a spreadsheet can add up.
 */
export function currencyNumberFormat(currency: string): string {
  const symbol = new Intl.NumberFormat(DEFAULT_LOCALE, { style: "currency", currency }).formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;
  // [$…] marks the symbol as a currency for Excel and LibreOffice (not a literal to be parsed).
  return `[$${symbol}]#,##0.00`;
}

/** A formatter of numbers and dates in the default locale, for files and messages made on the server; instants shown in `timeZone`. */
export function serverFormatter(timeZone: string) {
  return createFormatter({ locale: DEFAULT_LOCALE, timeZone });
}

/** The language of what the server writes (a PDF's document language). */
export const SERVER_LOCALE: string = DEFAULT_LOCALE;

/** A medium date and a short time with the zone's abbreviation (dateStyle cannot carry the zone). */
const INSTANT = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Message values as a reader expects them: calendar dates ("2026-12-10") and instants written as
 * ISO text become dates in the default locale, an instant at the task force's own time of day
 * (a meeting at 09:00 in Chicago is not one at 15:00 UTC). What the notice list does in the browser.
 */
export function readableValues(values: Record<string, string | number>, timeZone: string): Record<string, string | number> {
  const format = serverFormatter(timeZone);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (typeof value !== "string") return [key, value];
      if (CALENDAR_DATE.test(value)) return [key, formatCalendarDate(format, value)];
      if (TIMESTAMP.test(value)) return [key, format.dateTime(new Date(value), INSTANT)];
      return [key, value];
    }),
  );
}
