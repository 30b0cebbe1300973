"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { FrameworkStage } from "@/db/schema";
import { levelTextWith } from "./levels";

/** A stage or level as text: a whole stage with its name ("3 (Implementing)"), a half stage or mean as a number. */
export function useStageText(stages: readonly FrameworkStage[] = []) {
  const format = useFormatter();
  const t = useTranslations("assessmentResults");
  return (value: number | null | undefined, options: { withName?: boolean } = {}) => {
    if (value === null || value === undefined) return t("noValue");
    const number = format.number(value, { maximumFractionDigits: 1 });
    const name = options.withName !== false && Number.isInteger(value) ? stages.find((stage) => stage.number === value)?.name : undefined;
    return name ? t("stageWithName", { stage: number, name }) : number;
  };
}

/** A level (a mean or median) as a number with at most one decimal. */
export function useLevelText() {
  return levelTextWith(useFormatter(), useTranslations("assessmentResults")("noValue"));
}
