"use client";

import { useTranslations } from "next-intl";

/**
 * A suggested gap's title in the person's language: what would close it when the element is below
 * its target ("Victim services: from stage 2 to stage 4"), else what the round left unsettled.
 */
export function useSuggestedGapTitle() {
  const t = useTranslations("gaps");
  return (suggestion: { name: string; currentStage: number | null; targetStage: number | null }) =>
    suggestion.currentStage !== null && suggestion.targetStage !== null && suggestion.currentStage < suggestion.targetStage
      ? t("suggestedTitleRaise", { element: suggestion.name, current: suggestion.currentStage, target: suggestion.targetStage })
      : t("suggestedTitleAgree", { element: suggestion.name });
}
