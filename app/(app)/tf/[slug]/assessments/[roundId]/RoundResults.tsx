"use client";

import { FrameworkLanguageNote } from "@/app/_components/FrameworkLanguageNote";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/app/_components/forms";
import { DistributionHeatMap, type DistributionGroup } from "@/app/_components/charts/DistributionHeatMap";
import { StageRadar } from "@/app/_components/charts/StageRadar";
import type { ChartSeries } from "@/app/_components/charts/ChartFrame";
import { useCalendarDate } from "@/app/_components/DateTime";
import { useLevelText } from "@/app/_components/charts/format";
import { extremesOf, tallyMovements } from "@/app/_components/charts/summaries";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/trpc/root";
import { elementAnchor, ElementResultSection } from "./ElementResultSection";

type Outputs = inferRouterOutputs<AppRouter>["assessment"];
export type Consensus = Outputs["consensus"];
export type ConsensusArea = Consensus["areas"][number];
export type ConsensusElement = ConsensusArea["elements"][number];
type RoundSummary = Outputs["list"][number];

/** The latest closed round that opened before this one: what "the previous round" means on the radar. */
function previousClosedRound(rounds: readonly RoundSummary[], current: { id: string; opensOn: string; createdAt: Date }) {
  return rounds
    .filter(
      (round) =>
        round.id !== current.id &&
        round.status === "closed" &&
        (round.opensOn < current.opensOn || (round.opensOn === current.opensOn && round.createdAt < current.createdAt)),
    )
    .sort((a, b) => (a.opensOn === b.opensOn ? b.createdAt.getTime() - a.createdAt.getTime() : b.opensOn.localeCompare(a.opensOn)))[0];
}

/** Beyond this many, the summary gives the count and leaves the names to the table. */
const HEAT_SUMMARY_NAMES = 6;

interface Props {
  taskForceSlug: string;
  roundId: string;
  canManage: boolean;
  canSetTarget: boolean;
  /** May create gaps (gap.manage): each element below its target without an open gap then offers one. */
  canCreateGap: boolean;
}

