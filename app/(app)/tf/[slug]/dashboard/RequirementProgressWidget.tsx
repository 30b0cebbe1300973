import { getFormatter, getTranslations } from "next-intl/server";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

const SEGMENTS = ["met", "inProgress", "notStarted", "notApplicable"] as const;

/** Requirements of each award by status, as stacked bars with the counts as a table. */
export async function RequirementProgressWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const [t, tRequirements, format] = await Promise.all([getTranslations("dashboard"), getTranslations("requirements"), getFormatter()]);
  const progress = await readForRendering((client) => client.fetchQuery(trpc.grant.progress.queryOptions({ taskForceSlug })));
  const label = {
    met: tRequirements("status.met"),
    inProgress: tRequirements("status.in_progress"),
    notStarted: tRequirements("status.not_started"),
    notApplicable: tRequirements("status.not_applicable"),
  };

  let body;
  if ("failure" in progress) body = <ReadFailure text={progress.failure} />;
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
      id="requirements"
      title={t("requirementsTitle")}
      href={`/tf/${taskForceSlug}/grants`}
      linkLabel={t("requirementsLink")}
      freshness={"data" in progress ? { what: t("requirementsWhat"), at: progress.data.updatedAt, none: t("requirementsNone") } : null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
