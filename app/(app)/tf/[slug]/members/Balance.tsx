"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
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
        <SeriesBarChart
          caption={t("byDisciplineCaption")}
          summary={t("byDisciplineSummary", { count: disciplines.length, top: top.label, topCount: top.covering })}
          categoryHeading={tOrganizations("discipline")}
          categories={disciplines.map((row) => ({ key: row.discipline, label: row.label }))}
          series={disciplineSeries}
          horizontal
        />
      )}
      {jurisdictions.length > 0 && (
        <SeriesBarChart
          caption={t("byJurisdictionCaption")}
          summary={t("byJurisdictionSummary", { count: jurisdictions.length })}
          categoryHeading={tOrganizations("jurisdiction")}
          categories={jurisdictions.map((row) => ({ key: row.level, label: row.label }))}
          series={[{ key: "count", label: t("members"), values: Object.fromEntries(jurisdictions.map((row) => [row.level, row.count])) }]}
          horizontal
        />
      )}
    </section>
  );
}
