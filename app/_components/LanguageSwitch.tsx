import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "@/app/i18n/locales";
import { ReturnHereField } from "./ReturnHereField";

/**
 * The other languages, each a button named in its own language, in a plain form that posts to
 * app/api/locale: it works before anyone signs in and without JavaScript, and brings the person
 * back to the page they were on, now in the language they chose.
 */
export async function LanguageSwitch() {
  const current = await getLocale();
  const t = await getTranslations("language");
  return (
    <form method="post" action="/api/locale" className="language-switch" aria-label={t("label")}>
      <ReturnHereField />
      {SUPPORTED_LOCALES.filter((locale) => locale !== current).map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} className="link">
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
