"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useLevelText } from "@/app/_components/charts/format";
import type { ChartSeries } from "@/app/_components/charts/ChartFrame";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { SmallMultiples } from "@/app/_components/charts/SmallMultiples";
import { extremesOf, tallyMovements } from "@/app/_components/charts/summaries";
import { useTRPC } from "@/app/_trpc/client";
import type { PortfolioRow as Row } from "@/server/domains/funder/funder.service";
import { RequirementHistoryChart } from "./RequirementHistoryChart";

/*
 * Stages are 1 to 5, drawn from 0: on a scale from 1 a stage-1 area would have no bar at all, and
 * recharts widens a fixed scale to take in the 0 it draws for a level that is not shown, so the
 * charts would no longer share one scale.
 */
const STAGE_SCALE: [number, number] = [0, 5];
const PERCENT_SCALE: [number, number] = [0, 100];

/**
 * The portfolio's charts, each as small multiples on one scale (one chart per task force or award)
 * with its table and a written summary: requirements over time, roadmap level by area, and
 * contributions reporting per period. Built from the same rows as the table and the files.
 */
export function PortfolioCharts() {
  const trpc = useTRPC();
  const portfolio = useQuery(trpc.funder.portfolio.queryOptions());
  const rows = portfolio.data;
  if (!rows || rows.length === 0) return null;
  return (
    <>
      <RequirementHistoryChart series={rows.flatMap((row) => row.requirementSeries)} taskForceNames={new Map(rows.map((row) => [row.slug, row.name]))} />
      <AreaLevels rows={rows} />
      <ContributionReporting rows={rows} />
    </>
  );
}

function AreaLevels({ rows }: { rows: readonly Row[] }) {
  const t = useTranslations("funder");
  const level = useLevelText();
  const assessed = rows.filter((row) => row.lastRound !== null);
  return (
    <SmallMultiples id="portfolio-levels" heading={t("charts.levelsCaption")} summary={t("charts.levelsSummary", { count: assessed.length })}>
      {rows.map((row) => {
        if (!row.lastRound) return <p key={row.slug}>{t("charts.noRoundPanel", { name: row.name })}</p>;
        const round = row.lastRound.title;
        const label = (area: Row["areas"][number]) => t("charts.areaName", { key: area.key, name: area.name });
        const extremes = extremesOf(row.areas.map((area) => ({ label: label(area), value: area.level })));
        const standing = !extremes
          ? t("charts.levelsPanelNone", { round })
          : extremes.even
            ? t("charts.levelsPanelEven", { round, level: level(extremes.strongest.value) })
            : t("charts.levelsPanelSummary", {
                round,
                strongest: extremes.strongest.label,
                high: level(extremes.strongest.value),
                weakest: extremes.weakest.label,
                low: level(extremes.weakest.value),
              });
        const moves = tallyMovements(row.areas.map((area) => ({ before: area.previous, after: area.level })));
        const movement =
          row.previousRound && moves.comparable > 0
            ? [t("charts.levelsMovement", { previous: row.previousRound.title, up: moves.up, down: moves.down, unchanged: moves.unchanged })]
            : [];
        const series: ChartSeries[] = [
          { key: "latest", label: t("charts.latestSeries", { round }), values: Object.fromEntries(row.areas.map((area) => [area.key, area.level])) },
          ...(row.previousRound
            ? [{ key: "previous", label: t("charts.previousSeries", { round: row.previousRound.title }), values: Object.fromEntries(row.areas.map((area) => [area.key, area.previous])) }]
            : []),
        ];
        return (
          <SeriesBarChart
            key={row.slug}
            caption={row.name}
            summary={[standing, ...movement].join(" ")}
            categoryHeading={t("charts.areaColumn")}
            categories={row.areas.map((area) => ({ key: area.key, label: label(area) }))}
            series={series}
            horizontal
            valueDomain={STAGE_SCALE}
            valueText={level}
          />
        );
      })}
    </SmallMultiples>
  );
}

function ContributionReporting({ rows }: { rows: readonly Row[] }) {
  const t = useTranslations("funder");
  const format = useFormatter();
  const percent = (share: number) => format.number(share, { style: "percent" });
  return (
    <SmallMultiples id="portfolio-reporting" heading={t("charts.completenessCaption")} summary={t("charts.completenessSummary")}>
      {rows.map((row) => {
        // A period in which no organization was expected has no share, rather than 0 %.
        const expected = row.contributionPeriods.filter((period) => period.expected > 0);
        const latest = expected.at(-1);
        const lowest = extremesOf(expected.map((period) => ({ label: period.period, value: period.reportingRate })))?.weakest;
        return (
          <SeriesBarChart
            key={row.slug}
            caption={row.name}
            summary={
              latest && lowest
                ? t("charts.completenessPanelSummary", {
                    period: latest.period,
                    submitted: latest.submitted,
                    expected: latest.expected,
                    share: percent(latest.reportingRate),
                    lowPeriod: lowest.label,
                    lowShare: percent(lowest.value),
                  })
                : t("charts.completenessPanelNone")
            }
            categoryHeading={t("charts.periodColumn")}
            categories={row.contributionPeriods.map((period) => ({ key: period.period, label: period.period }))}
            series={[
              {
                key: "reportingRate",
                label: t("charts.reportingRate"),
                values: Object.fromEntries(row.contributionPeriods.map((period) => [period.period, period.expected > 0 ? Math.round(period.reportingRate * 100) : null])),
              },
            ]}
            everyLabel
            valueDomain={PERCENT_SCALE}
            tick={(value) => percent(value / 100)}
            valueText={(value) => percent(value / 100)}
          />
        );
      })}
    </SmallMultiples>
  );
}
