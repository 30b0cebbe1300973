import { getTranslations } from "next-intl/server";
import { AreaTrend } from "@/app/(app)/tf/[slug]/assessments/AreaTrend";
import { readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Each area's level across the closed rounds: the assessments page's trend chart, on the dashboard. */
export async function RoadmapTrendWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const t = await getTranslations("dashboard");
  // The same call AreaTrend makes (shared through the cache), for the freshness line.
  const trend = await readForRendering((client) => client.fetchQuery(trpc.assessment.trend.queryOptions({ taskForceSlug })));
  return (
    <WidgetFrame
      id="roadmapTrend"
      wide
      title={t("trendTitle")}
      href={`/tf/${taskForceSlug}/assessments`}
      linkLabel={t("radarLink")}
      freshness={"data" in trend ? { what: t("radarWhat"), at: trend.data.rounds.at(-1)?.closedAt ?? null, none: t("radarNone") } : null}
      timeZone={timeZone}
    >
      <AreaTrend taskForceSlug={taskForceSlug} headingLevel={3} />
    </WidgetFrame>
  );
}
