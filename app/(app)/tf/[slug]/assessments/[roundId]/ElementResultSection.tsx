"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import { Link } from "@/app/_components/Link";
import { gapFromResultsHref } from "../../gaps/filters";
import { useStageText } from "@/app/_components/charts/format";
import type { FrameworkStage } from "@/db/schema";
import type messages from "@/app/i18n/messages/en.json";
import type { Consensus, ConsensusElement } from "./RoundResults";
import { AgreedStageForm, TargetForm } from "./ElementStageForms";
import { Disclosure } from "@/app/_components/Disclosure";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

type DisciplineKey = keyof (typeof messages)["disciplines"];

export const elementAnchor = (key: string) => `element-${key}`;

interface Props {
  taskForceSlug: string;
  roundId: string;
  element: ConsensusElement;
  stages: readonly FrameworkStage[];
  individualRatings: Consensus["individualRatings"];
  minRatingGroup: Consensus["minRatingGroup"];
  canRecordAgreed: boolean;
  canSetTarget: boolean;
  /** Offer "Create a gap": the element is below its target and has no open gap, and the person may create one. */
  offerGap: boolean;
}

/** One element's result, spread, discipline split and (when allowed) ratings and forms. */
export function ElementResultSection({ taskForceSlug, roundId, element, stages, individualRatings, minRatingGroup, canRecordAgreed, canSetTarget, offerGap }: Props) {
  const t = useTranslations("assessmentResults");
  const stageText = useStageText(stages);
  const format = useFormatter();
  const { stats, result, agreed, target } = element;
  return (
    <article aria-labelledby={elementAnchor(element.key)} className={stats?.disagreement ? "element-result disagreement" : "element-result"}>
      <h3>
        <span id={elementAnchor(element.key)} className="anchor" tabIndex={-1}>
          {element.name}
        </span>
        {stats?.disagreement && <span className="badge">{t("disagreementBadge")}</span>}
      </h3>
      <dl className="stats">
        <div>
          <dt>{t("result")}</dt>
          <dd>
            {result.source === "agreed"
              ? t("resultAgreed", { stage: stageText(result.stage) })
              : result.source === "median"
                ? t("resultMedian", { stage: stageText(result.stage) })
                : result.source === "withheld"
                  ? t("resultWithheld")
                  : t("resultNone")}
          </dd>
        </div>
        <div>
          <dt>{t("target")}</dt>
          <dd>{target ? stageText(target.stage) : t("noTarget")}</dd>
        </div>
        {stats ? (
          <>
        <div>
          <dt>{t("median")}</dt>
          <dd>{stageText(stats.median, { withName: false })}</dd>
        </div>
        <div>
          <dt>{t("range")}</dt>
          <dd>{stats.min === null || stats.max === null ? t("noValue") : t("rangeValue", { min: stats.min, max: stats.max })}</dd>
        </div>
        <div>
          <dt>{t("iqr")}</dt>
          <dd>{stats.iqr === null ? t("noValue") : format.number(stats.iqr, { maximumFractionDigits: 2 })}</dd>
        </div>
        <div>
          <dt>{t("ratingCount")}</dt>
          <dd>{stats.stageCount}</dd>
        </div>
        <div>
          <dt>{t("dontKnow")}</dt>
          <dd>{stats.dontKnowCount}</dd>
        </div>
        <div>
          <dt>{t("notApplicable")}</dt>
          <dd>{stats.notApplicableCount}</dd>
        </div>
        <div>
          <dt>{t("disagreement")}</dt>
          <dd>{stats.disagreement ? <strong>{t("disagreementYes")}</strong> : t("disagreementNo")}</dd>
        </div>
          </>
        ) : (
          <div>
            <dt>{t("ratingCount")}</dt>
            <dd>{t("answeredCount", { count: element.answerCount })}</dd>
          </div>
        )}
      </dl>
      {!stats && element.answerCount > 0 && individualRatings !== "all" && <p className="note">{t("withheldNote", { min: minRatingGroup ?? 3 })}</p>}
      {agreed && (
        <p className="agreed-note">
          {t.rich("agreedBy", { name: agreed.recordedByName ?? t("noValue"), date: () => <DateTime value={agreed.recordedAt} /> })}
          {agreed.note && <> {t("agreedNote", { note: agreed.note })}</>}
        </p>
      )}
      {offerGap && (
        <p>
          <Link href={gapFromResultsHref(taskForceSlug, roundId, element.key)}>{t("createGap", { element: element.name })}</Link>
        </p>
      )}
      <DisciplineSplit element={element} />
      <IndividualRatings taskForceSlug={taskForceSlug} roundId={roundId} element={element} access={individualRatings} stages={stages} />
      {(canRecordAgreed || canSetTarget) && (
        <Disclosure className="record" summary={t("recordSummary", { element: element.name })}>
          <div className="record-forms">
            {canRecordAgreed && <AgreedStageForm taskForceSlug={taskForceSlug} roundId={roundId} element={element} stages={stages} />}
            {canSetTarget && <TargetForm taskForceSlug={taskForceSlug} roundId={roundId} element={element} stages={stages} />}
          </div>
        </Disclosure>
      )}
    </article>
  );
}

