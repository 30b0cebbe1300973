"use client";

import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/**
 * Shown when a page fails to render, most often because the database is unreachable. Writes are
 * transactional, so the message can honestly say that saved work is safe.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="narrow">
      <h1>{t("errorTitle")}</h1>
      <p>{t("error")}</p>
      <div className="inline-actions">
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link href="/">{t("backHome")}</Link>
      </div>
    </main>
  );
}
