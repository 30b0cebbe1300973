"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { Link } from "@/app/_components/Link";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import type { MatchProgress } from "@/server/domains/grants/match.rules";

/*
 * The local match to date as the award page and the dashboard show it: the figure with a progress
 * bar beside it, and the warning while hours are valued at $0 for want of hourly rates.
 */

/** Whole cents in the program's currency. */
export function useMoney() {
  const format = useFormatter();
  return (cents: number) => format.number(cents / 100, { style: "currency", currency: PROGRAM_CURRENCY });
}

/** "$12,400.00 of $25,000.00 matched (49.6%)" beside a bar; the text says it all for those who cannot see the bar. */
export function MatchBar({ match }: { match: Pick<MatchProgress, "totalCents" | "targetCents" | "share"> }) {
  const t = useTranslations("localMatch");
  const format = useFormatter();
  const money = useMoney();
  const figureId = useId();
  const share = format.number(match.share, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="match-bar">
      <progress max={1} value={Math.min(match.share, 1)} aria-label={t("barLabel")} aria-describedby={figureId}>
        {share}
      </progress>
      <span id={figureId}>{t("figure", { matched: money(match.totalCents), target: money(match.targetCents), share })}</span>
    </div>
  );
}

/** Shown while hours count for nothing because no hourly rate is set; coordinators get the way to set them. */
export function UnvaluedHoursWarning({ unvalued, taskForceSlug, canSetRates }: { unvalued: MatchProgress["unvalued"]; taskForceSlug: string; canSetRates: boolean }) {
  const t = useTranslations("localMatch");
  if (!unvalued.staffHours && !unvalued.consultantHours) return null;
  const key = unvalued.staffHours && unvalued.consultantHours ? "unvaluedBoth" : unvalued.staffHours ? "unvaluedStaff" : "unvaluedConsultant";
  return (
    <p className="alert warning">
      {t(key)}
      {canSetRates && (
        <>
          {" "}
          <Link href={`/tf/${taskForceSlug}/settings#contribution-settings-heading`}>{t("setRates")}</Link>
        </>
      )}
    </p>
  );
}
