"use client";

import { useFormatter, useTranslations } from "next-intl";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import type { Shown } from "@/server/domains/privacy/suppression";

/** A count, or the word "suppressed" where small-cell suppression hid it (never a number then). */
export function ShownValue({ cell, kind = "count" }: { cell: Shown | undefined; kind?: "count" | "hours" | "money" }) {
  const t = useTranslations("suppression");
  const tContributions = useTranslations("contributions");
  const format = useFormatter();
  if (!cell) return <>{tContributions("notReported")}</>;
  if (cell.suppressed) return <em>{t("suppressed")}</em>;
  if (kind === "money") return <>{format.number(cell.value / 100, { style: "currency", currency: PROGRAM_CURRENCY })}</>;
  return <>{format.number(cell.value, { maximumFractionDigits: 2 })}</>;
}