export function RoundResults({ taskForceSlug, roundId, canManage, canSetTarget, canCreateGap }: Props) {
  const t = useTranslations("assessmentResults");
  const format = useFormatter();
  const calendarDate = useCalendarDate();
  const level = useLevelText();
  const trpc = useTRPC();
  const input = { taskForceSlug, roundId };
  const roundQuery = useQuery(trpc.assessment.get.queryOptions(input));
  const consensusQuery = useQuery(trpc.assessment.consensus.queryOptions({ ...input, withRatings: false }));
  const roundsQuery = useQuery(trpc.assessment.list.queryOptions({ taskForceSlug }));
  const trendQuery = useQuery(trpc.assessment.trend.queryOptions({ taskForceSlug }));
  // Elements below their target with no open gap yet: where "Create a gap" is offered (coordinators).
  const suggestionsQuery = useQuery({ ...trpc.gap.suggestions.queryOptions(input), enabled: canCreateGap });
  const gapWorthy = new Set(
    (suggestionsQuery.data?.suggestions ?? []).filter((suggestion) => suggestion.reasons.includes("belowTarget")).map((suggestion) => suggestion.elementKey),
  );
  const [onlyDisagreement, setOnlyDisagreement] = useState(false);

  const details = roundQuery.data;
  const consensus = consensusQuery.data;
  if (!details || !consensus) {
    const error = roundQuery.error ?? consensusQuery.error;
    return error ? <FormError error={error} /> : null;
  }
  const { round, framework, me } = details;
  const stages = framework.content.stages;

  // Radar: this round's level per area over the previous closed round's (from the trend, same rule).
  const previous = previousClosedRound(roundsQuery.data ?? [], round);
  const previousLevels = new Map(
    (trendQuery.data?.areas ?? []).map((area) => [area.key, area.points.find((point) => point.roundId === previous?.id)?.mean ?? null]),
  );
  const categories = consensus.areas.map((area) => ({ key: area.key, label: area.name }));
  const series: ChartSeries[] = [
    { key: "current", label: round.title, values: Object.fromEntries(consensus.areas.map((area) => [area.key, area.result])) },
  ];
  const hasPrevious = previous !== undefined && trendQuery.data !== undefined;
  if (previous && hasPrevious) {
    series.push({
      key: "previous",
      label: previous.title,
      values: Object.fromEntries(consensus.areas.map((area) => [area.key, previousLevels.get(area.key) ?? null])),
    });
  }
  const extremes = extremesOf(consensus.areas.map((area) => ({ label: area.name, value: area.result })));
  const radarSummary = [
    !extremes
      ? t("summaryNoData")
      : extremes.even
        ? t("summaryEven", { value: level(extremes.strongest.value) })
        : t("summaryStrongestWeakest", {
            strongest: extremes.strongest.label,
            strongestValue: level(extremes.strongest.value),
            weakest: extremes.weakest.label,
            weakestValue: level(extremes.weakest.value),
          }),
  ];
  if (previous && hasPrevious) {
    const tally = tallyMovements(consensus.areas.map((area) => ({ before: previousLevels.get(area.key) ?? null, after: area.result })));
    radarSummary.push(
      t("summaryMovement", { previous: previous.title, up: tally.up, total: tally.comparable, down: tally.down, unchanged: tally.unchanged }),
    );
  } else if (extremes) {
    radarSummary.push(t("summaryNoPrevious"));
  }

  // Heat map: every element, grouped by area; rows lead to the element's section below.
  const allElements = consensus.areas.flatMap((area) => area.elements);
  const disagreeing = allElements.filter((element) => element.stats?.disagreement);
  const heatGroups: DistributionGroup[] = consensus.areas.map((area) => ({
    key: area.key,
    label: t("areaHeading", { key: area.key, name: area.name }),
    rows: area.elements.map((element) => ({
      key: element.key,
      label: element.name,
      href: `#${elementAnchor(element.key)}`,
      stageCounts: element.stats ? (element.stats.distribution.map((entry) => entry.count) as [number, number, number, number, number]) : null,
      dontKnow: element.stats?.dontKnowCount ?? 0,
      notApplicable: element.stats?.notApplicableCount ?? 0,
      disagreement: element.stats?.disagreement ?? false,
    })),
  }));
  const heatSummary =
    disagreeing.length > HEAT_SUMMARY_NAMES
      ? t("heatSummaryMany", { count: disagreeing.length, total: allElements.length })
      : t("heatSummary", {
          count: disagreeing.length,
          total: allElements.length,
          names: format.list(disagreeing.map((element) => element.name), { type: "conjunction" }),
        });
  const shownCount = onlyDisagreement ? disagreeing.length : allElements.length;

  return (
    <>
      <p>
        <Link href={`/tf/${taskForceSlug}/assessments`}>{t("allRounds")}</Link>
      </p>
      <h1>{round.title}</h1>
      <ul className="round-facts">
        <li>{t("statusLine", { status: t("status", { status: round.status }) })}</li>
        {round.status === "closed" && round.closedOn ? (
          <>
            <li>{t("plannedDates", { opensOn: calendarDate(round.opensOn), closesOn: calendarDate(round.closesOn) })}</li>
            <li>{t(round.closedOn < round.closesOn ? "closedEarlyOn" : "closedOn", { date: calendarDate(round.closedOn) })}</li>
          </>
        ) : (
          <li>{t("dates", { opensOn: calendarDate(round.opensOn), closesOn: calendarDate(round.closesOn) })}</li>
        )}
        <li>{t("framework", { name: framework.name, version: framework.version })}</li>
        <li>{t("respondents", { count: consensus.respondentCount })}</li>
      </ul>
      <FrameworkLanguageNote untranslatedTexts={framework.untranslatedTexts} />
      <nav aria-label={t("actions")}>
        <ul className="inline-actions plain-list">
          {me.canRespondNow && (
            <li>
              <Link className="button" href={`/tf/${taskForceSlug}/assessments/${round.id}/respond`}>
                {t("respond")}
              </Link>
            </li>
          )}
          {canManage && (
            <li>
              <Link className="button secondary" href={`/tf/${taskForceSlug}/assessments/${round.id}/manage`}>
                {t("manage")}
              </Link>
            </li>
          )}
          <li>
            <Link href={`/tf/${taskForceSlug}/assessments/compare?b=${round.id}${previous ? `&a=${previous.id}` : ""}`}>{t("compare")}</Link>
          </li>
        </ul>
      </nav>
      {consensus.individualRatings === "none" && <p className="privacy-note">{t("aggregatesOnly")}</p>}

      <h2>{t("overviewHeading")}</h2>
      <p className="hint">{t("levelExplained")}</p>
      <StageRadar
        caption={previous && hasPrevious ? t("radarCaption", { current: round.title, previous: previous.title }) : t("radarCaptionSingle", { current: round.title })}
        summary={radarSummary.join(" ")}
        categoryHeading={t("areaColumn")}
        categories={categories}
        series={series}
      />

      <h2>{t("heatHeading")}</h2>
      <DistributionHeatMap caption={t("heatCaption")} summary={heatSummary} groups={heatGroups} />

      <div className="filter">
        <input
          type="checkbox"
          id="only-disagreement"
          checked={onlyDisagreement}
          onChange={(event) => setOnlyDisagreement(event.currentTarget.checked)}
        />
        <label htmlFor="only-disagreement">{t("filterDisagreement")}</label>
      </div>
      <p role="status">{t("filterCount", { shown: shownCount, total: allElements.length })}</p>
      {consensus.areas.map((area) => {
        const elements = onlyDisagreement ? area.elements.filter((element) => element.stats?.disagreement) : area.elements;
        const headingId = `area-${area.key}`;
        return (
          <section key={area.key} aria-labelledby={headingId} className="area-results">
            <h2 id={headingId}>{t("areaHeading", { key: area.key, name: area.name })}</h2>
            <p>{t("areaLevel", { level: level(area.result) })}</p>
            {elements.length === 0 && <p>{t("noneInArea")}</p>}
            <ul className="element-results">
                {area.elements.map((element) => (
                  // Hidden rather than unmounted, so a half-filled form keeps its text while the filter is on.
                  <li key={element.key} hidden={!elements.includes(element)}>
                    <ElementResultSection
                      taskForceSlug={taskForceSlug}
                      roundId={round.id}
                      element={element}
                      stages={stages}
                      individualRatings={consensus.individualRatings}
                      minRatingGroup={consensus.minRatingGroup}
                      canRecordAgreed={canManage && round.status !== "draft"}
                      canSetTarget={canSetTarget}
                      offerGap={gapWorthy.has(element.key)}
                    />
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
