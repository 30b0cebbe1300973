"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { AreaTrend } from "@/app/(app)/tf/[slug]/assessments/AreaTrend";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Each area's level across the closed rounds: the assessments page's trend chart, on the dashboard. */
export function RoadmapTrendWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  // The same query AreaTrend reads (shared through the cache), for the freshness line.
  const trend = useQuery(trpc.assessment.trend.queryOptions({ taskForceSlug }));
  return (
    <WidgetFrame
      wide
      title={t("trendTitle")}
      href={`/tf/${taskForceSlug}/assessments`}
      linkLabel={t("radarLink")}
      freshness={trend.data ? { what: t("radarWhat"), at: trend.data.rounds.at(-1)?.closedAt ?? null, none: t("radarNone") } : null}
    >
      <AreaTrend taskForceSlug={taskForceSlug} headingLevel={3} />
    </WidgetFrame>
  );
}
