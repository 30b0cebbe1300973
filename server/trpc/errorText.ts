import type { MessageValues } from "@/server/errors";
import { DEFAULT_LOCALE, readableValues, serverTranslator, type Locale } from "@/server/lib/translate";
import type { FieldErrors } from "./fieldErrors";

/*
 * A refusal's sentences are written on the server, in the reader's language: the `errors` catalog
 * (about 20 KB) then never travels with a page just in case a request fails. Problems a page finds
 * itself before sending (a figure with three decimals, passwords that differ) have no text and are
 * worded in the browser from the small `validation` namespace.
 */

/** A refusal as catalog keys: the form-level message, and each field's problems. */
export interface ErrorParts {
  messageKey: string;
  values: MessageValues;
  fieldErrors: FieldErrors;
}

/** What a client receives beside tRPC's own error shape: the keys, and `text`, the sentence to show. */
export interface ErrorData extends ErrorParts {
  text: string;
}

type Translate = (key: string, values: MessageValues) => string | null;
type Namespace = "errors" | "validation" | "requestFailed";

/** Made once per namespace and language, so that a message's ICU text is parsed once, not for each refusal. */
const translators = new Map<string, Translate>();

function translatorOf(namespace: Namespace, locale: Locale): Translate {
  const key = `${namespace} ${locale}`;
  let translate = translators.get(key);
  if (!translate) {
    const t = serverTranslator(namespace, locale) as unknown as { has(key: string): boolean; (key: string, values: MessageValues): string };
    translate = (key, values) => (t.has(key) ? t(key, values) : null);
    translators.set(key, translate);
  }
  return translate;
}

/**
 * The parts with their sentences in `locale`; dates and instants among the values read as the task
 * force's calendar and clock in `timeZone`. A key the catalogs lack reads as the generic message,
 * never as the key itself.
 */
export function explainError(parts: ErrorParts, locale: Locale = DEFAULT_LOCALE, timeZone = "UTC"): ErrorData {
  const errors = translatorOf("errors", locale);
  const validation = translatorOf("validation", locale);
  const requestFailed = translatorOf("requestFailed", locale);
  const readable = (values: MessageValues | undefined) => readableValues(values ?? {}, timeZone, locale);
  const generic = requestFailed("internal", {}) ?? parts.messageKey;
  const text = errors(parts.messageKey, readable(parts.values)) ?? requestFailed(parts.messageKey, {}) ?? generic;
  const fieldErrors = Object.fromEntries(
    Object.entries(parts.fieldErrors).map(([field, problems]) => [
      field,
      problems.map((problem) => {
        const values = readable(problem.values);
        return { ...problem, text: validation(problem.key, values) ?? errors(problem.key, values) ?? validation("invalid", {}) ?? generic };
      }),
    ]),
  );
  return { ...parts, fieldErrors, text };
}
