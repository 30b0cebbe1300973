"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { StageRadar } from "@/app/_components/charts/StageRadar";
import { useLevelText } from "@/app/_components/charts/format";
import { extremesOf } from "@/app/_components/charts/summaries";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Roadmap stage by area in the latest closed round, over the one before (aggregates only). */
export function RoadmapRadarWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const tResults = useTranslations("assessmentResults");
  const level = useLevelText();
  const trpc = useTRPC();
  const trend = useQuery(trpc.assessment.trend.queryOptions({ taskForceSlug }));

  let body;
  if (trend.error) body = <FormError error={trend.error} />;
  else if (!trend.data) body = null;
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
  const lastClosed = trend.data?.rounds.at(-1)?.closedAt ?? null;
  return (
    <WidgetFrame
      wide
      title={t("radarTitle")}
      href={`/tf/${taskForceSlug}/assessments`}
      linkLabel={t("radarLink")}
      freshness={trend.data ? { what: t("radarWhat"), at: lastClosed, none: t("radarNone") } : null}
    >
      {body}
    </WidgetFrame>
  );
}
