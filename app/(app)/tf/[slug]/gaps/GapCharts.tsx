"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** Gaps opened vs. resolved per month, open gaps by area and by owner organization, overdue counts. */
export function GapCharts({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("gaps");
  const trpc = useTRPC();
  const stats = useQuery(trpc.gap.stats.queryOptions({ taskForceSlug }));
  if (stats.error) return <FormError error={stats.error} />;
  if (!stats.data) return null;
  const { openedVsResolved, openByArea, openByOwnerOrganization, overdue } = stats.data;
  const totalOpened = openedVsResolved.reduce((sum, row) => sum + row.opened, 0);
  const totalResolved = openedVsResolved.reduce((sum, row) => sum + row.resolved, 0);
  const series = [
    { key: "opened", label: t("chartOpened"), values: Object.fromEntries(openedVsResolved.map((row) => [row.month, row.opened])) },
    { key: "resolved", label: t("chartResolved"), values: Object.fromEntries(openedVsResolved.map((row) => [row.month, row.resolved])) },
  ];
  return (
    <section aria-labelledby="gap-charts-heading">
      <h2 id="gap-charts-heading">{t("chartsHeading")}</h2>
      <p className="progress-count">{t("overdueCount", { gaps: overdue.gaps, actions: overdue.actionItems })}</p>
      {openedVsResolved.length === 0 ? (
        <p>{t("chartNone")}</p>
      ) : (
        <SeriesBarChart
          caption={t("chartCaption")}
          summary={t("chartSummary", { opened: totalOpened, resolved: totalResolved, months: openedVsResolved.length })}
          categoryHeading={t("monthColumn")}
          categories={openedVsResolved.map((row) => ({ key: row.month, label: row.month }))}
          series={series}
        />
      )}
      <OpenGapsChart
        caption={t("byAreaCaption")}
        categoryHeading={t("areaFilter")}
        rows={openByArea.map((row) => ({ key: row.areaKey, label: row.areaName ?? row.areaKey, count: row.count }))}
        summary={(top, count) => t("byAreaSummary", { name: top.label, top: top.count, count })}
      />
      <OpenGapsChart
        caption={t("byOrganizationCaption")}
        categoryHeading={t("organizationFilter")}
        rows={openByOwnerOrganization.map((row) => ({
          key: row.organizationId ?? "none",
          label: row.organizationName ?? t("noOwner"),
          count: row.count,
        }))}
        summary={(top, count) => t("byOrganizationSummary", { name: top.label, top: top.count, count })}
      />
    </section>
  );
}

interface OpenGapsRow {
  key: string;
  label: string;
  count: number;
}

/** Open gaps per category as horizontal bars, or a sentence when no gap is open. */
function OpenGapsChart({
  caption,
  categoryHeading,
  rows,
  summary,
}: {
  caption: string;
  categoryHeading: string;
  rows: OpenGapsRow[];
  summary: (top: OpenGapsRow, count: number) => string;
}) {
  const t = useTranslations("gaps");
  const top = rows.reduce<OpenGapsRow | null>((best, row) => (best === null || row.count > best.count ? row : best), null);
  if (!top) {
    return (
      <p>
        <strong>{caption}</strong> {t("noOpenGaps")}
      </p>
    );
  }
  return (
    <SeriesBarChart
      caption={caption}
      summary={summary(top, rows.length)}
      categoryHeading={categoryHeading}
      categories={rows.map((row) => ({ key: row.key, label: row.label }))}
      series={[{ key: "count", label: t("openCount"), values: Object.fromEntries(rows.map((row) => [row.key, row.count])) }]}
      horizontal
    />
  );
}