function DisciplineSplit({ element }: { element: ConsensusElement }) {
  const t = useTranslations("assessmentResults");
  const tDisciplines = useTranslations("disciplines");
  if (element.byDiscipline.length === 0) return null;
  const label = (discipline: string | null) =>
    discipline === null ? t("noDiscipline") : tDisciplines.has(discipline as DisciplineKey) ? tDisciplines(discipline as DisciplineKey) : discipline;
  return (
    <TableScroll label={t("disciplineCaption", { element: element.name })}>
      <table className="compact discipline-split">
        <caption>{t("disciplineCaption", { element: element.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("discipline")}</th>
            <th scope="col">{t("median")}</th>
            <th scope="col">{t("range")}</th>
            <th scope="col">{t("ratingCount")}</th>
          </tr>
        </thead>
        <tbody>
          {element.byDiscipline.map((group) => (
            <tr key={group.discipline ?? "none"}>
              <th scope="row">{label(group.discipline)}</th>
              {group.stats ? (
                <>
                  <td>{group.stats.median === null ? t("noValue") : group.stats.median}</td>
                  <td>
                    {group.stats.min === null || group.stats.max === null
                      ? t("noValue")
                      : t("rangeValue", { min: group.stats.min, max: group.stats.max })}
                  </td>
                  <td>{group.stats.stageCount}</td>
                </>
              ) : (
                <td colSpan={3}>{t("suppressed")}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type IndividualRating = ConsensusElement["ratings"][number];

function useAnswerText(stages: readonly FrameworkStage[]) {
  const t = useTranslations("assessmentResults");
  const stageText = useStageText(stages);
  return (rating: IndividualRating) =>
    rating.answer === "stage"
      ? t("answerStage", { stage: stageText(rating.stage) })
      : rating.answer === "dont_know"
        ? t("answerDontKnow")
        : t("answerNotApplicable");
}

function IndividualRatings({
  taskForceSlug,
  roundId,
  element,
  access,
  stages,
}: {
  taskForceSlug: string;
  roundId: string;
  element: ConsensusElement;
  access: Consensus["individualRatings"];
  stages: readonly FrameworkStage[];
}) {
  const t = useTranslations("assessmentResults");
  const answerText = useAnswerText(stages);
  if (access === "none" || element.answerCount === 0) return null;

  if (access === "own") {
    const mine = element.ratings.filter((rating) => rating.isMine);
    if (mine.length === 0) return null;
    return (
      <div className="individual-ratings">
        <h4>{t("yourRating")}</h4>
        {mine.map((rating) => (
          <dl key={rating.respondentUserId} className="stats">
            <div>
              <dt>{t("answer")}</dt>
              <dd>{answerText(rating)}</dd>
            </div>
            <div>
              <dt>{t("rationale")}</dt>
              <dd>{rating.rationale || t("none")}</dd>
            </div>
            <div>
              <dt>{t("evidence")}</dt>
              <dd>
                <Evidence rating={rating} />
              </dd>
            </div>
          </dl>
        ))}
      </div>
    );
  }

  // Everyone's ratings are read when first shown: a large round's would otherwise travel with the page.
  return (
    <div className="individual-ratings">
      <h4>{t("individualHeading", { count: element.answerCount })}</h4>
      <Disclosure summary={t("showRatings", { element: element.name })}>
        <AllRatings taskForceSlug={taskForceSlug} roundId={roundId} element={element} stages={stages} />
      </Disclosure>
    </div>
  );
}

function AllRatings({ taskForceSlug, roundId, element, stages }: { taskForceSlug: string; roundId: string; element: ConsensusElement; stages: readonly FrameworkStage[] }) {
  const t = useTranslations("assessmentResults");
  const answerText = useAnswerText(stages);
  const trpc = useTRPC();
  const ratings = useQuery(trpc.assessment.elementRatings.queryOptions({ taskForceSlug, roundId, elementKey: element.key }));
  if (ratings.error) return <FormError error={ratings.error} />;
  if (!ratings.data) return <p role="status">{t("ratingsLoading")}</p>;
  return (
    <TableScroll label={t("individualCaption", { element: element.name })}>
      <table className="compact">
        <caption className="visually-hidden">{t("individualCaption", { element: element.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("respondent")}</th>
            <th scope="col">{t("organization")}</th>
            <th scope="col">{t("answer")}</th>
            <th scope="col">{t("rationale")}</th>
            <th scope="col">{t("evidence")}</th>
          </tr>
        </thead>
        <tbody>
          {ratings.data.map((rating) => (
            <tr key={rating.respondentUserId}>
              <th scope="row">{rating.respondentName}</th>
              <td>{rating.organizationName ?? t("noOrganization")}</td>
              <td>{answerText(rating)}</td>
              <td>{rating.rationale || t("none")}</td>
              <td>
                <Evidence rating={rating} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Evidence({ rating }: { rating: ConsensusElement["ratings"][number] }) {
  const t = useTranslations("assessmentResults");
  if (!rating.evidence && rating.evidenceLinks.length === 0) return <>{t("none")}</>;
  return (
    <>
      {rating.evidence && <p className="evidence-text">{rating.evidence}</p>}
      {rating.evidenceLinks.length > 0 && (
        <ul className="plain-list">
          {rating.evidenceLinks.map((link) => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                {link}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
