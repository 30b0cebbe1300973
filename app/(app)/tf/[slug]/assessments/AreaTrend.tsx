"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { StageTrend } from "@/app/_components/charts/StageTrend";
import { useLevelText } from "@/app/_components/charts/format";
import { extremesOf, tallyMovements } from "@/app/_components/charts/summaries";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/**
 * Each area's level (mean of its element results: agreed stage, else median) across the closed
 * rounds of the task force, oldest first, with a summary in words and the numbers as a table.
 * Prefetch `trpc.assessment.trend.queryOptions({ taskForceSlug })` on the page to render it at once.
 */
export function AreaTrend({ taskForceSlug, headingLevel = 2 }: { taskForceSlug: string; headingLevel?: 2 | 3 }) {
  const t = useTranslations("assessmentResults");
  const level = useLevelText();
  const trpc = useTRPC();
  const headingId = useId();
  const trend = useQuery(trpc.assessment.trend.queryOptions({ taskForceSlug }));
  const Heading = headingLevel === 2 ? "h2" : "h3";

  let body;
  if (trend.error) body = <FormError error={trend.error} />;
  else if (!trend.data) body = null;
  else if (trend.data.rounds.length === 0) body = <p>{t("trendNone")}</p>;
  else {
    const { rounds, areas } = trend.data;
    const first = rounds[0];
    const last = rounds[rounds.length - 1];
    const valueIn = (area: (typeof areas)[number], roundId: string | undefined) =>
      area.points.find((point) => point.roundId === roundId)?.mean ?? null;
    const latest = extremesOf(areas.map((area) => ({ label: area.name, value: valueIn(area, last?.id) })));
    const sentences: string[] = [];
    if (rounds.length === 1 || !first || !last) sentences.push(t("trendSingle", { round: last?.title ?? "" }));
    else {
      const tally = tallyMovements(areas.map((area) => ({ before: valueIn(area, first.id), after: valueIn(area, last.id) })));
      sentences.push(
        t("trendSummary", { first: first.title, last: last.title, up: tally.up, total: tally.comparable, down: tally.down, unchanged: tally.unchanged }),
      );
    }
    if (latest) {
      sentences.push(
        latest.even
          ? t("summaryEven", { value: level(latest.strongest.value) })
          : t("summaryStrongestWeakest", {
              strongest: latest.strongest.label,
              strongestValue: level(latest.strongest.value),
              weakest: latest.weakest.label,
              weakestValue: level(latest.weakest.value),
            }),
      );
    }
    body = (
      <StageTrend
        caption={t("trendCaption")}
        summary={sentences.join(" ")}
        categoryHeading={t("roundColumn")}
        categories={rounds.map((round) => ({ key: round.id, label: round.title }))}
        series={areas.map((area) => ({
          key: area.key,
          label: t("areaHeading", { key: area.key, name: area.name }),
          values: Object.fromEntries(area.points.map((point) => [point.roundId, point.mean])),
        }))}
      />
    );
  }

  return (
    <section aria-labelledby={headingId} className="area-trend">
      <Heading id={headingId}>{t("trendHeading")}</Heading>
      {body}
    </section>
  );
}
