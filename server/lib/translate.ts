import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { DEFAULT_LOCALE } from "@/app/i18n/locales";
import messages from "@/app/i18n/messages/en.json";

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
