"use client";

import { useTranslations } from "next-intl";

/** Opens the browser's print dialog, where "Save as PDF" makes the PDF. */
export function PrintButton() {
  const t = useTranslations("reports");
  return (
    <button type="button" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
