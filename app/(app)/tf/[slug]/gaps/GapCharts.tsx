"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, seriesStyle } from "@/app/_components/charts/ChartFrame";
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
        <ChartFrame
          caption={t("chartCaption")}
          summary={t("chartSummary", { opened: totalOpened, resolved: totalResolved, months: openedVsResolved.length })}
          categoryHeading={t("monthColumn")}
          categories={openedVsResolved.map((row) => ({ key: row.month, label: row.month }))}
          series={series}
        >
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={openedVsResolved} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis allowDecimals={false} />
              {series.map((one, index) => {
                const style = seriesStyle(index);
                return (
                  <Bar
                    key={one.key}
                    dataKey={one.key}
                    name={one.label}
                    fill={style.stroke}
                    stroke={style.stroke}
                    fillOpacity={index === 0 ? 1 : 0.35}
                    strokeDasharray={style.dash}
                    isAnimationActive={false}
                  />
                );
              })}
              <Legend />
              <Tooltip />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      )}
      <div className="record-forms">
        <table className="compact">
          <caption>{t("byAreaCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("areaFilter")}</th>
              <th scope="col">{t("openCount")}</th>
            </tr>
          </thead>
          <tbody>
            {openByArea.length === 0 ? (
              <tr>
                <td colSpan={2}>{t("noOpenGaps")}</td>
              </tr>
            ) : (
              openByArea.map((row) => (
                <tr key={row.areaKey}>
                  <th scope="row">{row.areaName ?? row.areaKey}</th>
                  <td>{row.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <table className="compact">
          <caption>{t("byOrganizationCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("organizationFilter")}</th>
              <th scope="col">{t("openCount")}</th>
            </tr>
          </thead>
          <tbody>
            {openByOwnerOrganization.length === 0 ? (
              <tr>
                <td colSpan={2}>{t("noOpenGaps")}</td>
              </tr>
            ) : (
              openByOwnerOrganization.map((row) => (
                <tr key={row.organizationId ?? "none"}>
                  <th scope="row">{row.organizationName ?? t("noOwner")}</th>
                  <td>{row.count}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
