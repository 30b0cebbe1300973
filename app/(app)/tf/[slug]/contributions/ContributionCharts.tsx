"use client";

import { useFormatter, useTranslations } from "next-intl";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import type { ChartSeries } from "@/app/_components/charts/ChartFrame";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import type { RouterOutputs } from "./types";

type Overview = RouterOutputs["contribution"]["overview"];

/** Contributions by type and by organization over time, people trained by sector, reporting completeness. */
export function ContributionCharts({ overview }: { overview: Overview }) {
  const t = useTranslations("contributions");
  const tDisciplines = useTranslations("disciplines");
  const format = useFormatter();
  const dollars = (cents: number) => format.number(cents / 100, { style: "currency", currency: PROGRAM_CURRENCY, maximumFractionDigits: 0 });
  const percent = (value: number) => format.number(value, { style: "percent" });
  // The table under a chart gives the cents the summary rounds away: 13977.5 reads "$13,977.50".
  const money = (value: number) => format.number(value, { style: "currency", currency: PROGRAM_CURRENCY });
  const dollarTick = (value: number) => format.number(value, { style: "currency", currency: PROGRAM_CURRENCY, notation: "compact" });
  const percentTick = (value: number) => format.number(value / 100, { style: "percent" });
  const categories = overview.periods.map((period) => ({ key: period, label: period }));

  const byType: ChartSeries[] = (["staffTime", "consultantTime", "inKind"] as const).map((key) => ({
    key,
    label: t(key),
    values: Object.fromEntries(overview.valueByType.map((row) => [row.period, row[key] / 100])),
  }));
  const sum = (key: "staffTime" | "consultantTime" | "inKind") => overview.valueByType.reduce((total, row) => total + row[key], 0);

  const byOrganization: ChartSeries[] | null =
    overview.valueByOrganization?.map((group) => ({
      key: group.key,
      label: group.key === "own" ? t("ownOrganization", { name: group.name ?? "" }) : group.key === "others" ? t("otherOrganizations") : (group.name ?? ""),
      values: Object.fromEntries(group.values.map((row) => [row.period, row.total / 100])),
    })) ?? null;
  const topOrganization = overview.valueByOrganization
    ?.map((group, index) => ({ label: byOrganization?.[index]?.label ?? "", total: group.values.reduce((total, row) => total + row.total, 0) }))
    .reduce<{ label: string; total: number } | null>((best, row) => (best === null || row.total > best.total ? row : best), null);

  const trained = overview.peopleTrainedBySector.map((row) => ({ key: row.sector, label: tDisciplines(row.sector as never), count: row.count }));
  const trainedSeries: ChartSeries[] = [{ key: "count", label: t("peopleTrainedColumn"), values: Object.fromEntries(trained.map((row) => [row.key, row.count])) }];
  const topTrained = trained.reduce<(typeof trained)[number] | null>((best, row) => (best === null || row.count > best.count ? row : best), null);

  const completenessSeries: ChartSeries[] = [
    { key: "reportingRate", label: t("reportingRate"), values: Object.fromEntries(overview.completeness.map((row) => [row.period, Math.round(row.reportingRate * 100)])) },
    { key: "onTimeRate", label: t("onTimeRate"), values: Object.fromEntries(overview.completeness.map((row) => [row.period, Math.round(row.onTimeRate * 100)])) },
  ];
  const lastEnded = [...overview.completeness].reverse().find((row) => row.ended);

  return (
    <section aria-labelledby="contribution-charts-heading">
      <h2 id="contribution-charts-heading">{t("chartsHeading")}</h2>
      <SeriesBarChart
        caption={t("valueByTypeCaption")}
        summary={t("valueByTypeSummary", {
          total: dollars(sum("staffTime") + sum("consultantTime") + sum("inKind")),
          periods: overview.periods.length,
          staff: dollars(sum("staffTime")),
          consultants: dollars(sum("consultantTime")),
          inKind: dollars(sum("inKind")),
        })}
        categoryHeading={t("periodColumn")}
        categories={categories}
        series={byType}
        stacked
        tick={dollarTick}
        valueText={money}
      />
      {byOrganization && topOrganization && (
        <SeriesBarChart
          caption={t("valueByOrganizationCaption")}
          summary={t("valueByOrganizationSummary", { name: topOrganization.label, value: dollars(topOrganization.total) })}
          categoryHeading={t("periodColumn")}
          categories={categories}
          series={byOrganization}
          stacked
          tick={dollarTick}
          valueText={money}
        />
      )}
      {topTrained ? (
        <SeriesBarChart
          caption={t("trainedCaption")}
          summary={t("trainedSummary", {
            total: trained.reduce((total, row) => total + row.count, 0),
            sectors: trained.length,
            top: topTrained.label,
            count: topTrained.count,
          })}
          categoryHeading={t("sectorColumn")}
          categories={trained.map((row) => ({ key: row.key, label: row.label }))}
          series={trainedSeries}
          horizontal
        />
      ) : (
        <p>
          <strong>{t("trainedCaption")}</strong> {t("trainedNone")}
        </p>
      )}
      <SeriesBarChart
        caption={t("completenessCaption")}
        summary={
          lastEnded ? t("completenessSummary", { period: lastEnded.period, rate: percent(lastEnded.reportingRate), onTime: percent(lastEnded.onTimeRate) }) : ""
        }
        categoryHeading={t("periodColumn")}
        categories={categories}
        series={completenessSeries}
        tick={percentTick}
      />
    </section>
  );
}
