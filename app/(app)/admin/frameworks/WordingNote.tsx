"use client";

import { useTranslations } from "next-intl";
import { PARAPHRASED_WORDING } from "@/db/vocabulary/frameworks";

/** Where a version's wording comes from; the shipped paraphrase says how to replace it. */
export function WordingNote({ note }: { note: string }) {
  const t = useTranslations("frameworks");
  if (note === PARAPHRASED_WORDING) return <>{t("paraphrased")}</>;
  return <>{t("wordingNote", { note: note || t("noWordingNote") })}</>;
}
