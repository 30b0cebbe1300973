"use client";

import { useTranslations } from "next-intl";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";

/** A stored discipline key in words; an unknown key (from an older taxonomy) is shown as stored. */
export function useDisciplineName() {
  const t = useTranslations("disciplines");
  return (key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? t(key as Discipline) : key);
}
