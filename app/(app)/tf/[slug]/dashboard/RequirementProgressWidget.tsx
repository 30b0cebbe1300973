"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

const SEGMENTS = ["met", "inProgress", "notStarted", "notApplicable"] as const;

/** Requirements of each award by status, as stacked bars with the counts as a table. */
export function RequirementProgressWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const tRequirements = useTranslations("requirements");
  const format = useFormatter();
  const trpc = useTRPC();
  const progress = useQuery(trpc.grant.progress.queryOptions({ taskForceSlug }));
  const label = {
    met: tRequirements("status.met"),
    inProgress: tRequirements("status.in_progress"),
    notStarted: tRequirements("status.not_started"),
    notApplicable: tRequirements("status.not_applicable"),
  };

  let body;
  if (progress.error) body = <FormError error={progress.error} />;
  else if (!progress.data) body = null;
  else if (progress.data.grants.length === 0) body = <p>{t("noGrants")}</p>;
  else {
    const rows = progress.data.grants.map((grant) => ({ key: grant.id, label: grant.awardNumber, ...grant.progress }));
    const met = rows.reduce((sum, row) => sum + row.met, 0);
    const applicable = rows.reduce((sum, row) => sum + row.total - row.notApplicable, 0);
    body = (
      <>
        <p className="widget-figure">
          {t("requirementsMet", { met, applicable, share: format.number(applicable ? met / applicable : 0, { style: "percent" }) })}
        </p>
        <SeriesBarChart
          caption={t("requirementsCaption")}
          summary={t("requirementsSummary", { met, applicable, awards: rows.length })}
          categoryHeading={t("awardColumn")}
          categories={rows.map((row) => ({ key: row.key, label: row.label }))}
          series={SEGMENTS.map((segment) => ({ key: segment, label: label[segment], values: Object.fromEntries(rows.map((row) => [row.key, row[segment]])) }))}
          horizontal
          stacked
        />
      </>
    );
  }
  return (
    <WidgetFrame
      title={t("requirementsTitle")}
      href={`/tf/${taskForceSlug}/grants`}
      linkLabel={t("requirementsLink")}
      freshness={progress.data ? { what: t("requirementsWhat"), at: progress.data.updatedAt, none: t("requirementsNone") } : null}
    >
      {body}
    </WidgetFrame>
  );
}
