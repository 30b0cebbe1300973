"use client";

import { createTranslator } from "next-intl";
import messages from "./i18n/messages/en.json";
import { DEFAULT_LOCALE } from "./i18n/locales";

/**
 * Last resort when even the root layout fails, so no provider is available: the catalog is read
 * directly, in the default locale.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = createTranslator({ locale: DEFAULT_LOCALE, messages, namespace: "errors" });
  return (
    <html lang={DEFAULT_LOCALE}>
      <body>
        <main id="main" style={{ maxWidth: "32rem", margin: "2rem auto", fontFamily: "system-ui, sans-serif" }}>
          <h1>{t("errorTitle")}</h1>
          <p>{t("error")}</p>
          <button type="button" onClick={reset}>
            {t("retry")}
          </button>
        </main>
      </body>
    </html>
  );
}
