import { getFormatter, getTranslations } from "next-intl/server";
import { levelTextWith } from "@/app/_components/charts/levels";
import { StageRadar } from "@/app/_components/charts/StageRadar";
import { extremesOf } from "@/app/_components/charts/summaries";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Roadmap stage by area in the latest closed round, over the one before (aggregates only). */
export async function RoadmapRadarWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const [t, tResults, format] = await Promise.all([getTranslations("dashboard"), getTranslations("assessmentResults"), getFormatter()]);
  const level = levelTextWith(format, tResults("noValue"));
  const trend = await readForRendering((client) => client.fetchQuery(trpc.assessment.trend.queryOptions({ taskForceSlug })));

  let body;
  if ("failure" in trend) body = <ReadFailure text={trend.failure} />;
  else if (trend.data.rounds.length === 0) body = <p>{tResults("trendNone")}</p>;
  else {
    const { rounds, areas } = trend.data;
    const shown = rounds.slice(-2).reverse();
    const valueIn = (area: (typeof areas)[number], roundId: string) => area.points.find((point) => point.roundId === roundId)?.mean ?? null;
    const latest = shown[0];
    const extremes = latest ? extremesOf(areas.map((area) => ({ label: area.name, value: valueIn(area, latest.id) }))) : null;
    body = (
      <StageRadar
        caption={t("radarCaption", { round: latest?.title ?? "" })}
        summary={
          extremes
            ? extremes.even
              ? tResults("summaryEven", { value: level(extremes.strongest.value) })
              : tResults("summaryStrongestWeakest", {
                  strongest: extremes.strongest.label,
                  strongestValue: level(extremes.strongest.value),
                  weakest: extremes.weakest.label,
                  weakestValue: level(extremes.weakest.value),
                })
            : ""
        }
        categoryHeading={tResults("areaColumn")}
        categories={areas.map((area) => ({ key: area.key, label: tResults("areaHeading", { key: area.key, name: area.name }) }))}
        series={shown.map((round) => ({
          key: round.id,
          label: round.title,
          values: Object.fromEntries(areas.map((area) => [area.key, valueIn(area, round.id)])),
        }))}
      />
    );
  }
  return (
    <WidgetFrame
      id="roadmapRadar"
      wide
      title={t("radarTitle")}
      href={`/tf/${taskForceSlug}/assessments`}
      linkLabel={t("radarLink")}
      freshness={"data" in trend ? { what: t("radarWhat"), at: trend.data.rounds.at(-1)?.closedAt ?? null, none: t("radarNone") } : null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
