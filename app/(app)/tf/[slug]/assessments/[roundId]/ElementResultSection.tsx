"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useStageText } from "@/app/_components/charts/format";
import { useTRPC } from "@/app/_trpc/client";
import type { FrameworkStage } from "@/db/schema";
import type messages from "@/app/i18n/messages/en.json";
import type { Consensus, ConsensusElement } from "./RoundResults";

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
}

/** One element's result, spread, discipline split and (when allowed) ratings and forms. */
export function ElementResultSection({ taskForceSlug, roundId, element, stages, individualRatings, minRatingGroup, canRecordAgreed, canSetTarget }: Props) {
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
      <DisciplineSplit element={element} />
      <IndividualRatings element={element} access={individualRatings} stages={stages} />
      {(canRecordAgreed || canSetTarget) && (
        <details className="record">
          <summary>{t("recordSummary", { element: element.name })}</summary>
          <div className="record-forms">
            {canRecordAgreed && <AgreedStageForm taskForceSlug={taskForceSlug} roundId={roundId} element={element} stages={stages} />}
            {canSetTarget && <TargetForm taskForceSlug={taskForceSlug} roundId={roundId} element={element} stages={stages} />}
          </div>
        </details>
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
  );
}

function IndividualRatings({
  element,
  access,
  stages,
}: {
  element: ConsensusElement;
  access: Consensus["individualRatings"];
  stages: readonly FrameworkStage[];
}) {
  const t = useTranslations("assessmentResults");
  const stageText = useStageText(stages);
  if (access === "none" || element.ratings.length === 0) return null;
  const answerText = (rating: ConsensusElement["ratings"][number]) =>
    rating.answer === "stage"
      ? t("answerStage", { stage: stageText(rating.stage) })
      : rating.answer === "dont_know"
        ? t("answerDontKnow")
        : t("answerNotApplicable");

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

  return (
    <div className="individual-ratings">
      <h4>{t("individualHeading", { count: element.ratings.length })}</h4>
      <details>
      <summary>{t("showRatings", { element: element.name })}</summary>
      <div className="table-scroll">
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
            {element.ratings.map((rating) => (
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
      </div>
      </details>
    </div>
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

function StageSelect({
  control,
  stages,
  defaultValue,
}: {
  control: Parameters<NonNullable<Parameters<typeof Field>[0]["children"]>>[0];
  stages: readonly FrameworkStage[];
  defaultValue: number | null;
}) {
  const t = useTranslations("assessmentResults");
  return (
    <select {...control} defaultValue={defaultValue === null ? "" : String(defaultValue)}>
      <option value="">{t("stageNone")}</option>
      {[1, 2, 3, 4, 5].map((stage) => (
        <option key={stage} value={stage}>
          {t("stageOption", { stage, name: stages.find((candidate) => candidate.number === stage)?.name ?? "" })}
        </option>
      ))}
    </select>
  );
}

const stageFrom = (form: HTMLFormElement) => {
  const value = formText(form, "stage");
  return value === "" ? null : Number(value);
};

function useInvalidateResults(taskForceSlug: string, roundId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessment.consensus.queryKey({ taskForceSlug, roundId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.trend.queryKey({ taskForceSlug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessment.targets.queryKey({ taskForceSlug }) }),
    ]);
}

interface FormProps {
  taskForceSlug: string;
  roundId: string;
  element: ConsensusElement;
  stages: readonly FrameworkStage[];
}

/** What differs between the agreed-stage and the target forms: their words, values and mutation. */
interface StageNoteFormProps {
  stages: readonly FrameworkStage[];
  formLabel: string;
  stageLabel: string;
  stageHint: string;
  submitLabel: string;
  savedText: string;
  defaultStage: number | null;
  defaultNote: string;
  noteRows: number;
  mutation: {
    isPending: boolean;
    error: Parameters<typeof fieldErrorsOf>[0];
    save: (values: { stage: number | null; note: string }, onSaved: () => void) => void;
  };
}

/** A stage (or none) with a note, saved through the given mutation; input stays when refused. */
function StageNoteForm(props: StageNoteFormProps) {
  const t = useTranslations("assessmentResults");
  const [saved, setSaved] = useState(false);
  const errors = fieldErrorsOf(props.mutation.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved(false);
    props.mutation.save({ stage: stageFrom(form), note: formText(form, "note") }, () => setSaved(true));
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={props.formLabel}>
      <FormError error={props.mutation.error} />
      {saved && <SuccessMessage>{props.savedText}</SuccessMessage>}
      <Field label={props.stageLabel} name="stage" hint={props.stageHint} errors={errors}>
        {(control) => <StageSelect control={control} stages={props.stages} defaultValue={props.defaultStage} />}
      </Field>
      <Field label={t("note")} name="note" hint={t("noteHint")} errors={errors}>
        {(control) => <textarea {...control} rows={props.noteRows} defaultValue={props.defaultNote} />}
      </Field>
      <div>
        <button type="submit" disabled={props.mutation.isPending}>
          {props.mutation.isPending ? t("saving") : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function AgreedStageForm({ taskForceSlug, roundId, element, stages }: FormProps) {
  const t = useTranslations("assessmentResults");
  const trpc = useTRPC();
  const invalidate = useInvalidateResults(taskForceSlug, roundId);
  const record = useMutation(trpc.assessment.recordAgreedStage.mutationOptions({ onSuccess: invalidate }));
  return (
    <StageNoteForm
      stages={stages}
      formLabel={t("agreedForm", { element: element.name })}
      stageLabel={t("agreedStage")}
      stageHint={t("agreedStageHint")}
      submitLabel={t("saveAgreed")}
      savedText={t("agreedSaved", { element: element.name })}
      defaultStage={element.agreed?.stage ?? null}
      defaultNote={element.agreed?.note ?? ""}
      noteRows={3}
      mutation={{
        isPending: record.isPending,
        error: record.error,
        save: (values, onSaved) =>
          record.mutate({ taskForceSlug, roundId, elementKey: element.key, ...values }, { onSuccess: onSaved }),
      }}
    />
  );
}

function TargetForm({ taskForceSlug, roundId, element, stages }: FormProps) {
  const t = useTranslations("assessmentResults");
  const trpc = useTRPC();
  const invalidate = useInvalidateResults(taskForceSlug, roundId);
  const setTarget = useMutation(trpc.assessment.setTarget.mutationOptions({ onSuccess: invalidate }));
  return (
    <StageNoteForm
      stages={stages}
      formLabel={t("targetForm", { element: element.name })}
      stageLabel={t("targetStage")}
      stageHint={t("targetHint")}
      submitLabel={t("saveTarget")}
      savedText={t("targetSaved", { element: element.name })}
      defaultStage={element.target?.stage ?? null}
      defaultNote={element.target?.note ?? ""}
      noteRows={2}
      mutation={{
        isPending: setTarget.isPending,
        error: setTarget.error,
        save: (values, onSaved) => setTarget.mutate({ taskForceSlug, elementKey: element.key, ...values }, { onSuccess: onSaved }),
      }}
    />
  );
}
