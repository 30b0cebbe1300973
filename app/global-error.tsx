"use client";

import { createTranslator } from "next-intl";
import { useEffect, useState } from "react";
import { DEFAULT_LOCALE } from "./i18n/locales";

type Texts = { title: string; text: string; retry: string };

/**
 * Last resort when even the root layout fails, so no provider is available: the catalog is read
 * directly, in the default locale. It is loaded only when this page is shown, so that it is not part
 * of every page's JavaScript.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [texts, setTexts] = useState<Texts | null>(null);
  useEffect(() => {
    void import("./i18n/messages/en.json").then(({ default: messages }) => {
      const t = createTranslator({ locale: DEFAULT_LOCALE, messages, namespace: "errorPage" });
      setTexts({ title: t("errorTitle"), text: t("error"), retry: t("retry") });
    });
  }, []);
  return (
    <html lang={DEFAULT_LOCALE}>
      <body>
        <main id="main" style={{ maxWidth: "32rem", margin: "2rem auto", fontFamily: "system-ui, sans-serif" }}>
          {texts && (
            <>
              <h1>{texts.title}</h1>
              <p>{texts.text}</p>
              <button type="button" onClick={reset}>
                {texts.retry}
              </button>
            </>
          )}
        </main>
      </body>
    </html>
  );
}
