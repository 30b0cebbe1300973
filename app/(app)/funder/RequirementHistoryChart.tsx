"use client";

import { useTranslations } from "next-intl";
import { useCalendarDate } from "@/app/_components/DateTime";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { SmallMultiples } from "@/app/_components/charts/SmallMultiples";
import type { AwardRequirementSeries } from "@/server/domains/funder/funder.service";

const SEGMENTS = ["met", "inProgress", "notStarted"] as const;

/**
 * Requirements met, in progress and not started over time, one chart per award, all on one scale
 * (up to the most requirements one award has). It draws whatever points each series carries: today
 * one per award, a line of days once requirement history is kept (funder.service.ts).
 */
export function RequirementHistoryChart({ series, taskForceNames }: { series: readonly AwardRequirementSeries[]; taskForceNames: ReadonlyMap<string, string> }) {
  const t = useTranslations("funder");
  const calendarDate = useCalendarDate();
  const counted = (point: AwardRequirementSeries["points"][number]) => point.met + point.inProgress + point.notStarted;
  const most = Math.max(1, ...series.flatMap((award) => award.points.map(counted)));
  const summary =
    series.length === 0 ? t("charts.noAwards") : series.some((award) => award.points.length > 1) ? t("charts.requirementsSummary") : t("charts.requirementsSummaryToday");
  return (
    <SmallMultiples id="portfolio-requirements" heading={t("charts.requirementsCaption")} summary={summary}>
      {series.map((award) => {
        const first = award.points[0];
        const last = award.points.at(-1);
        const sentences = last
          ? [
              t("charts.requirementsPanelSummary", { date: calendarDate(last.date), met: last.met, inProgress: last.inProgress, notStarted: last.notStarted }),
              ...(first && award.points.length > 1 ? [t("charts.requirementsPanelChange", { first: calendarDate(first.date), from: first.met, to: last.met })] : []),
            ]
          : [];
        return (
          <SeriesBarChart
            key={award.grantId}
            caption={t("charts.requirementsPanelCaption", { award: award.awardNumber, taskForce: taskForceNames.get(award.taskForceSlug) ?? award.taskForceSlug })}
            summary={sentences.join(" ")}
            categoryHeading={t("charts.dateColumn")}
            categories={award.points.map((point) => ({ key: point.date, label: calendarDate(point.date) }))}
            series={SEGMENTS.map((segment) => ({
              key: segment,
              label: t(`charts.${segment}`),
              values: Object.fromEntries(award.points.map((point) => [point.date, point[segment]])),
            }))}
            stacked
            everyLabel
            valueDomain={[0, most]}
          />
        );
      })}
    </SmallMultiples>
  );
}
