import { getFormatter, getTranslations } from "next-intl/server";
import { levelTextWith } from "@/app/_components/charts/levels";
import { StageTrend } from "@/app/_components/charts/StageTrend";
import { extremesOf, tallyMovements } from "@/app/_components/charts/summaries";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";

/**
 * Each area's level (mean of its element results: agreed stage, else median) across the closed
 * rounds of the task force, oldest first, with a summary in words and the numbers as a table. A
 * server component: only the drawing runs in the browser.
 */
export async function AreaTrend({ taskForceSlug, headingLevel = 2 }: { taskForceSlug: string; headingLevel?: 2 | 3 }) {
  const [t, format, trend] = await Promise.all([
    getTranslations("assessmentResults"),
    getFormatter(),
    readForRendering((client) => client.fetchQuery(trpc.assessment.trend.queryOptions({ taskForceSlug }))),
  ]);
  const level = levelTextWith(format, t("noValue"));
  const headingId = `area-trend-${headingLevel}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";

  let body;
  if ("failure" in trend) body = <ReadFailure text={trend.failure} />;
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
