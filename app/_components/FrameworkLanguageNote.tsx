"use client";

import { useTranslations } from "next-intl";

/**
 * Says that part of the framework on this page is in English because the framework has no text in
 * the reader's language for it (server/domains/frameworks/frameworkLanguage.ts counts them).
 */
export function FrameworkLanguageNote({ untranslatedTexts }: { untranslatedTexts: number }) {
  const t = useTranslations("frameworkLanguage");
  if (untranslatedTexts === 0) return null;
  return (
    <p className="alert info" data-testid="framework-language-note">
      {t("untranslatedNote", { count: untranslatedTexts })}
    </p>
  );
}
