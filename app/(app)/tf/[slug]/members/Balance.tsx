"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, seriesStyle } from "@/app/_components/charts/ChartFrame";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { useDisciplineName } from "./labels";

/** Members by discipline and by jurisdiction level, with the core disciplines nobody covers named first. */
export function Balance({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("balance");
  const tOrganizations = useTranslations("organizations");
  const disciplineName = useDisciplineName();
  const trpc = useTRPC();
  const balance = useQuery(trpc.organization.balance.queryOptions({ taskForceSlug }));
  if (balance.error) return <FormError error={balance.error} />;
  if (!balance.data) return null;
  const { activeCount, byDiscipline, byJurisdiction, missingCore } = balance.data;
  const disciplines = byDiscipline.filter((row) => row.covering > 0).map((row) => ({ ...row, label: disciplineName(row.discipline) }));
  const jurisdictions = byJurisdiction
    .filter((row) => row.count > 0)
    .map((row) => ({ ...row, label: row.level === "unknown" ? tOrganizations("unknown") : tOrganizations(`jurisdictionLevel.${row.level}`) }));
  const top = disciplines.reduce<(typeof disciplines)[number] | null>((best, row) => (!best || row.covering > best.covering ? row : best), null);
  const disciplineSeries = [
    { key: "primary", label: t("primary"), values: Object.fromEntries(disciplines.map((row) => [row.discipline, row.primary])) },
    { key: "covering", label: t("covering"), values: Object.fromEntries(disciplines.map((row) => [row.discipline, row.covering])) },
  ];
  return (
    <section aria-labelledby="balance-heading">
      <h2 id="balance-heading">{t("title")}</h2>
      <p>{t("intro", { count: activeCount })}</p>
      {missingCore.length === 0 ? (
        <p>{t("noCoreGaps")}</p>
      ) : (
        <div className="alert" role="note">
          <p>
            <strong>{t("coreGapsTitle")}</strong>
          </p>
          <ul>
            {missingCore.map((discipline) => (
              <li key={discipline}>{t("coreGap", { discipline: disciplineName(discipline) })}</li>
            ))}
          </ul>
        </div>
      )}
      {top && (
        <ChartFrame
          caption={t("byDisciplineCaption")}
          summary={t("byDisciplineSummary", { count: disciplines.length, top: top.label, topCount: top.covering })}
          categoryHeading={tOrganizations("discipline")}
          categories={disciplines.map((row) => ({ key: row.discipline, label: row.label }))}
          series={disciplineSeries}
        >
          <ResponsiveContainer width="100%" height={Math.max(140, disciplines.length * 40 + 60)}>
            <BarChart data={disciplines} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={200} />
              {disciplineSeries.map((one, index) => {
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
      {jurisdictions.length > 0 && (
        <ChartFrame
          caption={t("byJurisdictionCaption")}
          summary={t("byJurisdictionSummary", { count: jurisdictions.length })}
          categoryHeading={tOrganizations("jurisdiction")}
          categories={jurisdictions.map((row) => ({ key: row.level, label: row.label }))}
          series={[{ key: "count", label: t("members"), values: Object.fromEntries(jurisdictions.map((row) => [row.level, row.count])) }]}
        >
          <ResponsiveContainer width="100%" height={Math.max(120, jurisdictions.length * 36 + 50)}>
            <BarChart data={jurisdictions} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={200} />
              <Bar dataKey="count" name={t("members")} fill={seriesStyle(0).stroke} isAnimationActive={false} />
              <Tooltip />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      )}
    </section>
  );
}
